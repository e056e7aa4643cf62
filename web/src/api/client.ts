// Fetch wrapper for the KTGS API: same-origin cookies, CSRF header on writes, typed error envelope,
// and the redirects a session needs (sign in, forced password change, 2FA steps).
import type { ApiErrorBody } from '../../../common/errors.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** Where a 403 stage code sends the browser. */
export const STAGE_ERROR_PATHS: Record<string, string> = {
  password_change_required: '/doi-mat-khau',
  totp_enrolment_required: '/xac-thuc-hai-lop/dang-ky',
  totp_required: '/xac-thuc-hai-lop',
};
export const SIGN_IN_PATH = '/dang-nhap';

// The router registers its navigate function here so redirects stay inside the single-page app.
let navigateTo: (path: string) => void = (path) => window.location.assign(path);
let onSessionLost: () => void = () => {};
export function setNavigator(fn: (path: string) => void, sessionLost: () => void): void {
  navigateTo = fn;
  onSessionLost = sessionLost;
}

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export interface RequestOptions {
  /** false for calls whose 401/403 the page shows itself (sign in, session probe). */
  redirect?: boolean;
  signal?: AbortSignal;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (WRITE_METHODS.has(method)) {
    const csrf = readCookie('ktgs_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'unavailable', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => undefined);
  if (res.ok) return data as T;

  const err = toApiError(res.status, data);
  if (opts.redirect !== false) {
    if (err.status === 401) {
      onSessionLost();
      navigateTo(SIGN_IN_PATH);
    } else if (err.status === 403 && STAGE_ERROR_PATHS[err.code]) {
      navigateTo(STAGE_ERROR_PATHS[err.code] as string);
    }
  }
  throw err;
}

function toApiError(status: number, data: unknown): ApiError {
  const e = (data as Partial<ApiErrorBody> | undefined)?.error;
  if (e && typeof e.message === 'string') return new ApiError(status, e.code ?? 'internal', e.message, e.fields ?? {});
  if (status === 429) return new ApiError(status, 'rate_limited', 'Quá nhiều yêu cầu. Vui lòng chờ rồi thử lại.');
  if (status >= 500) return new ApiError(status, 'internal', `Máy chủ gặp lỗi (mã ${status}). Vui lòng thử lại sau.`);
  return new ApiError(status, 'internal', `Yêu cầu không thành công (mã ${status}).`);
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
};

/** Builds a query string, leaving out empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** An error's message for display, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.';
}
