// HTTP routes for closing, merging and splitting units, and a unit's lifecycle history.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgCloseSchema, orgEventSchema, orgMergeSchema, orgSplitSchema } from '../../../../common/org-lifecycle.ts';
import { orgSchema } from '../../../../common/orgs.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { OrgLifecycleService } from './org-lifecycle.service.ts';

const tags = ['Tổ chức'];
const idParams = z.object({ id: z.uuid({ error: 'Mã tổ chức không hợp lệ' }) });

export function orgLifecycleRoutes(app: FastifyInstance, ctx: AppContext) {
  const lifecycle = new OrgLifecycleService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/orgs/:id/close', {
    schema: {
      tags,
      summary: 'Giải thể tổ chức (đảng viên chuyển sang tổ chức tiếp nhận)',
      params: idParams,
      body: orgCloseSchema,
      response: { 200: orgSchema },
    },
    handler: async (request) => lifecycle.close(authOf(request).actor, request.params.id, request.body),
  });

  r.post('/api/v1/orgs/merge', {
    schema: { tags, summary: 'Hợp nhất các tổ chức vào một tổ chức tiếp nhận', body: orgMergeSchema, response: { 200: orgSchema } },
    handler: async (request) => lifecycle.merge(authOf(request).actor, request.body),
  });

  r.post('/api/v1/orgs/:id/split', {
    schema: {
      tags,
      summary: 'Chia tách tổ chức thành các tổ chức mới',
      params: idParams,
      body: orgSplitSchema,
      response: { 200: z.array(orgSchema) },
    },
    handler: async (request) => lifecycle.split(authOf(request).actor, request.params.id, request.body),
  });

  r.get('/api/v1/orgs/:id/events', {
    schema: {
      tags,
      summary: 'Lịch sử giải thể, hợp nhất, chia tách của tổ chức',
      params: idParams,
      response: { 200: z.object({ items: z.array(orgEventSchema) }) },
    },
    handler: async (request) => ({ items: await lifecycle.events(authOf(request).actor, request.params.id) }),
  });
}
