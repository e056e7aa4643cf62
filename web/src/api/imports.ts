// Registry imports (docs/api.md, "Registry: imports"): templates, all-or-nothing uploads, recent runs
// and the row-by-row error report.
import { api, upload } from './client.ts';

export const IMPORT_KINDS = ['members', 'orgs', 'posts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = { members: 'Đảng viên', orgs: 'Tổ chức', posts: 'Chức vụ' };

export type ImportStatus = 'applied' | 'rejected' | 'unchanged';
export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  applied: 'Đã nhập',
  rejected: 'Bị từ chối',
  unchanged: 'Không có gì thay đổi',
};

export interface ImportRowError {
  row: number;
  /** The column header as the template writes it; empty for the whole row. */
  field: string;
  message: string;
}

export interface ImportResult {
  id: string;
  status: ImportStatus;
  rowsTotal: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Every error; `errors` lists the first thousand (the XLSX report has them all). */
  errorCount?: number;
  errors: ImportRowError[];
}

/** A past run as the list gives it; fields beyond the result are shown when the server sends them. */
export interface ImportRun extends Partial<Omit<ImportResult, 'id' | 'status'>> {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  fileName?: string;
  createdAt?: string;
  createdByName?: string | null;
  errorCount?: number;
}

const I = '/api/v1/imports';

export const importsApi = {
  templatePath: (kind: ImportKind) => `${I}/templates/${kind}`,
  upload: (kind: ImportKind, file: Blob, fileName: string) => upload<ImportResult>(`${I}/${kind}`, file, fileName),
  runs: () => api.get<{ items: ImportRun[] }>(I),
  reportPath: (id: string) => `${I}/${encodeURIComponent(id)}/report`,
};
