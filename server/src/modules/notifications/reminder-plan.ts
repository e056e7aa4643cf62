// When a deadline calls for a notice (domain.md §3: "warned before they fall due and escalated when
// they pass"). Pure: the working days come from the calendar the caller loaded (domain.md §10).
import { formatVnDate } from '../../../../common/dates.ts';
import { type WorkCalendar, workingDaysBetween } from '../../domain/calendar/workdays.ts';

export type Stage = 'before' | 'due' | 'overdue';

/**
 * 'before' within `warnDays` working days ahead, 'due' on the day, 'overdue' after it, else null.
 * One notice per stage and due date (the dedupe key carries the due date): a moved deadline warns again.
 */
export function stageOf(today: string, dueOn: string, warnDays: number, cal: WorkCalendar): Stage | null {
  if (dueOn < today) return 'overdue';
  if (dueOn === today) return 'due';
  return workingDaysBetween(today, dueOn, cal) <= warnDays ? 'before' : null;
}

export function dedupeKey(what: 'rem' | 'step' | 'pet', id: string, stage: Stage | 'escalation', dueOn: string): string {
  return `${what}:${id}:${stage}:${dueOn}`;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export interface Subject {
  caseCode: string;
  caseSubject: string;
  /** Marked records say only their code: the content stays behind the clearance check of the page. */
  secrecy: number;
}

function about(s: Subject, detail: string): string {
  return s.secrecy > 0
    ? `${s.caseCode} (tài liệu có độ mật: xem chi tiết trong hệ thống)`
    : clip(`${s.caseCode} — ${s.caseSubject}: ${detail}`, 500);
}

export function remediationText(
  stage: Stage | 'escalation',
  s: Subject & { requirement: string; ownerName: string; dueOn: string; workingDaysLeft: number },
) {
  const due = formatVnDate(s.dueOn);
  const title = {
    before: `Yêu cầu khắc phục sắp đến hạn ${due} (còn ${s.workingDaysLeft} ngày làm việc)`,
    due: `Hôm nay (${due}) là hạn hoàn thành yêu cầu khắc phục`,
    overdue: `Yêu cầu khắc phục đã quá hạn ${due}`,
    escalation: `Báo cáo: yêu cầu khắc phục của ${s.secrecy > 0 ? 'đối tượng' : s.ownerName} quá hạn ${due}`,
  }[stage];
  return { title, body: about(s, s.requirement) };
}

export function stepText(stage: Stage | 'escalation', s: Subject & { stepLabel: string; dueOn: string; workingDaysLeft: number }) {
  const due = formatVnDate(s.dueOn);
  const title = {
    before: `Bước “${clip(s.stepLabel, 80)}” sắp đến hạn ${due} (còn ${s.workingDaysLeft} ngày làm việc)`,
    due: `Hôm nay (${due}) là hạn của bước “${clip(s.stepLabel, 80)}”`,
    overdue: `Bước “${clip(s.stepLabel, 80)}” đã quá hạn ${due}`,
    escalation: `Báo cáo: bước “${clip(s.stepLabel, 80)}” quá hạn ${due}`,
  }[stage];
  return { title, body: about(s, s.stepLabel) };
}
