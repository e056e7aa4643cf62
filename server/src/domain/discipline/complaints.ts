// Complaints about discipline (Điều lệ Đảng, Điều 39; Quy định 296-QĐ/TW; domain.md §5): whether one is
// accepted, who resolves it and at which level it is final, its deadline, and what the outcome does to the
// decision. Pure: no I/O; working days via the recorded calendar.
import type { BodyType } from '../../../../common/cases.ts';
import { formatVnDate } from '../../../../common/dates.ts';
import {
  COMPLAINT_REFUSAL_LABELS,
  type ComplaintLevel,
  type ComplaintOutcome,
  type ComplaintRefusalGround,
  type DisciplineForm,
  FORM_LABELS,
  FORM_RANK,
} from '../../../../common/discipline.ts';
import { addWorkingDays, type WorkCalendar } from '../calendar/workdays.ts';

export type ComplaintConfig = {
  /** "Within one month" of the decision, counted as working days from the announcement minutes. */
  filingWorkingDays: number;
  /** Working days the resolver has from receipt (configurable; not confirmed from the full text). */
  resolutionWorkingDays: number;
};
export const COMPLAINT_DEFAULTS: ComplaintConfig = { filingWorkingDays: 30, resolutionWorkingDays: 90 };

export type AdmissibilityInput = {
  /** The date on the minutes announcing the decision; null if not recorded (the time limit cannot be checked). */
  announcedOn: string | null;
  /** The day the complaint was handed in, or its postmark. */
  filedOn: string;
  /** The day the member received the written decision; null if not received. */
  decisionReceivedOn: string | null;
  refusedToReceive?: boolean;
  sentToSeveralLevels?: boolean;
  skipsLevel?: boolean;
  onBehalfOfOthers?: boolean;
  /** Already resolved by the highest competent level (finally decided). */
  alreadyDecided?: boolean;
  /** The discipline relates to a court sentence still in force. */
  courtSentenceInForce?: boolean;
  /** The member moved to an organisation under another superior committee. */
  movedUnderAnotherSuperior?: boolean;
};
export type Admissibility = {
  accepted: boolean;
  grounds: { code: ComplaintRefusalGround; text: string }[];
  /** Last day to file, when the announcement date is known. */
  filingDeadline: string | null;
};

/** Every ground on which the complaint is not accepted (all of them, so the officer sees each). */
export function complaintAdmissibility(
  input: AdmissibilityInput,
  cal: WorkCalendar,
  config: ComplaintConfig = COMPLAINT_DEFAULTS,
): Admissibility {
  const codes: ComplaintRefusalGround[] = [];
  const extra: Partial<Record<ComplaintRefusalGround, string>> = {};
  const filingDeadline = input.announcedOn ? addWorkingDays(input.announcedOn, config.filingWorkingDays, cal) : null;
  if (filingDeadline && input.filedOn > filingDeadline) {
    codes.push('late');
    extra.late = `nộp ngày ${formatVnDate(input.filedOn)}, hạn cuối ngày ${formatVnDate(filingDeadline)}`;
  }
  if (input.skipsLevel) codes.push('skipped_level');
  if (input.sentToSeveralLevels) codes.push('several_levels');
  if (input.onBehalfOfOthers) codes.push('on_behalf');
  if (input.alreadyDecided) codes.push('already_decided');
  if (input.courtSentenceInForce) codes.push('court_sentence');
  if (input.refusedToReceive) codes.push('refused_to_receive');
  else if (!input.decisionReceivedOn || input.filedOn < input.decisionReceivedOn) codes.push('not_yet_received');
  if (input.movedUnderAnotherSuperior) codes.push('moved_organisation');
  const grounds = codes.map((code) => ({
    code,
    text: extra[code] ? `${COMPLAINT_REFUSAL_LABELS[code]}: ${extra[code]}.` : `${COMPLAINT_REFUSAL_LABELS[code]}.`,
  }));
  return { accepted: grounds.length === 0, grounds, filingDeadline };
}

export type ComplaintResolver = { level: ComplaintLevel; isFinal: boolean; explanation: string };

/**
 * Who resolves a complaint about a decision by `deciding` in `form`: the level directly above, without
 * skipping; the final level is UBKT Trung ương for reprimand, warning and removal (and, by the same reading,
 * an organisation's reprimand or warning), Ban Bí thư for expulsion (and dissolution). A decision by a body
 * of provincial level goes straight to the central level; `orgLevel` is nlevel(path), 1 for Trung ương.
 */
