// Committee members' regular supervision reports (domain.md §7; Quy định 296-QĐ/TW on inspection,
// supervision and discipline): every six months and every year each committee member reports on the
// area and fields assigned to them, and the UBKT compiles the reports for the standing committee.
// The regulation fixes the rhythm (six months, year), not a submission date: the due dates below are
// defaults of this platform, counted in working days from the end of the period, and configurable.
import type { SupervisionPeriod } from '../../../../common/supervision.ts';
import { addWorkingDays, type WorkCalendar } from '../calendar/workdays.ts';

export type { SupervisionPeriod };

export interface SupervisionDueConfig {
  /** Working days after the period's last day by which the report is due. */
  dueWorkingDays: Record<SupervisionPeriod, number>;
  /** Months before the period's end from which a report may be sent (it reports on the period). */
  opensMonthsBeforeEnd: number;
}

/**
 * Platform defaults (not from a regulation; configurable): the six-month report 10 working days after
 * 30 June (mid-July, before the UBKT's six-month review), the yearly report 10 working days after
 * 31 December; reports may be sent from the first day of the period's last month (1/6, 1/12).
 */
export const SUPERVISION_DUE_DEFAULTS: SupervisionDueConfig = {
  dueWorkingDays: { half: 10, year: 10 },
  opensMonthsBeforeEnd: 1,
};

export interface PeriodRange {
  start: string;
  end: string;
}

/** The six-month report covers 1/1–30/6; the yearly report covers the whole year, 1/1–31/12. */
export function periodRange(year: number, period: SupervisionPeriod): PeriodRange {
  const y = String(year).padStart(4, '0');
  return { start: `${y}-01-01`, end: period === 'half' ? `${y}-06-30` : `${y}-12-31` };
}

/** The day a report is due: N working days after the period's end, on the working calendar. */
export function reportDueOn(
  year: number,
  period: SupervisionPeriod,
  cal: WorkCalendar,
  config: SupervisionDueConfig = SUPERVISION_DUE_DEFAULTS,
): string {
  return addWorkingDays(periodRange(year, period).end, config.dueWorkingDays[period], cal);
}

/** The first day a report for the period may be sent. */
export function reportOpensOn(year: number, period: SupervisionPeriod, config: SupervisionDueConfig = SUPERVISION_DUE_DEFAULTS): string {
  const endMonth = period === 'half' ? 6 : 12;
  const month = Math.max(1, endMonth - config.opensMonthsBeforeEnd + 1);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/** The years whose working calendar a due date of `year` may touch (the yearly report falls in the next one). */
export function calendarYearsFor(year: number): number[] {
  return [year, year + 1];
}

export const PERIOD_LABELS: Record<SupervisionPeriod, string> = {
  half: '6 tháng đầu năm',
  year: 'năm',
};

/** "6 tháng đầu năm 2026" / "năm 2026": as the reports' titles say it. */
export function periodTitle(year: number, period: SupervisionPeriod): string {
  return `${PERIOD_LABELS[period]} ${year}`;
}
