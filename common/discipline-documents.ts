// The discipline decision as a DOCX in the Party's format (issue #5 point 3): the request to generate
// it and what the server answers. Shared by the server routes and the web client.
import { z } from 'zod';

export const disciplineDocGenerateSchema = z.object({
  /** The date on the place-and-date line; the decision's date when omitted. */
  issuedOn: z.iso.date({ error: 'Ngày ban hành không hợp lệ' }).optional(),
});
export type DisciplineDocGenerate = z.infer<typeof disciplineDocGenerateSchema>;

export const disciplineDocumentSchema = z.object({
  decisionId: z.string(),
  number: z.number().int().nullable(),
  /** "3-QĐ/UBKTĐU": drawn from the issuing body's yearly sequence shared with case decisions. */
  numberText: z.string().nullable(),
  revision: z.number().int(),
  issuedOn: z.string(),
  title: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  /** The decision's version after generation (the number, revision and file are on the decision row). */
  version: z.number().int(),
});
export type DisciplineDocument = z.infer<typeof disciplineDocumentSchema>;

export const DISCIPLINE_DOCUMENT_AUDIT_LABELS: Record<string, string> = {
  'discipline_document.generate': 'Tạo quyết định kỷ luật (DOCX)',
  'discipline_document.download': 'Tải quyết định kỷ luật có độ mật',
};
