// The discipline API as these pages call it: engineer B's client (web/src/api/discipline.ts) plus the
// decision document of common/discipline-documents.ts (generate, download path).
import type { DisciplineDocGenerate, DisciplineDocument } from '../../../../common/discipline-documents.ts';
import { api } from '../../api/client.ts';
import { disciplineApi } from '../../api/discipline.ts';

export type {
  DisciplineDecision,
  MatterDetail,
  MatterFilters,
  MatterList,
  MatterListItem,
  MemberDiscipline,
} from '../../api/discipline.ts';

const decision = (id: string) => `/api/v1/discipline/decisions/${encodeURIComponent(id)}`;

export const disciplineClient = {
  ...disciplineApi,
  patch: disciplineApi.update,
  patchDecision: disciplineApi.updateDecision,
  generateDocument: (id: string, body: DisciplineDocGenerate = {}) => api.post<DisciplineDocument>(`${decision(id)}/document`, body),
  documentPath: (id: string) => `${decision(id)}/document`,
};

export const matterKey = (id: string) => ['discipline', 'matter', id] as const;
