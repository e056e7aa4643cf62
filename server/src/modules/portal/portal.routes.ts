// HTTP routes of the public portal (/api/v1/portal, no account; issue #6, point 2). Every route is
// public; the code and the secret travel only in request bodies, never in a URL. Requests are counted by
// the portal's throttle before their bodies are read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  challengeQuerySchema,
  challengeSchema,
  portalBodiesQuerySchema,
  portalBodiesSchema,
  portalFileRequestSchema,
  portalMessageRequestSchema,
  portalStatusSchema,
  receiptSchema,
  statusRequestSchema,
} from '../../../../common/portal-api.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { invalid } from '../../platform/errors.ts';
import { sendDownload } from '../../platform/files/http.ts';
import type { PortalAction } from '../../platform/portal/throttle.ts';
import { PortalService, parseOr400 } from './portal.service.ts';
import { readPortalForm } from './portal.upload.ts';

const tags = ['Cổng tiếp nhận đơn'];
const fileParams = z.object({ fileId: z.uuid({ error: 'Mã tệp không hợp lệ' }) });

export function portalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // One per application: its proof-of-work memory and throttle counters live as long as the server.
  const portal = new PortalService(ctx);
  const counted = (action: PortalAction) => async (request: FastifyRequest) => portal.throttle(action, request.ip);

  r.get('/api/v1/portal/challenge', {
    schema: {
      tags,
      summary: 'Lấy câu đố chống gửi tự động (trước khi gửi đơn hoặc tra cứu)',
      querystring: challengeQuerySchema,
      response: { 200: challengeSchema },
    },
    config: { auth: 'public' },
    handler: async () => portal.challenge(),
  });

  r.get('/api/v1/portal/bodies', {
    schema: {
      tags,
      summary: 'Các cơ quan nhận đơn (tìm theo tên)',
      querystring: portalBodiesQuerySchema,
      response: { 200: portalBodiesSchema },
    },
    config: { auth: 'public' },
    handler: async (request) => portal.bodies(request.query),
  });

  r.post('/api/v1/portal/petitions', {
    schema: {
      tags,
      summary: 'Gửi đơn (multipart: trường "petition" dạng JSON, tối đa 5 tệp trong trường "file")',
      consumes: ['multipart/form-data'],
      response: { 200: receiptSchema },
    },
    config: { auth: 'public' },
    onRequest: counted('submit'),
    handler: async (request) => {
      const { value, files } = await readPortalForm(request, 'petition', (raw) => portal.acceptSubmission(raw));
      return portal.submit(value, files, request.id);
    },
  });

  r.post('/api/v1/portal/status', {
    schema: {
      tags,
      summary: 'Tra cứu tình trạng đơn bằng mã tiếp nhận và mã bí mật',
      body: statusRequestSchema,
      response: { 200: portalStatusSchema },
    },
    config: { auth: 'public' },
    onRequest: counted('status'),
    handler: async (request) => portal.status(request.ip, request.body, request.id),
  });

  r.post('/api/v1/portal/messages', {
    schema: {
      tags,
      summary: 'Người gửi nhắn thêm (multipart: trường "message" dạng JSON, tối đa 5 tệp trong trường "file")',
      consumes: ['multipart/form-data'],
      response: { 200: portalStatusSchema },
    },
    config: { auth: 'public' },
    onRequest: counted('status'),
    handler: async (request) => {
      const { value, files } = await readPortalForm(request, 'message', async (raw) => {
        let json: unknown;
        try {
          json = JSON.parse(raw);
        } catch {
          throw invalid('message', 'Dữ liệu tin nhắn gửi lên không đúng định dạng.');
        }
        const message = parseOr400(portalMessageRequestSchema, json, 'message');
        return { opened: await portal.acceptReply(request.ip, message), body: message.body };
      });
      return portal.reply(value.opened, value.body, files, request.id);
    },
  });

  r.post('/api/v1/portal/files/:fileId', {
    schema: {
      tags,
      summary: 'Tải xuống tệp của đơn (luôn là tệp tải về, không mở trong trình duyệt)',
      params: fileParams,
      body: portalFileRequestSchema,
    },
    config: { auth: 'public' },
    onRequest: counted('status'),
    handler: async (request, reply) => {
      const f = await portal.file(request.ip, request.body, request.params.fileId, request.id);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    },
  });
}
