// Documents generated from a case in the Party's format (domain.md §3; Hướng dẫn 36-HD/VPTW): their
// types, the symbol each is numbered under, and the request/response shapes the server and web share.
import { z } from 'zod';

export const DOC_TYPES = [
  'decision',
  'plan',
  'outline',
  'minutes_handover',
  'minutes_work',
  'minutes_meeting',
  'results_report',
  'conclusion_notice',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** Short labels for lists; the document's own title depends on the kind of case (see the domain composer). */
export const DOC_TYPE_LABELS: Record<DocType, string> = {
  decision: 'Quyết định thành lập đoàn',
  plan: 'Kế hoạch',
  outline: 'Đề cương báo cáo',
  minutes_handover: 'Biên bản triển khai',
  minutes_work: 'Biên bản làm việc',
  minutes_meeting: 'Biên bản hội nghị',
  results_report: 'Báo cáo kết quả',
  conclusion_notice: 'Thông báo kết luận, kết quả',
};

/**
 * The symbol a type is numbered under ("Số 12-QĐ/UBKTĐU"). The outline (đề cương) is not numbered: it
 * is issued as an annex of the plan and names the plan's number ("Kèm theo Kế hoạch số …").
 */
/** The types of which a case may hold several documents, each with its own number. */
export const MULTI_SESSION_TYPES: readonly DocType[] = ['minutes_work'];

export const DOC_SYMBOLS: Record<DocType, string | null> = {
  decision: 'QĐ',
  plan: 'KH',
  outline: null,
  minutes_handover: 'BB',
  minutes_work: 'BB',
  minutes_meeting: 'BB',
  results_report: 'BC',
  conclusion_notice: 'TB',
};

const isoDate = z.iso.date({ error: 'Ngày không hợp lệ (định dạng yyyy-mm-dd)' });

export const docGenerateSchema = z.object({
  docType: z.enum(DOC_TYPES, { error: 'Loại văn bản không hợp lệ' }),
  /** The date on the place-and-date line; by default the case's own date for this document, else today. */
  issuedOn: isoDate.optional(),
  /**
   * Working sessions are each minuted (domain.md §3, verification): `newSession` starts the minutes of
   * another session under a new number; `of` regenerates a given earlier document (its number kept).
   * Without either, a regeneration revises the newest document of the type.
   */
  newSession: z.boolean().optional(),
  of: z.uuid({ error: 'Mã văn bản không hợp lệ' }).optional(),
});
export type DocGenerate = z.infer<typeof docGenerateSchema>;

export const signedFileSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  at: z.string(),
});

export const caseDocumentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  docType: z.enum(DOC_TYPES),
  title: z.string(),
  revision: z.number().int(),
  number: z.number().int().nullable(),
  numberText: z.string().nullable(),
  year: z.number().int(),
  fileName: z.string(),
  size: z.number().int(),
  generatedAt: z.string(),
  signed: signedFileSchema.nullable(),
});
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

export const docSlotSchema = z.object({
  docType: z.enum(DOC_TYPES),
  label: z.string(),
  /** Whether a document of this type can be generated now; `reason` says why not. */
  available: z.boolean(),
  reason: z.string().nullable(),
  numbered: z.boolean(),
  /** Newest revision first. */
  revisions: z.array(caseDocumentSchema),
});
export type DocSlot = z.infer<typeof docSlotSchema>;

export const caseDocumentsSchema = z.object({
  caseId: z.string(),
  items: z.array(docSlotSchema),
});
export type CaseDocuments = z.infer<typeof caseDocumentsSchema>;

export const DOCUMENTS_AUDIT_LABELS: Record<string, string> = {
  'document.generate': 'Tạo văn bản của cuộc kiểm tra, giám sát',
  'document.sign_upload': 'Tải lên bản ký của văn bản',
  'document.download': 'Tải về văn bản có độ mật',
  'document.signed_download': 'Tải về bản ký của văn bản có độ mật',
};
