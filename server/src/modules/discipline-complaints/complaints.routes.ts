// HTTP routes of complaints about discipline (issue #5 point 5). Thin: parse with zod, call the service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  complaintDetailSchema,
  complaintFileSchema,
  complaintListSchema,
  complaintQuerySchema,
  complaintResolveSchema,
  decisionCandidateListSchema,
} from '../../../../common/discipline-complaints.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { DisciplineComplaintService } from './complaints.service.ts';

const tags = ['Khiếu nại kỷ luật'];
const idParams = z.object({ id: z.uuid({ error: 'Mã đơn khiếu nại không hợp lệ' }) });

export function disciplineComplaintRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const complaints = new DisciplineComplaintService(ctx);

  r.get('/api/v1/discipline/complaints', {
    schema: {
      tags,
      summary: 'Đơn khiếu nại kỷ luật: lọc theo tổ chức, trạng thái',
      querystring: complaintQuerySchema,
      response: { 200: complaintListSchema },
    },
    handler: async (request) => complaints.list(authOf(request).actor, request.query),
  });

  r.get('/api/v1/discipline/complaints/decision-candidates', {
    schema: {
      tags,
      summary: 'Tìm quyết định kỷ luật để nhận đơn khiếu nại (theo tên người bị kỷ luật, số hoặc mã quyết định)',
      querystring: z.object({ q: z.string().trim().min(2, 'Nhập ít nhất 2 ký tự để tìm').max(200) }),
      response: { 200: decisionCandidateListSchema },
    },
    handler: async (request) => complaints.candidates(authOf(request).actor, request.query.q),
  });

  r.post('/api/v1/discipline/complaints', {
    schema: {
      tags,
      summary: 'Nhận đơn khiếu nại kỷ luật: thụ lý hoặc không thụ lý, nêu từng lý do',
      body: complaintFileSchema,
      response: { 200: complaintDetailSchema },
    },
    handler: async (request) => complaints.file(authOf(request).actor, request.body),
  });

  r.get('/api/v1/discipline/complaints/:id', {
    schema: { tags, summary: 'Một đơn khiếu nại kỷ luật', params: idParams, response: { 200: complaintDetailSchema } },
    handler: async (request) => complaints.get(authOf(request).actor, request.params.id),
  });

  r.post('/api/v1/discipline/complaints/:id/resolve', {
    schema: {
      tags,
      summary: 'Kết luận giải quyết khiếu nại: giữ nguyên, tăng, giảm hoặc xóa quyết định kỷ luật',
      params: idParams,
      body: complaintResolveSchema,
      response: { 200: complaintDetailSchema },
    },
    handler: async (request) => complaints.resolve(authOf(request).actor, request.params.id, request.body),
  });
}
