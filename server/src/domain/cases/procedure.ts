// The procedure of a case as a state machine (domain.md §3; Quy định 296-QĐ/TW, the procedures of
// each kind). Pure: no I/O. Steps say where the work is; the status says whether it is moving.
import { CASE_STEPS, type CaseKind, type CaseStatus, STEP_LABELS, type StepCode } from '../../../../common/cases.ts';

export type Transition = { ok: true } | { ok: false; reason: string };
export interface CaseState {
  status: CaseStatus;
  step: StepCode;
}
export interface TransitionContext {
  /** Requirements of the conclusion not yet done, with evidence. Must be given (0) to close. */
  openRequirements?: number;
}

const yes: Transition = { ok: true };
const no = (reason: string): Transition => ({ ok: false, reason });

/**
 * Going back to verification: the team verifies further when the subject disputes the results report,
 * and the deciding body may send the case back before concluding (Quy định 296-QĐ/TW: thẩm tra, xác minh
 * bổ sung). Configurable reading: the full text was not confirmed.
 */
const BACK_TO_VERIFICATION: readonly StepCode[] = ['results_report', 'conclusion'];

export function stepsOf(kind: CaseKind): readonly StepCode[] {
  return CASE_STEPS[kind];
}

/** The steps a case of this kind may move to from its current step. */
export function nextSteps(kind: CaseKind, current: StepCode): StepCode[] {
  const steps = CASE_STEPS[kind];
  const i = steps.indexOf(current);
  if (i < 0 || current === 'closed') return [];
  const out: StepCode[] = [];
  const next = steps[i + 1];
  if (next) out.push(next);
  // With no requirement to follow up, the case closes at the notice (domain.md §3: remediation of each required item).
  if (current === 'notice') out.push('closed');
  if (BACK_TO_VERIFICATION.includes(current) && steps.includes('verification')) out.push('verification');
  return out;
}

export function canTransition(kind: CaseKind, from: StepCode, to: StepCode, ctx: TransitionContext = {}): Transition {
  const steps = CASE_STEPS[kind];
  if (!steps.includes(from)) return no(`Bước “${STEP_LABELS[from]}” không thuộc quy trình của loại việc này.`);
  if (!steps.includes(to)) return no(`Bước “${STEP_LABELS[to]}” không thuộc quy trình của loại việc này.`);
  if (from === 'closed') return no('Cuộc kiểm tra, giám sát đã kết thúc.');
  if (!nextSteps(kind, from).includes(to))
    return no(`Không thể chuyển từ bước “${STEP_LABELS[from]}” sang bước “${STEP_LABELS[to]}”: các bước phải làm theo trình tự quy định.`);
  if (to === 'closed' && ctx.openRequirements !== 0) {
    const n = ctx.openRequirements;
    return no(
      n === undefined
        ? 'Chưa xác nhận các yêu cầu khắc phục trong kết luận đã hoàn thành.'
        : `Còn ${n} yêu cầu khắc phục chưa hoàn thành; chỉ kết thúc khi mọi yêu cầu đã thực hiện, có minh chứng.`,
    );
  }
  return yes;
}

/** Moving a case: only an open case moves (a suspended one resumes first; cancelled and closed ones never). */
export function canAdvance(kind: CaseKind, state: CaseState, to: StepCode, ctx: TransitionContext = {}): Transition {
  if (state.status !== 'open') return no(statusBlock(state.status));
  return canTransition(kind, state.step, to, ctx);
}

export function statusAfter(step: StepCode): CaseStatus {
  return step === 'closed' ? 'closed' : 'open';
}

export function isTerminal(kind: CaseKind, step: StepCode): boolean {
  return CASE_STEPS[kind].includes(step) && step === 'closed';
}
export function isTerminalStatus(status: CaseStatus): boolean {
  return status === 'closed' || status === 'cancelled';
}

function statusBlock(status: CaseStatus): string {
  if (status === 'suspended') return 'Cuộc kiểm tra, giám sát đang tạm dừng; phải tiếp tục trước khi chuyển bước.';
  if (status === 'cancelled') return 'Cuộc kiểm tra, giám sát đã bị hủy bỏ.';
  return 'Cuộc kiểm tra, giám sát đã kết thúc.';
}

const MIN_REASON = 10;
function reasonProblem(reason: string): string | null {
  return reason.trim().length < MIN_REASON ? `Phải nêu rõ lý do (ít nhất ${MIN_REASON} ký tự).` : null;
}

/** Suspension is for the execution stage (the subject cannot work, or the matter is with another competent body). */
const SUSPENDABLE: readonly StepCode[] = ['handover', 'explanation', 'self_report', 'verification', 'subject_meeting', 'results_report'];

export function canSuspend(kind: CaseKind, state: CaseState, reason: string): Transition {
  if (state.status !== 'open') return no(statusBlock(state.status));
  // Regular supervision is continuous: there is nothing to pause.
  if (kind === 'supervision.regular') return no('Giám sát thường xuyên được tiến hành liên tục, không tạm dừng.');
  if (!SUSPENDABLE.includes(state.step))
    return no('Chỉ tạm dừng trong giai đoạn tiến hành; trước đó điều chỉnh kế hoạch, sau đó cơ quan ra quyết định đã xem xét.');
  const r = reasonProblem(reason);
  return r ? no(r) : yes;
}

export function canResume(state: CaseState): Transition {
  return state.status === 'suspended' ? yes : no('Chỉ tiếp tục cuộc kiểm tra, giám sát đang tạm dừng.');
}

/**
 * Cancellation (hủy bỏ, thu hồi quyết định) is possible until the deciding body concludes: after that the
 * conclusion stands and only a review by the competent body may change it (Quy định 296-QĐ/TW).
 */
export function canCancel(kind: CaseKind, state: CaseState, reason: string): Transition {
  if (isTerminalStatus(state.status)) return no(statusBlock(state.status));
  const steps = CASE_STEPS[kind];
  const limit = steps.indexOf(kind === 'supervision.regular' ? 'notice' : 'conclusion');
  if (steps.indexOf(state.step) >= limit)
    return no('Cơ quan ra quyết định đã kết luận (thông báo kết quả); không hủy bỏ được, chỉ có thể xem xét lại theo thẩm quyền.');
  const r = reasonProblem(reason);
  return r ? no(r) : yes;
}

/** Working days allowed for each step, counted from the day the case enters it; null: no step deadline. */
export type StepDays = Record<StepCode, number | null>;
export interface StepDaysConfig {
  defaults: StepDays;
  byKind: Partial<Record<CaseKind, Partial<StepDays>>>;
}
/**
 * Defaults (configurable, domain.md §3): the team starts within 3 working days of the plan; the rest are
 * chosen so an inspection on signs fits the 90-day lower-level limit. Remediation items carry their own
 * due dates; regular supervision reports by period.
 */
export const STEP_DAYS_DEFAULTS: StepDaysConfig = {
  defaults: {
    monitoring: null,
    decision: 5,
    handover: 3,
    explanation: 10,
    self_report: 10,
    verification: 20,
    subject_meeting: 5,
    results_report: 7,
    conclusion: 7,
    notice: 5,
    remediation: null,
    closed: null,
  },
  byKind: { 'supervision.thematic': { verification: 15 }, 'supervision.regular': { results_report: 10 } },
};

export function stepDays(kind: CaseKind, step: StepCode, config: StepDaysConfig = STEP_DAYS_DEFAULTS): number | null {
  const own = config.byKind[kind]?.[step];
  return own !== undefined ? own : config.defaults[step];
}
