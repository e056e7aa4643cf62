// Working-day arithmetic for deadlines (domain.md §10). A working day is a Monday–Friday that is not a public
// holiday or compensating day (Bộ luật Lao động 2019, Art. 111–112; 40-hour week of Quyết định 188/1999/QĐ-TTg).
// The schedule an administrator records from the Government's yearly notice wins over the computed defaults
// (Art. 112(3): the Prime Minister fixes Tết and Quốc khánh; swapped working Saturdays come from the same notice).
import { defaultHolidays } from './holidays.ts';
import { addDays, isoToJdn, isWeekend, jdnToIso, yearOf } from './iso-date.ts';

/** The official schedule as recorded by an administrator. An empty schedule means "defaults only". */
export type WorkCalendar = {
  /** Extra days off (official Tết break, compensating days, a swapped weekday off). */
  daysOff: readonly string[];
  /** Days worked although they would be off, e.g. a Saturday swapped for a weekday bridge. Wins over everything. */
  workingDays: readonly string[];
  /** Years whose computed defaults are dropped: for these, daysOff is the complete list of holidays. */
  replacesDefaultsForYears?: readonly number[];
};

export const DEFAULTS_ONLY: WorkCalendar = { daysOff: [], workingDays: [] };

type Compiled = { off: Set<string>; on: Set<string>; replaced: Set<number> };

// Memoised pure computations: both depend only on their (immutable) inputs.
const defaultsByYear = new Map<number, Set<string>>();
const compiled = new WeakMap<WorkCalendar, Compiled>();

function defaultDaysOff(year: number): Set<string> {
  let set = defaultsByYear.get(year);
  if (!set) {
    set = new Set(defaultHolidays(year).map((h) => h.date));
    defaultsByYear.set(year, set);
  }
  return set;
}

function compile(cal: WorkCalendar): Compiled {
  let c = compiled.get(cal);
  if (!c) {
    // Validate once so that a malformed recorded date fails loudly instead of silently never matching.
    for (const d of [...cal.daysOff, ...cal.workingDays]) isoToJdn(d);
    c = { off: new Set(cal.daysOff), on: new Set(cal.workingDays), replaced: new Set(cal.replacesDefaultsForYears ?? []) };
    compiled.set(cal, c);
  }
  return c;
}

/** Precedence: recorded working day > recorded day off > weekend > default holiday (unless the year's defaults are replaced). */
export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  isoToJdn(date);
  const c = compile(cal);
  if (c.on.has(date)) return true;
  if (c.off.has(date) || isWeekend(date)) return false;
  const year = yearOf(date);
  return c.replaced.has(year) || !defaultDaysOff(year).has(date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, cal: WorkCalendar): string {
  let jdn = isoToJdn(date) + 1;
  while (!isWorkingDay(jdnToIso(jdn), cal)) jdn++;
  return jdnToIso(jdn);
}

/** `date` itself when it is a working day, otherwise the next working day: where a deadline on a day off lands. */
export function workingDayOnOrAfter(date: string, cal: WorkCalendar): string {
  return isWorkingDay(date, cal) ? date : nextWorkingDay(date, cal);
}

/**
 * The deadline `n` working days after `start`. Convention (as the Civil Code 2015, Art. 147(1), does for periods in
 * days — the day of the event is not counted):
 * - a start on a day off first moves to the next working day (a document arriving on Saturday is taken as
 *   received on Monday);
 * - day 1 is then the first working day AFTER the (moved) start, and the deadline is day n, the end of which is
 *   the time limit; so a deadline never falls on a day off;
 * - n = 0 gives the (moved) start itself.
 * Example: start Friday 13/02/2026, n = 1 → Monday 23/02/2026 (Tết 14–22/02 skipped).
 */
export function addWorkingDays(start: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Số ngày làm việc phải là số nguyên không âm: ${n}`);
  let day = workingDayOnOrAfter(start, cal);
  for (let i = 0; i < n; i++) day = nextWorkingDay(day, cal);
  return day;
}

/**
 * Working days from `a` to `b` with the same convention as addWorkingDays, of which it is the inverse:
 * the working days d with workingDayOnOrAfter(a) < d ≤ b, so addWorkingDays(a, n) = b ⇒ workingDaysBetween(a, b) = n.
 * Negative when b is before a (−workingDaysBetween(b, a)): days overdue are workingDaysBetween(deadline, today).
 */
export function workingDaysBetween(a: string, b: string, cal: WorkCalendar): number {
  const ja = isoToJdn(a);
  const jb = isoToJdn(b);
  if (jb < ja) return -workingDaysBetween(b, a, cal);
  let count = 0;
  for (let j = isoToJdn(workingDayOnOrAfter(a, cal)) + 1; j <= jb; j++) if (isWorkingDay(jdnToIso(j), cal)) count++;
  return count;
}

/** All days off (weekends excluded) of a year under a calendar, for display; dates in order. */
export function daysOffInYear(year: number, cal: WorkCalendar): string[] {
  const out: string[] = [];
  for (let d = `${String(year).padStart(4, '0')}-01-01`; yearOf(d) === year; d = addDays(d, 1)) {
    if (!isWeekend(d) && !isWorkingDay(d, cal)) out.push(d);
  }
  return out;
}
