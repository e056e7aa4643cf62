// Remediation follow-up (issue #4 point 5): items of conclusions, their evidence, their status.
import type { RemediationDetail, RemediationList, RemediationStatus, RemediationUpdate } from '../../../common/remediation.ts';
import { api, download, qs, upload } from './client.ts';

export interface RemediationFilter {
  orgId?: string;
  caseId?: string;
  status?: RemediationStatus;
  overdue?: boolean;
  ownerMe?: boolean;
  page?: number;
  pageSize?: number;
}

export const remediationApi = {
  list: (f: RemediationFilter, signal?: AbortSignal) =>
    api.get<RemediationList>(
      `/api/v1/remediation${qs({
        orgId: f.orgId,
        caseId: f.caseId,
        status: f.status,
        overdue: f.overdue ? 'true' : undefined,
        ownerMe: f.ownerMe ? 'true' : undefined,
        page: f.page,
        pageSize: f.pageSize,
      })}`,
      { signal },
    ),
  ofCase: (caseId: string) => api.get<RemediationList>(`/api/v1/cases/${caseId}/remediation`),
  get: (id: string) => api.get<RemediationDetail>(`/api/v1/remediation/${id}`),
  update: (id: string, body: RemediationUpdate) => api.patch<RemediationDetail>(`/api/v1/remediation/${id}`, body),
  addEvidence: (id: string, file: File) => upload<RemediationDetail>(`/api/v1/remediation/${id}/evidence`, file, file.name),
  downloadEvidence: (evidenceId: string, fileName: string) => download(`/api/v1/remediation-evidence/${evidenceId}/file`, fileName),
};
