// HTTP routes of the petitions module (issue #6): the officers' register, inbox, screening, deadlines,
// links, identity reading, messages and files, forwarding letter, inspection, resolution and answer.
// Thin: parse with the zod schemas of common/, call the service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerSchema,
  caseOpenSchema,
  deadlineRulePutSchema,
  deadlineRulesSchema,
  forwardingLetterSchema,
  identityReadRequestSchema,
  identityReadSchema,
  linkCreateSchema,
  linkDecisionSchema,
  messageCreateSchema,
  petitionCreateSchema,
  petitionDetailSchema,
  petitionListSchema,
  petitionMessageListSchema,
  petitionQuerySchema,
  resolutionSchema,
  screeningResultSchema,
  subjectPatchSchema,
  topicPatchSchema,
} from '../../../../common/petition-api.ts';
import { extensionFormSchema, preCongressFormSchema, screeningFormSchema } from '../../../../common/petitions.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { readUpload, sendDownload } from '../../platform/files/http.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { DeadlineRuleService } from './deadline-rules.service.ts';
import { IdentityService } from './identity.service.ts';
import { PetitionLinkService } from './links.service.ts';
import { PetitionMessageService } from './messages.service.ts';
import { PetitionWorkflowService } from './petition-workflow.service.ts';
import { PetitionService } from './petitions.service.ts';
import { ScreeningService } from './screening.service.ts';

const tags = ['Đơn thư'];
const P = '/api/v1/petitions';
const idParams = z.object({ id: z.uuid({ error: 'Mã đơn không hợp lệ' }) });
const ok = { 200: petitionDetailSchema };

