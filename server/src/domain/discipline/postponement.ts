// When consideration of a member's discipline must wait (Quy định 69-QĐ/TW, nguyên tắc xử lý kỷ luật:
// "chưa xem xét, xử lý kỷ luật"; domain.md §4): pregnant or on maternity leave, raising a child under 12
// months, seriously ill and treated in hospital. Pure: no I/O.
import { formatVnDate } from '../../../../common/dates.ts';
import { addYears } from './limitation.ts';

export type PostponementFacts = {
  pregnant?: boolean;
  onMaternityLeave?: boolean;
  childBornOn?: string | null;
  seriouslyIllInHospital?: boolean;
};
export type Postponement = { postpone: false } | { postpone: true; reason: string; until: string | null };

const RULE = 'Quy định 69-QĐ/TW';

/**
 * Whether to postpone on day `on`. `until` is the first day consideration may resume when the rules fix
 * it (the child's first birthday), or null when it depends on events (the birth, discharge from hospital).
 */
export function postponement(facts: PostponementFacts, on: string): Postponement {
  const reasons: string[] = [];
  let open = false;
  let until: string | null = null;
  if (facts.pregnant) {
    reasons.push('đảng viên đang mang thai');
    open = true;
  }
  if (facts.onMaternityLeave) {
    reasons.push('đảng viên đang nghỉ thai sản');
    open = true;
  }
  if (facts.childBornOn) {
    if (facts.childBornOn > on) throw new Error(`Ngày sinh của con (${formatVnDate(facts.childBornOn)}) không thể sau ngày xem xét.`);
    // Under 12 months until the day before the first birthday (29/2 → 28/2 of the next year).
    const birthday = addYears(facts.childBornOn, 1);
    if (on < birthday) {
      reasons.push(
        `đảng viên đang nuôi con dưới 12 tháng tuổi (sinh ngày ${formatVnDate(facts.childBornOn)}, đủ 12 tháng ngày ${formatVnDate(birthday)})`,
      );
      until = birthday;
    }
  }
  if (facts.seriouslyIllInHospital) {
    reasons.push('đảng viên đang bị bệnh nặng phải điều trị nội trú tại bệnh viện');
    open = true;
  }
  if (reasons.length === 0) return { postpone: false };
  const reason = `Chưa xem xét, xử lý kỷ luật: ${reasons.join('; ')} (${RULE}).`;
  // Any open-ended ground (pregnancy, leave, illness) makes the end unknown.
  return { postpone: true, reason, until: open ? null : until };
}
