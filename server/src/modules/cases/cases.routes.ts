// HTTP routes of the cases module (issue #4): cuộc kiểm tra, giám sát run step by step. Thin: parse with
// zod, call the service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseAdvanceSchema,
  caseConclusionSchema,
  caseCreateSchema,
  caseDecisionSchema,
  caseDetailSchema,
  caseExtendSchema,
  caseListSchema,
  caseQuerySchema,
  caseReasonSchema,
  teamSeatInputSchema,
} from '../../../../common/case-api.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { readUpload, sendDownload } from '../../platform/files/http.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { CaseTeamService } from './case-team.service.ts';

const tags = ['Cuộc kiểm tra, giám sát'];
const idParams = z.object({ id: z.uuid({ error: 'Mã cuộc kiểm tra, giám sát không hợp lệ' }) });
const ok = { 200: caseDetailSchema };

export function caseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cases = new CaseTeamService(ctx);

  r.get('/api/v1/cases', {
    schema: {
      tags,
      summary: 'Danh sách cuộc kiểm tra, giám sát: lọc, phân trang',
      querystring: caseQuerySchema,
      response: { 200: caseListSchema },
    },
    handler: async (request) => cases.list(authOf(request).actor, request.query),
  });

  r.post('/api/v1/cases', {
    schema: { tags, summary: 'Lập cuộc kiểm tra, giám sát (theo mục kế hoạch hoặc trực tiếp)', body: caseCreateSchema, response: ok },
    handler: async (request) => cases.create(authOf(request).actor, request.body),
  });

  r.get('/api/v1/cases/:id', {
    schema: { tags, summary: 'Chi tiết cuộc: các bước, bước tiếp theo, đoàn, tài liệu, kết luận', params: idParams, response: ok },
    handler: async (request) => cases.get(authOf(request).actor, request.params.id),
  });

  r.post('/api/v1/cases/:id/decision', {
    schema: { tags, summary: 'Ghi nhận quyết định; tính thời hạn', params: idParams, body: caseDecisionSchema, response: ok },
    handler: async (request) => cases.decide(authOf(request).actor, request.params.id, request.body),
  });

  r.post('/api/v1/cases/:id/advance', {
    schema: { tags, summary: 'Chuyển sang bước tiếp theo', params: idParams, body: caseAdvanceSchema, response: ok },
    handler: async (request) => cases.advance(authOf(request).actor, request.params.id, request.body),
  });

  for (const action of ['suspend', 'resume', 'cancel'] as const) {
    const summary = { suspend: 'Tạm dừng', resume: 'Tiếp tục', cancel: 'Hủy bỏ' }[action];
    r.post(`/api/v1/cases/:id/${action}`, {
      schema: { tags, summary, params: idParams, body: caseReasonSchema, response: ok },
      handler: async (request) => cases[action](authOf(request).actor, request.params.id, request.body),
    });
  }

  r.post('/api/v1/cases/:id/extend', {
    schema: { tags, summary: 'Gia hạn (một lần, có lý do)', params: idParams, body: caseExtendSchema, response: ok },
    handler: async (request) => cases.extend(authOf(request).actor, request.params.id, request.body),
  });

  r.post('/api/v1/cases/:id/team', {
    schema: { tags, summary: 'Bổ sung thành viên đoàn', params: idParams, body: teamSeatInputSchema, response: ok },
    handler: async (request) => cases.addSeat(authOf(request).actor, request.params.id, request.body),
  });

  r.delete('/api/v1/cases/:id/team/:seatId', {
    schema: {
      tags,
      summary: 'Rút thành viên khỏi đoàn',
      params: idParams.extend({ seatId: z.uuid({ error: 'Mã thành viên đoàn không hợp lệ' }) }),
      querystring: z.object({ version: z.coerce.number({ error: 'Thiếu phiên bản bản ghi' }).int().min(1) }),
      response: ok,
    },
    handler: async (request) => cases.removeSeat(authOf(request).actor, request.params.id, request.params.seatId, request.query.version),
  });

  r.post('/api/v1/cases/:id/attachments', {
    schema: {
      tags,
      summary: 'Đính kèm biên bản, báo cáo vào một bước (multipart: file, title, kind, stepId)',
      params: idParams,
      response: ok,
    },
    handler: async (request) => cases.attach(authOf(request).actor, request.params.id, await readUpload(request)),
  });

  r.get('/api/v1/case-attachments/:id/file', {
    schema: { tags, summary: 'Tải tài liệu đính kèm', params: z.object({ id: z.uuid({ error: 'Mã tài liệu không hợp lệ' }) }) },
    handler: async (request, reply) => {
      const f = await cases.download(authOf(request).actor, request.params.id);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    },
  });

  r.post('/api/v1/cases/:id/conclusion', {
    schema: { tags, summary: 'Ghi nhận kết luận và các yêu cầu khắc phục', params: idParams, body: caseConclusionSchema, response: ok },
    handler: async (request) => cases.conclude(authOf(request).actor, request.params.id, request.body),
  });

  r.post('/api/v1/cases/:id/escalate', {
    schema: {
      tags,
      summary: 'Giám sát phát hiện dấu hiệu vi phạm: lập cuộc kiểm tra khi có dấu hiệu vi phạm cùng đối tượng',
      params: idParams,
      response: ok,
    },
    handler: async (request) => cases.escalate(authOf(request).actor, request.params.id),
  });
}