export function petitionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const petitions = new PetitionService(ctx);
  const screening = new ScreeningService(ctx);
  const workflow = new PetitionWorkflowService(ctx);
  const identity = new IdentityService(ctx);
  const messages = new PetitionMessageService(ctx);
  const links = new PetitionLinkService(ctx);
  const rules = new DeadlineRuleService(ctx);

  r.get(P, {
    schema: {
      tags,
      summary:
        'Sổ đơn: lọc theo trạng thái, loại, lĩnh vực, tình trạng hạn (overdue gồm cả đơn quá hạn đã báo cáo cấp trên), tìm kiếm, phân trang',
      querystring: petitionQuerySchema,
      response: { 200: petitionListSchema },
    },
    handler: async (request) => petitions.list(authOf(request).actor, request.query),
  });

  r.post(P, {
    schema: { tags, summary: 'Vào sổ đơn (bưu điện, trực tiếp, cơ quan khác chuyển, báo chí)', body: petitionCreateSchema, response: ok },
    handler: async (request) => petitions.register(authOf(request).actor, request.body),
  });

  r.get(`${P}/deadline-rules`, {
    schema: { tags, summary: 'Thời hạn giải quyết đơn theo loại và cấp', response: { 200: deadlineRulesSchema } },
    handler: async (request) => rules.list(authOf(request).actor),
  });

  r.put(`${P}/deadline-rules/:kind/:level`, {
    schema: {
      tags,
      summary: 'Thiết lập thời hạn giải quyết đơn (quản trị viên cấp Trung ương)',
      params: z.object({ kind: z.string(), level: z.string() }),
      body: deadlineRulePutSchema,
      response: { 200: deadlineRulesSchema },
    },
    handler: async (request) => rules.put(authOf(request).actor, request.params.kind, request.params.level, request.body),
  });

  r.get(`${P}/:id`, {
    schema: {
      tags,
      summary: 'Chi tiết đơn (không có thông tin người gửi); người xử lý đơn mở đơn thì tin nhắn của người gửi được đánh dấu đã đọc',
      params: idParams,
      response: ok,
    },
    handler: async (request) => petitions.get(authOf(request).actor, request.params.id),
  });

  r.post(`${P}/:id/screening-preview`, {
    schema: {
      tags,
      summary: 'Xem trước kết quả phân loại theo quy định (không lưu)',
      params: idParams,
      body: screeningFormSchema,
      response: { 200: screeningResultSchema },
    },
    handler: async (request) => screening.preview(authOf(request).actor, request.params.id, request.body),
  });

  r.post(`${P}/:id/screening`, {
    schema: { tags, summary: 'Ghi nhận kết quả phân loại, xử lý đơn và căn cứ', params: idParams, body: screeningFormSchema, response: ok },
    handler: async (request) => screening.save(authOf(request).actor, request.params.id, request.body),
  });

  r.post(`${P}/:id/extension`, {
    schema: { tags, summary: 'Gia hạn giải quyết (một lần)', params: idParams, body: extensionFormSchema, response: ok },
    handler: async (request) => workflow.extend(authOf(request).actor, request.params.id, request.body),
  });

  r.post(`${P}/:id/pre-congress`, {
    schema: {
      tags,
      summary: 'Xét đơn nhận trước đại hội (chuyển cấp ủy khóa mới)',
      params: idParams,
      body: preCongressFormSchema,
      response: ok,
    },
    handler: async (request) => workflow.preCongress(authOf(request).actor, request.params.id, request.body),
  });

  r.patch(`${P}/:id/topic`, {
    schema: { tags, summary: 'Sửa lĩnh vực của đơn (mô hình phân loại học lại)', params: idParams, body: topicPatchSchema, response: ok },
    handler: async (request) => petitions.setTopic(authOf(request).actor, request.params.id, request.body),
  });

  r.patch(`${P}/:id/subject`, {
    schema: {
      tags,
      summary: 'Xác định người, tổ chức bị phản ánh, tố cáo trong danh sách (đơn chỉ ghi tên, chưa phân loại xong)',
      params: idParams,
      body: subjectPatchSchema,
      response: ok,
    },
    handler: async (request) => petitions.setSubject(authOf(request).actor, request.params.id, request.body),
  });

  r.post(`${P}/:id/links`, {
    schema: { tags, summary: 'Liên kết đơn trùng, đơn liên quan', params: idParams, body: linkCreateSchema, response: ok },
    handler: async (request) => links.create(authOf(request).actor, request.params.id, request.body),
  });

  r.put(`${P}/:id/links/:otherId`, {
    schema: {
      tags,
      summary: 'Xác nhận hoặc bác bỏ liên kết được gợi ý',
      params: idParams.extend({ otherId: z.uuid({ error: 'Mã đơn liên quan không hợp lệ' }) }),
      body: linkDecisionSchema,
      response: ok,
    },
    handler: async (request) =>
      links.decide(authOf(request).actor, request.params.id, request.params.otherId, request.body.status, request.body.from),
  });

  r.post(`${P}/:id/identity`, {
    schema: {
      tags,
      summary: 'Xem thông tin người gửi (chỉ người quản lý đơn thư mật; nêu lý do; mọi lần xem đều được ghi nhật ký)',
      params: idParams,
      body: identityReadRequestSchema,
      response: { 200: identityReadSchema },
    },
    handler: async (request) => identity.read(authOf(request).actor, request.params.id, request.body.reason),
  });

  r.get(`${P}/:id/messages`, {
    schema: {
      tags,
      summary: 'Trao đổi với người gửi (người xử lý đơn xem thì tin nhắn được đánh dấu đã đọc)',
      params: idParams,
      response: { 200: petitionMessageListSchema },
    },
    handler: async (request) => messages.list(authOf(request).actor, request.params.id),
  });

  r.post(`${P}/:id/messages`, {
    schema: {
      tags,
      summary: 'Gửi tin nhắn cho người gửi đơn qua cổng trực tuyến',
      params: idParams,
      body: messageCreateSchema,
      response: { 200: petitionMessageListSchema },
    },
    handler: async (request) => messages.post(authOf(request).actor, request.params.id, request.body.body),
  });

  r.post(`${P}/:id/files`, {
    schema: {
      tags,
      summary: 'Đính kèm tệp vào đơn (multipart: file; messageId để gửi kèm tin nhắn cho người gửi)',
      params: idParams,
      response: ok,
    },
    handler: async (request) => messages.attach(authOf(request).actor, request.params.id, await readUpload(request)),
  });

  r.get(`${P}/:id/files/:fileId`, {
    schema: {
      tags,
      summary: 'Tải tệp đính kèm của đơn',
      params: idParams.extend({ fileId: z.uuid({ error: 'Mã tệp không hợp lệ' }) }),
    },
    handler: async (request, reply) => {
      const f = await messages.download(authOf(request).actor, request.params.id, request.params.fileId);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    },
  });

  r.post(`${P}/:id/forwarding-letter`, {
    schema: { tags, summary: 'Lập phiếu chuyển đơn đến cấp có thẩm quyền', params: idParams, body: forwardingLetterSchema, response: ok },
    handler: async (request) => workflow.forwardingLetter(authOf(request).actor, request.params.id, request.body),
  });

  r.get(`${P}/:id/forwarding-letter`, {
    schema: { tags, summary: 'Tải phiếu chuyển đơn', params: idParams },
    handler: async (request, reply) => {
      const f = await workflow.forwardingLetterFile(authOf(request).actor, request.params.id);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    },
  });

  r.post(`${P}/:id/case`, {
    schema: {
      tags,
      summary: 'Mở cuộc kiểm tra khi có dấu hiệu vi phạm từ đơn tố cáo đã thụ lý',
      params: idParams,
      body: caseOpenSchema,
      response: ok,
    },
    handler: async (request) => workflow.openCase(authOf(request).actor, request.params.id, request.body),
  });

  r.post(`${P}/:id/resolution`, {
    schema: { tags, summary: 'Ghi nhận kết quả giải quyết đơn', params: idParams, body: resolutionSchema, response: ok },
    handler: async (request) => workflow.resolve(authOf(request).actor, request.params.id, request.body),
  });

  r.post(`${P}/:id/answer`, {
    schema: {
      tags,
      summary: 'Trả lời người gửi đơn (đơn qua cổng: người gửi đọc bằng mã tiếp nhận)',
      params: idParams,
      body: answerSchema,
      response: ok,
    },
    handler: async (request) => workflow.answer(authOf(request).actor, request.params.id, request.body),
  });
}
