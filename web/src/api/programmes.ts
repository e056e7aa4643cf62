// Programmes of inspection and supervision and their items (docs/api.md, "Programmes"), and opening a
// case from an approved item (the cases API).
import type {
  ItemInput,
  ItemUpdate,
  Programme,
  ProgrammeInput,
  ProgrammeItem,
  ProgrammeRevision,
  ProgrammeSummary,
  ProgrammeUpdate,
} from '../../../common/programmes.ts';
import { api, qs } from './client.ts';

const P = '/api/v1/programmes';
const one = (id: string) => `${P}/${encodeURIComponent(id)}`;
const item = (id: string) => `/api/v1/programme-items/${encodeURIComponent(id)}`;

export const programmesApi = {
  list: (p: { orgId?: string; year?: number }) => api.get<{ items: ProgrammeSummary[] }>(`${P}${qs({ ...p })}`),
  get: (id: string) => api.get<Programme>(one(id)),
  create: (body: ProgrammeInput) => api.post<Programme>(P, body),
  update: (id: string, body: ProgrammeUpdate) => api.patch<Programme>(one(id), body),
  approve: (id: string, body: { decisionNo: string | null; version: number }) => api.post<Programme>(`${one(id)}/approve`, body),
  amend: (id: string, body: { reason: string; version: number }) => api.post<Programme>(`${one(id)}/amend`, body),
  revision: (id: string, revision: number) => api.get<ProgrammeRevision>(`${one(id)}/revisions/${revision}`),
  addItem: (id: string, body: ItemInput) => api.post<ProgrammeItem>(`${one(id)}/items`, body),
  updateItem: (id: string, body: ItemUpdate) => api.patch<ProgrammeItem>(item(id), body),
  cancelItem: (id: string, body: { reason: string; version: number }) => api.post<ProgrammeItem>(`${item(id)}/cancel`, body),
  /** Opens the case of an approved item: it takes its kind, subject, topic and body from the item. */
  openCase: (programmeItemId: string) => api.post<{ id: string }>('/api/v1/cases', { programmeItemId }),
};
