// A case's generated documents (Party format DOCX), their revisions and signed scans.
import type { CaseDocument, CaseDocuments, DocType } from '../../../common/documents.ts';
import { api, upload } from './client.ts';

const id = (s: string) => encodeURIComponent(s);

export const documentsApi = {
  list: (caseId: string) => api.get<CaseDocuments>(`/api/v1/cases/${id(caseId)}/documents`),
  /** newSession: the minutes of another working session, under a new number. */
  generate: (caseId: string, docType: DocType, newSession?: boolean) =>
    api.post<CaseDocument>(`/api/v1/cases/${id(caseId)}/documents`, { docType, ...(newSession ? { newSession } : {}) }),
  filePath: (docId: string) => `/api/v1/case-documents/${id(docId)}/file`,
  signedPath: (docId: string) => `/api/v1/case-documents/${id(docId)}/signed`,
  uploadSigned: (docId: string, file: Blob, fileName: string) =>
    upload<CaseDocument>(`/api/v1/case-documents/${id(docId)}/signed`, file, fileName),
};

export const documentsKey = (caseId: string) => ['case-documents', caseId] as const;
