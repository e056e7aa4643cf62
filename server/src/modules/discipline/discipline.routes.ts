// HTTP routes of the discipline module (issue #5): matters, violations, meetings, decisions, the member's
// history, internal publication and counts. Thin: parse with zod, call the service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  decisionCreateSchema,
  decisionPatchSchema,
  decisionSchema,
  matterCreateSchema,
  matterDetailSchema,
  matterListSchema,
  matterPatchSchema,
  matterQuerySchema,
  meetingCreateSchema,
  memberDisciplineSchema,
  publishedListSchema,
  publishedQuerySchema,
  statsQuerySchema,
  statsSchema,
  violationCreateSchema,
} from '../../../../common/discipline-api.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { DecisionService } from './decisions.service.ts';
import { DisciplineRegistryService } from './registry.service.ts';

const tags = ['Kỷ luật'];
const idParams = z.object({ id: z.uuid({ error: 'Mã hồ sơ kỷ luật không hợp lệ' }) });
const ok = { 200: matterDetailSchema };

export function disciplineRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const matters = new DecisionService(ctx);
  const registry = new DisciplineRegistryService(ctx);

  r.get('/api/v1/discipline/matters', {
    schema: { tags, summary: 'Danh sách hồ sơ xem xét kỷ luật', querystring: matterQuerySchema, response: { 200: matterListSchema } },
    handler: async (request) => matters.list(authOf(request).actor, request.query),
  });

  r.post('/api/v1/discipline/matters', {
    schema: { tags, summary: 'Lập hồ sơ xem xét kỷ luật (từ kết luận kiểm tra hoặc trực tiếp)', body: matterCreateSchema, response: ok },
    handler: async (request) => matters.create(authOf(request).actor, request.body),
  });

  r.get('/api/v1/discipline/matters/:id', {
    schema: {
      tags,
      summary: 'Chi tiết hồ sơ và đánh giá theo quy định (thẩm quyền, hình thức, thời hiệu, tạm hoãn)',
      params: idParams,
      response: ok,
    },
    handler: async (request) => matters.get(authOf(request).actor, request.params.id),
  });

  r.patch('/api/v1/discipline/matters/:id', {
    schema: {
      tags,
      summary: 'Cập nhật tình tiết, thông tin đối tượng, trạng thái',
      params: idParams,
      body: matterPatchSchema,
      response: ok,
    },
    handler: async (request) => matters.update(authOf(request).actor, request.params.id, request.body),
  });

  r.post('/api/v1/discipline/matters/:id/violations', {
    schema: { tags, summary: 'Thêm vi phạm', params: idParams, body: violationCreateSchema, response: ok },
    handler: async (request) => matters.addViolation(authOf(request).actor, request.params.id, request.body),
  });

  r.delete('/api/v1/discipline/matters/:id/violations/:violationId', {
    schema: {
      tags,
      summary: 'Xóa vi phạm',
      params: idParams.extend({ violationId: z.uuid({ error: 'Mã vi phạm không hợp lệ' }) }),
      querystring: z.object({ version: z.coerce.number({ error: 'Thiếu phiên bản bản ghi' }).int().min(1) }),
      response: ok,
    },
    handler: async (request) =>
      matters.removeViolation(authOf(request).actor, request.params.id, request.params.violationId, request.query.version),
  });

  r.post('/api/v1/discipline/matters/:id/meetings', {
    schema: { tags, summary: 'Ghi nhận cuộc họp và kết quả bỏ phiếu kín', params: idParams, body: meetingCreateSchema, response: ok },
    handler: async (request) => matters.recordMeeting(authOf(request).actor, request.params.id, request.body),
  });

  r.post('/api/v1/discipline/matters/:id/decision', {
    schema: {
      tags,
      summary: 'Ghi nhận quyết định kỷ luật theo kết quả biểu quyết',
      params: idParams,
      body: decisionCreateSchema,
      response: ok,
    },
    handler: async (request) => matters.decide(authOf(request).actor, request.params.id, request.body),
  });

  const decisionParams = z.object({ id: z.uuid({ error: 'Mã quyết định không hợp lệ' }) });
  r.get('/api/v1/discipline/decisions/:id', {
    schema: { tags, summary: 'Quyết định kỷ luật và các việc tiếp theo', params: decisionParams, response: { 200: decisionSchema } },
    handler: async (request) => matters.getDecision(authOf(request).actor, request.params.id),
  });

  r.patch('/api/v1/discipline/decisions/:id', {
    schema: {
      tags,
      summary: 'Ngày công bố, thông báo nội bộ, việc đã làm',
      params: decisionParams,
      body: decisionPatchSchema,
      response: { 200: decisionSchema },
    },
    handler: async (request) => matters.updateDecision(authOf(request).actor, request.params.id, request.body),
  });

  r.get('/api/v1/members/:id/discipline', {
    schema: {
      tags,
      summary: 'Quá trình kỷ luật của đảng viên và hiệu lực hiện hành',
      params: z.object({ id: z.uuid({ error: 'Mã đảng viên không hợp lệ' }) }),
      response: { 200: memberDisciplineSchema },
    },
    handler: async (request) => registry.memberHistory(authOf(request).actor, request.params.id),
  });

  r.get('/api/v1/discipline/published', {
    schema: {
      tags,
      summary: 'Thông báo nội bộ kết quả kỷ luật',
      querystring: publishedQuerySchema,
      response: { 200: publishedListSchema },
    },
    handler: async (request) => registry.published(authOf(request).actor, request.query.orgId),
  });

  r.get('/api/v1/discipline/stats', {
    schema: {
      tags,
      summary: 'Số liệu kỷ luật theo hình thức, cấp, đối tượng',
      querystring: statsQuerySchema,
      response: { 200: statsSchema },
    },
    handler: async (request) => registry.stats(authOf(request).actor, request.query.orgId, request.query.year),
  });
}
