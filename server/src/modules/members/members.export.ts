// The filtered member list as an XLSX file (all pages, up to a cap), audited as a bulk read.
import ExcelJS from 'exceljs';
import { formatVnDate } from '../../../../common/dates.ts';
import { GENDER_LABELS, MEMBER_STATUS_LABELS, type MemberQuery } from '../../../../common/members.ts';
import { inTransaction } from '../../db/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { requireScope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { MemberService } from './members.service.ts';

export const EXPORT_CAP = 200_000;
const PAGE = 2_000;

export async function exportMembers(
  ctx: AppContext,
  actor: Actor,
  q: Omit<MemberQuery, 'page' | 'pageSize'>,
  cap = EXPORT_CAP,
): Promise<Buffer> {
  const members = new MemberService(ctx);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KTGS';
  const ws = wb.addWorksheet('Đảng viên', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'STT', key: 'no', width: 7 },
    { header: 'Họ và tên', key: 'name', width: 28 },
    { header: 'Giới tính', key: 'gender', width: 10 },
    { header: 'Ngày sinh', key: 'birth', width: 12 },
    { header: 'Số CCCD', key: 'cccd', width: 16 },
    { header: 'Số thẻ đảng viên', key: 'card', width: 16 },
    { header: 'Chi bộ', key: 'org', width: 36 },
    { header: 'Chức vụ hiện tại', key: 'posts', width: 36 },
    { header: 'Tình trạng', key: 'status', width: 22 },
  ];
  ws.getRow(1).font = { bold: true };
  let page = 1;
  let written = 0;
  for (;;) {
    // The first page counts up to the cap (refusing before anything is written); later pages do not count.
    const { items, totalCapped } = await members.list(actor, { ...q, page, pageSize: PAGE }, page === 1 ? cap : 0);
    if (totalCapped) {
      throw new AppError(
        'validation',
        `Danh sách có hơn ${cap.toLocaleString('vi-VN')} đảng viên, vượt mức một lần xuất: hãy lọc hẹp hơn.`,
      );
    }
    for (const m of items) {
      written += 1;
      ws.addRow({
        no: written,
        name: m.fullName,
        gender: m.gender ? GENDER_LABELS[m.gender] : '',
        birth: formatVnDate(m.birthDate),
        cccd: m.cccdMasked ?? '',
        card: m.partyCardNo ?? '',
        org: m.orgName,
        posts: m.currentPosts.join('; '),
        status: MEMBER_STATUS_LABELS[m.status],
      });
    }
    if (items.length < PAGE) break;
    page += 1;
  }
  const scope = requireScope(actor, 'member.read');
  await inTransaction(ctx.database.db, scope, (tx) =>
    appendAudit(tx, actor, { action: 'member.export', entityType: 'member', detail: { rows: written, filter: { ...q } } }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
