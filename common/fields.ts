// Field schemas the request schemas of several modules share, with their Vietnamese messages that name
// the field: dates (yyyy-mm-dd), trimmed NFC text with bounds, record versions, ids, secrecy marks.
import { z } from 'zod';

export const isoDate = (what: string) => z.iso.date({ error: `${what} không hợp lệ (yyyy-mm-dd)` });
export const text = (what: string, min: number, max: number) =>
  z
    .string({ error: `Cần nhập ${what}` })
    .trim()
    .min(min, `${what.charAt(0).toUpperCase()}${what.slice(1)} phải có ít nhất ${min} ký tự`)
    .max(max, `${what.charAt(0).toUpperCase()}${what.slice(1)} tối đa ${max} ký tự`)
    .transform((s) => s.normalize('NFC'));
export const version = z.number({ error: 'Thiếu phiên bản bản ghi' }).int().min(1);
export const uuid = (what: string) => z.uuid({ error: `${what} không hợp lệ` });
export const secrecy = z.number({ error: 'Độ mật không hợp lệ' }).int().min(0, 'Độ mật không hợp lệ').max(3, 'Độ mật không hợp lệ');
