// Organisation tree endpoints (scoped by the server to the caller's subtrees).
import type { OrgClose, OrgEvent, OrgMerge, OrgSplit } from '../../../common/org-lifecycle.ts';
import type { Org, OrgCreate, OrgUpdate } from '../../../common/orgs.ts';
import { api, qs } from './client.ts';

const O = '/api/v1/orgs';

export const orgsApi = {
  roots: () => api.get<{ items: Org[] }>(`${O}/roots`),
  children: (parentId: string) => api.get<{ items: Org[] }>(`${O}${qs({ parentId })}`),
  search: (q: string, signal?: AbortSignal) => api.get<{ items: Org[] }>(`${O}/search${qs({ q })}`, { signal }),
  get: (id: string) => api.get<Org>(`${O}/${encodeURIComponent(id)}`),
  create: (body: OrgCreate) => api.post<Org>(O, body),
  update: (id: string, body: OrgUpdate) => api.patch<Org>(`${O}/${encodeURIComponent(id)}`, body),
};

export const orgLifecycleApi = {
  events: (id: string) => api.get<{ items: OrgEvent[] }>(`${O}/${encodeURIComponent(id)}/events`),
  close: (id: string, body: OrgClose) => api.post<Org>(`${O}/${encodeURIComponent(id)}/close`, body),
  merge: (body: OrgMerge) => api.post<Org>(`${O}/merge`, body),
  split: (id: string, body: OrgSplit) => api.post<Org[]>(`${O}/${encodeURIComponent(id)}/split`, body),
};
