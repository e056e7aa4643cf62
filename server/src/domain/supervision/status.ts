// Who has reported and who has not, for one period; whether a report may be sent now. Pure: no I/O.
import { formatVnDate } from '../../../../common/dates.ts';
import {
  type PeriodRange,
  periodRange,
  periodTitle,
  reportOpensOn,
  SUPERVISION_DUE_DEFAULTS,
  type SupervisionDueConfig,
  type SupervisionPeriod,
} from './periods.ts';

export const REPORT_STATUSES = ['on_time', 'late', 'missing', 'not_due', 'not_required'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface AssignmentSpan {
  fromDate: string;
  toDate: string | null;
}

/** The assignment runs for at least one day of the period. */
export function overlapsPeriod(a: AssignmentSpan, p: PeriodRange): boolean {
  return a.fromDate <= p.end && (a.toDate === null || a.toDate >= p.start);
}

/**
 * A report is owed by whoever holds the assignment at the period's end: a committee member whose
 * assignment ended during the period (moved, retired) no longer reports on it; one assigned during the
 * period reports on the part they held.
 */
export function reportRequired(a: AssignmentSpan, p: PeriodRange): boolean {
  return a.fromDate <= p.end && (a.toDate === null || a.toDate >= p.end);
}

/** Late when first sent after the due date (a later correction before compilation keeps the first date). */
export function isLate(firstSubmittedOn: string, dueOn: string): boolean {
  return firstSubmittedOn > dueOn;
}

export function reportStatus(input: { required: boolean; report: { late: boolean } | null; dueOn: string; today: string }): ReportStatus {
  if (input.report) return input.report.late ? 'late' : 'on_time';
  if (!input.required) return 'not_required';
  return input.today > input.dueOn ? 'missing' : 'not_due';
}

/** Why a report for the period cannot be sent today under this assignment, or null. */
export function submitProblem(
  input: { year: number; period: SupervisionPeriod; today: string; assignment: AssignmentSpan },
  config: SupervisionDueConfig = SUPERVISION_DUE_DEFAULTS,
): string | null {
  const range = periodRange(input.year, input.period);
  const opens = reportOpensOn(input.year, input.period, config);
  if (input.today < opens) return `Báo cáo ${periodTitle(input.year, input.period)} chỉ gửi được từ ngày ${formatVnDate(opens)}.`;
  if (!overlapsPeriod(input.assignment, range))
    return `Phân công giám sát này không có hiệu lực trong kỳ ${periodTitle(input.year, input.period)}.`;
  return null;
}
