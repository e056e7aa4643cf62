// The compiled report of committee members' regular supervision, for the standing committee, as DOCX in
// the Party's document format (domain.md §3): issuing body top left with "*", "ĐẢNG CỘNG SẢN VIỆT NAM"
// top right, the place-and-date line, the title, Times New Roman 14, "Nơi nhận:" bottom left and the
// signature block bottom right. Kept inside this module on purpose (the case documents are built apart).
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatVnDate } from '../../../../common/dates.ts';
import { committeeHeading, committeeName, placeDateLine, placeOf } from '../../domain/supervision/heading.ts';
import { periodTitle } from '../../domain/supervision/periods.ts';
import type { PeriodDetail } from './supervision.view.ts';

const FONT = 'Times New Roman';
const SIZE = 28; // half-points: 14 pt
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

type RunOpts = { bold?: boolean; italics?: boolean; underline?: boolean; size?: number };
const run = (text: string, o: RunOpts = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: o.size ?? SIZE,
    bold: o.bold,
    italics: o.italics,
    underline: o.underline ? {} : undefined,
  });
const centred = (text: string, o: RunOpts = {}) => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, o)] });
const body = (children: TextRun[]) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, spacing: { before: 60, after: 60 }, children });
const text = (s: string, o: RunOpts = {}) => body([run(s, o)]);
/** A labelled block whose text may hold several paragraphs. */
const block = (label: string, value: string | null) => {
  const lines = (value ?? '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [body([run(`${label}: `, { bold: true }), run('(không nêu)', { italics: true })])];
  return [body([run(`${label}: `, { bold: true }), run(lines[0] as string)]), ...lines.slice(1).map((l) => text(l))];
};

function twoColumns(left: Paragraph[], right: Paragraph[]) {
  const cell = (children: Paragraph[]) => new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left), cell(right)] })],
  });
}

export async function compiledDocx(d: PeriodDetail, onDay: string): Promise<Buffer> {
  const committee = committeeName(d.org.name);
  const when = periodTitle(d.year, d.period);
  const reportsByArea = new Map(d.reports.map((r) => [r.area_id, r]));
  const sent = d.rows.filter((r) => r.report);
  const unsent = d.rows.filter((r) => r.status === 'missing' || r.status === 'not_due');
  const owed = d.rows.filter((r) => r.status !== 'not_required').length;

  const heading = twoColumns(
    [centred(committeeHeading(d.org.name)), centred('ỦY BAN KIỂM TRA', { bold: true }), centred('*'), centred('Số       -BC/UBKT')],
    [
      centred('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true }),
      centred(''),
      centred(placeDateLine(placeOf(d.org.name), onDay), { italics: true }),
    ],
  );

  const sections: Paragraph[] = [
    new Paragraph({ spacing: { before: 360 }, alignment: AlignmentType.CENTER, children: [run('BÁO CÁO TỔNG HỢP', { bold: true })] }),
    centred(`kết quả giám sát thường xuyên của cấp ủy viên ${when}`, { bold: true }),
    centred('-----'),
    text(
      `Thực hiện Quy định số 296-QĐ/TW, ngày 30/5/2025 về công tác kiểm tra, giám sát và kỷ luật của Đảng, Ủy ban Kiểm tra tổng hợp báo cáo kết quả giám sát thường xuyên ${when} của các đồng chí cấp ủy viên ${committee} như sau:`,
    ),
    text('I. TÌNH HÌNH GỬI BÁO CÁO', { bold: true }),
    text(
      `Số đồng chí cấp ủy viên phải báo cáo: ${owed}; đã gửi: ${sent.length} (đúng hạn: ${d.counts.on_time}, gửi muộn: ${d.counts.late}); chưa gửi: ${unsent.length}. Hạn gửi báo cáo: ngày ${formatVnDate(d.dueOn)}.`,
    ),
    text('II. KẾT QUẢ GIÁM SÁT CỦA CÁC ĐỒNG CHÍ CẤP ỦY VIÊN', { bold: true }),
  ];
  if (sent.length === 0) sections.push(text('Chưa có đồng chí cấp ủy viên nào gửi báo cáo.', { italics: true }));
  sent.forEach((row, i) => {
    const r = reportsByArea.get(row.areaId);
    if (!r) return;
    const fields = row.fields.length > 0 ? `; lĩnh vực: ${row.fields.join(', ')}` : '';
    sections.push(
      body([run(`${i + 1}. Đồng chí ${row.holderName}`, { bold: true }), run(` (địa bàn: ${row.area}${fields})`)]),
      text(`Gửi ngày ${formatVnDate(new Date(r.submitted_at).toISOString())}${r.late ? ' (gửi muộn)' : ''}.`, { italics: true }),
      ...block('a) Nội dung đã giám sát', r.content),
      ...block('b) Kết quả, ưu điểm, hạn chế', r.findings),
      ...block('c) Kiến nghị, đề xuất', r.proposals),
    );
    if (r.signs_of_violation)
      sections.push(
        text('Phát hiện dấu hiệu vi phạm: đề nghị Ủy ban Kiểm tra xem xét, quyết định kiểm tra khi có dấu hiệu vi phạm.', { bold: true }),
      );
  });
  sections.push(text('III. CẤP ỦY VIÊN CHƯA GỬI BÁO CÁO', { bold: true }));
  if (unsent.length === 0) sections.push(text('Tất cả các đồng chí cấp ủy viên phải báo cáo đã gửi báo cáo.'));
  unsent.forEach((row, i) => {
    const state = row.status === 'not_due' ? 'chưa đến hạn' : 'quá hạn';
    sections.push(text(`${i + 1}. Đồng chí ${row.holderName} (địa bàn: ${row.area}) — ${state}.`));
  });
  sections.push(text(`Ủy ban Kiểm tra báo cáo Ban Thường vụ ${committee} xem xét, chỉ đạo./.`));

  const closing = twoColumns(
    [
      new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, underline: true, size: 24 })] }),
      new Paragraph({ children: [run(`- Ban Thường vụ ${committee} (để báo cáo),`, { size: 22 })] }),
      new Paragraph({ children: [run('- Các đồng chí cấp ủy viên,', { size: 22 })] }),
      new Paragraph({ children: [run('- Lưu Ủy ban Kiểm tra.', { size: 22 })] }),
    ],
    [centred('T/M ỦY BAN KIỂM TRA', { bold: true }), centred('CHỦ NHIỆM', { bold: true })],
  );

  const doc = new Document({
    creator: 'KTGS',
    title: `Báo cáo tổng hợp kết quả giám sát thường xuyên của cấp ủy viên ${when}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        // A4 portrait; margins 20 mm top and bottom, 30 mm left (binding), 19 mm right.
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1077 } } },
        children: [heading, ...sections, new Paragraph({ children: [] }), closing],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
