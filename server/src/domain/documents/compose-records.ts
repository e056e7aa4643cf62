// The documents of the execution and closing stages: minutes (biên bản triển khai, làm việc, hội nghị),
// the team's results report and the conclusion notice (thông báo kết luận / kết quả giám sát).
import type { DocType } from '../../../../common/documents.ts';
import { longDate, shortDate } from './dates.ts';
import { type CaseFacts, familyOf } from './facts.ts';
import { archive, capital, frame, type Issue, reportTo } from './frame.ts';
import { type DocumentModel, type Paragraph, p } from './model.ts';
import {
  decisionAndPlanPhrase,
  decisionPhrase,
  kindPhrase,
  leaderName,
  roleLabel,
  Subject,
  subject,
  team,
  teamLines,
  textOrBlank,
  work,
} from './words.ts';

const DOTS = '.'.repeat(120);

function teamSignature(f: CaseFacts) {
  return {
    onBehalfOf: `T/M ${team(f).toLocaleUpperCase('vi')}`,
    title: f.bodyType === 'cell' ? 'TỔ TRƯỞNG' : 'TRƯỞNG ĐOÀN',
    name: leaderName(f),
  };
}

/** Minutes are signed on both sides, not sent: no "Nơi nhận". */
export function composeMinutes(type: Extract<DocType, `minutes_${string}`>, f: CaseFacts, issue: Issue): DocumentModel {
  const subtitle =
    type === 'minutes_handover'
      ? `triển khai ${decisionAndPlanPhrase(f)}`
      : type === 'minutes_work'
        ? `làm việc giữa ${team(f)} với ${subject(f)}`
        : `hội nghị ${f.subject.kind === 'member' ? (f.subject.orgName ?? 'tổ chức đảng nơi đối tượng sinh hoạt') : f.subject.name} nghe ${f.subject.kind === 'member' ? `đồng chí ${f.subject.name} tự kiểm điểm, giải trình` : 'báo cáo tự kiểm điểm, giải trình'}`;
  const purpose =
    type === 'minutes_handover'
      ? `${team(f)} triển khai quyết định, kế hoạch ${work(f)} đến ${subject(f)}`
      : type === 'minutes_work'
        ? `${team(f)} làm việc với ${subject(f)} về nội dung ${work(f)}: ${f.topic.trim().replace(/\.$/, '')}`
        : `${f.subject.kind === 'member' ? (f.subject.orgName ?? 'tổ chức đảng nơi đối tượng sinh hoạt') : f.subject.name} tổ chức hội nghị ${f.subject.kind === 'member' ? `để đồng chí ${f.subject.name} tự kiểm điểm, giải trình` : 'tự kiểm điểm'} theo ${decisionPhrase(f)}`;
  const body: Paragraph[] = [
    p(
      'body',
      `Hôm nay, vào lúc ...... giờ ...... phút, ngày ...... tháng ...... năm ......, tại ......................................., ${purpose}.`,
    ),
    p('heading', 'I. THÀNH PHẦN'),
    p('body', `1. ${team(f)}:`),
    ...teamLines(f, 'dash'),
    p('body', `2. ${f.subject.kind === 'member' ? 'Đối tượng và đại diện tổ chức đảng' : `Đại diện tổ chức đảng được ${work(f)}`}:`),
    p('blank', DOTS),
    p('blank', DOTS),
    p('heading', 'II. NỘI DUNG'),
  ];
  if (type === 'minutes_handover') {
    body.push(
      p(
        'body',
        `1. Đồng chí ${leaderName(f) ?? '..................'}, ${roleLabel(f, 'leader')}, công bố ${decisionAndPlanPhrase(f)}; phổ biến đề cương báo cáo.`,
      ),
      p('body', '2. Thống nhất lịch làm việc:'),
      p('blank', DOTS),
      p('body', `3. Ý kiến của ${subject(f)}:`),
      p('blank', DOTS),
    );
  } else {
    body.push(...textOrBlank(null, 5));
  }
  body.push(
    p(
      'body',
      'Biên bản kết thúc vào lúc ...... giờ ...... phút cùng ngày, đã được đọc lại cho những người dự cùng nghe và nhất trí; được lập thành ...... bản có giá trị như nhau.',
    ),
  );
  const meeting = type === 'minutes_meeting';
  return {
    ...frame(f, issue),
    title: 'BIÊN BẢN',
    subtitle,
    note: null,
    body,
    recipients: [],
    signatures: {
      left: meeting
        ? { onBehalfOf: null, title: 'THƯ KÝ HỘI NGHỊ', name: null }
        : {
            onBehalfOf: null,
            title: f.subject.kind === 'member' ? `ĐỐI TƯỢNG ĐƯỢC ${work(f).toLocaleUpperCase('vi')}` : 'ĐẠI DIỆN TỔ CHỨC ĐẢNG',
            name: f.subject.kind === 'member' ? f.subject.name : null,
          },
      right: meeting ? { onBehalfOf: null, title: 'CHỦ TRÌ HỘI NGHỊ', name: null } : teamSignature(f),
    },
  };
}

function verdict(f: CaseFacts): Paragraph[] {
  if (familyOf(f.kind) === 'supervision') return [];
  if (f.violationFound === true) return [p('body', `${Subject(f)} có vi phạm như đã nêu trên.`)];
  if (f.violationFound === false) return [p('body', `Qua ${work(f)}, ${subject(f)} không có vi phạm.`)];
  return [p('blank', DOTS)];
}

