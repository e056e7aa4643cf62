// Which forms of discipline are open to a subject (Điều lệ Đảng, Điều 35; Quy định 69-QĐ/TW, Điều 7;
// domain.md §4). Pure: no I/O.
import { type DisciplineForm, FORM_LABELS, MEMBER_FORMS, ORG_FORMS } from '../../../../common/discipline.ts';

export type FormSubject = { kind: 'member'; probationary: boolean; holdsPost: boolean } | { kind: 'org' };

/** The forms the rules allow for this subject, light → heavy. */
export function formsOpenTo(subject: FormSubject): DisciplineForm[] {
  if (subject.kind === 'org') return [...ORG_FORMS];
  // A probationary member: reprimand or warning only (Quy định 69-QĐ/TW, Điều 7, khoản 3).
  if (subject.probationary) return ['reprimand', 'warning'];
  // A full member: removal only from a post the member holds (Điều 7, khoản 2: "cách chức (nếu có chức vụ)").
  return MEMBER_FORMS.filter((f) => f !== 'removal' || subject.holdsPost);
}

/** Why this form cannot be given to this subject, in Vietnamese citing the rule; null when it can. */
export function formProblem(form: DisciplineForm, subject: FormSubject): string | null {
  if (formsOpenTo(subject).includes(form)) return null;
  const label = FORM_LABELS[form].toLowerCase();
  if (subject.kind === 'org')
    return `Không áp dụng hình thức ${label} với tổ chức đảng: tổ chức đảng chỉ bị khiển trách, cảnh cáo, giải tán (Quy định 69-QĐ/TW, Điều 7, khoản 1).`;
  if (form === 'dissolution')
    return 'Không áp dụng hình thức giải tán với đảng viên: giải tán chỉ áp dụng với tổ chức đảng (Quy định 69-QĐ/TW, Điều 7).';
  if (subject.probationary)
    return `Đảng viên dự bị chỉ bị khiển trách hoặc cảnh cáo, không bị ${label} (Quy định 69-QĐ/TW, Điều 7, khoản 3; Điều lệ Đảng, Điều 35).`;
  return 'Đảng viên không giữ chức vụ nên không thể bị cách chức (Quy định 69-QĐ/TW, Điều 7, khoản 2: cách chức nếu có chức vụ).';
}
