// Reads an uploaded XLSX (first sheet) or CSV into rows keyed by the template's columns, keeping the
// cells as the user wrote them for the error report.
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { isoIfValid } from '../../../../common/dates.ts';
import { invalid } from '../../platform/errors.ts';
import { type Column, foldHeader, headerOf, type ImportKind, TEMPLATES } from './templates.ts';

/** More rows than a national province's registry in one file is a mistake, and would exhaust memory. */
export const MAX_ROWS = 200_000;

export interface RowError {
  /** The row number as the spreadsheet shows it (the header is usually row 1). */
  row: number;
  /** The column header as the template writes it ('' for the whole row). */
  field: string;
  message: string;
}

/** An error whose message names the row and the column, so it reads on its own (API, report, CLI). */
export function rowError(row: number, field: string, message: string): RowError {
  const where = field ? `Dòng ${row}, cột "${field}"` : `Dòng ${row}`;
  return { row, field, message: `${where}: ${message}` };
}

export interface SheetRow {
  row: number;
  /** Cell text by column key; empty cells are ''. */
  values: Record<string, string>;
  /** The cells in the file's own column order, as displayed (for the report). */
  raw: string[];
}

export interface ParsedFile {
  format: 'xlsx' | 'csv';
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
  /** Problems of the header row (the file cannot be read as this kind) and of single cells. */
  headerErrors: RowError[];
  cellErrors: RowError[];
}

// Columns that carry nothing to import: a row counter, and the report's row and error columns (so a
// corrected report can be imported again).
const IGNORED_HEADERS = new Set(['stt', 'so thu tu', 'dong', 'loi']);

export function sniffFormat(fileName: string, data: Buffer): 'xlsx' | 'csv' {
  const ext = fileName.toLowerCase().split('.').pop();
  const isZip = data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
  if (ext === 'xlsx' && isZip) return 'xlsx';
  if (ext === 'csv' && !isZip && !data.subarray(0, 8192).includes(0)) return 'csv';
  throw invalid('file', 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv) đúng định dạng. Tệp đã gửi không phải một trong hai loại này.');
}

