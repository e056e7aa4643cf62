// Coverage against the yearly targets, the planner's proposals, the inspection dashboard (issue #4).
import type { CoverageView, DashboardView, ProposalsView } from '../../../common/coverage.ts';
import { api } from './client.ts';

const qs = (p: Record<string, string | number>) => new URLSearchParams(Object.entries(p).map(([k, v]) => [k, String(v)])).toString();

export const coverageApi = {
  coverage: (orgId: string, year: number) => api.get<CoverageView>(`/api/v1/coverage?${qs({ orgId, year })}`),
  proposals: (orgId: string, year: number, limit = 20) =>
    api.get<ProposalsView>(`/api/v1/coverage/proposals?${qs({ orgId, year, limit })}`),
  dashboard: (orgId: string, year: number) => api.get<DashboardView>(`/api/v1/inspection/dashboard?${qs({ orgId, year })}`),
};
