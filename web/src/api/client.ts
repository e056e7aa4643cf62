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

const OFFLINE = () => new ApiError(0, 'unavailable', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
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
    throw OFFLINE();
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => undefined);
  if (res.ok) return data as T;
  throw failed(res.status, data, opts);
}

/** Turns a failed answer into an ApiError, after sending the browser where a lost session must go. */
function failed(status: number, data: unknown, opts: RequestOptions): ApiError {
  const err = toApiError(status, data);
  if (opts.redirect !== false) {
    if (err.status === 401) {
      onSessionLost();
      navigateTo(SIGN_IN_PATH);
    } else if (err.status === 403 && STAGE_ERROR_PATHS[err.code]) {
      navigateTo(STAGE_ERROR_PATHS[err.code] as string);
    }
  }
  return err;
}

/** Sends one file as multipart/form-data (field `file`), with the CSRF header like any other write. */
export async function upload<T>(path: string, file: Blob, fileName: string, opts: RequestOptions = {}): Promise<T> {
  const form = new FormData();
  form.append('file', file, fileName);
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = readCookie('ktgs_csrf');
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: form, signal: opts.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw OFFLINE();
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (res.ok) return data as T;
  throw failed(res.status, data, opts);
}

/** The file name a Content-Disposition header gives (RFC 6266 `filename*` first), or the fallback. */
export function dispositionName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a file (XLSX export, template, error report) through fetch, so that a refusal shows as a
 * Vietnamese message on the page instead of a raw JSON page, then hands it to the browser to save.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw OFFLINE();
  }
  if (!res.ok) throw failed(res.status, await res.json().catch(() => undefined), {});
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = dispositionName(res.headers.get('content-disposition'), fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The message the server gives for an address it does not know: that part of the API is not built yet. */
const ROUTE_NOT_FOUND = 'Không tìm thấy địa chỉ này.';
export function isNotWired(e: unknown): boolean {
  return e instanceof ApiError && e.status === 404 && e.message === ROUTE_NOT_FOUND;
}
export const NOT_WIRED_MESSAGE = 'Chức năng này chưa sẵn sàng trên máy chủ. Vui lòng quay lại sau khi hệ thống được cập nhật.';

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
  put: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
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
  if (isNotWired(e)) return NOT_WIRED_MESSAGE;
  if (e instanceof ApiError) return e.message;
  return 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.';
}
