// The compiled report of committee members' regular supervision, for the standing committee: composed
// as the documents module's neutral model (domain/documents/model.ts) and rendered by its DOCX renderer,
// so it has the Party's format (HD 36-HD/VPTW) like every other document of the platform.
import { formatVnDate } from '../../../../common/dates.ts';
import { dateLine } from '../../domain/documents/dates.ts';
import { b, type DocumentModel, i, type Paragraph, p } from '../../domain/documents/model.ts';
import { committeeHeading, committeeName, placeOf } from '../../domain/supervision/heading.ts';
import { periodTitle } from '../../domain/supervision/periods.ts';
import { renderDocx } from '../documents/render.ts';
import type { PeriodDetail } from './supervision.view.ts';

/** A labelled block whose text may hold several paragraphs. */
function block(label: string, value: string | null): Paragraph[] {
  const lines = (value ?? '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [p('body', b(`${label}: `), i('(không nêu)'))];
  return [p('body', b(`${label}: `), lines[0] as string), ...lines.slice(1).map((l) => p('body', l))];
}

export function compiledModel(d: PeriodDetail, onDay: string): DocumentModel {
  const committee = committeeName(d.org.name);
  const when = periodTitle(d.year, d.period);
  const reportsByArea = new Map(d.reports.map((r) => [r.area_id, r]));
  const sent = d.rows.filter((r) => r.report);
  const unsent = d.rows.filter((r) => r.status === 'missing' || r.status === 'not_due');
  const owed = d.rows.filter((r) => r.status !== 'not_required').length;

  const body: Paragraph[] = [
    p(
      'body',
      `Thực hiện Quy định số 296-QĐ/TW, ngày 30/5/2025 về công tác kiểm tra, giám sát và kỷ luật của Đảng, Ủy ban Kiểm tra tổng hợp báo cáo kết quả giám sát thường xuyên ${when} của các đồng chí cấp ủy viên ${committee} như sau:`,
    ),
    p('heading', 'I. TÌNH HÌNH GỬI BÁO CÁO'),
    p(
      'body',
      `Số đồng chí cấp ủy viên phải báo cáo: ${owed}; đã gửi: ${sent.length} (đúng hạn: ${d.counts.on_time}, gửi muộn: ${d.counts.late}); chưa gửi: ${unsent.length}. Hạn gửi báo cáo: ngày ${formatVnDate(d.dueOn)}.`,
    ),
    p('heading', 'II. KẾT QUẢ GIÁM SÁT CỦA CÁC ĐỒNG CHÍ CẤP ỦY VIÊN'),
  ];
  if (sent.length === 0) body.push(p('body', i('Chưa có đồng chí cấp ủy viên nào gửi báo cáo.')));
  sent.forEach((row, n) => {
    const r = reportsByArea.get(row.areaId);
    if (!r) return;
    const fields = row.fields.length > 0 ? `; lĩnh vực: ${row.fields.join(', ')}` : '';
    body.push(
      p('body', b(`${n + 1}. Đồng chí ${row.holderName}`), ` (địa bàn: ${row.area}${fields})`),
      p('body', i(`Gửi ngày ${formatVnDate(new Date(r.submitted_at).toISOString())}${r.late ? ' (gửi muộn)' : ''}.`)),
      ...block('a) Nội dung đã giám sát', r.content),
      ...block('b) Kết quả, ưu điểm, hạn chế', r.findings),
      ...block('c) Kiến nghị, đề xuất', r.proposals),
    );
    if (r.signs_of_violation)
      body.push(p('body', b('Phát hiện dấu hiệu vi phạm: đề nghị Ủy ban Kiểm tra xem xét, quyết định kiểm tra khi có dấu hiệu vi phạm.')));
  });
  body.push(p('heading', 'III. CẤP ỦY VIÊN CHƯA GỬI BÁO CÁO'));
  if (unsent.length === 0) body.push(p('body', 'Tất cả các đồng chí cấp ủy viên phải báo cáo đã gửi báo cáo.'));
  unsent.forEach((row, n) => {
    const state = row.status === 'not_due' ? 'chưa đến hạn' : 'quá hạn';
    body.push(p('body', `${n + 1}. Đồng chí ${row.holderName} (địa bàn: ${row.area}) — ${state}.`));
  });
  body.push(p('body', `Ủy ban Kiểm tra báo cáo Ban Thường vụ ${committee} xem xét, chỉ đạo./.`));

  return {
    heading: {
      superior: committeeHeading(d.org.name),
      issuer: 'ỦY BAN KIỂM TRA',
      // Numbered by the office when it is signed: the number is left blank.
      numberLine: 'Số       -BC/UBKT',
      secrecy: null,
      dateLine: dateLine(placeOf(d.org.name), onDay),
    },
    title: 'BÁO CÁO TỔNG HỢP',
    subtitle: `kết quả giám sát thường xuyên của cấp ủy viên ${when}`,
    note: null,
    body,
    recipients: [`- Ban Thường vụ ${committee} (để báo cáo),`, '- Các đồng chí cấp ủy viên,', '- Lưu Ủy ban Kiểm tra.'],
    signatures: { left: null, right: { onBehalfOf: 'T/M ỦY BAN KIỂM TRA', title: 'CHỦ NHIỆM', name: null } },
  };
}

export function compiledDocx(d: PeriodDetail, onDay: string): Promise<Buffer> {
  return renderDocx(compiledModel(d, onDay), {
    title: `Báo cáo tổng hợp kết quả giám sát thường xuyên của cấp ủy viên ${periodTitle(d.year, d.period)}`,
    creator: 'KTGS',
  });
}
