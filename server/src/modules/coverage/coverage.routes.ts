// HTTP routes of the coverage module (issue #4 points 2 and 8): coverage against the targets of
// domain.md §7, the planner's proposals, the inspection dashboard. Thin: parse with zod, call the service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  coverageQuerySchema,
  coverageSchema,
  dashboardSchema,
  proposalsQuerySchema,
  proposalsSchema,
} from '../../../../common/coverage.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { CoverageService } from './coverage.service.ts';

const tags = ['Kiểm tra, giám sát'];

export function coverageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const coverage = new CoverageService(ctx);

  r.get('/api/v1/coverage', {
    schema: {
      tags,
      summary: 'Kết quả kiểm tra, giám sát so với chỉ tiêu của năm, cho một tổ chức và các tổ chức trực thuộc',
      querystring: coverageQuerySchema,
      response: { 200: coverageSchema },
    },
    handler: async (request) => coverage.coverage(authOf(request).actor, request.query),
  });

  r.get('/api/v1/coverage/proposals', {
    schema: {
      tags,
      summary: 'Đề xuất đối tượng kiểm tra, giám sát để đạt chỉ tiêu, kèm lý do',
      querystring: proposalsQuerySchema,
      response: { 200: proposalsSchema },
    },
    handler: async (request) => coverage.proposals(authOf(request).actor, request.query),
  });

  r.get('/api/v1/inspection/dashboard', {
    schema: {
      tags,
      summary: 'Bảng điều khiển kiểm tra, giám sát: chỉ tiêu, cuộc theo bước, hạn sắp đến và quá hạn, khắc phục quá hạn',
      querystring: coverageQuerySchema,
      response: { 200: dashboardSchema },
    },
    handler: async (request) => coverage.dashboard(authOf(request).actor, request.query),
  });
}
