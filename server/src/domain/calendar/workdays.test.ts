import { describe, expect, it } from 'vitest';
import { addDays } from './iso-date.ts';
import {
  addWorkingDays,
  DEFAULTS_ONLY,
  daysOffInYear,
  isWorkingDay,
  nextWorkingDay,
  type WorkCalendar,
  workingDaysBetween,
} from './workdays.ts';

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

/**
 * The official 2025 schedule as an administrator would record it: Tết 25/01–02/02 (Thủ tướng's decision under
 * Điều 112(3): 27–31/01 off plus both weekends), 30/4–1/5 bridged to 2/5 by working Saturday 26/4, Quốc khánh 1–2/9.
 */
const OFFICIAL_2025: WorkCalendar = {
  daysOff: [
    '2025-01-01',
    ...range('2025-01-25', '2025-02-02'),
    '2025-04-07',
    '2025-04-30',
    '2025-05-01',
    '2025-05-02',
    '2025-09-01',
    '2025-09-02',
  ],
  workingDays: ['2025-04-26'],
  replacesDefaultsForYears: [2025],
};

describe('the recorded official schedule wins over the computed defaults (domain.md §10; Điều 112(3))', () => {
  it.each([
    ['2025-01-27', false, true, 'Monday 27/01 (28 Chạp): off officially, a working day by default'],
    ['2025-02-03', true, false, 'Monday 03/02: worked officially, a compensating day by default'],
    ['2025-04-26', true, false, 'Saturday 26/04 worked in exchange for Friday 02/05'],
    ['2025-05-02', false, true, 'Friday 02/05 bridged'],
    ['2025-04-07', false, false, 'Giỗ Tổ both ways'],
  ])('%s working officially: %s, by default: %s (%s)', (date, official, byDefault) => {
    expect(isWorkingDay(date, OFFICIAL_2025)).toBe(official);
    expect(isWorkingDay(date, DEFAULTS_ONLY)).toBe(byDefault);
  });
  it('the official Tết 2025 break is longer than the default: 5 weekdays 27–31/01 instead of 28–31/01 + 03/02', () => {
    const tet = (cal: WorkCalendar) => daysOffInYear(2025, cal).filter((d) => d > '2025-01-01' && d < '2025-03-01');
    expect(tet(OFFICIAL_2025)).toEqual(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
    expect(tet(DEFAULTS_ONLY)).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03']);
  });
  it('a schedule without replacesDefaultsForYears adds to the defaults of other years', () => {
    expect(isWorkingDay('2026-02-17', OFFICIAL_2025)).toBe(false);
  });
  it('refuses a malformed recorded date', () => {
    expect(() => isWorkingDay('2025-01-02', { daysOff: ['2025-02-30'], workingDays: [] })).toThrow(/không tồn tại/);
  });
});

describe('addWorkingDays: day 1 is the first working day after the start (Bộ luật Dân sự 2015, Điều 147(1))', () => {
  it.each([
    // Tết Bính Ngọ 2026: defaults 16–20/02 plus both weekends = the official 14–22/02 break.
    ['across Tết 2026', DEFAULTS_ONLY, '2026-02-13', 1, '2026-02-23'],
    ['across Tết 2026', DEFAULTS_ONLY, '2026-02-13', 5, '2026-02-27'],
    ['across Tết 2026, 10 days from 10/02', DEFAULTS_ONLY, '2026-02-10', 10, '2026-03-03'],
    ['start on mùng 2 Tết moves to 23/02', DEFAULTS_ONLY, '2026-02-18', 0, '2026-02-23'],
    ['start on mùng 2 Tết moves to 23/02, then day 1', DEFAULTS_ONLY, '2026-02-18', 1, '2026-02-24'],
    ['start on Saturday moves to Monday', DEFAULTS_ONLY, '2026-03-07', 1, '2026-03-10'],
    ['n = 0 on a working day is the start', DEFAULTS_ONLY, '2026-03-10', 0, '2026-03-10'],
    // 30/4–1/5 2026 (Thursday–Friday).
    ['across 30/4–1/5 2026', DEFAULTS_ONLY, '2026-04-29', 1, '2026-05-04'],
    // Giỗ Tổ 2026 on Sunday 26/04, made up on Monday 27/04.
    ['across the compensating day 27/04/2026', DEFAULTS_ONLY, '2026-04-24', 1, '2026-04-28'],
    ['across 27/04 and 30/4–1/5 2026', DEFAULTS_ONLY, '2026-04-24', 3, '2026-05-04'],
    // 2025: working Saturday 26/04 swapped for Friday 02/05.
    ['swapped working Saturday 26/04/2025 counts', OFFICIAL_2025, '2025-04-25', 1, '2025-04-26'],
    ['across 30/4–4/5 2025 (official)', OFFICIAL_2025, '2025-04-29', 1, '2025-05-05'],
    ['across 30/4–1/5 2025 (defaults: 02/05 worked)', DEFAULTS_ONLY, '2025-04-29', 1, '2025-05-02'],
    ['across Tết 2025 (official)', OFFICIAL_2025, '2025-01-24', 1, '2025-02-03'],
    ['across Tết 2025 (defaults)', DEFAULTS_ONLY, '2025-01-24', 1, '2025-01-27'],
    ['across the year end, 1/1/2026 on Thursday', DEFAULTS_ONLY, '2025-12-31', 1, '2026-01-02'],
  ] as const)('%s: %s + %i working days → %s', (_name, cal, start, n, due) => {
    expect(addWorkingDays(start, n, cal)).toBe(due);
    expect(workingDaysBetween(start, due, cal)).toBe(n);
  });
  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-03-10', -1, DEFAULTS_ONLY)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-10', 1.5, DEFAULTS_ONLY)).toThrow(RangeError);
  });
});

describe('workingDaysBetween and nextWorkingDay', () => {
  it.each([
    ['2026-02-13', '2026-02-23', 1],
    ['2026-02-23', '2026-02-13', -1],
    ['2026-02-10', '2026-02-10', 0],
    ['2026-01-01', '2026-12-31', 249],
  ])('%s → %s: %i', (a, b, n) => {
    expect(workingDaysBetween(a, b, DEFAULTS_ONLY)).toBe(n);
  });
  it.each([
    ['2026-02-13', '2026-02-23', 'Friday before Tết 2026 → first day after the break'],
    ['2026-04-24', '2026-04-28', 'Friday → Tuesday over the compensating Monday 27/04'],
    ['2026-03-10', '2026-03-11', 'an ordinary Tuesday'],
  ])('nextWorkingDay(%s) = %s (%s)', (date, next) => {
    expect(nextWorkingDay(date, DEFAULTS_ONLY)).toBe(next);
  });
});
