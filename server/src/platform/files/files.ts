// Files attached to records (minutes, signed scans, evidence) and documents the platform generates.
// Kept in the database (`stored_file`) so a write is all-or-nothing and a backup carries them. An
// upload is accepted by what its bytes are (not by its name or the browser's claim), from a short
// list of office formats; it is only ever served back as a download.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Tx } from '../../db/context.ts';
import { invalid, notFound } from '../errors.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What an officer may attach: scans and office documents. Executables, HTML, SVG and scripts are refused. */
const ALLOWED: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  tif: 'image/tiff',
  docx: DOCX_MIME,
  xlsx: XLSX_MIME,
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  // Word 97–2003 and Excel 97–2003 share one container (CFB); still common in Party offices.
  cfb: 'application/x-cfb',
};
export const ALLOWED_FILE_LABEL = 'PDF, ảnh quét (PNG, JPEG, TIFF), Word, Excel, OpenDocument';

export interface CheckedFile {
  fileName: string;
  mime: string;
  data: Buffer;
}

/** Accepts a file by its content; the field names the form field in the error. */
export async function checkUpload(fileName: string, data: Buffer, field = 'file'): Promise<CheckedFile> {
  const name = cleanFileName(fileName);
  if (data.length === 0) throw invalid(field, 'Tệp rỗng.');
  if (data.length > MAX_FILE_BYTES) throw invalid(field, 'Tệp quá lớn: tối đa 20 MB.');
  const type = await fileTypeFromBuffer(data);
  const mime = type ? ALLOWED[type.ext] : undefined;
  if (!type || !mime) throw invalid(field, `Loại tệp không được chấp nhận. Chỉ nhận: ${ALLOWED_FILE_LABEL}.`);
  return { fileName: name, mime: type.ext === 'cfb' ? legacyOfficeMime(name) : mime, data };
}

/** A name safe to store and to send back: no path, no control characters, NFC, at most 200 characters. */
export function cleanFileName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').normalize('NFC');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim();
  return (clean || 'tep-dinh-kem').slice(0, 200);
}

function legacyOfficeMime(name: string): string {
  if (/\.xls$/i.test(name)) return 'application/vnd.ms-excel';
  return 'application/msword';
}

export interface NewFile {
  scopePath: string;
  secrecy?: number;
  fileName: string;
  mime: string;
  data: Buffer;
  createdBy: string | null;
}

export interface StoredFileInfo {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
}

export async function storeFile(tx: Tx, f: NewFile): Promise<StoredFileInfo> {
  const sha256 = createHash('sha256').update(f.data).digest('hex');
  const row = await tx
    .insertInto('stored_file')
    .values({
      scope_path: f.scopePath,
      secrecy: f.secrecy ?? 0,
      file_name: f.fileName,
      mime: f.mime,
      size: f.data.length,
      sha256,
      content: f.data,
      created_by: f.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, fileName: f.fileName, mime: f.mime, size: f.data.length, sha256 };
}

export interface LoadedFile extends StoredFileInfo {
  scopePath: string;
  secrecy: number;
  data: Buffer;
}

/** Reads a file the scope may see (row-level security hides the others: they do not exist). */
export async function loadFile(tx: Tx, id: string, what = 'Tệp'): Promise<LoadedFile> {
  const row = await tx.selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(what);
  return {
    id: row.id,
    fileName: row.file_name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    scopePath: row.scope_path,
    secrecy: row.secrecy,
    data: row.content,
  };
}

/** File metadata without the bytes, for lists. */
export async function fileInfos(tx: Tx, ids: string[]): Promise<Map<string, StoredFileInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('stored_file').select(['id', 'file_name', 'mime', 'size', 'sha256']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, fileName: r.file_name, mime: r.mime, size: r.size, sha256: r.sha256 }]));
}
