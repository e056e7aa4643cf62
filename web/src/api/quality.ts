// Data quality ("đúng, đủ, sạch, sống", docs/api.md "Registry: data quality"): counts per unit, the
// members behind a count, suspected duplicates. Schemas in common/quality.ts.
import type { z } from 'zod';
import type { duplicatesSchema, QualityIssue, QualityMember, QualitySummary } from '../../../common/quality.ts';
import { api, qs } from './client.ts';
import type { Page } from './users.ts';

const Q = '/api/v1/quality';

export const qualityApi = {
  summary: (orgId: string) => api.get<QualitySummary>(`${Q}${qs({ orgId })}`),
  members: (p: { orgId: string; issue: QualityIssue; page: number; pageSize: number }) =>
    api.get<Page<QualityMember>>(`${Q}/members${qs(p)}`),
  duplicates: (orgId: string) => api.get<z.infer<typeof duplicatesSchema>>(`${Q}/duplicates${qs({ orgId })}`),
};
