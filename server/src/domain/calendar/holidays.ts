// Public holidays computed by default from the Labour Code 2019 (Bộ luật Lao động 2019, Luật số 45/2019/QH14).
// These are DEFAULTS: Art. 112(3) lets the Prime Minister fix the exact Tết and Quốc khánh days each year,
// and the schedule an administrator records (./workdays.ts) always wins over what is computed here.
import { addDays, isoFromParts, isWeekend, weekday } from './iso-date.ts';
import { lunarToSolar } from './lunar.ts';

export type HolidayKind = 'holiday' | 'compensating';
export type Holiday = { date: string; name: string; kind: HolidayKind };

/**
 * Quốc khánh's adjacent day (Art. 112(1)(đ): "02 ngày: 02/9 và 01 ngày liền kề trước hoặc sau"), indexed by
 * the weekday of 2 September (0 = Sunday). Default: the adjacent day that joins a weekend, as the official
 * schedules did — Thu → Fri 3/9 (2021), Fri → Thu 1/9 (2022), Sat → Fri 1/9 (2023), Mon → Tue 3/9 (2024),
 * Tue → Mon 1/9 (2025). Sun → Mon 3/9 (2/9 itself is then compensated on Tue 4/9). Wed joins nothing: we take
 * the day before, the first option the law names; the recorded schedule corrects it if the Government chooses 3/9.
 */
const NATIONAL_DAY_ADJACENT: readonly number[] = [+1, +1, -1, -1, +1, -1, -1];

/** The holidays themselves, before compensation, in date order. */
function baseHolidays(year: number): Holiday[] {
  const h = (date: string, name: string): Holiday => ({ date, name, kind: 'holiday' });
  const list: Holiday[] = [];
  // Art. 112(1)(a): Tết Dương lịch, 1 day.
  list.push(h(isoFromParts(year, 1, 1), 'Tết Dương lịch'));
  // Art. 112(1)(b): Tết Âm lịch, 5 days, fixed yearly by the Prime Minister (Art. 112(3)). Default: the last
  // day of the lunar year (29 or 30 tháng Chạp) and mùng 1–4 of the new year.
  const newYear = lunarToSolar(year, 1, 1);
  list.push(h(addDays(newYear, -1), 'Tết Nguyên đán (ngày cuối năm âm lịch)'));
  for (let i = 0; i < 4; i++) list.push(h(addDays(newYear, i), `Tết Nguyên đán (mùng ${i + 1} Tết)`));
  // Art. 112(1)(e): Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month.
  list.push(h(lunarToSolar(year, 3, 10), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'));
  // Art. 112(1)(c) and (d): Ngày Chiến thắng 30/4 and Ngày Quốc tế lao động 1/5.
  list.push(h(isoFromParts(year, 4, 30), 'Ngày Chiến thắng (30/4)'));
  list.push(h(isoFromParts(year, 5, 1), 'Ngày Quốc tế lao động (1/5)'));
  // Art. 112(1)(đ): Quốc khánh, 2/9 and one adjacent day (see NATIONAL_DAY_ADJACENT).
  const national = isoFromParts(year, 9, 2);
  const adjacent = addDays(national, NATIONAL_DAY_ADJACENT[weekday(national)]!);
  const pair = [h(national, 'Quốc khánh (2/9)'), h(adjacent, 'Quốc khánh (ngày liền kề)')];
  list.push(...pair.sort((a, b) => a.date.localeCompare(b.date)));
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Default public holidays and compensating days of a Gregorian year, in date order.
 * Compensation, Art. 111(3): a holiday on the weekly rest day (Saturday or Sunday for Party and state
 * bodies, which work a 40-hour week under Quyết định 188/1999/QĐ-TTg) is made up on the next
 * working day — the first day after it that is neither a weekend, a holiday nor an earlier compensating day.
 * Tết days get it too here, because this default is not the Government's schedule: a Tết day the default
 * puts on a weekend would otherwise cost a day of the five the law grants. When the Government fixes Tết
 * (always on working days, so no compensation), the recorded schedule replaces this default.
 */
export function defaultHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year)) throw new RangeError(`Năm không hợp lệ: ${year}`);
  const holidays = baseHolidays(year);
  const taken = new Set(holidays.map((x) => x.date));
  const result: Holiday[] = [...holidays];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) continue;
    let day = addDays(holiday.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    result.push({ date: day, name: `Nghỉ bù ${holiday.name}`, kind: 'compensating' });
  }
  return result.sort((a, b) => a.date.localeCompare(b.date));
}
