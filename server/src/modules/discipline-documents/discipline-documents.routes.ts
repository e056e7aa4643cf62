// HTTP routes of discipline decision documents (issue #5 point 3): generate the decision as DOCX in the
// Party's format, and download it as an attachment.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { disciplineDocGenerateSchema, disciplineDocumentSchema } from '../../../../common/discipline-documents.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { sendDownload } from '../../platform/files/http.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { DisciplineDocumentService } from './discipline-documents.service.ts';

const tags = ['Kỷ luật đảng'];
const idParams = z.object({ id: z.uuid({ error: 'Mã không hợp lệ' }) });

export function disciplineDocumentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const documents = new DisciplineDocumentService(ctx);

  r.post('/api/v1/discipline/decisions/:id/document', {
    schema: {
      tags,
      summary: 'Tạo (hoặc tạo lại) quyết định thi hành kỷ luật theo thể thức văn bản của Đảng (DOCX)',
      params: idParams,
      body: disciplineDocGenerateSchema.optional(),
      response: { 200: disciplineDocumentSchema },
    },
    handler: async (request) => documents.generate(authOf(request).actor, request.params.id, request.body ?? {}),
  });

  r.get('/api/v1/discipline/decisions/:id/document', {
    schema: { tags, summary: 'Tải về quyết định thi hành kỷ luật (DOCX, bản mới nhất)', params: idParams },
    handler: async (request, reply) => {
      const f = await documents.file(authOf(request).actor, request.params.id);
      return sendDownload(reply, f.fileName, f.mime, f.data);
    },
  });
}
