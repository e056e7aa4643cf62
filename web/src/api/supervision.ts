// Committee members' regular supervision (issue #4 point 6): areas, reports, missing list, compilation.
import type {
  AreaCreate,
  AreaUpdate,
  Candidate,
  PeriodStatus,
  ReportSubmit,
  SettingInput,
  SupervisionArea,
  SupervisionPeriod,
  SupervisionReport,
  SupervisionSetting,
} from '../../../common/supervision.ts';
import { api, download } from './client.ts';

const period = (orgId: string, year: number, p: SupervisionPeriod) =>
  new URLSearchParams({ orgId, year: String(year), period: p }).toString();

export const supervisionApi = {
  areas: (q: { orgId?: string; mine?: boolean }) => {
    const params = new URLSearchParams();
    if (q.orgId) params.set('orgId', q.orgId);
    if (q.mine) params.set('mine', 'true');
    return api.get<{ items: SupervisionArea[] }>(`/api/v1/supervision-areas?${params}`);
  },
  candidates: (orgId: string) => api.get<{ items: Candidate[] }>(`/api/v1/supervision-areas/candidates?orgId=${orgId}`),
  createArea: (body: AreaCreate) => api.post<SupervisionArea>('/api/v1/supervision-areas', body),
  updateArea: (id: string, body: AreaUpdate) => api.patch<SupervisionArea>(`/api/v1/supervision-areas/${id}`, body),
  submit: (areaId: string, body: ReportSubmit) => api.post<SupervisionReport>(`/api/v1/supervision-areas/${areaId}/reports`, body),
  areaReports: (areaId: string, year: number) =>
    api.get<{ items: SupervisionReport[] }>(`/api/v1/supervision-areas/${areaId}/reports?year=${year}`),
  report: (id: string) => api.get<SupervisionReport>(`/api/v1/supervision-reports/${id}`),
  status: (orgId: string, year: number, p: SupervisionPeriod) =>
    api.get<PeriodStatus>(`/api/v1/supervision-reports?${period(orgId, year, p)}`),
  compile: (orgId: string, year: number, p: SupervisionPeriod) =>
    api.post<PeriodStatus>('/api/v1/supervision-reports/compilations', { orgId, year, period: p }),
  setting: (orgId: string) => api.get<SupervisionSetting>(`/api/v1/supervision-settings/${orgId}`),
  saveSetting: (orgId: string, body: SettingInput) => api.put<SupervisionSetting>(`/api/v1/supervision-settings/${orgId}`, body),
  downloadCompiled: (orgId: string, year: number, p: SupervisionPeriod) =>
    download(`/api/v1/supervision-reports/compiled?${period(orgId, year, p)}`, `bao-cao-tong-hop-giam-sat-${year}.docx`),
};
