// Dates as Vietnamese users write them (dd/mm/yyyy) and as the API carries them (yyyy-mm-dd).

/** "05/3/1980" or "5-3-1980" → "1980-03-05"; null when it is not a real calendar date. */
export function parseVnDate(raw: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(raw);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isoIfValid(y, mo, d);
}

export function isoIfValid(y: number, m: number, d: number): string | null {
  if (y < 1850 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "1980-03-05" → "05/03/1980". */
export function formatVnDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Whole years between two ISO dates (age on a day). */
export function yearsBetween(fromIso: string, toIso: string): number {
  const [fy, fm, fd] = fromIso.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = toIso.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** The calendar date in Vietnam (UTC+7, no daylight saving) of an instant: at 23:30 UTC it is already tomorrow in Hà Nội. */
export function vietnamDateOf(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Today in Vietnam, yyyy-mm-dd: the day deadlines are compared with and documents are dated. */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDateOf(now);
}
