// HTTP routes of the imports (docs/api.md, "Registry: imports").
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.ts';
import { invalid } from '../../platform/errors.ts';
import { XLSX_MIME } from '../../platform/files/files.ts';
import { sendDownload } from '../../platform/files/http.ts';
import { authOf } from '../../platform/http/auth-hook.ts';
import { importIdParams, importKindParams, importResultSchema, importRunListSchema } from './imports.schema.ts';
import { ImportService } from './imports.service.ts';

const tags = ['Nhập dữ liệu'];
export function importRoutes(app: FastifyInstance, ctx: AppContext) {
  const imports = new ImportService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/imports/templates/:kind', {
    schema: { tags, summary: 'Tải tệp mẫu nhập dữ liệu (XLSX)', params: importKindParams },
    handler: async (request, reply) => {
      const { kind } = request.params;
      const data = await imports.template(authOf(request).actor, kind);
      return sendDownload(reply, `Mẫu nhập ${{ members: 'đảng viên', orgs: 'tổ chức', posts: 'chức vụ' }[kind]}.xlsx`, XLSX_MIME, data);
    },
  });

  r.post('/api/v1/imports/:kind', {
    schema: {
      tags,
      summary: 'Nhập tệp XLSX hoặc CSV (trường "file"): nhận toàn bộ hoặc không nhận gì',
      consumes: ['multipart/form-data'],
      params: importKindParams,
      response: { 200: importResultSchema },
    },
    handler: async (request) => {
      if (!request.isMultipart()) throw invalid('file', 'Gửi tệp dưới dạng multipart/form-data, trường "file".');
      const file = await request.file();
      if (file?.fieldname !== 'file') throw invalid('file', 'Chưa chọn tệp để nhập (trường "file").');
      let data: Buffer;
      try {
        data = await file.toBuffer();
      } catch {
        throw invalid('file', 'Tệp quá lớn: tối đa 20 MB mỗi lần nhập; hãy chia nhỏ tệp.');
      }
      return imports.run(authOf(request).actor, request.params.kind, file.filename, data);
    },
  });

  r.get('/api/v1/imports', {
    schema: { tags, summary: 'Các lần nhập gần đây trong phạm vi của tôi', response: { 200: importRunListSchema } },
    handler: async (request) => ({ items: await imports.list(authOf(request).actor) }),
  });

  r.get('/api/v1/imports/:id/report', {
    schema: { tags, summary: 'Báo cáo từng dòng của một lần nhập (XLSX, cột "Lỗi")', params: importIdParams },
    handler: async (request, reply) => {
      const { fileName, data } = await imports.report(authOf(request).actor, request.params.id);
      return sendDownload(reply, fileName, XLSX_MIME, data);
    },
  });
}
