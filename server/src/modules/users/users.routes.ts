// HTTP routes for user administration.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema, userCreateSchema, userSchema, userUpdateSchema } from '../../../../common/users.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import type { UserService } from './users.service.ts';

const tags = ['Người dùng'];
const idParams = z.object({ id: z.uuid({ error: 'Mã người dùng không hợp lệ' }) });

export function userRoutes(app: FastifyInstance, users: UserService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/users', {
    schema: {
      tags,
      summary: 'Danh sách người dùng trong phạm vi quản trị',
      querystring: pageQuerySchema.extend({ q: z.string().max(100).optional() }),
      response: { 200: z.object({ items: z.array(userSchema), total: z.number().int() }) },
    },
    handler: async (request) => {
      const { q, page, pageSize } = request.query;
      return users.list(authOf(request).actor, q, page, pageSize);
    },
  });

  r.get('/api/v1/users/:id', {
    schema: { tags, summary: 'Một người dùng', params: idParams, response: { 200: userSchema } },
    handler: async (request) => users.get(authOf(request).actor, request.params.id),
  });

  r.post('/api/v1/users', {
    schema: {
      tags,
      summary: 'Tạo người dùng (trả về mật khẩu dùng một lần)',
      body: userCreateSchema,
      response: { 200: z.object({ user: userSchema, oneTimePassword: z.string() }) },
    },
    handler: async (request) => users.create(authOf(request).actor, request.body),
  });

  r.patch('/api/v1/users/:id', {
    schema: { tags, summary: 'Sửa người dùng', params: idParams, body: userUpdateSchema, response: { 200: userSchema } },
    handler: async (request) => users.update(authOf(request).actor, request.params.id, request.body),
  });

  r.post('/api/v1/users/:id/reset-password', {
    schema: {
      tags,
      summary: 'Đặt lại mật khẩu (mật khẩu dùng một lần)',
      params: idParams,
      response: { 200: z.object({ oneTimePassword: z.string() }) },
    },
    handler: async (request) => users.resetPassword(authOf(request).actor, request.params.id),
  });

  r.post('/api/v1/users/:id/reset-totp', {
    schema: { tags, summary: 'Đặt lại xác thực hai lớp', params: idParams },
    handler: async (request, reply) => {
      await users.resetTotp(authOf(request).actor, request.params.id);
      return reply.status(204).send();
    },
  });
}
