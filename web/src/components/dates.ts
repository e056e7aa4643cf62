// Calendar dates in forms: antd's DatePicker holds a Dayjs, the API carries yyyy-mm-dd, officers type dd/mm/yyyy.
import dayjs, { type Dayjs } from 'dayjs';

/** What the DatePicker accepts when typed: the first is how it shows a date. */
export const VN_DATE_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'D-M-YYYY', 'DD.MM.YYYY'];
export const VN_DATE_PLACEHOLDER = 'dd/mm/yyyy';

export const isoToDay = (s: string | null | undefined): Dayjs | null => (s ? dayjs(s) : null);
export const dayToIso = (d: Dayjs | null | undefined): string | null => (d?.isValid() ? d.format('YYYY-MM-DD') : null);
export const todayIso = (): string => dayjs().format('YYYY-MM-DD');