const pad = (n: number) => String(n).padStart(2, '0');
const vnDate = (d: Date) => `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;

/** An Excel day number (days since 30/12/1899) as dd/mm/yyyy, when it is a plausible date. */
function serialDate(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 120_000) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
  return isoIfValid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ? vnDate(d) : null;
}

/** The text of an exceljs cell value as a person sees it (rich text joined, formulas by their result). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return vnDate(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if (o.text !== undefined) return cellText(o.text);
  if (o.result !== undefined) return cellText(o.result);
  if (o.error) return o.error;
  return String(v);
}

function unwrap(v: unknown): unknown {
  const o = v as { result?: unknown } | null;
  return o && typeof o === 'object' && !(v instanceof Date) && 'result' in o ? o.result : v;
}

/** The value for one column, or a problem (an identifier typed as a number has lost its leading zeros). */
function columnValue(c: Column, v: unknown, text: string): { value: string; problem?: string } {
  const u = unwrap(v);
  if (typeof u === 'number') {
    if (c.type === 'date') {
      const d = serialDate(u);
      return d ? { value: d } : { value: text };
    }
    if (c.key === 'cccd') {
      return {
        value: '',
        problem: `số CCCD đang ở dạng số nên đã mất số 0 ở đầu ("${text}"). Hãy định dạng cột là Văn bản (Text) rồi nhập lại số.`,
      };
    }
  }
  return { value: text.normalize('NFC').trim() };
}

interface Grid {
  format: 'xlsx' | 'csv';
  rows: { row: number; cells: unknown[] }[];
}

async function readXlsx(data: Buffer): Promise<Grid> {
  const rows: Grid['rows'] = [];
  // The whole-workbook reader: exceljs's streaming reader fails when the zip lists a sheet before
  // workbook.xml (its writer does so at random), and measured no faster here.
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw invalid('file', 'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải định dạng .xlsx.');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalid('file', 'Tệp Excel không có trang tính nào.');
  if (ws.actualRowCount > MAX_ROWS + 1) {
    throw invalid('file', `Tệp có quá nhiều dòng: tối đa ${MAX_ROWS.toLocaleString('vi-VN')} dòng mỗi lần nhập; hãy chia nhỏ tệp.`);
  }
  ws.eachRow((row, n) => {
    rows.push({ row: n, cells: (row.values as unknown[]).slice(1) });
  });
  return { format: 'xlsx', rows };
}

/** Comma or semicolon, whichever the header line uses more (Excel in Vietnamese locales writes ";"). */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const outside = firstLine.replace(/"[^"]*"/g, '');
  return (outside.match(/;/g)?.length ?? 0) > (outside.match(/,/g)?.length ?? 0) ? ';' : ',';
}

function readCsv(data: Buffer): Grid {
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) throw invalid('file', 'Tệp CSV phải được lưu với bảng mã UTF-8 (trong Excel: "CSV UTF-8").');
  try {
    const records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return { format: 'csv', rows: records.map((r) => ({ row: r.info.lines, cells: r.record })) };
  } catch (e) {
    throw invalid('file', `Không đọc được tệp CSV: ${(e as Error).message}`);
  }
}

const isBlank = (cells: unknown[]) => cells.every((c) => cellText(c).trim() === '');

/** Reads the file and maps its header row to the template of `kind`. */
export async function readImportFile(kind: ImportKind, fileName: string, data: Buffer): Promise<ParsedFile> {
  const format = sniffFormat(fileName, data);
  const grid = format === 'xlsx' ? await readXlsx(data) : readCsv(data);
  const first = grid.rows.findIndex((r) => !isBlank(r.cells));
  if (first < 0) throw invalid('file', 'Tệp không có dữ liệu: cần một dòng tiêu đề và ít nhất một dòng dữ liệu.');
  const headerLine = grid.rows[first] as Grid['rows'][number];
  const headers = headerLine.cells.map((c) => cellText(c).normalize('NFC').trim());
  const dataRows = grid.rows.slice(first + 1).filter((r) => !isBlank(r.cells));
  if (dataRows.length > MAX_ROWS) {
    throw invalid('file', `Tệp có quá nhiều dòng: tối đa ${MAX_ROWS.toLocaleString('vi-VN')} dòng mỗi lần nhập; hãy chia nhỏ tệp.`);
  }

  const template = TEMPLATES[kind];
  const byHeader = new Map(template.map((c) => [foldHeader(c.header), c]));
  const columns: (Column | null)[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  const doubled: string[] = [];
  headers.forEach((h, i) => {
    const c = byHeader.get(foldHeader(h)) ?? null;
    columns[i] = c;
    if (c && seen.has(c.key)) doubled.push(headerOf(c));
    if (c) seen.add(c.key);
    if (!c && h !== '' && !IGNORED_HEADERS.has(foldHeader(h))) unknown.push(h);
  });
  const missing = template.filter((c) => c.required && !seen.has(c.key)).map(headerOf);
  if (kind === 'posts' && !seen.has('cccd') && !seen.has('partyCardNo')) missing.push('Số CCCD hoặc Số thẻ đảng viên');
  const problems = [
    missing.length ? `thiếu cột bắt buộc ${missing.map((h) => `"${h}"`).join(', ')}` : '',
    unknown.length ? `có cột không thuộc mẫu ${unknown.map((h) => `"${h}"`).join(', ')}` : '',
    doubled.length ? `có cột bị lặp ${doubled.map((h) => `"${h}"`).join(', ')}` : '',
  ].filter(Boolean);
  const headerErrors: RowError[] = problems.length
    ? [rowError(headerLine.row, '', `dòng tiêu đề ${problems.join('; ')}. Hãy dùng tệp mẫu và giữ nguyên tên các cột.`)]
    : [];

  const cellErrors: RowError[] = [];
  const rows = dataRows.map((r): SheetRow => {
    const values: Record<string, string> = Object.fromEntries(template.map((c) => [c.key, '']));
    const raw = headers.map((_, i) => cellText(r.cells[i]));
    columns.forEach((c, i) => {
      if (!c) return;
      const { value, problem } = columnValue(c, r.cells[i], raw[i] ?? '');
      values[c.key] = value;
      if (problem) cellErrors.push(rowError(r.row, c.header, problem));
    });
    return { row: r.row, values, raw };
  });
  return { format, headerRow: headerLine.row, headers, rows, headerErrors, cellErrors };
}
