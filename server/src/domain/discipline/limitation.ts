// Limitation periods (thời hiệu) of discipline (Quy định 69-QĐ/TW, quy định về thời hiệu; domain.md §4): counted from the
// violation to the competent body's conclusion that discipline is required. Pure: no I/O.

import { formatVnDate } from '../../../../common/dates.ts';
import { type DisciplineForm, FORM_LABELS, SPECIAL_AREA_LABELS, type SpecialArea } from '../../../../common/discipline.ts';

export type LimitationViolation = {
  seq: number;
  occurredOn: string;
  deservedForm: DisciplineForm;
  specialArea: SpecialArea | null;
};
export type LimitationEnd = {
  seq: number;
  /** Last day a conclusion is still within the period; null when the rules set no period. */
  endsOn: string | null;
  /** The later violation that last restarted the period, if any. */
  restartedBySeq: number | null;
  /** Why, in Vietnamese, citing the rule. */
  basis: string;
};

const RULE = 'Quy định 69-QĐ/TW, quy định về thời hiệu';

/** Years of the period for a form, or null for none (expulsion, dissolution). */
const YEARS: Record<'member' | 'org', Partial<Record<DisciplineForm, number | null>>> = {
  member: { reprimand: 5, warning: 10, removal: 10, expulsion: null },
  org: { reprimand: 5, warning: 10, dissolution: null },
};

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function noPeriod(subjectKind: 'member' | 'org', v: LimitationViolation): string | null {
  // Unlawful diplomas are a member's violation; for an organisation the form decides.
  if (v.specialArea && (v.specialArea !== 'unlawful_diploma' || subjectKind === 'member'))
    return `Không áp dụng thời hiệu: vi phạm về ${SPECIAL_AREA_LABELS[v.specialArea].toLowerCase()} (${RULE}).`;
  if (YEARS[subjectKind][v.deservedForm] === null)
    return `Không áp dụng thời hiệu: vi phạm đến mức ${FORM_LABELS[v.deservedForm].toLowerCase()} (${RULE}).`;
  return null;
}

/**
 * For each violation, the day its period ends. A later violation (of the same subject) committed on or
 * before that day restarts the period from the later violation; one after it does not revive it.
 */
export function limitationEnds(subjectKind: 'member' | 'org', violations: readonly LimitationViolation[]): LimitationEnd[] {
  for (const v of violations) {
    if (!(v.deservedForm in YEARS[subjectKind]))
      throw new Error(
        `Vi phạm số ${v.seq}: hình thức ${FORM_LABELS[v.deservedForm].toLowerCase()} không áp dụng cho ${subjectKind === 'member' ? 'đảng viên' : 'tổ chức đảng'}.`,
      );
  }
  const byDate = [...violations].sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.seq - b.seq));
  return violations.map((v) => {
    const none = noPeriod(subjectKind, v);
    if (none) return { seq: v.seq, endsOn: null, restartedBySeq: null, basis: none };
    const years = YEARS[subjectKind][v.deservedForm] as number;
    let from = v.occurredOn;
    let endsOn = addYears(from, years);
    let restartedBy: LimitationViolation | null = null;
    for (const later of byDate) {
      if (later.occurredOn <= from) continue;
      if (later.occurredOn > endsOn) break;
      from = later.occurredOn;
      endsOn = addYears(from, years);
      restartedBy = later;
    }
    const level = FORM_LABELS[v.deservedForm].toLowerCase();
    let basis = `Vi phạm đến mức ${level}: thời hiệu ${years} năm (${RULE}), tính từ ngày ${formatVnDate(v.occurredOn)}`;
    if (restartedBy)
      basis += `, tính lại từ vi phạm mới số ${restartedBy.seq} ngày ${formatVnDate(restartedBy.occurredOn)} (vi phạm mới trong thời hiệu)`;
    basis += `; hết thời hiệu sau ngày ${formatVnDate(endsOn)}.`;
    return { seq: v.seq, endsOn, restartedBySeq: restartedBy?.seq ?? null, basis };
  });
}

/** Whether the period has passed on the day of the conclusion; a conclusion ON the end day is still within it. */
export function timeBarred(endsOn: string | null, conclusionOn: string): boolean {
  return endsOn !== null && conclusionOn > endsOn;
}
