// One error envelope for every failure: { error: { code, message, fields? } }, in Vietnamese.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiErrorBody, ErrorCode } from '../../../../common/errors.ts';
import { AppError } from '../errors.ts';

export function body(code: ErrorCode, message: string, fields?: Record<string, string>): ApiErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

const PG_MESSAGES: Record<string, [number, ErrorCode, string]> = {
  '23505': [409, 'conflict', 'Dữ liệu trùng với một bản ghi đã có.'],
  '23503': [409, 'conflict', 'Dữ liệu tham chiếu đến bản ghi không tồn tại hoặc đang được dùng.'],
  '42501': [403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này.'],
  '40001': [409, 'conflict', 'Dữ liệu vừa bị thay đổi đồng thời. Vui lòng thử lại.'],
  '40P01': [409, 'conflict', 'Dữ liệu vừa bị thay đổi đồng thời. Vui lòng thử lại.'],
};

const WHOLE_BODY = 'Thiếu dữ liệu gửi lên hoặc dữ liệu không đúng dạng (cần một đối tượng JSON).';

export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    if (err.code === 'rate_limited' && err.fields?.retryAfterSeconds) reply.header('retry-after', err.fields.retryAfterSeconds);
    return reply.status(err.status).send(body(err.code, err.message, err.fields));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: Record<string, string> = {};
    for (const v of err.validation) {
      const key =
        v.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
        ((v.params.issue as { path?: PropertyKey[] } | undefined)?.path ?? []).map(String).join('.') ||
        '_';
      // The whole body missing or not an object (no field to name): zod's own words are English.
      fields[key] ??= key === '_' ? WHOLE_BODY : (v.message ?? 'Giá trị không hợp lệ');
    }
    const first = Object.entries(fields)[0];
    return reply.status(400).send(body('validation', first ? `${first[1]} (trường ${first[0]})` : 'Dữ liệu không hợp lệ.', fields));
  }
  const pgCode = (err as { code?: string }).code;
  const mapped = pgCode ? PG_MESSAGES[pgCode] : undefined;
  if (mapped) return reply.status(mapped[0]).send(body(mapped[1], mapped[2]));
  const status = err.statusCode ?? 500;
  if (status === 429) return reply.status(429).send(body('rate_limited', 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.'));
  if (status === 413) return reply.status(413).send(body('validation', 'Dữ liệu gửi lên quá lớn.'));
  if (status === 415) return reply.status(415).send(body('validation', 'Định dạng dữ liệu gửi lên không được hỗ trợ (cần JSON).'));
  if (status >= 400 && status < 500) {
    return reply.status(status).send(body('validation', 'Yêu cầu không hợp lệ (dữ liệu JSON sai cú pháp hoặc thiếu).'));
  }
  request.log.error({ err }, 'unhandled error');
  return reply
    .status(500)
    .send(body('internal', `Đã xảy ra lỗi hệ thống. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên mã yêu cầu ${request.id}.`));
}
