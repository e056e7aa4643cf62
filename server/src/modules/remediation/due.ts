// "Today" and how close a deadline is, as Vietnam counts them: the date in UTC+7 (Vietnam keeps no
// daylight saving), and working days from the recorded calendar (domain.md §10).
import type { DueState } from '../../../../common/remediation.ts';
import { addWorkingDays, type WorkCalendar } from '../../domain/calendar/workdays.ts';

/** The last due date still "due soon" today: `warnDays` working days ahead. */
export function dueSoonLimit(today: string, warnDays: number, cal: WorkCalendar): string {
  return addWorkingDays(today, warnDays, cal);
}

/** Overdue: open and due before today. Due soon: open and due within the warning window. */
export function dueStateOf(status: string, dueOn: string, today: string, soonLimit: string): DueState | null {
  if (status !== 'open') return null;
  if (dueOn < today) return 'overdue';
  return dueOn <= soonLimit ? 'due_soon' : 'on_track';
}
