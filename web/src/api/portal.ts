// The public portal's client (/api/v1/portal, no account; common/portal-api.ts). Every call omits
// cookies: an officer signed in on the same browser must not attach a session to a citizen's letter,
// and nothing a portal call sends or receives is kept anywhere but in the page's memory. The receipt
// code and the secret travel only in request bodies, never in a URL.

import type { z } from 'zod';
import type {
  PortalChallenge,
  PortalReceipt,
  PortalStatus,
  PortalSubmission,
  portalBodySchema,
  portalMessageRequestSchema,
} from '../../../common/portal-api.ts';
import { ApiError, dispositionName, qs } from './client.ts';

export type PortalBody = z.infer<typeof portalBodySchema>;
export type PortalMessageRequest = z.input<typeof portalMessageRequestSchema>;
export interface PortalCredentials {
  receiptCode: string;
  secret: string;
}

const OFFLINE = () => new ApiError(0, 'unavailable', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');

async function toError(res: Response): Promise<ApiError> {
  const data = (await res.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string; fields?: Record<string, string> } }
    | undefined;
  const e = data?.error;
  const fields = { ...(e?.fields ?? {}) };
  // The throttle's wait: the header when the body does not carry it.
  const retry = res.headers.get('retry-after');
  if (res.status === 429 && retry && !fields.retryAfterSeconds) fields.retryAfterSeconds = retry;
  if (e && typeof e.message === 'string') return new ApiError(res.status, e.code ?? 'internal', e.message, fields);
  if (res.status === 429) return new ApiError(429, 'rate_limited', 'Quá nhiều yêu cầu. Vui lòng chờ rồi thử lại.', fields);
  if (res.status === 413) return new ApiError(413, 'too_large', 'Tệp đính kèm quá lớn. Vui lòng bớt hoặc thu nhỏ tệp rồi gửi lại.');
  if (res.status >= 500) return new ApiError(res.status, 'internal', `Máy chủ gặp lỗi (mã ${res.status}). Vui lòng thử lại sau.`);
  return new ApiError(res.status, 'internal', `Yêu cầu không thành công (mã ${res.status}).`);
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw OFFLINE();
  }
  if (!res.ok) throw await toError(res);
  return res;
}

async function json<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await send(path, { ...init, headers: { accept: 'application/json', ...(init.headers ?? {}) } });
  return (await res.json()) as T;
}

const postJson = <T>(path: string, body: unknown, signal?: AbortSignal) =>
  json<T>(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, signal });

/** A multipart request: the JSON field first (the server reads it before the files), then the `file` parts. */
function multipart<T>(path: string, field: string, value: unknown, files: readonly File[]): Promise<T> {
  const form = new FormData();
  form.append(field, JSON.stringify(value));
  for (const f of files) form.append('file', f, f.name);
  return json<T>(path, { method: 'POST', body: form });
}

export const portalApi = {
  challenge: (action: 'submit' | 'status', signal?: AbortSignal) =>
    json<PortalChallenge>(`/api/v1/portal/challenge${qs({ action })}`, { signal }),
  bodies: (q: string, signal?: AbortSignal) => json<{ items: PortalBody[] }>(`/api/v1/portal/bodies${qs({ q: q.trim() })}`, { signal }),
  submit: (petition: PortalSubmission, files: readonly File[]) =>
    multipart<PortalReceipt>('/api/v1/portal/petitions', 'petition', petition, files),
  status: (creds: PortalCredentials, pow: { challenge: string; nonce: string }) =>
    postJson<PortalStatus>('/api/v1/portal/status', { ...creds, pow }),
  sendMessage: (message: PortalMessageRequest, files: readonly File[]) =>
    multipart<PortalStatus>('/api/v1/portal/messages', 'message', message, files),
  /** Fetches an attachment and hands it to the browser to save: never opened inline. */
  async download(fileId: string, creds: PortalCredentials, fallbackName: string): Promise<void> {
    const res = await send(`/api/v1/portal/files/${encodeURIComponent(fileId)}`, {
      method: 'POST',
      body: JSON.stringify(creds),
      headers: { 'content-type': 'application/json' },
    });
    const blob = await res.blob();
    const url = URL.createObjectURL(new Blob([blob], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = dispositionName(res.headers.get('content-disposition'), fallbackName);
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