export function complaintResolver(
  deciding: { bodyType: BodyType; orgPath: string; orgLevel: number },
  form: DisciplineForm,
): ComplaintResolver {
  const heavy = form === 'expulsion' || form === 'dissolution';
  const finalLevel: ComplaintLevel = heavy ? 'secretariat' : 'central_ubkt';
  const finalName = heavy ? 'Ban Bí thư' : 'Ủy ban Kiểm tra Trung ương';
  const label = FORM_LABELS[form].toLowerCase();
  const rule = 'Điều lệ Đảng, Điều 39; Quy định 296-QĐ/TW';
  if (deciding.orgLevel >= 3)
    return {
      level: 'next_up',
      isFinal: false,
      explanation: `Khiếu nại gửi cấp ủy, ủy ban kiểm tra cấp trên trực tiếp của cấp đã quyết định, không vượt cấp; cấp giải quyết cuối cùng đối với hình thức ${label} là ${finalName} (${rule}).`,
    };
  if (deciding.orgLevel === 2)
    return {
      level: 'central_ubkt',
      isFinal: !heavy,
      explanation: heavy
        ? `Quyết định của cấp tỉnh và tương đương: Ủy ban Kiểm tra Trung ương giải quyết; cấp giải quyết cuối cùng đối với hình thức ${label} là Ban Bí thư (${rule}).`
        : `Quyết định của cấp tỉnh và tương đương: Ủy ban Kiểm tra Trung ương giải quyết và là cấp giải quyết cuối cùng đối với hình thức ${label} (${rule}).`,
    };
  return {
    level: finalLevel,
    isFinal: true,
    explanation: `Quyết định của cơ quan Trung ương: ${finalName} là cấp giải quyết cuối cùng đối với hình thức ${label} (${rule}).`,
  };
}

/** The resolution deadline: `resolutionWorkingDays` working days after receipt (configurable). */
export function complaintDueOn(receivedOn: string, cal: WorkCalendar, config: ComplaintConfig = COMPLAINT_DEFAULTS): string {
  return addWorkingDays(receivedOn, config.resolutionWorkingDays, cal);
}

export type OutcomeEffect = {
  decisionStatus: 'in_force' | 'changed' | 'annulled';
  /** The form in force after the outcome; null when annulled. */
  form: DisciplineForm | null;
  explanation: string;
  /** Why the outcome is inconsistent (e.g. "heavier" with a lighter form); the effect is not to be applied. */
  problem?: string;
};

/** What the outcome does to the original decision (Quy định 296-QĐ/TW; annulment: Quy định 117-QĐ/TW). */
export function outcomeEffect(outcome: ComplaintOutcome, originalForm: DisciplineForm, newForm?: DisciplineForm): OutcomeEffect {
  const from = FORM_LABELS[originalForm].toLowerCase();
  if (outcome === 'kept') {
    if (newForm && newForm !== originalForm)
      return {
        decisionStatus: 'in_force',
        form: originalForm,
        explanation: '',
        problem: 'Giữ nguyên quyết định thì không chọn hình thức kỷ luật khác.',
      };
    return {
      decisionStatus: 'in_force',
      form: originalForm,
      explanation: `Giữ nguyên hình thức ${from}; quyết định tiếp tục có hiệu lực.`,
    };
  }
  if (outcome === 'annulled')
    return {
      decisionStatus: 'annulled',
      form: null,
      explanation: 'Xóa bỏ quyết định kỷ luật; tổ chức đảng có thẩm quyền xin lỗi và phục hồi quyền lợi (Quy định 117-QĐ/TW).',
    };
  if (!newForm)
    return {
      decisionStatus: 'changed',
      form: null,
      explanation: '',
      problem: 'Cần chọn hình thức kỷ luật mới khi tăng hoặc giảm hình thức kỷ luật.',
    };
  const to = FORM_LABELS[newForm].toLowerCase();
  const heavier = FORM_RANK[newForm] > FORM_RANK[originalForm];
  if (outcome === 'heavier' && !heavier)
    return { decisionStatus: 'changed', form: newForm, explanation: '', problem: `Hình thức ${to} không nặng hơn ${from}.` };
  if (outcome === 'lighter' && (heavier || newForm === originalForm))
    return { decisionStatus: 'changed', form: newForm, explanation: '', problem: `Hình thức ${to} không nhẹ hơn ${from}.` };
  return {
    decisionStatus: 'changed',
    form: newForm,
    explanation: `${outcome === 'heavier' ? 'Tăng' : 'Giảm'} hình thức kỷ luật từ ${from} thành ${to}.`,
  };
}
