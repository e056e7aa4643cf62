import { describe, expect, it } from 'vitest';
import { defaultHolidays } from './holidays.ts';

const table = (year: number) => defaultHolidays(year).map((h) => [h.date, h.kind]);

describe('default holidays, Bộ luật Lao động 2019, Điều 112(1) with nghỉ bù of Điều 111(3)', () => {
  it('2025: Tết = 29 Chạp (28/01) + mùng 1–4; mùng 4 on Saturday 01/02 is made up on Monday 03/02', () => {
    expect(table(2025)).toEqual([
      ['2025-01-01', 'holiday'],
      ['2025-01-28', 'holiday'],
      ['2025-01-29', 'holiday'],
      ['2025-01-30', 'holiday'],
      ['2025-01-31', 'holiday'],
      ['2025-02-01', 'holiday'],
      ['2025-02-03', 'compensating'],
      ['2025-04-07', 'holiday'],
      ['2025-04-30', 'holiday'],
      ['2025-05-01', 'holiday'],
      ['2025-09-01', 'holiday'],
      ['2025-09-02', 'holiday'],
    ]);
  });
  it('2026: Tết 16–20/02 (official break 14–22/02 with both weekends); Giỗ Tổ on Sunday 26/04 made up on Monday 27/04', () => {
    expect(table(2026)).toEqual([
      ['2026-01-01', 'holiday'],
      ['2026-02-16', 'holiday'],
      ['2026-02-17', 'holiday'],
      ['2026-02-18', 'holiday'],
      ['2026-02-19', 'holiday'],
      ['2026-02-20', 'holiday'],
      ['2026-04-26', 'holiday'],
      ['2026-04-27', 'compensating'],
      ['2026-04-30', 'holiday'],
      ['2026-05-01', 'holiday'],
      ['2026-09-01', 'holiday'],
      ['2026-09-02', 'holiday'],
    ]);
  });
  it('names are Vietnamese', () => {
    const names = defaultHolidays(2026).map((h) => h.name);
    expect(names).toContain('Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(names).toContain('Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(names).toContain('Tết Nguyên đán (mùng 1 Tết)');
  });
});

describe('Quốc khánh: 2/9 and one adjacent day (Điều 112(1)(đ)), default joins a weekend as the official schedules did', () => {
  it.each([
    [2021, ['2021-09-02', '2021-09-03']], // Thursday → Friday
    [2022, ['2022-09-01', '2022-09-02']], // Friday → Thursday
    [2023, ['2023-09-01', '2023-09-02', '2023-09-04']], // Saturday → Friday, 2/9 made up on Monday
    [2024, ['2024-09-02', '2024-09-03']], // Monday → Tuesday
    [2025, ['2025-09-01', '2025-09-02']], // Tuesday → Monday
    [2026, ['2026-09-01', '2026-09-02']], // Wednesday → the day before (documented default)
    [2029, ['2029-09-02', '2029-09-03', '2029-09-04']], // Sunday → Monday, 2/9 made up on Tuesday
  ])('%i', (year, days) => {
    expect(
      defaultHolidays(year)
        .filter((h) => h.date.slice(5, 7) === '09')
        .map((h) => h.date),
    ).toEqual(days);
  });
});

describe('nghỉ bù on the next working day, skipping holidays and earlier compensating days (Điều 111(3))', () => {
  it.each([
    // As the official 2022 schedule: 03/01, 11/04 (Giỗ Tổ on Sunday), 02–03/05 (30/4–1/5 on Saturday–Sunday).
    [2022, ['2022-01-03', '2022-04-11', '2022-05-02', '2022-05-03'], '1/1 Sat, Giỗ Tổ Sun, 30/4 Sat, 1/5 Sun'],
    // 1/5 on Saturday: Monday 03/05 as officially; Tết mùng 2–3 on the weekend give 16–17/02 (the official break differed).
    [2021, ['2021-02-16', '2021-02-17', '2021-05-03'], 'Tết mùng 2–3 Sat–Sun, 1/5 Sat'],
    // 30/4 on Sunday: Monday 1/5 is itself a holiday, so the made-up day is Tuesday 2/5.
    [2028, ['2028-01-03', '2028-01-31', '2028-05-02', '2028-09-04'], '1/1 Sat, mùng 4 Sat, 30/4 Sun with 1/5 Mon, 2/9 Sat'],
    // Mùng 1–2 on Saturday–Sunday 06–07/02: made up after mùng 3–4, on Wednesday 10 and Thursday 11/02.
    [2027, ['2027-02-10', '2027-02-11', '2027-05-03'], 'Tết mùng 1–2 on a weekend, 1/5 on Saturday'],
  ])('%i: %j (%s)', (year, dates) => {
    expect(
      defaultHolidays(year)
        .filter((h) => h.kind === 'compensating')
        .map((h) => h.date),
    ).toEqual(dates);
  });
});
