// Rules a member's record must satisfy, whichever path writes it (the form, an import). Pure.
import { yearsBetween } from '../../../common/dates.ts';

/** Điều lệ Đảng, Điều 1: a person is admitted to the Party from 18 years of age. */
export const MIN_ADMISSION_AGE = 18;

export interface MemberDates {
  status: string | null;
  birthDate: string | null;
  admittedOn: string | null;
  confirmedOn: string | null;
}

/** Problems across the dates of a record, as lower-case fragments the caller puts in its sentence. */
export function memberDateProblems(m: MemberDates): { field: keyof MemberDates; message: string }[] {
  const out: { field: keyof MemberDates; message: string }[] = [];
  if (m.admittedOn && m.confirmedOn && m.confirmedOn < m.admittedOn) {
    out.push({ field: 'confirmedOn', message: 'ngày chính thức phải sau ngày vào Đảng.' });
  }
  // Điều lệ Đảng, Điều 5: a probationary member has not yet been recognised as full.
  if (m.status === 'probationary' && m.confirmedOn) {
    out.push({ field: 'confirmedOn', message: 'đảng viên dự bị chưa có ngày chính thức.' });
  }
  if (m.birthDate && m.admittedOn && yearsBetween(m.birthDate, m.admittedOn) < MIN_ADMISSION_AGE) {
    out.push({ field: 'admittedOn', message: `vào Đảng khi chưa đủ ${MIN_ADMISSION_AGE} tuổi (Điều lệ Đảng, Điều 1).` });
  }
  return out;
}
