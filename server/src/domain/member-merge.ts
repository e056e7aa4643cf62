// Merging two records of one person (issue #3, point 7: "clean" data). Pure: no I/O.
// A merge is refused when the records carry evidence of two different people; otherwise the kept
// record takes, from the merged one, only what it lacks.
import { formatVnDate } from '../../../common/dates.ts';

export interface MergeSide {
  cccdHash: string | null;
  birthDate: string | null;
  partyCardNo: string | null;
  gender: string | null;
  admittedOn: string | null;
  confirmedOn: string | null;
}

export interface MergeRefusal {
  field: string;
  message: string;
}

/** Why these two records cannot be one person, or null. Only values present on both sides count. */
export function mergeRefusal(keep: MergeSide, merge: MergeSide): MergeRefusal | null {
  if (keep.cccdHash && merge.cccdHash && keep.cccdHash !== merge.cccdHash) {
    return { field: 'mergeId', message: 'Không thể gộp: hai hồ sơ có số CCCD khác nhau nên là hai người khác nhau.' };
  }
  if (keep.birthDate && merge.birthDate && keep.birthDate !== merge.birthDate) {
    return {
      field: 'mergeId',
      message: `Không thể gộp: ngày sinh khác nhau (${formatVnDate(keep.birthDate)} và ${formatVnDate(merge.birthDate)}). Sửa ngày sinh sai trước khi gộp.`,
    };
  }
  if (keep.partyCardNo && merge.partyCardNo && keep.partyCardNo !== merge.partyCardNo) {
    return { field: 'mergeId', message: 'Không thể gộp: hai hồ sơ có số thẻ đảng viên khác nhau.' };
  }
  return null;
}

/** The fields the kept record takes from the merged one (those it lacks and the other has). */
export type FillableField = 'cccd' | 'birthDate' | 'partyCardNo' | 'gender' | 'admittedOn' | 'confirmedOn';

export function fieldsToFill(keep: MergeSide, merge: MergeSide): FillableField[] {
  const out: FillableField[] = [];
  if (!keep.cccdHash && merge.cccdHash) out.push('cccd');
  if (!keep.birthDate && merge.birthDate) out.push('birthDate');
  if (!keep.partyCardNo && merge.partyCardNo) out.push('partyCardNo');
  if (!keep.gender && merge.gender) out.push('gender');
  // Admission dates go together, so that "confirmed on or after admitted" still holds.
  if (!keep.admittedOn && !keep.confirmedOn && merge.admittedOn) out.push('admittedOn');
  if (!keep.confirmedOn && merge.confirmedOn && (keep.admittedOn ?? merge.admittedOn ?? '') <= merge.confirmedOn) out.push('confirmedOn');
  return out;
}

export interface Period {
  fromDate: string;
  toDate: string | null;
}

/** Inclusive periods (toDate null = still open) share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aEnd = a.toDate ?? '9999-12-31';
  const bEnd = b.toDate ?? '9999-12-31';
  return a.fromDate <= bEnd && b.fromDate <= aEnd;
}
