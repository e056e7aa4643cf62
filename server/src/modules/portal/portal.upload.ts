// Reading the portal's multipart forms: one JSON field (the letter or the reply) and up to five files.
// The JSON field is handed to `accept` as soon as it arrives, so that a form sent in the usual order (the
// field first, as the portal page does) is refused on a bad proof-of-work or a wrong receipt before a
// single file byte is kept. Files are accepted by what their bytes are, from a shorter list than the
// officers' (platform/files/files.ts): nothing a browser could render as a page or run as a script.
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { PORTAL_LIMITS } from '../../../../common/portal-api.ts';
import { type AppError, invalid } from '../../platform/errors.ts';
import { cleanFileName, DOCX_MIME, XLSX_MIME } from '../../platform/files/files.ts';

export interface PortalUpload {
  fileName: string;
  mime: string;
  data: Buffer;
}

export const PORTAL_FILE_LABEL = 'PDF, ảnh JPEG hoặc PNG, Word (.docx), Excel (.xlsx), văn bản thuần (.txt)';
const MB = 1024 * 1024;

/** Detected type → stored MIME type and the extensions a name may keep (the first is added otherwise). */
const ACCEPTED: Record<string, { mime: string; ext: string[] }> = {
  pdf: { mime: 'application/pdf', ext: ['pdf'] },
  jpg: { mime: 'image/jpeg', ext: ['jpg', 'jpeg'] },
  png: { mime: 'image/png', ext: ['png'] },
  docx: { mime: DOCX_MIME, ext: ['docx'] },
  xlsx: { mime: XLSX_MIME, ext: ['xlsx'] },
  txt: { mime: 'text/plain; charset=utf-8', ext: ['txt'] },
};

// Markup that makes a "text" file a page or a drawing when opened in a browser.
const MARKUP = /<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|\?xml|meta|a\s|img\s|style|link)/i;

/** Plain text: valid UTF-8, no control characters but tabs and line breaks, no markup. */
function isPlainText(data: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  return !start.startsWith('<') && !MARKUP.test(text);
}

/** Accepts one file by its content; refuses with a message that names it. */
export async function checkPortalFile(rawName: string, data: Buffer): Promise<PortalUpload> {
  let name = cleanFileName(rawName);
  if (data.length === 0) throw invalid('file', `Tệp "${name}" rỗng.`);
  if (data.length > PORTAL_LIMITS.fileBytes)
    throw invalid('file', `Tệp "${name}" quá lớn: tối đa ${PORTAL_LIMITS.fileBytes / MB} MB mỗi tệp.`);
  const detected = await fileTypeFromBuffer(data);
  const kind = detected ? detected.ext : isPlainText(data) ? 'txt' : null;
  const type = kind ? ACCEPTED[kind] : undefined;
  if (!type) throw invalid('file', `Tệp "${name}" không được chấp nhận. Chỉ nhận: ${PORTAL_FILE_LABEL}.`);
  // The name follows the content: "x.html" holding text is kept as "x.html.txt", never opened as a page.
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  if (!ext || !type.ext.includes(ext)) name = `${name}.${type.ext[0]}`;
  return { fileName: name, mime: type.mime, data };
}

function tooMany(): AppError {
  return invalid('file', `Chỉ gửi tối đa ${PORTAL_LIMITS.files} tệp đính kèm.`);
}

/**
 * Reads `field` (JSON text, passed to `accept`) and the `file` parts, within the portal's limits
 * (PORTAL_LIMITS: 5 files, 10 MB each, 25 MB in all), then checks every file by its content.
 */
export async function readPortalForm<T>(
  request: FastifyRequest,
  field: string,
  accept: (raw: string) => Promise<T>,
): Promise<{ value: T; files: PortalUpload[] }> {
  if (!request.isMultipart()) throw invalid(field, `Gửi dưới dạng multipart/form-data, trường "${field}".`);
  let accepted: { value: T } | null = null;
  const raw: { name: string; data: Buffer }[] = [];
  let total = 0;
  const parts = request.parts({
    limits: {
      fileSize: PORTAL_LIMITS.fileBytes,
      // One more than allowed, so that a sixth file reaches the loop and is refused by name.
      files: PORTAL_LIMITS.files + 1,
      fields: 4,
      parts: PORTAL_LIMITS.files + 6,
      fieldSize: 256 * 1024,
    },
  });
  // A refusal is answered only after the rest of the form has been read and dropped (within the limits
  // above): a server that stops reading mid-upload leaves the browser hanging instead of showing why.
  let refusal: unknown = null;
  try {
    for await (const part of parts) {
      if (refusal) {
        if (part.type === 'file') part.file.resume();
        continue;
      }
      try {
        if (part.type === 'field') {
          if (part.fieldname !== field || accepted) continue;
          if (part.valueTruncated) throw invalid(field, 'Nội dung gửi lên quá dài.');
          const text = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
          accepted = { value: await accept(text) };
          continue;
        }
        if (part.fieldname !== 'file') throw invalid('file', 'Tệp đính kèm phải gửi trong trường "file".');
        if (raw.length >= PORTAL_LIMITS.files) throw tooMany();
        const name = cleanFileName(part.filename);
        let data: Buffer;
        try {
          data = await part.toBuffer();
        } catch {
          throw invalid('file', `Tệp "${name}" quá lớn: tối đa ${PORTAL_LIMITS.fileBytes / MB} MB mỗi tệp.`);
        }
        total += data.length;
        if (total > PORTAL_LIMITS.totalBytes)
          throw invalid('file', `Tổng dung lượng tệp đính kèm tối đa ${PORTAL_LIMITS.totalBytes / MB} MB.`);
        raw.push({ name, data });
      } catch (e) {
        refusal = e;
        raw.length = 0;
        if (part.type === 'file') part.file.resume();
      }
    }
  } catch (e) {
    // The parser's own limits and format errors; a refusal already made is the better answer.
    if (refusal) throw refusal;
    const code = (e as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw tooMany();
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw invalid(field, 'Biểu mẫu có quá nhiều trường.');
    if (code?.startsWith('FST_')) throw invalid(field, 'Dữ liệu gửi lên không đúng định dạng multipart/form-data.');
    throw e;
  }
  if (refusal) throw refusal;
  if (!accepted) throw invalid(field, `Thiếu trường "${field}".`);
  const files: PortalUpload[] = [];
  for (const f of raw) files.push(await checkPortalFile(f.name, f.data));
  return { value: accepted.value, files };
}