function requirementLines(f: CaseFacts): Paragraph[] {
  if (f.requirements.length === 0) return [p('body', 'Không có yêu cầu khắc phục.')];
  return f.requirements.map((r, i) =>
    p(
      'item',
      `${i + 1}. ${r.requirement.trim().replace(/\.$/, '')}. Người (tổ chức) thực hiện: ${r.ownerName}; thời hạn hoàn thành: trước ngày ${shortDate(r.dueOn)}.`,
    ),
  );
}

function disciplineLines(f: CaseFacts): Paragraph[] {
  if (!f.proposeDiscipline) return [];
  const note = f.disciplineNote?.trim().replace(/\.$/, '');
  return [p('body', `Đề nghị cấp có thẩm quyền xem xét, thi hành kỷ luật đối với ${subject(f)}${note ? `: ${note}` : ''}.`)];
}

function opening(f: CaseFacts): string {
  const from = f.decidedOn ? ` từ ngày ${shortDate(f.decidedOn)}` : '';
  if (f.kind === 'supervision.regular')
    return `Thực hiện chương trình kiểm tra, giám sát${f.programme ? ` năm ${f.programme.year}` : ''}, ${f.issuer.fullName} đã tiến hành giám sát thường xuyên đối với ${subject(f)}.`;
  return `Thực hiện ${decisionPhrase(f)} về việc ${kindPhrase(f)} đối với ${subject(f)},${from ? `${from},` : ''} ${team(f)} đã tiến hành ${work(f)} theo kế hoạch.`;
}

export function composeResults(f: CaseFacts, issue: Issue): DocumentModel {
  const regular = f.kind === 'supervision.regular';
  const body: Paragraph[] = [
    p('body', `${opening(f)} ${regular ? 'Kết quả' : `${team(f)} báo cáo kết quả`} như sau:`),
    p('heading', 'I. ĐẶC ĐIỂM TÌNH HÌNH'),
    p('blank', DOTS),
    p('heading', `II. KẾT QUẢ ${work(f).toLocaleUpperCase('vi')}`),
    p('body', `Nội dung ${work(f)}: ${f.topic.trim().replace(/\.$/, '')}.`),
    ...textOrBlank(f.findings),
    p('heading', familyOf(f.kind) === 'supervision' ? 'III. NHẬN XÉT, ĐÁNH GIÁ' : 'III. NHẬN XÉT, KẾT LUẬN'),
    ...(familyOf(f.kind) === 'supervision' ? [p('blank', DOTS)] : verdict(f)),
    p('heading', 'IV. KIẾN NGHỊ, ĐỀ XUẤT'),
    ...requirementLines(f),
    ...disciplineLines(f),
  ];
  const heading = frame(f, issue);
  return {
    ...heading,
    // The team reports to the body that sent it: the body names the heading, the team signs.
    heading: regular
      ? heading.heading
      : { ...heading.heading, superior: f.issuer.fullName.toLocaleUpperCase('vi'), issuer: team(f).toLocaleUpperCase('vi') },
    title: 'BÁO CÁO',
    subtitle: `kết quả ${kindPhrase(f)} đối với ${subject(f)}`,
    note: null,
    body,
    recipients: regular ? [...reportTo(f), archive(f)] : [`- ${f.issuer.fullName} (để báo cáo),`, `- Lưu hồ sơ đoàn (${f.code}).`],
    signatures: { left: null, right: regular ? heading.signatures.right : teamSignature(f) },
  };
}

export function composeNotice(f: CaseFacts, issue: Issue): DocumentModel {
  const supervision = familyOf(f.kind) === 'supervision';
  const body: Paragraph[] = [p('body', opening(f))];
  if (f.concludedOn)
    body.push(
      p(
        'body',
        `Ngày ${longDate(f.concludedOn).replace(/^ngày /, '')}, ${f.issuer.fullName} đã họp, xem xét báo cáo kết quả ${work(f)}${supervision ? ', nhận xét, đánh giá' : ' và kết luận'} như sau:`,
      ),
    );
  else body.push(p('body', `${capital(f.issuer.fullName)} ${supervision ? 'nhận xét, đánh giá' : 'kết luận'} như sau:`));
  body.push(
    p('heading', supervision ? '1. Ưu điểm, hạn chế, khuyết điểm' : '1. Ưu điểm, khuyết điểm, vi phạm'),
    ...textOrBlank(f.findings),
  );
  if (!supervision) body.push(p('heading', '2. Kết luận'), ...verdict(f), ...disciplineLines(f));
  body.push(p('heading', supervision ? '2. Yêu cầu, kiến nghị' : '3. Yêu cầu khắc phục'), ...requirementLines(f));
  if (f.requirements.length > 0)
    body.push(
      p('body', `${Subject(f)} báo cáo kết quả thực hiện các yêu cầu trên, kèm minh chứng, về ${f.issuer.fullName} đúng thời hạn.`),
    );
  return {
    ...frame(f, issue),
    title: 'THÔNG BÁO',
    subtitle: supervision ? `kết quả ${kindPhrase(f)} đối với ${subject(f)}` : `kết luận ${kindPhrase(f)} đối với ${subject(f)}`,
    note: null,
    body,
    recipients: [`- ${capital(subject(f))} (để thực hiện),`, ...reportTo(f), archive(f)],
  };
}
