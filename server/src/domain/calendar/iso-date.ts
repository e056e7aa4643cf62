// Calendar dates as ISO strings ('YYYY-MM-DD') and Julian day numbers. Pure: no I/O, no time zones —
// a date here is a civil day, never an instant.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Julian day number of 1970-01-01 (the Unix epoch day). */
const JDN_UNIX_EPOCH = 2_440_588;

/** Julian day number (integer, the day that starts at the preceding midnight) of an ISO date; throws on a malformed or impossible date. */
export function isoToJdn(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`Ngày không hợp lệ (cần dạng YYYY-MM-DD): ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC silently rolls 31 April over to 1 May: a round trip catches it.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Ngày không tồn tại: ${iso}`);
  }
  return Math.round(ms / MS_PER_DAY) + JDN_UNIX_EPOCH;
}

export function jdnToIso(jdn: number): string {
  return new Date((jdn - JDN_UNIX_EPOCH) * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isoFromParts(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  return jdnToIso(isoToJdn(iso) + days);
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export function weekday(iso: string): number {
  return (isoToJdn(iso) + 1) % 7;
}

export function isWeekend(iso: string): boolean {
  const wd = weekday(iso);
  return wd === 0 || wd === 6;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}
