// Cases (cuộc kiểm tra, giám sát; docs/api.md, "Cases"): list, open, run step by step, team, files, conclusion.
import type { z } from 'zod';
import type {
  CaseConclusionInput,
  CaseCreate,
  CaseDetail,
  CaseList,
  caseAdvanceSchema,
  caseDecisionSchema,
  caseExtendSchema,
  caseReasonSchema,
  teamSeatInputSchema,
} from '../../../common/case-api.ts';
import { ApiError, api, errorMessage, qs, readCookie } from './client.ts';

export type { CaseDetail, CaseList };
export type CaseListItem = CaseList['items'][number];
export interface CaseFilters {
  orgId?: string;
  year?: number;
  kind?: string;
  status?: string;
  step?: string;
  overdue?: boolean;
  proposeDiscipline?: boolean;
}

const C = '/api/v1/cases';
const one = (id: string) => `${C}/${encodeURIComponent(id)}`;

export const casesApi = {
  list: (f: CaseFilters & { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<CaseList>(
      `${C}${qs({
        ...f,
        overdue: f.overdue === undefined ? undefined : String(f.overdue),
        proposeDiscipline: f.proposeDiscipline === undefined ? undefined : String(f.proposeDiscipline),
      })}`,
      { signal },
    ),
  get: (id: string) => api.get<CaseDetail>(one(id)),
  create: (body: CaseCreate) => api.post<CaseDetail>(C, body),
  decide: (id: string, body: z.input<typeof caseDecisionSchema>) => api.post<CaseDetail>(`${one(id)}/decision`, body),
  advance: (id: string, body: z.input<typeof caseAdvanceSchema>) => api.post<CaseDetail>(`${one(id)}/advance`, body),
  status: (id: string, action: 'suspend' | 'resume' | 'cancel', body: z.input<typeof caseReasonSchema>) =>
    api.post<CaseDetail>(`${one(id)}/${action}`, body),
  extend: (id: string, body: z.input<typeof caseExtendSchema>) => api.post<CaseDetail>(`${one(id)}/extend`, body),
  addSeat: (id: string, body: z.input<typeof teamSeatInputSchema>) => api.post<CaseDetail>(`${one(id)}/team`, body),
  removeSeat: (id: string, seatId: string, version: number) =>
    api.del<CaseDetail>(`${one(id)}/team/${encodeURIComponent(seatId)}${qs({ version })}`),
  conclude: (id: string, body: CaseConclusionInput) => api.post<CaseDetail>(`${one(id)}/conclusion`, body),
  escalate: (id: string) => api.post<CaseDetail>(`${one(id)}/escalate`, {}),
  attachmentPath: (attachmentId: string) => `/api/v1/case-attachments/${encodeURIComponent(attachmentId)}/file`,
  attach: (id: string, file: File, fields: { title: string; kind: string; stepId?: string }) =>
    uploadWithFields<CaseDetail>(`${one(id)}/attachments`, file, fields),
};

/** Multipart upload with text fields before the file (the server reads them in order). */
async function uploadWithFields<T>(path: string, file: File, fields: Record<string, string | undefined>): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v);
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = readCookie('ktgs_csrf');
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError(0, 'unavailable', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  const data = (await res.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string; fields?: Record<string, string> } }
    | undefined;
  if (res.ok) return data as T;
  const e = data?.error;
  throw new ApiError(res.status, e?.code ?? 'internal', e?.message ?? errorMessage(null), e?.fields ?? {});
}
