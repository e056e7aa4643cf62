// HTTP routes of remediation follow-up (issue #4 point 5). Thin: parse with zod, call the service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  remediationDetailSchema,
  remediationListSchema,
  remediationQuerySchema,
  remediationUpdateSchema,
} from '../../../../common/remediation.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { readUpload, sendDownload } from '../../platform/files/http.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { RemediationService } from './remediation.service.ts';

const tags = ['Khắc phục sau kết luận'];
const idParams = z.object({ id: z.uuid({ error: 'Mã yêu cầu khắc phục không hợp lệ' }) });

export function remediationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const remediation = new RemediationService(ctx);

  r.get('/api/v1/remediation', {
    schema: {
      tags,
      summary: 'Yêu cầu khắc phục: lọc theo tổ chức, cuộc, trạng thái, quá hạn, của tôi',
      querystring: remediationQuerySchema,
      response: { 200: remediationListSchema },
    },
    handler: async (request) => remediation.list(authOf(request).actor, request.query),
  });

  r.get('/api/v1/cases/:id/remediation', {
    schema: {
      tags,
      summary: 'Các yêu cầu khắc phục của một cuộc kiểm tra, giám sát',
      params: z.object({ id: z.uuid({ error: 'Mã cuộc kiểm tra, giám sát không hợp lệ' }) }),
      response: { 200: remediationListSchema },
    },
    handler: async (request) => remediation.ofCase(authOf(request).actor, request.params.id),
  });

  r.get('/api/v1/remediation/:id', {
    schema: { tags, summary: 'Một yêu cầu khắc phục và minh chứng', params: idParams, response: { 200: remediationDetailSchema } },
    handler: async (request) => remediation.get(authOf(request).actor, request.params.id),
  });

  r.patch('/api/v1/remediation/:id', {
    schema: {
      tags,
      summary: 'Hoàn thành (cần minh chứng), mở lại, đổi hạn hoặc hủy bỏ một yêu cầu khắc phục',
      params: idParams,
      body: remediationUpdateSchema,
      response: { 200: remediationDetailSchema },
    },
    handler: async (request) => remediation.update(authOf(request).actor, request.params.id, request.body),
  });

  r.post('/api/v1/remediation/:id/evidence', {
    schema: {
      tags,
      summary: 'Tải lên tệp minh chứng (multipart: file, note)',
      params: idParams,
      consumes: ['multipart/form-data'],
      response: { 200: remediationDetailSchema },
    },
    handler: async (request) => {
      const actor = authOf(request).actor;
      return remediation.addEvidence(actor, request.params.id, await readUpload(request));
    },
  });

  r.get('/api/v1/remediation-evidence/:id/file', {
    schema: { tags, summary: 'Tải xuống tệp minh chứng', params: z.object({ id: z.uuid({ error: 'Mã minh chứng không hợp lệ' }) }) },
    handler: async (request, reply) => {
      const file = await remediation.evidenceFile(authOf(request).actor, request.params.id);
      return sendDownload(reply, file.fileName, file.mime, file.data);
    },
  });
}
