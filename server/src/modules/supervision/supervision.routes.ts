// HTTP routes for committee members' regular supervision (issue #4 point 6). Thin: parse with zod, call the service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  areaCreateSchema,
  areasQuerySchema,
  areaUpdateSchema,
  candidateSchema,
  periodQuerySchema,
  periodStatusSchema,
  reportSubmitSchema,
  settingInputSchema,
  settingSchema,
  supervisionAreaSchema,
  supervisionReportSchema,
} from '../../../../common/supervision.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { DOCX_MIME } from '../../platform/files/files.ts';
import { sendDownload } from '../../platform/files/http.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { SupervisionAreaService } from './areas.service.ts';
import { SupervisionReportService } from './reports.service.ts';
import { SupervisionSettingService } from './settings.service.ts';

const tags = ['Giám sát thường xuyên của cấp ủy viên'];
const idParams = (what: string) => z.object({ id: z.uuid({ error: `Mã ${what} không hợp lệ` }) });

export function supervisionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const areas = new SupervisionAreaService(ctx);
  const reports = new SupervisionReportService(ctx);
  const settings = new SupervisionSettingService(ctx);
  const orgParams = z.object({ orgId: z.uuid({ error: 'Mã tổ chức không hợp lệ' }) });

  r.get('/api/v1/supervision-settings/:orgId', {
    schema: {
      tags,
      summary: 'Hạn gửi báo cáo của cấp ủy viên tại một cấp ủy (mặc định nếu chưa đặt)',
      params: orgParams,
      response: { 200: settingSchema },
    },
    handler: async (request) => settings.get(authOf(request).actor, request.params.orgId),
  });

  r.put('/api/v1/supervision-settings/:orgId', {
    schema: {
      tags,
      summary: 'Đặt hạn gửi báo cáo (số ngày làm việc sau khi hết kỳ; tháng bắt đầu nhận)',
      params: orgParams,
      body: settingInputSchema,
      response: { 200: settingSchema },
    },
    handler: async (request) => settings.save(authOf(request).actor, request.params.orgId, request.body),
  });

  r.get('/api/v1/supervision-areas', {
    schema: {
      tags,
      summary: 'Địa bàn, lĩnh vực giám sát đã phân công (của một cấp ủy, hoặc của chính mình)',
      querystring: areasQuerySchema,
      response: { 200: z.object({ items: z.array(supervisionAreaSchema) }) },
    },
    handler: async (request) => ({ items: await areas.list(authOf(request).actor, request.query) }),
  });

  r.post('/api/v1/supervision-areas', {
    schema: {
      tags,
      summary: 'Phân công địa bàn, lĩnh vực giám sát cho cấp ủy viên',
      body: areaCreateSchema,
      response: { 200: supervisionAreaSchema },
    },
    handler: async (request) => areas.create(authOf(request).actor, request.body),
  });

  r.get('/api/v1/supervision-areas/candidates', {
    schema: {
      tags,
      summary: 'Tài khoản cấp ủy viên có thể được phân công (gửi được báo cáo) tại một cấp ủy',
      querystring: z.object({ orgId: z.uuid({ error: 'Tổ chức không hợp lệ' }) }),
      response: { 200: z.object({ items: z.array(candidateSchema) }) },
    },
    handler: async (request) => ({ items: await areas.candidates(authOf(request).actor, request.query.orgId) }),
  });

  r.get('/api/v1/supervision-areas/:id', {
    schema: { tags, summary: 'Một phân công giám sát', params: idParams('phân công'), response: { 200: supervisionAreaSchema } },
    handler: async (request) => areas.get(authOf(request).actor, request.params.id),
  });

  r.patch('/api/v1/supervision-areas/:id', {
    schema: {
      tags,
      summary: 'Sửa hoặc kết thúc (ghi ngày kết thúc) một phân công giám sát',
      params: idParams('phân công'),
      body: areaUpdateSchema,
      response: { 200: supervisionAreaSchema },
    },
    handler: async (request) => areas.update(authOf(request).actor, request.params.id, request.body),
  });

  r.post('/api/v1/supervision-areas/:id/reports', {
    schema: {
      tags,
      summary: 'Cấp ủy viên gửi (hoặc gửi lại trước khi tổng hợp) báo cáo giám sát 6 tháng, cả năm',
      params: idParams('phân công'),
      body: reportSubmitSchema,
      response: { 200: supervisionReportSchema },
    },
    handler: async (request) => reports.submit(authOf(request).actor, request.params.id, request.body),
  });

  r.get('/api/v1/supervision-areas/:id/reports', {
    schema: {
      tags,
      summary: 'Báo cáo đã gửi theo một phân công trong một năm (6 tháng, cả năm)',
      params: idParams('phân công'),
      querystring: z.object({ year: periodQuerySchema.shape.year }),
      response: { 200: z.object({ items: z.array(supervisionReportSchema) }) },
    },
    handler: async (request) => ({ items: await reports.ofArea(authOf(request).actor, request.params.id, request.query.year) }),
  });

  r.get('/api/v1/supervision-reports', {
    schema: {
      tags,
      summary: 'Tình hình gửi báo cáo của cấp ủy viên một kỳ: đã gửi, gửi muộn, chưa gửi, chưa đến hạn',
      querystring: periodQuerySchema,
      response: { 200: periodStatusSchema },
    },
    handler: async (request) => reports.status(authOf(request).actor, request.query),
  });

  r.get('/api/v1/supervision-reports/compiled', {
    schema: { tags, summary: 'Báo cáo tổng hợp gửi Ban Thường vụ (DOCX)', querystring: periodQuerySchema },
    handler: async (request, reply) => {
      const file = await reports.compiled(authOf(request).actor, request.query);
      return sendDownload(reply, file.fileName, DOCX_MIME, file.data);
    },
  });

  r.post('/api/v1/supervision-reports/compilations', {
    schema: {
      tags,
      summary: 'Chốt tổng hợp một kỳ: từ đó báo cáo của kỳ không gửi, sửa được nữa',
      body: periodQuerySchema,
      response: { 200: periodStatusSchema },
    },
    handler: async (request) => reports.compile(authOf(request).actor, request.body),
  });

  r.get('/api/v1/supervision-reports/:id', {
    schema: {
      tags,
      summary: 'Một báo cáo giám sát của cấp ủy viên',
      params: idParams('báo cáo'),
      response: { 200: supervisionReportSchema },
    },
    handler: async (request) => reports.get(authOf(request).actor, request.params.id),
  });
}
