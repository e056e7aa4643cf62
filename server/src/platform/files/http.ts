// Reading an upload from a multipart request and sending a file back as a download.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalid } from '../errors.ts';
import { type CheckedFile, checkUpload } from './files.ts';

export interface Upload extends CheckedFile {
  /** The text fields sent with the file (title, note…), NFC. */
  fields: Record<string, string>;
}

/** One file in the field `file`, with its text fields; checked by content (platform/files/files.ts). */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw invalid('file', 'Gửi tệp dưới dạng multipart/form-data, trường "file".');
  const fields: Record<string, string> = {};
  let file: { name: string; data: Buffer } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) {
        await part.toBuffer().catch(() => undefined);
        throw invalid('file', 'Chỉ gửi một tệp, trong trường "file".');
      }
      try {
        file = { name: part.filename, data: await part.toBuffer() };
      } catch {
        throw invalid('file', 'Tệp quá lớn: tối đa 20 MB.');
      }
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value.normalize('NFC');
    }
  }
  if (!file) throw invalid('file', 'Chưa chọn tệp (trường "file").');
  return { ...(await checkUpload(file.name, file.data)), fields };
}

/** Sends bytes as a download: never rendered inline, never sniffed, never scripted. */
export function sendDownload(reply: FastifyReply, fileName: string, mime: string, data: Buffer) {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\;]/g, '') || 'ktgs';
  return reply
    .type(mime)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(data);
}
