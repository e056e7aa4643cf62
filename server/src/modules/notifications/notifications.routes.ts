// HTTP routes of the signed-in user's notifications. Thin: parse with zod, call the service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notificationListSchema, notificationQuerySchema } from '../../../../common/notifications.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { NotificationService } from './notifications.service.ts';

const tags = ['Thông báo'];

export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const notifications = new NotificationService(ctx);

  r.get('/api/v1/notifications', {
    schema: {
      tags,
      summary: 'Thông báo của tôi (mới nhất trước) và số chưa đọc',
      querystring: notificationQuerySchema,
      response: { 200: notificationListSchema },
    },
    handler: async (request) => notifications.list(authOf(request).actor, request.query),
  });

  r.post('/api/v1/notifications/read-all', {
    schema: {
      tags,
      summary: 'Đánh dấu đã đọc mọi thông báo',
      response: { 200: z.object({ unread: z.number().int(), marked: z.number().int() }) },
    },
    handler: async (request) => notifications.markAllRead(authOf(request).actor),
  });

  r.post('/api/v1/notifications/:id/read', {
    schema: {
      tags,
      summary: 'Đánh dấu đã đọc một thông báo',
      params: z.object({ id: z.uuid({ error: 'Mã thông báo không hợp lệ' }) }),
      response: { 200: z.object({ unread: z.number().int() }) },
    },
    handler: async (request) => notifications.markRead(authOf(request).actor, request.params.id),
  });
}
