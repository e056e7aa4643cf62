// HTTP routes for the audit log.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema, auditVerifySchema } from '../../../../common/audit.ts';
import { pageQuerySchema } from '../../../../common/users.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import type { AuditService } from './audit.service.ts';

const tags = ['Nhật ký kiểm toán'];

export function auditRoutes(app: FastifyInstance, audit: AuditService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/audit', {
    schema: {
      tags,
      summary: 'Nhật ký kiểm toán (mới nhất trước)',
      querystring: pageQuerySchema.extend({ action: z.string().max(100).optional(), actor: z.string().max(100).optional() }),
      response: { 200: z.object({ items: z.array(auditEntrySchema), total: z.number().int() }) },
    },
    handler: async (request) => audit.list(authOf(request).actor, request.query),
  });

  r.post('/api/v1/audit/verify', {
    schema: { tags, summary: 'Kiểm tra tính toàn vẹn của chuỗi nhật ký', response: { 200: auditVerifySchema } },
    handler: async (request) => audit.verify(authOf(request).actor),
  });
}
