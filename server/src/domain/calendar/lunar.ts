// The Vietnamese lunisolar calendar (âm lịch). Rules as used by Vietnamese almanacs since the
// Government's 1967 decision to compute the calendar for UTC+7 (Quyết định 121-CP, 08/08/1967),
// which is why it differs from the Chinese calendar (UTC+8) in some years, e.g. Tết 1985 and 2007:
// - a month begins on the local day (UTC+7) of a new moon;
// - month 11 is the month containing the winter solstice;
// - when 13 new moons start between two months 11, the first month after month 11 without a major
//   solar term (trung khí: the Sun's longitude reaching a multiple of 30°) is the leap month and
//   repeats the number of the month before it.
// Astronomy: ./astronomy.ts (Meeus). Valid well beyond 1900–2199; tested on that range.

import { newMoonJdUt, sunLongitude } from './astronomy.ts';
import { isoFromParts, isoToJdn, jdnToIso } from './iso-date.ts';

export type LunarDate = { year: number; month: number; day: number; leap: boolean };

/** Vietnam's legal time zone, in hours east of UTC. */
export const VIETNAM_UTC_OFFSET = 7;

const SYNODIC_MONTH = 29.530588861;
/** JD of the mean new moon k = 0 (6 January 2000, Meeus ch. 49). */
const NEW_MOON_EPOCH = 2451550.09766;

/** Local Julian day number of the day (in the given zone) on which new moon k falls. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoonJdUt(k) + 0.5 + tz / 24);
}

/** Index k of the new moon that starts the lunar month containing local day jdn. */
function monthIndexAt(jdn: number, tz: number): number {
  let k = Math.floor((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  // The mean phase can miss the true one by up to ~14 hours: step to the right month.
  while (newMoonDay(k + 1, tz) <= jdn) k++;
  while (newMoonDay(k, tz) > jdn) k--;
  return k;
}

/** Which 30° sector (0–11) the Sun is in at the local midnight that starts day jdn. */
function sunSector(jdn: number, tz: number): number {
  return Math.floor(sunLongitude(jdn - 0.5 - tz / 24) / 30);
}

/** A month has no major term when the Sun is in the same sector at its start and at the next month's start. */
function lacksMajorTerm(k: number, tz: number): boolean {
  return sunSector(newMoonDay(k, tz), tz) === sunSector(newMoonDay(k + 1, tz), tz);
}

/** Index k of month 11 of a Gregorian year: the month in which the December solstice (Sun at 270°) falls. */
function month11Index(gregorianYear: number, tz: number): number {
  const k = monthIndexAt(isoToJdn(isoFromParts(gregorianYear, 12, 31)), tz);
  // Sector 9 (270°–300°) already reached when the month containing 31 December starts: the solstice fell in the month before.
  return sunSector(newMoonDay(k, tz), tz) >= 9 ? k - 1 : k;
}

type LunarYearFrame = { k11: number; months: number; leapOffset: number | null };

/** Months from month 11 of gregorianYear to month 11 of the next year, and which offset (if any) is the leap month. */
function frame(gregorianYear: number, tz: number): LunarYearFrame {
  const k11 = month11Index(gregorianYear, tz);
  const months = month11Index(gregorianYear + 1, tz) - k11;
  if (months !== 13) return { k11, months, leapOffset: null };
  for (let i = 1; i < 13; i++) if (lacksMajorTerm(k11 + i, tz)) return { k11, months, leapOffset: i };
  // Cannot happen astronomically (13 months, at most 12 major terms), kept for total functions.
  return { k11, months, leapOffset: null };
}

/** Month number (1–12) and lunar year of the month at `offset` months after month 11 of gregorianYear. */
function numberAt(f: LunarYearFrame, offset: number, gregorianYear: number): { year: number; month: number; leap: boolean } {
  const leap = f.leapOffset === offset;
  const index = f.leapOffset !== null && offset >= f.leapOffset ? offset - 1 : offset;
  // index 0 → month 11, 1 → month 12 (both in the lunar year still running), 2 → month 1 of the next lunar year.
  return { year: index >= 2 ? gregorianYear + 1 : gregorianYear, month: ((10 + index) % 12) + 1, leap };
}

/** Lunar date of a civil date (ISO 'YYYY-MM-DD'); tz defaults to Vietnam (UTC+7), 8 gives the Chinese calendar. */
export function solarToLunar(isoDate: string, tz = VIETNAM_UTC_OFFSET): LunarDate {
  const jdn = isoToJdn(isoDate);
  const k = monthIndexAt(jdn, tz);
  let gy = Number(isoDate.slice(0, 4));
  if (month11Index(gy, tz) > k) gy--;
  const f = frame(gy, tz);
  const { year, month, leap } = numberAt(f, k - f.k11, gy);
  return { year, month, day: jdn - newMoonDay(k, tz) + 1, leap };
}

/** Civil date (ISO) of a lunar date; throws a RangeError for a leap month the year lacks or a day past the month's end. */
export function lunarToSolar(year: number, month: number, day: number, leap = false, tz = VIETNAM_UTC_OFFSET): string {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1 || day > 30) {
    throw new RangeError(`Ngày âm lịch không hợp lệ: ${day}/${month}/${year}`);
  }
  // Months 11 and 12 follow month 11 of the same Gregorian year; months 1–10 follow that of the year before.
  const gy = month >= 11 ? year : year - 1;
  const f = frame(gy, tz);
  for (let offset = 0; offset < f.months; offset++) {
    const n = numberAt(f, offset, gy);
    if (n.year !== year || n.month !== month || n.leap !== leap) continue;
    const start = newMoonDay(f.k11 + offset, tz);
    const length = newMoonDay(f.k11 + offset + 1, tz) - start;
    if (day > length) throw new RangeError(`Tháng ${month}${leap ? ' nhuận' : ''} năm ${year} âm lịch chỉ có ${length} ngày.`);
    return jdnToIso(start + day - 1);
  }
  throw new RangeError(`Năm ${year} âm lịch không có tháng ${month} nhuận.`);
}

/** The leap month of a lunar year (1–12), or null when the year has 12 months. */
export function leapMonthOf(year: number, tz = VIETNAM_UTC_OFFSET): number | null {
  // A leap month of year Y lies after month 11 of Y − 1 (months 1–10, rarely 11–12 of Y) or after month 11 of Y (11–12 of Y).
  for (const gy of [year - 1, year]) {
    const f = frame(gy, tz);
    if (f.leapOffset === null) continue;
    const n = numberAt(f, f.leapOffset, gy);
    if (n.year === year) return n.month;
  }
  return null;
}

/** Length (29 or 30 days) of a lunar month. */
export function lunarMonthLength(year: number, month: number, leap = false, tz = VIETNAM_UTC_OFFSET): number {
  const first = isoToJdn(lunarToSolar(year, month, 1, leap, tz));
  return solarToLunar(jdnToIso(first + 29), tz).day === 30 ? 30 : 29;
}
