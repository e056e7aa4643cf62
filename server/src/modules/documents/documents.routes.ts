// HTTP routes of the documents module (issue #4 point 4): a case's generated documents in the Party's
// format, their DOCX files and signed scans.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseDocumentSchema, caseDocumentsSchema, docGenerateSchema } from '../../../../common/documents.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { readUpload, sendDownload } from '../../platform/files/http.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { DocumentService } from './documents.service.ts';

const tags = ['Văn bản kiểm tra, giám sát'];
const idParams = z.object({ id: z.uuid({ error: 'Mã không hợp lệ' }) });

export function documentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const documents = new DocumentService(ctx);

  r.get('/api/v1/cases/:id/documents', {
    schema: { tags, summary: 'Văn bản của cuộc kiểm tra, giám sát', params: idParams, response: { 200: caseDocumentsSchema } },
    handler: async (request) => documents.list(authOf(request).actor, request.params.id),
  });

  r.post('/api/v1/cases/:id/documents', {
    schema: {
      tags,
      summary: 'Tạo (hoặc tạo lại) một văn bản theo thể thức văn bản của Đảng',
      params: idParams,
      body: docGenerateSchema,
      response: { 200: caseDocumentSchema },
    },
    handler: async (request) => documents.generate(authOf(request).actor, request.params.id, request.body),
  });

  r.get('/api/v1/case-documents/:id/file', {
    schema: { tags, summary: 'Tải về văn bản (DOCX)', params: idParams },
    handler: async (request, reply) => {
      const f = await documents.file(authOf(request).actor, request.params.id, false);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    },
  });

  r.post('/api/v1/case-documents/:id/signed', {
    schema: { tags, summary: 'Tải lên bản ký (PDF hoặc ảnh quét)', params: idParams, response: { 200: caseDocumentSchema } },
    handler: async (request) => {
      const actor = authOf(request).actor;
      return documents.uploadSigned(actor, request.params.id, await readUpload(request));
    },
  });

  r.get('/api/v1/case-documents/:id/signed', {
    schema: { tags, summary: 'Tải về bản ký của văn bản', params: idParams },
    handler: async (request, reply) => {
      const f = await documents.file(authOf(request).actor, request.params.id, true);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    },
  });
}
