// HTTP routes for members. Thin: parse with zod, call the service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  memberInputSchema,
  memberListItemSchema,
  memberQuerySchema,
  memberSchema,
  memberUpdateSchema,
  postInputSchema,
  relativeInputSchema,
  transferInputSchema,
  unitPostSchema,
} from '../../../../common/members.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { XLSX_MIME } from '../../platform/files/files.ts';
import { sendDownload } from '../../platform/files/http.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { MemberDetailService } from './member-details.service.ts';
import { exportMembers } from './members.export.ts';

const tags = ['Đảng viên'];
const idParams = z.object({ id: z.uuid({ error: 'Mã đảng viên không hợp lệ' }) });
const ok = { 200: memberSchema };

export function memberRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const members = new MemberDetailService(ctx);

  r.get('/api/v1/members', {
    schema: {
      tags,
      summary: 'Tìm đảng viên (không phân biệt dấu), lọc, sắp xếp, phân trang',
      querystring: memberQuerySchema,
      response: { 200: z.object({ items: z.array(memberListItemSchema), total: z.number().int(), totalCapped: z.boolean() }) },
    },
    handler: async (request) => members.list(authOf(request).actor, request.query),
  });

  r.get('/api/v1/members/export', {
    schema: { tags, summary: 'Xuất danh sách đã lọc ra Excel', querystring: memberQuerySchema.omit({ page: true, pageSize: true }) },
    handler: async (request, reply) => {
      const file = await exportMembers(ctx, authOf(request).actor, request.query);
      return sendDownload(reply, 'Danh sách đảng viên.xlsx', XLSX_MIME, file);
    },
  });

  r.get('/api/v1/orgs/:id/posts', {
    schema: {
      tags,
      summary: 'Chức vụ đang giữ tại đúng tổ chức này (cấp ủy, ủy ban kiểm tra) và người giữ',
      params: z.object({ id: z.uuid({ error: 'Mã tổ chức không hợp lệ' }) }),
      response: { 200: z.object({ items: z.array(unitPostSchema) }) },
    },
    handler: async (request) => ({ items: await members.postsIn(authOf(request).actor, request.params.id) }),
  });

  r.get('/api/v1/members/:id', {
    schema: { tags, summary: 'Hồ sơ đảng viên', params: idParams, response: ok },
    handler: async (request) => members.get(authOf(request).actor, request.params.id),
  });

  r.post('/api/v1/members/:id/cccd', {
    schema: {
      tags,
      summary: 'Xem số CCCD (nêu lý do; được ghi nhật ký)',
      params: idParams,
      body: z.object({ reason: z.string({ error: 'Cần nêu lý do' }).trim().min(5, 'Lý do phải có ít nhất 5 ký tự').max(500) }),
      response: { 200: z.object({ cccd: z.string().nullable() }) },
    },
    handler: async (request) => members.revealCccd(authOf(request).actor, request.params.id, request.body.reason),
  });

  r.post('/api/v1/members', {
    schema: { tags, summary: 'Thêm đảng viên', body: memberInputSchema, response: ok },
    handler: async (request) => members.create(authOf(request).actor, request.body),
  });

  r.patch('/api/v1/members/:id', {
    schema: { tags, summary: 'Sửa hồ sơ đảng viên', params: idParams, body: memberUpdateSchema, response: ok },
    handler: async (request) => members.update(authOf(request).actor, request.params.id, request.body),
  });

  r.post('/api/v1/members/:id/transfer', {
    schema: { tags, summary: 'Chuyển sinh hoạt đảng', params: idParams, body: transferInputSchema, response: ok },
    handler: async (request) => members.transfer(authOf(request).actor, request.params.id, request.body),
  });

  r.post('/api/v1/members/:id/posts', {
    schema: { tags, summary: 'Thêm chức vụ', params: idParams, body: postInputSchema, response: ok },
    handler: async (request) => members.addPost(authOf(request).actor, request.params.id, request.body),
  });

  r.patch('/api/v1/members/:id/posts/:postId', {
    schema: {
      tags,
      summary: 'Kết thúc chức vụ',
      params: idParams.extend({ postId: z.uuid({ error: 'Mã chức vụ không hợp lệ' }) }),
      body: z.object({ toDate: z.iso.date({ error: 'Ngày kết thúc không hợp lệ' }) }),
      response: ok,
    },
    handler: async (request) => members.endPost(authOf(request).actor, request.params.id, request.params.postId, request.body.toDate),
  });

  r.post('/api/v1/members/:id/relatives', {
    schema: { tags, summary: 'Thêm người thân', params: idParams, body: relativeInputSchema, response: ok },
    handler: async (request) => members.addRelative(authOf(request).actor, request.params.id, request.body),
  });

  r.delete('/api/v1/members/:id/relatives/:relativeId', {
    schema: {
      tags,
      summary: 'Xóa người thân',
      params: idParams.extend({ relativeId: z.uuid({ error: 'Mã không hợp lệ' }) }),
      response: ok,
    },
    handler: async (request) => members.removeRelative(authOf(request).actor, request.params.id, request.params.relativeId),
  });
}
