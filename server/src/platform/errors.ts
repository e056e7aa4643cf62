// Application errors carry an HTTP status, a stable code and a Vietnamese message for the user.
import type { ErrorCode } from '../../../common/errors.ts';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  totp_required: 403,
  password_change_required: 403,
  totp_enrolment_required: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.code = code;
    this.status = STATUS[code];
    this.fields = fields;
  }
}

export const notFound = (what = 'Bản ghi') => new AppError('not_found', `${what} không tồn tại hoặc bạn không có quyền xem.`);
export const forbidden = (why = 'Bạn không có quyền thực hiện thao tác này.') => new AppError('forbidden', why);
export const conflict = (why = 'Bản ghi đã được người khác sửa. Vui lòng tải lại rồi thử lại.') => new AppError('conflict', why);
export const invalid = (field: string, message: string) => new AppError('validation', message, { [field]: message });
