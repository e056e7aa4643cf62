// The import templates: per kind, the columns with their Vietnamese headers, and the XLSX a user fills in.
import ExcelJS from 'exceljs';
import { ORG_KIND_LABELS } from '../../../../common/orgs.ts';
import { POST_KINDS, SENSITIVE_AREA_LABELS } from '../../../../common/posts.ts';
import { foldForSearch } from '../../../../common/text.ts';

export const IMPORT_KINDS = ['members', 'orgs', 'posts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** How a cell is read: dates accept Excel dates; identifiers must be typed as text (leading zeros). */
export type ColumnType = 'text' | 'date' | 'id';

export interface Column {
  key: string;
  /** The header as the template writes it (without the "*" of required columns). */
  header: string;
  required: boolean;
  type: ColumnType;
  note: string;
  example: string;
}

const col = (key: string, header: string, required: boolean, type: ColumnType, note: string, example: string): Column => ({
  key,
  header,
  required,
  type,
  note,
  example,
});

const orgKinds = Object.values(ORG_KIND_LABELS).join('; ');
const postKinds = POST_KINDS.map((p) => p.label).join('; ');
const areas = Object.values(SENSITIVE_AREA_LABELS).join('; ');

export const TEMPLATES: Record<ImportKind, readonly Column[]> = {
  members: [
    col('fullName', 'Họ và tên', true, 'text', 'Họ, tên đệm và tên, có dấu.', 'Nguyễn Thị Hồng Nhung'),
    col('gender', 'Giới tính', false, 'text', 'Nam hoặc Nữ.', 'Nữ'),
    col('birthDate', 'Ngày sinh', false, 'date', 'Ngày/tháng/năm (dd/mm/yyyy).', '05/03/1985'),
    col('cccd', 'Số CCCD', false, 'id', '12 chữ số; định dạng cột là Văn bản (Text) để giữ số 0 ở đầu.', '001185012345'),
    col('partyCardNo', 'Số thẻ đảng viên', false, 'id', 'Từ 4 đến 20 ký tự: chữ số, chữ cái, dấu chấm, gạch ngang.', '52012345'),
    col('orgCode', 'Mã chi bộ', true, 'text', 'Mã của chi bộ (hoặc tổ chức cơ sở đảng) nơi đảng viên sinh hoạt.', 'CB_THON1'),
    col('status', 'Tình trạng', false, 'text', 'Dự bị hoặc Chính thức; để trống: Chính thức.', 'Chính thức'),
    col('admittedOn', 'Ngày vào Đảng', false, 'date', 'Ngày/tháng/năm (dd/mm/yyyy).', '19/05/2010'),
    col('confirmedOn', 'Ngày chính thức', false, 'date', 'Ngày/tháng/năm, sau ngày vào Đảng.', '19/05/2011'),
  ],
  orgs: [
    col('code', 'Mã tổ chức', true, 'id', 'Chữ không dấu, chữ số, dấu gạch dưới; tối đa 40 ký tự; không trùng.', 'CB_THON1'),
    col('name', 'Tên tổ chức', true, 'text', 'Tên đầy đủ, có dấu.', 'Chi bộ Thôn 1'),
    col('kind', 'Loại', true, 'text', `Một trong: ${orgKinds}.`, 'Chi bộ'),
    col('parentCode', 'Mã tổ chức cấp trên', true, 'id', 'Mã của tổ chức đã có hoặc của một dòng khác trong tệp.', 'DB_XA1'),
    col('hasCommittee', 'Có cấp ủy', false, 'text', 'Có hoặc Không; để trống: Không.', 'Không'),
    col('hasInspectionCommittee', 'Có Ủy ban Kiểm tra', false, 'text', 'Có hoặc Không; chi bộ không có Ủy ban Kiểm tra.', 'Không'),
    col('validFrom', 'Hiệu lực từ ngày', false, 'date', 'Ngày/tháng/năm (dd/mm/yyyy).', '01/07/2025'),
  ],
  posts: [
    col('cccd', 'Số CCCD', false, 'id', 'Để tìm đảng viên: ghi Số CCCD hoặc Số thẻ đảng viên (định dạng cột là Văn bản).', '001185012345'),
    col('partyCardNo', 'Số thẻ đảng viên', false, 'id', 'Dùng khi không có Số CCCD.', ''),
    col('code', 'Chức vụ', true, 'text', `Một trong: ${postKinds}.`, 'Bí thư'),
    col('title', 'Tên chức vụ cụ thể', false, 'text', 'Để trống: tên chức vụ ở cột Chức vụ.', 'Bí thư Chi bộ Thôn 1'),
    col('orgCode', 'Mã đơn vị công tác', false, 'text', 'Mã tổ chức đảng nơi giữ chức vụ (nếu có).', 'CB_THON1'),
    col('workplace', 'Nơi công tác', false, 'text', 'Cơ quan, đơn vị (ghi tự do).', 'UBND xã'),
    col('sensitiveAreas', 'Lĩnh vực nhạy cảm', false, 'text', `Ngăn cách bằng dấu chấm phẩy (;). Một hoặc nhiều trong: ${areas}.`, ''),
    col('fromDate', 'Từ ngày', true, 'date', 'Ngày/tháng/năm (dd/mm/yyyy).', '01/10/2025'),
    col('toDate', 'Đến ngày', false, 'date', 'Để trống khi đang giữ chức vụ.', ''),
  ],
};

/** Headers compare folded: "ho va ten", "HỌ VÀ TÊN*" and "Họ và tên" are the same column. */
export function foldHeader(h: string): string {
  return foldForSearch(h.replace(/\*/g, ''));
}

export const headerOf = (c: Column) => (c.required ? `${c.header}*` : c.header);

const SHEET_NAMES: Record<ImportKind, string> = { members: 'Đảng viên', orgs: 'Tổ chức', posts: 'Chức vụ' };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;

/** The template: header row (bold, frozen), one example row, and the sheet "Hướng dẫn". */
export async function writeTemplate(kind: ImportKind): Promise<Buffer> {
  const columns = TEMPLATES[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KTGS';
  const ws = wb.addWorksheet(SHEET_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: headerOf(c),
    key: c.key,
    width: Math.max(14, headerOf(c).length + 4),
    // Identifiers and dates as text, so Excel keeps leading zeros and does not reinterpret dates.
    style: c.type === 'text' ? {} : { numFmt: '@' },
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example])));

  const help = wb.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'header', width: 28 },
    { header: 'Bắt buộc', key: 'required', width: 10 },
    { header: 'Cách ghi', key: 'note', width: 90 },
    { header: 'Ví dụ', key: 'example', width: 28 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) help.addRow({ header: headerOf(c), required: c.required ? 'Có' : '', note: c.note, example: c.example });
  help.addRow({});
  for (const line of GENERAL_NOTES[kind]) help.addRow({ header: line });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const COMMON_NOTES = [
  'Dòng đầu tiên là dòng tiêu đề; mỗi dòng sau là một bản ghi. Dòng ví dụ phải được thay bằng dữ liệu thật hoặc xóa đi.',
  'Cột có dấu * là bắt buộc. Có thể thêm cột "STT"; các cột khác không có trong mẫu sẽ bị từ chối.',
  'Tệp được nhận toàn bộ hoặc không nhận gì: nếu có một dòng lỗi, không dữ liệu nào được ghi và báo cáo lỗi nêu từng dòng, từng cột.',
  'Nhập lại cùng một tệp không làm thay đổi dữ liệu. Ô để trống giữ nguyên giá trị đã có.',
  'Chấp nhận tệp .xlsx (trang tính đầu tiên) hoặc .csv (UTF-8, phân cách bằng dấu phẩy hoặc dấu chấm phẩy).',
];
const GENERAL_NOTES: Record<ImportKind, string[]> = {
  members: [
    ...COMMON_NOTES,
    'Đảng viên đã có được nhận ra theo Số CCCD, nếu không có thì theo Số thẻ đảng viên, nếu không có thì theo họ tên và ngày sinh.',
    'Đảng viên đã có mà Mã chi bộ khác với chi bộ hiện tại thì được chuyển sinh hoạt sang chi bộ mới từ ngày nhập.',
  ],
  orgs: [...COMMON_NOTES, 'Tổ chức đã có (cùng mã) được cập nhật tên, loại, cấp ủy; không đổi được tổ chức cấp trên qua nhập tệp.'],
  posts: [...COMMON_NOTES, 'Chức vụ đã có (cùng đảng viên, cùng chức vụ, cùng ngày bắt đầu) được cập nhật.'],
};
