// HTTP routes for the working calendar.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarRecordSchema, calendarYearSchema } from '../../../../common/calendar.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { CalendarService } from './calendar.service.ts';

const tags = ['Lịch làm việc'];
const yearParams = z.object({
  year: z.coerce.number({ error: 'Năm không hợp lệ' }).int().min(1900, 'Năm không hợp lệ').max(2199, 'Năm không hợp lệ'),
});

export function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const calendar = new CalendarService(ctx);

  r.get('/api/v1/calendar/:year', {
    schema: { tags, summary: 'Ngày nghỉ, ngày làm bù của một năm', params: yearParams, response: { 200: calendarYearSchema } },
    handler: async (request) => {
      authOf(request);
      return calendar.year(request.params.year);
    },
  });

  r.put('/api/v1/calendar/:year', {
    schema: {
      tags,
      summary: 'Ghi nhận lịch nghỉ chính thức của năm',
      params: yearParams,
      body: calendarRecordSchema,
      response: { 200: calendarYearSchema },
    },
    handler: async (request) => calendar.record(authOf(request).actor, request.params.year, request.body),
  });

  r.get('/api/v1/calendar/working-days', {
    schema: {
      tags,
      summary: 'Hạn sau N ngày làm việc',
      querystring: z.object({
        from: z.iso.date({ error: 'Ngày bắt đầu không hợp lệ' }),
        days: z.coerce.number({ error: 'Số ngày không hợp lệ' }).int().min(0).max(2000),
      }),
      response: { 200: z.object({ from: z.string(), days: z.number().int(), due: z.string() }) },
    },
    handler: async (request) => {
      authOf(request);
      const { from, days } = request.query;
      return { from, days, due: await calendar.addWorkingDays(from, days) };
    },
  });
}
