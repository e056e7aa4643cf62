import { describe, expect, it } from 'vitest';
import { isoToJdn, jdnToIso } from './iso-date.ts';
import { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar.ts';

describe('Tết Nguyên đán = 1/1 âm lịch, Vietnamese calendar for UTC+7 (Quyết định 121-CP, 1967)', () => {
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    // New moon 2 Feb 2030 16:07 UT = 23:07 in Hanoi but 00:07 on 3 Feb in Beijing: Vietnam's Tết is a day earlier.
    [2030, '2030-02-02'],
  ])('Tết %i falls on %s', (year, iso) => {
    expect(lunarToSolar(year, 1, 1)).toBe(iso);
    expect(solarToLunar(iso)).toEqual({ year, month: 1, day: 1, leap: false });
  });
});

describe('Giỗ Tổ Hùng Vương = 10/3 âm lịch (Bộ luật Lao động 2019, Điều 112(1)(e))', () => {
  it.each([
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('%i → %s', (year, iso) => {
    expect(lunarToSolar(year, 3, 10)).toBe(iso);
  });
});

describe('leap month = first month without a major solar term in a 13-month year', () => {
  it.each([
    [2020, 4, '2020-05-23'],
    [2023, 2, '2023-03-22'],
    [2025, 6, '2025-07-25'],
    [2028, 5, '2028-06-23'],
  ])('year %i has leap month %i, starting %s', (year, month, iso) => {
    expect(leapMonthOf(year)).toBe(month);
    expect(lunarToSolar(year, month, 1, true)).toBe(iso);
    expect(solarToLunar(iso)).toEqual({ year, month, day: 1, leap: true });
    // The ordinary month of the same number comes first.
    expect(isoToJdn(lunarToSolar(year, month, 1))).toBeLessThan(isoToJdn(iso));
  });
  it.each([2021, 2022, 2024, 2026, 2027])('year %i has no leap month', (year) => {
    expect(leapMonthOf(year)).toBeNull();
  });
  it('refuses a leap month the year does not have', () => {
    expect(() => lunarToSolar(2024, 3, 1, true)).toThrow(/nhuận/);
  });
});

describe('month lengths: the last day of the lunar year (Tết eve) is 29 or 30 tháng Chạp', () => {
  it('Giáp Thìn (2024) ends on 29 tháng Chạp = 28/01/2025: no "30 Tết"', () => {
    expect(lunarMonthLength(2024, 12)).toBe(29);
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(() => lunarToSolar(2024, 12, 30)).toThrow(/29 ngày/);
  });
});

describe('UTC+7 (Vietnam) versus UTC+8 (China) gives different Tết in some years', () => {
  it.each([
    // 1968: the Tết Offensive year, Hanoi celebrated on 29/1 and Saigon (still on UTC+8) on 30/1.
    [1968, '1968-01-29', '1968-01-30'],
    // 1985: different month 11 and leap months put Vietnam's Tết a whole month earlier.
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
  ])('Tết %i: Vietnam %s, China %s', (year, vietnam, china) => {
    expect(lunarToSolar(year, 1, 1)).toBe(vietnam);
    expect(lunarToSolar(year, 1, 1, false, 8)).toBe(china);
  });
  it('same years otherwise: Tết 2024 is 10/02 in both', () => {
    expect(lunarToSolar(2024, 1, 1, false, 8)).toBe('2024-02-10');
  });
});

describe('round trips over 1900–2199', () => {
  it('every civil day converts to a lunar date and back, and lunar days run on without gaps', () => {
    let prev = solarToLunar('1899-12-31');
    for (let j = isoToJdn('1900-01-01'); j <= isoToJdn('2199-12-31'); j++) {
      const iso = jdnToIso(j);
      const l = solarToLunar(iso);
      expect(lunarToSolar(l.year, l.month, l.day, l.leap), iso).toBe(iso);
      const continues = l.day === prev.day + 1 && l.month === prev.month && l.leap === prev.leap;
      const newMonth = l.day === 1 && prev.day >= 29;
      if (!continues && !newMonth) expect.fail(`${iso}: ${JSON.stringify(prev)} → ${JSON.stringify(l)}`);
      prev = l;
    }
  });
  it('every Tết from 1900 to 2199 falls between 21 January and 20 February', () => {
    for (let y = 1900; y <= 2199; y++) {
      const tet = lunarToSolar(y, 1, 1);
      expect(tet >= `${y}-01-21` && tet <= `${y}-02-20`, `${y}: ${tet}`).toBe(true);
    }
  });
});
