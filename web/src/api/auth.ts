// Authentication endpoints and the session query the whole app reads.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Me, SessionStage, TOKEN_SCOPES, tokenSchema } from '../../../common/auth.ts';
import { api } from './client.ts';

export type Token = z.infer<typeof tokenSchema>;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const A = '/api/v1/auth';

export const ME_KEY = ['me'] as const;

/** The current session; a 401 is an answer here (signed out), not a redirect. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: () => api.get<Me>(`${A}/me`, { redirect: false }),
    staleTime: 60_000,
    retry: false,
  });
}

/** The page a session in this stage must go to next. */
export function stagePath(stage: SessionStage): string {
  switch (stage) {
    case 'password_change':
      return '/doi-mat-khau';
    case 'totp_enrol':
      return '/xac-thuc-hai-lop/dang-ky';
    case 'totp':
      return '/xac-thuc-hai-lop';
    default:
      return '/';
  }
}

interface StageAnswer {
  stage: SessionStage;
}

export const authApi = {
  login: (username: string, password: string) => api.post<StageAnswer>(`${A}/login`, { username, password }, { redirect: false }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<StageAnswer>(`${A}/password`, { currentPassword, newPassword }),
  enrolStart: () => api.post<{ secret: string; otpauthUrl: string; qrDataUrl: string }>(`${A}/totp/enrol/start`),
  enrolConfirm: (code: string) => api.post<StageAnswer & { recoveryCodes: string[] }>(`${A}/totp/enrol/confirm`, { code }),
  verifyTotp: (body: { code: string } | { recoveryCode: string }) => api.post<StageAnswer>(`${A}/totp`, body),
  logout: () => api.post<void>(`${A}/logout`, undefined, { redirect: false }),
  logoutAll: () => api.post<void>(`${A}/logout-all`, undefined, { redirect: false }),
  listTokens: () => api.get<{ items: Token[] }>(`${A}/tokens`),
  createToken: (body: { name: string; scopes: TokenScope[]; expiresInDays: number }) =>
    api.post<{ token: string; item: Token }>(`${A}/tokens`, body),
  revokeToken: (id: string) => api.del<void>(`${A}/tokens/${encodeURIComponent(id)}`),
};
