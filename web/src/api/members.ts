// Registry of members (docs/api.md, "Registry: members"): list, profile, edits, transfers, posts,
// relatives, the audited CCCD reveal and the merge of two records.
import type { z } from 'zod';
import type {
  MemberInput,
  MemberListItem,
  Member as MemberRecord,
  memberUpdateSchema,
  postInputSchema,
  relativeInputSchema,
} from '../../../common/members.ts';
import { api, qs } from './client.ts';
import type { Page } from './users.ts';

export type Member = MemberRecord;
export type MemberPost = Member['posts'][number];
export type MemberRelative = Member['relatives'][number];
export type MemberTransfer = Member['transfers'][number];
export type MemberUpdate = z.input<typeof memberUpdateSchema>;
export type PostInput = z.input<typeof postInputSchema>;
export type RelativeInput = z.input<typeof relativeInputSchema>;

export type MemberSort = 'name' | 'birthDate' | 'admittedOn';
export interface MemberFilters {
  q?: string;
  orgId?: string;
  status?: string;
  post?: string;
  sort?: MemberSort;
  order?: 'asc' | 'desc';
}
export interface MemberListParams extends MemberFilters {
  page: number;
  pageSize: number;
}

const M = '/api/v1/members';
const one = (id: string) => `${M}/${encodeURIComponent(id)}`;

export const membersApi = {
  list: (p: MemberListParams, signal?: AbortSignal) =>
    api.get<Page<MemberListItem> & { totalCapped?: boolean }>(`${M}${qs({ ...p })}`, { signal }),
  /** The export address for the same filters (every page). */
  exportPath: (f: MemberFilters) => `${M}/export${qs({ ...f })}`,
  get: (id: string) => api.get<Member>(one(id)),
  create: (body: MemberInput) => api.post<Member>(M, body),
  update: (id: string, body: MemberUpdate) => api.patch<Member>(one(id), body),
  revealCccd: (id: string, reason: string) => api.post<{ cccd: string }>(`${one(id)}/cccd`, { reason }),
  transfer: (id: string, body: { toOrgId: string; date: string; reason: string | null; version: number }) =>
    api.post<Member>(`${one(id)}/transfer`, body),
  addPost: (id: string, body: PostInput) => api.post<Member>(`${one(id)}/posts`, body),
  endPost: (id: string, postId: string, toDate: string) => api.patch<Member>(`${one(id)}/posts/${encodeURIComponent(postId)}`, { toDate }),
  addRelative: (id: string, body: RelativeInput) => api.post<Member>(`${one(id)}/relatives`, body),
  removeRelative: (id: string, relativeId: string) => api.del<Member>(`${one(id)}/relatives/${encodeURIComponent(relativeId)}`),
  merge: (body: { keepId: string; mergeId: string; reason: string }) => api.post<Member>(`${M}/merge`, body),
};
