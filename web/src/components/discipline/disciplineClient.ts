// The discipline API as the pages of issue #5 call it (contract: common/discipline-api.ts and
// common/discipline-documents.ts). Written against the contract while engineer B's web/src/api/discipline.ts
// was not there. Mutations answer with whatever the server sends; the pages refetch the matter after each.
import type { z } from 'zod';
import type {
  DecisionCreate,
  DisciplineDecision,
  MatterDetail,
  MatterList,
  MemberDiscipline,
  matterCreateSchema,
  matterPatchSchema,
  meetingCreateSchema,
  violationCreateSchema,
} from '../../../../common/discipline-api.ts';
import type { DisciplineDocGenerate, DisciplineDocument } from '../../../../common/discipline-documents.ts';
import { api, qs } from '../../api/client.ts';

export type { DisciplineDecision, MatterDetail, MatterList, MemberDiscipline };
export type MatterListItem = MatterList['items'][number];
export interface MatterFilters {
  orgId?: string;
  year?: number;
  status?: string;
}

const M = '/api/v1/discipline/matters';
const one = (id: string) => `${M}/${encodeURIComponent(id)}`;
const decision = (id: string) => `/api/v1/discipline/decisions/${encodeURIComponent(id)}`;

export const disciplineClient = {
  list: (f: MatterFilters & { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<MatterList>(`${M}${qs({ ...f })}`, { signal }),
  get: (id: string) => api.get<MatterDetail>(one(id)),
  create: (body: z.input<typeof matterCreateSchema>) => api.post<MatterDetail>(M, body),
  patch: (id: string, body: z.input<typeof matterPatchSchema>) => api.patch<unknown>(one(id), body),
  addViolation: (id: string, body: z.input<typeof violationCreateSchema>) => api.post<unknown>(`${one(id)}/violations`, body),
  removeViolation: (id: string, violationId: string, version: number) =>
    api.del<unknown>(`${one(id)}/violations/${encodeURIComponent(violationId)}${qs({ version })}`),
  recordMeeting: (id: string, body: z.input<typeof meetingCreateSchema>) => api.post<unknown>(`${one(id)}/meetings`, body),
  decide: (id: string, body: DecisionCreate) => api.post<unknown>(`${one(id)}/decision`, body),
  patchDecision: (
    id: string,
    body: { announcedOn?: string; publishInternally?: boolean; tasks?: { id: string; doneOn: string | null }[]; version: number },
  ) => api.patch<unknown>(decision(id), body),
  generateDocument: (id: string, body: DisciplineDocGenerate = {}) => api.post<DisciplineDocument>(`${decision(id)}/document`, body),
  documentPath: (id: string) => `${decision(id)}/document`,
  memberHistory: (memberId: string) => api.get<MemberDiscipline>(`/api/v1/members/${encodeURIComponent(memberId)}/discipline`),
};

export const matterKey = (id: string) => ['discipline', 'matter', id] as const;
