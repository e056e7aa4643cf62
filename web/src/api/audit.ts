// Audit log endpoints.
import type { AuditEntry, AuditVerifyResult } from '../../../common/audit.ts';
import { api, qs } from './client.ts';
import type { Page } from './users.ts';

export const auditApi = {
  list: (page: number, pageSize: number, action?: string) => api.get<Page<AuditEntry>>(`/api/v1/audit${qs({ page, pageSize, action })}`),
  verify: () => api.post<AuditVerifyResult>('/api/v1/audit/verify'),
};
