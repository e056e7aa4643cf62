// HTTP routes for the organisation tree.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgCreateSchema, orgSchema, orgUpdateSchema } from '../../../../common/orgs.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import type { OrgService } from './orgs.service.ts';

const tags = ['Tổ chức'];
const list = z.object({ items: z.array(orgSchema) });
const idParams = z.object({ id: z.uuid({ error: 'Mã tổ chức không hợp lệ' }) });

export function orgRoutes(app: FastifyInstance, orgs: OrgService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/orgs/roots', {
    schema: { tags, summary: 'Các tổ chức gốc trong phạm vi của tôi', response: { 200: list } },
    handler: async (request) => ({ items: await orgs.roots(authOf(request).actor) }),
  });

  r.get('/api/v1/orgs', {
    schema: {
      tags,
      summary: 'Các tổ chức trực thuộc',
      querystring: z.object({ parentId: z.uuid({ error: 'Mã tổ chức cấp trên không hợp lệ' }) }),
      response: { 200: list },
    },
    handler: async (request) => ({ items: await orgs.children(authOf(request).actor, request.query.parentId) }),
  });

  r.get('/api/v1/orgs/search', {
    schema: {
      tags,
      summary: 'Tìm tổ chức theo tên hoặc mã (không phân biệt dấu)',
      querystring: z.object({ q: z.string().max(200, 'Từ khóa quá dài') }),
      response: { 200: list },
    },
    handler: async (request) => ({ items: await orgs.search(authOf(request).actor, request.query.q) }),
  });

  r.get('/api/v1/orgs/:id', {
    schema: { tags, summary: 'Một tổ chức', params: idParams, response: { 200: orgSchema } },
    handler: async (request) => orgs.get(authOf(request).actor, request.params.id),
  });

  r.post('/api/v1/orgs', {
    schema: { tags, summary: 'Thêm tổ chức', body: orgCreateSchema, response: { 200: orgSchema } },
    handler: async (request) => orgs.create(authOf(request).actor, request.body),
  });

  r.patch('/api/v1/orgs/:id', {
    schema: { tags, summary: 'Sửa tổ chức', params: idParams, body: orgUpdateSchema, response: { 200: orgSchema } },
    handler: async (request) => orgs.update(authOf(request).actor, request.params.id, request.body),
  });
}
