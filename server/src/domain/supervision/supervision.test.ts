import { describe, expect, it } from 'vitest';
import { vietnamDateOf } from '../../../../common/dates.ts';
import { DEFAULTS_ONLY, type WorkCalendar } from '../calendar/workdays.ts';
import { dateLine } from '../documents/dates.ts';
import { committeeHeading, committeeName, placeOf } from './heading.ts';
import { periodRange, reportDueOn, reportOpensOn, SUPERVISION_DUE_DEFAULTS } from './periods.ts';
import { isLate, reportRequired, reportStatus, submitProblem } from './status.ts';

describe('report periods (Quy định 296-QĐ/TW: cấp ủy viên báo cáo giám sát thường xuyên 6 tháng và hằng năm)', () => {
  it.each([
    [2026, 'half', '2026-01-01', '2026-06-30'],
    [2026, 'year', '2026-01-01', '2026-12-31'],
  ] as const)('%i %s covers %s–%s', (year, period, start, end) => {
    expect(periodRange(year, period)).toEqual({ start, end });
  });

  it.each([
    [2026, 'half', '2026-06-01'],
    [2026, 'year', '2026-12-01'],
  ] as const)('a %i %s report may be sent from %s (platform default)', (year, period, opens) => {
    expect(reportOpensOn(year, period)).toBe(opens);
  });
});

describe('due dates in working days after the period (platform default 10, configurable; Bộ luật Lao động 2019 Điều 112 for holidays)', () => {
  it.each([
    // Tuesday 30/6/2026 + 10 working days: 1–3/7, 6–10/7, 13–14/7.
    [2026, 'half', DEFAULTS_ONLY, '2026-07-14'],
    // Wednesday 31/12/2025 + 10: Thursday 1/1/2026 is Tết Dương lịch, so day 1 is Friday 2/1 → Thursday 15/1.
    [2025, 'year', DEFAULTS_ONLY, '2026-01-15'],
    // Tuesday 30/6/2026 again, with an official extra day off on Friday 3/7 recorded: the recorded calendar wins.
    [2026, 'half', { daysOff: ['2026-07-03'], workingDays: [] }, '2026-07-15'],
  ] as const)('%i %s report is due on %s', (year, period, cal, due) => {
    expect(reportDueOn(year, period, cal as WorkCalendar)).toBe(due);
  });

  it('without the New Year holiday the yearly report would be due a day earlier (the holiday is what moves it)', () => {
    const noDefaults: WorkCalendar = { daysOff: [], workingDays: [], replacesDefaultsForYears: [2026] };
    expect(reportDueOn(2025, 'year', noDefaults)).toBe('2026-01-14');
  });

  it('takes another number of working days from the configuration', () => {
    const config = { ...SUPERVISION_DUE_DEFAULTS, dueWorkingDays: { half: 5, year: 15 } };
    expect(reportDueOn(2026, 'half', DEFAULTS_ONLY, config)).toBe('2026-07-07');
  });
});

describe('who has reported', () => {
  const range = periodRange(2026, 'half');
  it.each([
    [{ fromDate: '2025-07-01', toDate: null }, true],
    [{ fromDate: '2026-06-15', toDate: null }, true],
    [{ fromDate: '2026-07-01', toDate: null }, false],
    [{ fromDate: '2025-07-01', toDate: '2026-03-31' }, false],
    [{ fromDate: '2025-07-01', toDate: '2026-06-30' }, true],
  ])('assignment %o owes the six-month report: %s', (span, owed) => {
    expect(reportRequired(span, range)).toBe(owed);
  });

  it.each([
    [true, { late: false }, '2026-08-01', 'on_time'],
    [true, { late: true }, '2026-08-01', 'late'],
    [true, null, '2026-07-14', 'not_due'],
    [true, null, '2026-07-15', 'missing'],
    [false, null, '2026-08-01', 'not_required'],
  ] as const)('required %s, report %o, on %s → %s', (required, report, today, status) => {
    expect(reportStatus({ required, report, dueOn: '2026-07-14', today })).toBe(status);
  });

  it('is late only when first sent after the due day', () => {
    expect(isLate('2026-07-14', '2026-07-14')).toBe(false);
    expect(isLate('2026-07-15', '2026-07-14')).toBe(true);
  });

  it('dates a submission in Việt Nam time (UTC+7)', () => {
    expect(vietnamDateOf(new Date('2026-07-14T16:59:59Z'))).toBe('2026-07-14');
    expect(vietnamDateOf(new Date('2026-07-14T17:00:00Z'))).toBe('2026-07-15');
  });
});

describe('sending a report', () => {
  const assignment = { fromDate: '2026-01-01', toDate: null };
  it.each([
    ['2026-05-31', 'half', /từ ngày 01\/06\/2026/],
    ['2026-06-01', 'half', null],
    ['2026-11-30', 'year', /từ ngày 01\/12\/2026/],
    ['2027-01-05', 'year', null],
  ] as const)('on %s a %s report: %s', (today, period, expected) => {
    const p = submitProblem({ year: 2026, period, today, assignment });
    if (expected === null) expect(p).toBeNull();
    else expect(p).toMatch(expected);
  });

  it('refuses a report under an assignment that does not cover the period', () => {
    const p = submitProblem({ year: 2026, period: 'half', today: '2026-07-01', assignment: { fromDate: '2026-07-01', toDate: null } });
    expect(p).toMatch(/không có hiệu lực/);
  });
});

describe('document heading (domain.md §3: issuing body, place-and-date line)', () => {
  it.each([
    ['Đảng bộ tỉnh Nghệ An', 'TỈNH ỦY NGHỆ AN', 'Nghệ An'],
    ['Đảng bộ thành phố Hà Nội', 'THÀNH ỦY HÀ NỘI', 'Hà Nội'],
    ['Đảng bộ xã Đô Lương', 'ĐẢNG ỦY XÃ ĐÔ LƯƠNG', 'Đô Lương'],
    ['Đảng bộ phường Ba Đình', 'ĐẢNG ỦY PHƯỜNG BA ĐÌNH', 'Ba Đình'],
    ['Đảng bộ Khối các cơ quan tỉnh', 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH', 'Khối các cơ quan tỉnh'],
  ])('%s → %s, %s', (name, heading, place) => {
    expect(committeeHeading(name)).toBe(heading);
    expect(committeeName(name).toLocaleUpperCase('vi')).toBe(heading);
    expect(placeOf(name)).toBe(place);
  });

  it('names the committee in running text', () => {
    expect(committeeName('Đảng bộ xã Đô Lương')).toBe('Đảng ủy xã Đô Lương');
    expect(committeeName('Đảng bộ tỉnh Nghệ An')).toBe('Tỉnh ủy Nghệ An');
  });

  it('writes the date line in words of the Party format', () => {
    expect(dateLine('Đô Lương', '2025-11-11')).toBe('Đô Lương, ngày 11 tháng 11 năm 2025');
    expect(dateLine('Nghệ An', '2026-07-05')).toBe('Nghệ An, ngày 05 tháng 7 năm 2026');
    expect(dateLine('Nghệ An', '2026-02-09')).toBe('Nghệ An, ngày 09 tháng 02 năm 2026');
  });
});
