// The outcome of the secret ballot on discipline (Quy định 69-QĐ/TW, Điều 15;
// domain.md §4). Thresholds count against the OFFICIAL members of the body: absent members count in the
// body, so an absence weighs like a vote against. Pure: no I/O.
import { type DisciplineForm, FORM_LABELS, FORM_RANK } from '../../../../common/discipline.ts';

/** `strict`: more than num/den of the official members; otherwise at least num/den. */
export type Threshold = { num: number; den: number; strict: boolean };
export type BallotThresholds = Partial<Record<DisciplineForm, Threshold>>;

const MORE_THAN_HALF: Threshold = { num: 1, den: 2, strict: true };
const TWO_THIRDS: Threshold = { num: 2, den: 3, strict: false };
/** Defaults (configurable): more than half for reprimand, warning, removal, dissolution; at least two thirds for expulsion. */
export const BALLOT_THRESHOLDS: Record<DisciplineForm, Threshold> = {
  reprimand: MORE_THAN_HALF,
  warning: MORE_THAN_HALF,
  removal: MORE_THAN_HALF,
  dissolution: MORE_THAN_HALF,
  expulsion: TWO_THIRDS,
};

export type Ballot = { form: DisciplineForm; votes: number };
export type BallotInput = {
  officialMembers: number;
  present: number;
  ballots: readonly Ballot[];
  thresholds?: BallotThresholds;
};
export type FormCount = { form: DisciplineForm; votes: number; support: number; needed: number; reached: boolean };
export type BallotOutcome = { form: DisciplineForm | null; perForm: FormCount[]; explanation: string };

/** Invalid ballot figures; `field` names the request field for a 400. */
export class BallotError extends Error {
  field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'BallotError';
    this.field = field;
  }
}

/** The smallest number of votes that satisfies a threshold out of `official` members. */
export function votesNeeded(official: number, t: Threshold): number {
  const whole = Math.floor((official * t.num) / t.den);
  if (t.strict) return whole + 1;
  return (official * t.num) % t.den === 0 ? whole : whole + 1;
}

function describe(t: Threshold): string {
  if (t.num === 1 && t.den === 2) return t.strict ? 'trên một nửa' : 'ít nhất một nửa';
  if (t.num === 2 && t.den === 3) return t.strict ? 'trên hai phần ba' : 'ít nhất hai phần ba';
  return `${t.strict ? 'trên' : 'ít nhất'} ${t.num}/${t.den}`;
}

function validate(input: BallotInput): void {
  const { officialMembers, present, ballots } = input;
  if (!Number.isInteger(officialMembers) || officialMembers < 1)
    throw new BallotError('officialMembers', 'Số thành viên chính thức phải là số nguyên dương.');
  if (!Number.isInteger(present) || present < 0) throw new BallotError('present', 'Số người có mặt phải là số nguyên không âm.');
  if (present > officialMembers)
    throw new BallotError('present', `Số người có mặt (${present}) không thể lớn hơn số thành viên chính thức (${officialMembers}).`);
  if (ballots.length === 0) throw new BallotError('ballots', 'Cần ít nhất một hình thức kỷ luật được đưa ra biểu quyết.');
  const seen = new Set<DisciplineForm>();
  for (const [i, b] of ballots.entries()) {
    if (!(b.form in FORM_RANK)) throw new BallotError(`ballots.${i}.form`, 'Hình thức kỷ luật không hợp lệ.');
    if (seen.has(b.form)) throw new BallotError(`ballots.${i}.form`, `Hình thức ${FORM_LABELS[b.form].toLowerCase()} được ghi hai lần.`);
    seen.add(b.form);
    if (!Number.isInteger(b.votes) || b.votes < 0) throw new BallotError(`ballots.${i}.votes`, 'Số phiếu phải là số nguyên không âm.');
  }
  const total = ballots.reduce((s, b) => s + b.votes, 0);
  if (total > present) throw new BallotError('ballots', `Tổng số phiếu (${total}) vượt quá số người có mặt bỏ phiếu (${present}).`);
  if (seen.has('dissolution') && (seen.has('removal') || seen.has('expulsion')))
    throw new BallotError(
      'ballots',
      'Không thể cùng biểu quyết hình thức của tổ chức đảng (giải tán) và của đảng viên (cách chức, khai trừ).',
    );
}

/**
 * Count down from the heaviest proposed form: a ballot for a heavier form also supports every lighter one;
 * the outcome is the heaviest form whose support reaches its threshold, or none. Only the forms put to the
 * vote (an entry in `ballots`, possibly with 0 votes) can be the outcome: a form left off the ballot — say
 * removal for a member without a post — is skipped while its heavier votes still flow down.
 */
export function ballotOutcome(input: BallotInput): BallotOutcome {
  validate(input);
  const { officialMembers, present, ballots } = input;
  const thresholds = { ...BALLOT_THRESHOLDS, ...input.thresholds };
  const proposed = [...ballots].sort((x, y) => FORM_RANK[y.form] - FORM_RANK[x.form]);

  const perForm: FormCount[] = [];
  let support = 0;
  // Heaviest first, accumulating: the count-down rule.
  for (const { form, votes } of proposed) {
    support += votes;
    const needed = votesNeeded(officialMembers, thresholds[form]);
    perForm.push({ form, votes, support, needed, reached: support >= needed });
  }
  const outcome = perForm.find((c) => c.reached)?.form ?? null;

  const lines = [
    `Số thành viên chính thức: ${officialMembers}; có mặt: ${present}; vắng mặt: ${officialMembers - present} (người vắng mặt vẫn tính vào tổng số).`,
  ];
  for (const c of perForm) {
    const label = FORM_LABELS[c.form];
    const heavier = c.support - c.votes;
    const how = heavier > 0 ? `${c.votes} phiếu + ${heavier} phiếu hình thức nặng hơn = ${c.support}` : `${c.support} phiếu`;
    const rule = `${describe(thresholds[c.form])} của ${officialMembers}, tức ít nhất ${c.needed}`;
    lines.push(`${label}: ${how} (cần ${rule}): ${c.reached ? 'đạt' : 'không đạt'}.`);
    if (c.reached) break;
  }
  lines.push(
    outcome
      ? `Kết quả: ${FORM_LABELS[outcome].toLowerCase()} (Quy định 69-QĐ/TW, Điều 15; tính dồn phiếu từ hình thức nặng nhất).`
      : 'Kết quả: không hình thức nào đạt số phiếu cần thiết, không thi hành kỷ luật (Quy định 69-QĐ/TW, Điều 15).',
  );
  return { form: outcome, perForm, explanation: lines.join('\n') };
}
