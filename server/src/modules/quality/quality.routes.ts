// HTTP routes for data quality (figures, suspected duplicates, members behind a figure) and merging
// two records of one person.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  duplicatesSchema,
  memberMergeResultSchema,
  memberMergeSchema,
  qualityListQuerySchema,
  qualityListSchema,
  qualityOrgQuerySchema,
  qualitySummarySchema,
} from '../../../../common/quality.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { MemberMergeService } from './member-merge.service.ts';
import { QualityService } from './quality.service.ts';

const tags = ['Chất lượng dữ liệu'];

export function qualityRoutes(app: FastifyInstance, ctx: AppContext) {
  const quality = new QualityService(ctx);
  const merges = new MemberMergeService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/quality', {
    schema: {
      tags,
      summary: 'Chất lượng dữ liệu theo tổ chức (tổ chức và các tổ chức trực thuộc)',
      querystring: qualityOrgQuerySchema,
      response: { 200: qualitySummarySchema },
    },
    handler: async (request) => quality.summary(authOf(request).actor, request.query.orgId),
  });

  r.get('/api/v1/quality/duplicates', {
    schema: { tags, summary: 'Các nhóm hồ sơ nghi trùng', querystring: qualityOrgQuerySchema, response: { 200: duplicatesSchema } },
    handler: async (request) => quality.duplicates(authOf(request).actor, request.query.orgId),
  });

  r.get('/api/v1/quality/members', {
    schema: {
      tags,
      summary: 'Đảng viên có vấn đề dữ liệu (thiếu CCCD, thiếu ngày sinh, lâu không cập nhật)',
      querystring: qualityListQuerySchema,
      response: { 200: qualityListSchema },
    },
    handler: async (request) => {
      const q = request.query;
      return quality.list(authOf(request).actor, q.orgId, q.issue, q.page, q.pageSize);
    },
  });

  r.post('/api/v1/members/merge', {
    schema: {
      tags,
      summary: 'Gộp hai hồ sơ của cùng một người (giữ lịch sử của cả hai)',
      body: memberMergeSchema,
      response: { 200: memberMergeResultSchema },
    },
    handler: async (request) => merges.merge(authOf(request).actor, request.body),
  });
}
