// A discipline decision → the neutral document model (QUYẾT ĐỊNH về việc thi hành kỷ luật), in the
// Party's format through the shared frame of issue #4. Pure: labels, numbers and dates come in resolved.
import type { BodyType } from '../../../../common/cases.ts';
import { longDate, shortDate } from '../documents/dates.ts';
import { archive, capital, frame, type Issue, reportTo } from '../documents/frame.ts';
import type { Issuer } from '../documents/issuer.ts';
import { type DocumentModel, type Paragraph, p } from '../documents/model.ts';

export type { Issue };

export interface DecisionFacts {
  /** The matter's code, named on the archive line so a printed copy leads back to its file. */
  code: string;
  bodyType: BodyType;
  issuer: Issuer;
  secrecy: number;
  subject: { kind: 'member' | 'org'; name: string /** the member's organisation */; orgName: string | null };
  /** "state_notice", "court"…, and the reference it came with ("Thông báo số 12/TB-CA"). */
  source: string;
  sourceRef: string | null;
  /** The inspection case the matter came from, if any ("KT-2026-003"). */
  caseCode: string | null;
  violations: { seq: number; occurredOn: string; description: string; ruleViolated: string }[];
  meeting: { heldOn: string; officialMembers: number; present: number; ballots: { formLabel: string; votes: number }[] } | null;
  /** "cảnh cáo" — the form decided. */
  formLabel: string;
  mitigating: string[];
  aggravating: string[];
  /** The date it takes effect, when already known (announced or signed), else null. */
  effectiveOn: string | null;
  /** A chi bộ's reprimand or warning takes effect when announced; other decisions when signed (domain.md §4). */
  effectiveWhen: 'announced' | 'signed';
}

const CHARTER = 'Căn cứ Điều lệ Đảng Cộng sản Việt Nam;';
const RULES_22 =
  'Căn cứ Quy định số 22-QĐ/TW, ngày 28/7/2021 của Ban Chấp hành Trung ương về công tác kiểm tra, giám sát và kỷ luật của Đảng;';
const RULES_69 = 'Căn cứ Quy định số 69-QĐ/TW, ngày 06/7/2022 của Bộ Chính trị về kỷ luật tổ chức đảng, đảng viên vi phạm;';

const trimDot = (s: string) => s.trim().replace(/[.;,]+$/, '');

/** "đồng chí Nguyễn Văn Đức, đảng viên Chi bộ Xóm 1" or "Chi bộ Xóm 1". */
export function subjectPhrase(s: DecisionFacts['subject']): string {
  if (s.kind === 'org') return s.name;
  return s.orgName ? `đồng chí ${s.name}, đảng viên ${s.orgName}` : `đồng chí ${s.name}`;
}

/** The subject as the title names it: "đồng chí Nguyễn Văn Đức" or the organisation. */
function shortSubject(s: DecisionFacts['subject']): string {
  return s.kind === 'org' ? s.name : `đồng chí ${s.name}`;
}

function sourceBasis(f: DecisionFacts): string | null {
  if (f.source === 'case') return `Căn cứ kết luận kiểm tra${f.caseCode ? ` (hồ sơ ${f.caseCode})` : ''};`;
  // The reference names the document itself ("Bản án số 12/2026/HS-ST…"): cite it as written.
  if (f.sourceRef?.trim()) return `Căn cứ ${trimDot(f.sourceRef)};`;
  if (f.source === 'state_notice') return 'Căn cứ thông báo của cơ quan nhà nước có thẩm quyền;';
  if (f.source === 'court') return 'Căn cứ bản án, quyết định của Tòa án đã có hiệu lực pháp luật;';
  if (f.source === 'petition') return 'Căn cứ kết quả giải quyết đơn thư;';
  return null;
}

/** "Căn cứ kết quả biểu quyết bằng phiếu kín tại hội nghị ngày 05/3/2026 (7 thành viên chính thức, 6 có mặt): 4 phiếu cảnh cáo;". */
function ballotBasis(f: DecisionFacts): string | null {
  const m = f.meeting;
  if (!m) return null;
  const votes = m.ballots.filter((b) => b.votes > 0).map((b) => `${b.votes} phiếu ${b.formLabel}`);
  return (
    `Căn cứ kết quả biểu quyết bằng phiếu kín của ${f.issuer.fullName} tại hội nghị ngày ${shortDate(m.heldOn)}: ` +
    `tổng số thành viên chính thức ${m.officialMembers}, có mặt ${m.present}; ${votes.length > 0 ? votes.join(', ') : 'không có phiếu đề nghị kỷ luật'};`
  );
}

function effectSentence(f: DecisionFacts): string {
  if (f.effectiveOn) return `Quyết định này có hiệu lực kể từ ${longDate(f.effectiveOn)}.`;
  return f.effectiveWhen === 'announced' ? 'Quyết định này có hiệu lực kể từ ngày công bố.' : 'Quyết định này có hiệu lực kể từ ngày ký.';
}

export function composeDisciplineDecision(f: DecisionFacts, issue: Issue): DocumentModel {
  const form = f.formLabel.toLocaleUpperCase('vi');
  const subj = subjectPhrase(f.subject);
  const bases = [CHARTER, RULES_22, RULES_69, sourceBasis(f), ballotBasis(f)].filter((x): x is string => x !== null);
  const body: Paragraph[] = [
    p('center', f.issuer.fullName.toLocaleUpperCase('vi')),
    ...bases.map((t) => p('body', { text: t, italic: true })),
    p('body', { text: 'Xét nội dung, tính chất, mức độ, tác hại, nguyên nhân vi phạm và các tình tiết liên quan,', italic: true }),
    p('center', 'QUYẾT ĐỊNH:'),
    p('body', { text: 'Điều 1. ', bold: true }, `Thi hành kỷ luật bằng hình thức ${form} đối với ${subj}.`),
  ];
  if (f.violations.length > 0) {
    body.push(p('body', `${capital(shortSubject(f.subject))} đã vi phạm:`));
    for (const [k, v] of f.violations.entries()) {
      body.push(p('item', `${k + 1}. ${trimDot(v.description)} (ngày ${shortDate(v.occurredOn)}; vi phạm ${trimDot(v.ruleViolated)}).`));
    }
  }
  if (f.mitigating.length > 0) body.push(p('body', `Tình tiết giảm nhẹ: ${f.mitigating.join('; ')}.`));
  if (f.aggravating.length > 0) body.push(p('body', `Tình tiết tăng nặng: ${f.aggravating.join('; ')}.`));
  body.push(p('body', { text: 'Điều 2. ', bold: true }, effectSentence(f)));
  const executors =
    f.subject.kind === 'member'
      ? `${f.subject.orgName ? `${f.subject.orgName}, ` : ''}các tổ chức đảng có liên quan và đồng chí ${f.subject.name}`
      : `${f.subject.name} và các tổ chức đảng có liên quan`;
  body.push(p('body', { text: 'Điều 3. ', bold: true }, `${executors} chịu trách nhiệm thi hành Quyết định này.`));
  return {
    ...frame(f, issue),
    title: 'QUYẾT ĐỊNH',
    subtitle: `về việc thi hành kỷ luật đối với ${shortSubject(f.subject)}`,
    note: null,
    body,
    recipients: ['- Như Điều 3,', ...reportTo(f), archive(f)],
  };
}

/** The title the decision carries (stored with the file): "Quyết định về việc thi hành kỷ luật đối với …". */
export function decisionTitle(f: Pick<DecisionFacts, 'subject'>): string {
  return `Quyết định về việc thi hành kỷ luật đối với ${shortSubject(f.subject)}`;
}
