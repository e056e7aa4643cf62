// The phrases every document of a case repeats, worded for its family (inspection or supervision) and
// its body (a team, "đoàn", for committees; a group, "tổ", in a chi bộ).
import { type CaseKind, TEAM_ROLE_LABELS, type TeamRole } from '../../../../common/cases.ts';
import { shortDate } from './dates.ts';
import { type CaseFacts, familyOf } from './facts.ts';
import { b, type Paragraph, p } from './model.ts';

/** The kind of work as a verb phrase: "kiểm tra khi có dấu hiệu vi phạm". */
const KIND_PHRASES: Record<CaseKind, string> = {
  'inspection.signs': 'kiểm tra khi có dấu hiệu vi phạm',
  'inspection.ktgs_duty': 'kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng',
  'inspection.finance': 'kiểm tra tài chính đảng',
  'inspection.compliance': 'kiểm tra việc chấp hành',
  'supervision.regular': 'giám sát thường xuyên',
  'supervision.thematic': 'giám sát chuyên đề',
};

export function kindPhrase(f: Pick<CaseFacts, 'kind'>): string {
  return KIND_PHRASES[f.kind];
}

/** "kiểm tra" or "giám sát". */
export function work(f: Pick<CaseFacts, 'kind'>): string {
  return familyOf(f.kind) === 'supervision' ? 'giám sát' : 'kiểm tra';
}

/** "Đoàn kiểm tra", "Tổ giám sát". */
export function team(f: Pick<CaseFacts, 'kind' | 'bodyType'>): string {
  return `${f.bodyType === 'cell' ? 'Tổ' : 'Đoàn'} ${work(f)}`;
}

export function roleLabel(f: Pick<CaseFacts, 'bodyType'>, role: TeamRole): string {
  if (f.bodyType !== 'cell') return TEAM_ROLE_LABELS[role];
  return role === 'leader' ? 'Tổ trưởng' : role === 'deputy' ? 'Tổ phó' : TEAM_ROLE_LABELS[role];
}

/** "đồng chí Nguyễn Văn Đức, đảng viên Chi bộ Xóm 1" or "Chi bộ Xóm 1". */
export function subject(f: Pick<CaseFacts, 'subject'>): string {
  const s = f.subject;
  if (s.kind === 'org') return s.name;
  return s.orgName ? `đồng chí ${s.name}, đảng viên ${s.orgName}` : `đồng chí ${s.name}`;
}

/** The subject as a sentence starts with it. */
export function Subject(f: Pick<CaseFacts, 'subject'>): string {
  const s = subject(f);
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** "Quyết định số 3-QĐ/UBKTĐU, ngày 05/01/2026 của Ủy ban Kiểm tra Đảng ủy xã Đô Lương". */
export function decisionPhrase(f: CaseFacts): string {
  const no = f.decisionRef?.numberText ?? f.decisionNo;
  const date = f.decisionRef?.date ?? f.decidedOn;
  return `Quyết định${no ? ` số ${no}` : ''}${date ? `, ngày ${shortDate(date)}` : ''} của ${f.issuer.fullName}`;
}

/** "Kế hoạch số 4-KH/UBKTĐU, ngày 05/01/2026". */
export function planPhrase(f: CaseFacts): string {
  const no = f.planRef?.numberText;
  const date = f.planRef?.date;
  return `Kế hoạch${no ? ` số ${no}` : ''}${date ? `, ngày ${shortDate(date)}` : ''} của ${f.issuer.fullName}`;
}

/** The time a case runs: "30 ngày, từ ngày 05/01/2026 đến ngày 04/02/2026". */
export function timePhrase(f: CaseFacts): string {
  const days = f.limitDays ? `${f.limitDays + (f.extensionDays ?? 0)} ngày` : '...... ngày';
  const from = f.decidedOn ? `, từ ngày ${shortDate(f.decidedOn)}` : ', kể từ ngày ký quyết định';
  const to = f.dueOn ? ` đến ngày ${shortDate(f.dueOn)}` : '';
  const ext = f.extensionDays ? ` (đã gia hạn ${f.extensionDays} ngày)` : '';
  return `${days}${from}${to}${ext}`;
}

/** "Quyết định số 1-QĐ/UBKTĐU, ngày 11/11/2025 và Kế hoạch số 1-KH/UBKTĐU của Ủy ban Kiểm tra …". */
export function decisionAndPlanPhrase(f: CaseFacts): string {
  const of = ` của ${f.issuer.fullName}`;
  return `${decisionPhrase(f).replace(of, '')} và ${planPhrase(f)}`;
}

/**
 * The team, one line each: "1. Đồng chí Lê Văn Hải, Phó Chủ nhiệm Ủy ban Kiểm tra, Trưởng đoàn;"
 * (numbered in a decision's article; with dashes inside an already numbered section).
 */
export function teamLines(f: CaseFacts, marker: 'number' | 'dash' = 'number'): Paragraph[] {
  const mark = (i: number) => (marker === 'number' ? `${i + 1}.` : '-');
  if (f.team.length === 0)
    return [p('blank', `${mark(0)} Đồng chí ......................................................, ..................................;`)];
  const order: TeamRole[] = ['leader', 'deputy', 'member', 'secretary'];
  const sorted = [...f.team].sort((a, c) => order.indexOf(a.role) - order.indexOf(c.role));
  return sorted.map((m, i) =>
    p(
      'item',
      `${mark(i)} Đồng chí ${m.fullName}${m.position ? `, ${m.position}` : ''}, `,
      b(roleLabel(f, m.role)),
      i === sorted.length - 1 ? '.' : ';',
    ),
  );
}

export function leaderName(f: CaseFacts): string | null {
  return f.team.find((m) => m.role === 'leader')?.fullName ?? null;
}

/** The regulations every case document rests on (domain.md sources). */
export function legalBasis(f: CaseFacts): Paragraph[] {
  const out = [
    p('body', { text: '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;', italic: true }),
    p('body', { text: '- Căn cứ Quy định số 296-QĐ/TW, ngày 30/5/2025 về công tác kiểm tra, giám sát và kỷ luật của Đảng;', italic: true }),
  ];
  if (f.programme)
    out.push(
      p('body', { text: `- Căn cứ Chương trình kiểm tra, giám sát năm ${f.programme.year} của ${f.issuer.fullName};`, italic: true }),
    );
  if (f.kind === 'inspection.signs' && f.grounds)
    out.push(p('body', { text: `- Xét dấu hiệu vi phạm: ${f.grounds.trim().replace(/[.;]$/, '')},`, italic: true }));
  return out;
}

/** Free text (findings) as paragraphs, or dotted lines to fill in by hand. */
export function textOrBlank(text: string | null, blanks = 3): Paragraph[] {
  const parts = (text ?? '')
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length > 0) return parts.map((t) => p('body', t));
  return Array.from({ length: blanks }, () => p('blank', '.'.repeat(120)));
}

export const SECRECY_MARKS = ['', 'MẬT', 'TỐI MẬT', 'TUYỆT MẬT'] as const;
