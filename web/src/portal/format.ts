// How the portal writes what a citizen reads: dates in words, the receipt code and secret in groups,
// file sizes with a Vietnamese decimal comma; and the checks on a chosen file before anything is sent.
import { PORTAL_ACCEPT, PORTAL_LIMITS } from '../../../common/portal-api.ts';

/** "2026-11-22" → "ngày 22 tháng 11 năm 2026". */
export function longVnDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** An instant as a Vietnamese reader sees it, in Vietnam's time: "14:05, 22/11/2026". */
export function vnDateTime(instant: string): string {
  const d = new Date(new Date(instant).getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}, ${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** The 16-digit code in groups of four, whatever spacing it came with. */
export function groupCode(code: string): string {
  const digits = code.replace(/\D/g, '');
  return digits.length === 16 ? (digits.match(/.{4}/g) ?? []).join(' ') : code.trim();
}

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** 10485760 → "10 MB", 1536 → "1,5 KB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${number.format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${number.format(bytes / 1024)} KB`;
  return `${bytes} byte`;
}

const ACCEPTED = PORTAL_ACCEPT.split(',').map((s) => s.trim().toLowerCase());
export const ACCEPT_LABEL = 'PDF, ảnh (JPG, PNG), Word (.docx), Excel (.xlsx), văn bản (.txt)';

/**
 * Why a chosen file cannot be sent, or null. The server checks the content itself; this only spares a
 * citizen on a slow connection an upload that would be refused by its name or size.
 */
export function fileProblem(file: File): string | null {
  const dot = file.name.lastIndexOf('.');
  const ext = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  if (!ACCEPTED.includes(ext)) return `Loại tệp không được nhận. Chỉ nhận: ${ACCEPT_LABEL}.`;
  if (file.size === 0) return 'Tệp rỗng.';
  if (file.size > PORTAL_LIMITS.fileBytes)
    return `Tệp lớn ${fileSize(file.size)}, vượt quá ${fileSize(PORTAL_LIMITS.fileBytes)} cho mỗi tệp.`;
  return null;
}

/** The problem of the whole set of files (count, total size), or null. */
export function filesProblem(files: readonly File[]): string | null {
  if (files.length > PORTAL_LIMITS.files) return `Chỉ gửi được tối đa ${PORTAL_LIMITS.files} tệp. Vui lòng bỏ bớt.`;
  const total = files.reduce((s, f) => s + f.size, 0);
  if (total > PORTAL_LIMITS.totalBytes) {
    return `Tổng dung lượng ${fileSize(total)} vượt quá ${fileSize(PORTAL_LIMITS.totalBytes)}. Vui lòng bỏ bớt tệp.`;
  }
  return null;
}

/** Why a typed receipt code cannot be right (16 digits with a Luhn check digit), or null. */
export function receiptCodeProblem(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^\d{16}$/.test(digits)) return 'Mã tiếp nhận gồm 16 chữ số';
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    let d = Number(digits[14 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[15]) ? null : 'Mã tiếp nhận không đúng: vui lòng kiểm tra lại từng chữ số';
}

/** Why a typed secret cannot be right (26 letters and digits once hyphens and spaces are dropped), or null. */
export function secretProblem(input: string): string | null {
  const s = input.replace(/[\s-]/g, '');
  return /^[0-9A-Za-z]{26}$/.test(s) ? null : 'Mã bí mật gồm 26 chữ cái và chữ số (dấu gạch ngang không bắt buộc)';
}

/** As the citizen types a code: digits only, in groups of four. */
export function typingCode(input: string): string {
  return (
    input
      .replace(/\D/g, '')
      .slice(0, 16)
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

/** Copies text; the older way where the Clipboard API is missing (a page served over plain http). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  return ok;
}
