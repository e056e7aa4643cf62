// Vietnamese formatting. Instants are shown in Vietnam's time zone whatever the browser's setting,
// so that every officer reads the same time on a record.

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const numberFormat = new Intl.NumberFormat('vi-VN');
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date ('2025-11-11') is taken as is; an instant is read in Vietnam's time zone. */
function parts(value: string | Date): DateParts | null {
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 };
  }
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return null;
  const out: Record<string, number> = {};
  for (const p of partsFormat.formatToParts(d)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year ?? 0, month: out.month ?? 0, day: out.day ?? 0, hour: out.hour ?? 0, minute: out.minute ?? 0 };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "11/11/2025" */
export function formatDate(value: string | Date | null | undefined): string {
  const p = value ? parts(value) : null;
  return p ? `${pad(p.day)}/${pad(p.month)}/${p.year}` : '';
}

/** "11/11/2025 14:05" */
export function formatDateTime(value: string | Date | null | undefined): string {
  const p = value ? parts(value) : null;
  return p ? `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}` : '';
}

/**
 * "ngày 11 tháng 11 năm 2025", as documents write it: days below 10 and months below 3 take a leading
 * zero (Nghị định 30/2020/NĐ-CP, Phụ lục I), so "ngày 05 tháng 02 năm 2025" but "tháng 3".
 */
export function formatDateLong(value: string | Date | null | undefined): string {
  const p = value ? parts(value) : null;
  if (!p) return '';
  const month = p.month < 3 ? pad(p.month) : String(p.month);
  return `ngày ${pad(p.day)} tháng ${month} năm ${p.year}`;
}

/** "1.650" */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : numberFormat.format(n);
}
