// The row-by-row report of an import as XLSX: the rows as sent, with a column "Lỗi"; error rows
// highlighted. Rebuilt from import_run, so it can be downloaded any time after the run.
import ExcelJS from 'exceljs';
import type { StoredReport } from './runs.repository.ts';
import { headerOf, type ImportKind, TEMPLATES } from './templates.ts';

const ERROR_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
const STATUS_LABELS: Record<string, string> = {
  applied: 'Đã nhập',
  unchanged: 'Không có thay đổi (dữ liệu đã có sẵn)',
  rejected: 'Bị từ chối: không có dữ liệu nào được ghi',
};

export interface RunForReport {
  kind: string;
  file_name: string;
  file_sha256: string;
  status: string;
  rows_total: number;
  created: number;
  updated: number;
  unchanged: number;
  created_at: Date | string;
  errors: unknown[];
}

export async function buildReport(run: RunForReport): Promise<Buffer> {
  const stored = (run.errors[0] ?? null) as StoredReport | null;
  const headers = stored?.headers.length ? stored.headers : TEMPLATES[run.kind as ImportKind].map(headerOf);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KTGS';
  const ws = wb.addWorksheet('Báo cáo', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'Dòng', width: 7 },
    ...headers.map((h) => ({ header: h, width: Math.max(12, Math.min(40, h.length + 4)) })),
    { header: 'Lỗi', width: 80, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  const errorCol = headers.length + 2;
  if (run.status !== 'rejected' || !stored) {
    const row = ws.addRow([]);
    row.getCell(errorCol).value =
      `Không có lỗi: ${run.rows_total} dòng (thêm mới ${run.created}, cập nhật ${run.updated}, không đổi ${run.unchanged}).`;
  } else {
    for (const r of stored.rows) {
      const row = ws.addRow([r.row || '', ...headers.map((_, i) => r.values[i] ?? '')]);
      row.getCell(errorCol).value = r.errors.join('\n');
      if (r.errors.length) {
        for (let i = 1; i <= errorCol; i++) row.getCell(i).fill = ERROR_FILL;
      }
    }
    if (stored.omitted > 0) {
      ws
        .addRow([])
        .getCell(errorCol).value = `… và ${stored.omitted} dòng lỗi khác không được đưa vào báo cáo. Hãy sửa các lỗi trên rồi nhập lại.`;
    }
  }

  const summary = wb.addWorksheet('Tóm tắt');
  summary.columns = [{ width: 28 }, { width: 80 }];
  const createdAt = run.created_at instanceof Date ? run.created_at : new Date(run.created_at);
  for (const [k, v] of [
    ['Tệp', run.file_name],
    ['Mã băm SHA-256', run.file_sha256],
    ['Thời điểm nhập', createdAt.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })],
    ['Kết quả', STATUS_LABELS[run.status] ?? run.status],
    ['Số dòng', run.rows_total],
    ['Thêm mới', run.created],
    ['Cập nhật', run.updated],
    ['Không đổi', run.unchanged],
    ['Số lỗi', stored?.errorCount ?? 0],
  ] as const) {
    summary.addRow([k, v]).getCell(1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
