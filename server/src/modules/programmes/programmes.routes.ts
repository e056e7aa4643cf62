// HTTP routes for programmes and their items (issue #4, point 1). Thin: parse with zod, call the service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  amendSchema,
  approveSchema,
  cancelItemSchema,
  itemInputSchema,
  itemUpdateSchema,
  programmeInputSchema,
  programmeItemSchema,
  programmeQuerySchema,
  programmeSchema,
  programmeSummarySchema,
  programmeUpdateSchema,
  revisionSchema,
} from '../../../../common/programmes.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { ProgrammeItemService } from './programme-items.service.ts';

const tags = ['Chương trình kiểm tra, giám sát'];
const idParams = z.object({ id: z.uuid({ error: 'Mã chương trình không hợp lệ' }) });
const itemParams = z.object({ id: z.uuid({ error: 'Mã nội dung không hợp lệ' }) });
const ok = { 200: programmeSchema };
const itemOk = { 200: programmeItemSchema };

export function programmeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const programmes = new ProgrammeItemService(ctx);

  r.get('/api/v1/programmes', {
    schema: {
      tags,
      summary: 'Chương trình của một tổ chức và cấp dưới, theo năm',
      querystring: programmeQuerySchema,
      response: { 200: z.object({ items: z.array(programmeSummarySchema) }) },
    },
    handler: async (request) => ({ items: await programmes.list(authOf(request).actor, request.query) }),
  });

  r.post('/api/v1/programmes', {
    schema: { tags, summary: 'Lập chương trình (toàn khóa hoặc hằng năm)', body: programmeInputSchema, response: ok },
    handler: async (request) => programmes.create(authOf(request).actor, request.body),
  });

  r.get('/api/v1/programmes/:id', {
    schema: { tags, summary: 'Chương trình, các nội dung và các lần phê duyệt', params: idParams, response: ok },
    handler: async (request) => programmes.get(authOf(request).actor, request.params.id),
  });

  r.patch('/api/v1/programmes/:id', {
    schema: { tags, summary: 'Sửa tên, độ mật của chương trình', params: idParams, body: programmeUpdateSchema, response: ok },
    handler: async (request) => programmes.update(authOf(request).actor, request.params.id, request.body),
  });

  r.post('/api/v1/programmes/:id/approve', {
    schema: { tags, summary: 'Phê duyệt chương trình (một lần phê duyệt mới)', params: idParams, body: approveSchema, response: ok },
    handler: async (request) => programmes.approve(authOf(request).actor, request.params.id, request.body),
  });

  r.post('/api/v1/programmes/:id/amend', {
    schema: { tags, summary: 'Mở điều chỉnh chương trình đã phê duyệt', params: idParams, body: amendSchema, response: ok },
    handler: async (request) => programmes.amend(authOf(request).actor, request.params.id, request.body),
  });

  r.get('/api/v1/programmes/:id/revisions/:revision', {
    schema: {
      tags,
      summary: 'Chương trình như đã được phê duyệt ở một lần',
      params: idParams.extend({ revision: z.coerce.number({ error: 'Lần phê duyệt không hợp lệ' }).int().min(1).max(10_000) }),
      response: { 200: revisionSchema },
    },
    handler: async (request) => programmes.revision(authOf(request).actor, request.params.id, request.params.revision),
  });

  r.post('/api/v1/programmes/:id/items', {
    schema: { tags, summary: 'Thêm nội dung vào chương trình', params: idParams, body: itemInputSchema, response: itemOk },
    handler: async (request) => programmes.addItem(authOf(request).actor, request.params.id, request.body),
  });

  r.patch('/api/v1/programme-items/:id', {
    schema: { tags, summary: 'Sửa nội dung chương trình', params: itemParams, body: itemUpdateSchema, response: itemOk },
    handler: async (request) => programmes.updateItem(authOf(request).actor, request.params.id, request.body),
  });

  r.post('/api/v1/programme-items/:id/cancel', {
    schema: { tags, summary: 'Hủy nội dung chương trình (nêu lý do)', params: itemParams, body: cancelItemSchema, response: itemOk },
    handler: async (request) => programmes.cancelItem(authOf(request).actor, request.params.id, request.body),
  });
}
