// Complaints about discipline (issue #5 point 5): list, file (accepted or refused with its grounds),
// read, resolve; and the search for the decision a complaint is about.
import type {
  ComplaintDetail,
  ComplaintFile,
  ComplaintList,
  ComplaintResolve,
  ComplaintStatus,
  DecisionCandidate,
} from '../../../common/discipline-complaints.ts';
import { api, qs } from './client.ts';

export interface ComplaintFilter {
  orgId?: string;
  status?: ComplaintStatus;
  page?: number;
  pageSize?: number;
}

export const disciplineComplaintsApi = {
  list: (f: ComplaintFilter, signal?: AbortSignal) =>
    api.get<ComplaintList>(`/api/v1/discipline/complaints${qs({ orgId: f.orgId, status: f.status, page: f.page, pageSize: f.pageSize })}`, {
      signal,
    }),
  candidates: (q: string, signal?: AbortSignal) =>
    api.get<{ items: DecisionCandidate[] }>(`/api/v1/discipline/complaints/decision-candidates${qs({ q })}`, { signal }),
  file: (body: ComplaintFile) => api.post<ComplaintDetail>('/api/v1/discipline/complaints', body),
  get: (id: string) => api.get<ComplaintDetail>(`/api/v1/discipline/complaints/${id}`),
  resolve: (id: string, body: ComplaintResolve) => api.post<ComplaintDetail>(`/api/v1/discipline/complaints/${id}/resolve`, body),
};
