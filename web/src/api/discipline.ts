// Discipline matters (issue #5): list, open, violations, circumstances, meeting and ballots, decision, the
// member's history, internal publication and counts, the decision's DOCX. Types come from common/discipline-api.ts.
import type { z } from 'zod';
import type {
  Assessment,
  DisciplineDecision,
  DisciplineStats,
  decisionCreateSchema,
  decisionPatchSchema,
  MatterDetail,
  MatterList,
  MemberDiscipline,
  matterCreateSchema,
  matterPatchSchema,
  meetingCreateSchema,
  PublishedList,
  violationCreateSchema,
} from '../../../common/discipline-api.ts';
import type { DisciplineDocGenerate, DisciplineDocument } from '../../../common/discipline-documents.ts';
import { api, qs } from './client.ts';

export type { Assessment, DisciplineDecision, DisciplineStats, MatterDetail, MatterList, MemberDiscipline, PublishedList };
export type MatterListItem = MatterList['items'][number];
export type MatterViolation = MatterDetail['violations'][number];
export type MatterMeeting = MatterDetail['meetings'][number];
export type DecisionTask = DisciplineDecision['tasks'][number];

export interface MatterFilters {
  orgId?: string;
  year?: number;
  status?: string;
}

const M = '/api/v1/discipline/matters';
const one = (id: string) => `${M}/${encodeURIComponent(id)}`;
const decision = (id: string) => `/api/v1/discipline/decisions/${encodeURIComponent(id)}`;

export const disciplineApi = {
  list: (f: MatterFilters & { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<MatterList>(`${M}${qs({ ...f })}`, { signal }),
  get: (id: string) => api.get<MatterDetail>(one(id)),
  create: (body: z.input<typeof matterCreateSchema>) => api.post<MatterDetail>(M, body),
  update: (id: string, body: z.input<typeof matterPatchSchema>) => api.patch<MatterDetail>(one(id), body),
  addViolation: (id: string, body: z.input<typeof violationCreateSchema>) => api.post<MatterDetail>(`${one(id)}/violations`, body),
  removeViolation: (id: string, violationId: string, version: number) =>
    api.del<MatterDetail>(`${one(id)}/violations/${encodeURIComponent(violationId)}${qs({ version })}`),
  recordMeeting: (id: string, body: z.input<typeof meetingCreateSchema>) => api.post<MatterDetail>(`${one(id)}/meetings`, body),
  decide: (id: string, body: z.input<typeof decisionCreateSchema>) => api.post<MatterDetail>(`${one(id)}/decision`, body),
  getDecision: (id: string) => api.get<DisciplineDecision>(decision(id)),
  updateDecision: (id: string, body: z.input<typeof decisionPatchSchema>) => api.patch<DisciplineDecision>(decision(id), body),
  memberHistory: (memberId: string, signal?: AbortSignal) =>
    api.get<MemberDiscipline>(`/api/v1/members/${encodeURIComponent(memberId)}/discipline`, { signal }),
  published: (orgId?: string) => api.get<PublishedList>(`/api/v1/discipline/published${qs({ orgId })}`),
  stats: (year: number, orgId?: string) => api.get<DisciplineStats>(`/api/v1/discipline/stats${qs({ year, orgId })}`),
  /** The decision as DOCX in the Party's format: generate (or regenerate) it, and where to download it. */
  generateDocument: (id: string, body: DisciplineDocGenerate = {}) => api.post<DisciplineDocument>(`${decision(id)}/document`, body),
  documentPath: (id: string) => `${decision(id)}/document`,
};

export const matterKey = (id: string) => ['discipline', 'matter', id] as const;
