// Reading one row's cells into typed values, collecting every problem with its row and column.
import { parseVnDate, todayInVietnam } from '../../../../common/dates.ts';
import { foldForSearch } from '../../../../common/text.ts';
import { type RowError, rowError, type SheetRow } from './parse.ts';
import { type ImportKind, TEMPLATES } from './templates.ts';

export interface RowReader {
  row: number;
  /** The header of a column key, as errors name it. */
  header(key: string): string;
  fail(key: string, message: string): void;
  /** Trimmed text; '' when empty; a problem when required and empty, or too long. */
  text(key: string, opts?: { required?: boolean; max?: number; min?: number }): string;
  /** yyyy-mm-dd, null when empty, undefined when wrong (already reported). */
  date(key: string, opts?: { required?: boolean; notFuture?: boolean }): string | null | undefined;
  /** The value whose folded label matches; null when empty, undefined when wrong (reported). */
  choice<T>(key: string, options: Record<string, T>, expected: string): T | null | undefined;
  readonly failed: boolean;
}

export function rowReader(kind: ImportKind, sheetRow: SheetRow, errors: RowError[]): RowReader {
  const headers = new Map(TEMPLATES[kind].map((c) => [c.key, c.header]));
  let failed = false;
  const r: RowReader = {
    row: sheetRow.row,
    header: (key) => headers.get(key) ?? key,
    fail(key, message) {
      failed = true;
      errors.push(rowError(sheetRow.row, r.header(key), message));
    },
    text(key, opts = {}) {
      const v = (sheetRow.values[key] ?? '').replace(/\s+/g, ' ').trim();
      if (!v && opts.required) r.fail(key, 'bắt buộc, không được để trống.');
      else if (v && opts.max && v.length > opts.max) r.fail(key, `tối đa ${opts.max} ký tự (đang có ${v.length}).`);
      else if (v && opts.min && v.length < opts.min) r.fail(key, `phải có ít nhất ${opts.min} ký tự.`);
      return v;
    },
    date(key, opts = {}) {
      const v = r.text(key, { required: opts.required });
      if (!v) return null;
      const iso = parseVnDate(v);
      if (!iso) {
        r.fail(key, `"${v}" không phải ngày hợp lệ (ghi theo ngày/tháng/năm, ví dụ 05/03/1985).`);
        return undefined;
      }
      if (opts.notFuture && iso > todayInVietnam()) {
        r.fail(key, `ngày ${v} ở trong tương lai.`);
        return undefined;
      }
      return iso;
    },
    choice(key, options, expected) {
      const v = r.text(key);
      if (!v) return null;
      const folded = foldForSearch(v);
      for (const [label, value] of Object.entries(options)) if (foldForSearch(label) === folded) return value;
      r.fail(key, `"${v}" không hợp lệ; ghi ${expected}.`);
      return undefined;
    },
    get failed() {
      return failed;
    },
  };
  return r;
}

export const YES_NO: Record<string, boolean> = { có: true, không: false, x: true, '1': true, '0': false };

/** Index of the first row holding each key, to name the earlier row of a duplicate. */
export class FirstSeen {
  private readonly seen = new Map<string, number>();
  /** The earlier row with this key, or null (and remembers this row). */
  check(key: string, row: number): number | null {
    const earlier = this.seen.get(key);
    if (earlier !== undefined) return earlier;
    this.seen.set(key, row);
    return null;
  }
}
