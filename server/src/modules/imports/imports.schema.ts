// The imports' request and response shapes (docs/api.md, "Registry: imports").
import { z } from 'zod';
import { IMPORT_KINDS } from './templates.ts';

export const IMPORT_STATUSES = ['applied', 'rejected', 'unchanged'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const importKindParams = z.object({
  kind: z.enum(IMPORT_KINDS, { error: 'Loại dữ liệu nhập không hợp lệ: members (đảng viên), orgs (tổ chức) hoặc posts (chức vụ).' }),
});
export const importIdParams = z.object({ id: z.uuid({ error: 'Mã lần nhập không hợp lệ' }) });

export const importErrorSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
});

export const importResultSchema = z.object({
  id: z.uuid(),
  status: z.enum(IMPORT_STATUSES),
  rowsTotal: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** All errors; `errors` lists the first MAX_LISTED_ERRORS (the XLSX report has them all). */
  errorCount: z.number().int(),
  errors: z.array(importErrorSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importRunSchema = z.object({
  id: z.uuid(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  fileSha256: z.string(),
  status: z.enum(IMPORT_STATUSES),
  rowsTotal: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errorCount: z.number().int(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
});
export type ImportRun = z.infer<typeof importRunSchema>;

export const importRunListSchema = z.object({ items: z.array(importRunSchema) });

/** Errors returned inline; a file of 100,000 bad rows is read from its report, not from JSON. */
export const MAX_LISTED_ERRORS = 1000;
