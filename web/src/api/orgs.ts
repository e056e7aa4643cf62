// Organisation tree endpoints (scoped by the server to the caller's subtrees).
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
