// User administration endpoints.
import type { User, UserCreate, UserUpdate } from '../../../common/users.ts';
import { api, qs } from './client.ts';

const U = '/api/v1/users';

export interface Page<T> {
  items: T[];
  total: number;
}

export const usersApi = {
  list: (q: string, page: number, pageSize: number) => api.get<Page<User>>(`${U}${qs({ q, page, pageSize })}`),
  get: (id: string) => api.get<User>(`${U}/${encodeURIComponent(id)}`),
  create: (body: UserCreate) => api.post<{ user: User; oneTimePassword: string }>(U, body),
  update: (id: string, body: UserUpdate) => api.patch<User>(`${U}/${encodeURIComponent(id)}`, body),
  resetPassword: (id: string) => api.post<{ oneTimePassword: string }>(`${U}/${encodeURIComponent(id)}/reset-password`),
  resetTotp: (id: string) => api.post<void>(`${U}/${encodeURIComponent(id)}/reset-totp`),
};
