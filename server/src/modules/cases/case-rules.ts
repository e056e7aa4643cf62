// What the case's own record adds to the procedure's state machine (domain/cases/procedure.ts) before a
// step may move or an action may be taken. Pure: the service gathers the facts.
import { CASE_STEPS, type CaseKind, type CaseStatus, STEP_LABELS, type StepCode } from '../../../../common/cases.ts';
import { extensionProblem, type LimitLevel } from '../../domain/cases/limits.ts';
import { canAdvance, canCancel, canResume, canSuspend, nextSteps, type Transition } from '../../domain/cases/procedure.ts';

export interface CaseFacts {
  kind: CaseKind;
  status: CaseStatus;
  step: StepCode;
  decided: boolean;
  concluded: boolean;
  extended: boolean;
  level: LimitLevel;
  /** Problems of the team as it stands (empty: it may work). */
  teamProblems: string[];
  openRequirements: number;
}

const yes: Transition = { ok: true };
const no = (reason: string): Transition => ({ ok: false, reason });
const PLACEHOLDER_REASON = 'kiểm tra trạng thái';

export function hasDecisionStep(kind: CaseKind): boolean {
  return CASE_STEPS[kind].includes('decision');
}

export function checkAdvance(f: CaseFacts, to: StepCode): Transition {
  const base = canAdvance(f.kind, { status: f.status, step: f.step }, to, { openRequirements: f.openRequirements });
  if (!base.ok) return base;
  // Domain.md §3, step 1–2: the decision, the plan and the team come before the handover to the subject.
  if (f.step === 'decision') {
    if (!f.decided) return no('Chưa ghi nhận quyết định kiểm tra, giám sát (ngày và số quyết định).');
    if (f.teamProblems.length > 0) return no(`Đoàn chưa thể làm việc: ${f.teamProblems.join(' ')}`);
  }
  if (f.step === 'conclusion' && to !== 'verification' && !f.concluded)
    return no(`Chưa ghi nhận kết luận ở bước “${STEP_LABELS.conclusion}”.`);
  if (f.step === 'conclusion' && to === 'verification' && f.concluded)
    return no('Cơ quan ra quyết định đã kết luận; không trở lại bước thẩm tra, xác minh.');
  return yes;
}

/** Every step the case may move to next, each with whether it may and why not. */
export function nextStepChecks(f: CaseFacts): { step: StepCode; allowed: boolean; reason: string | null }[] {
  if (f.status === 'closed' || f.status === 'cancelled') return [];
  return nextSteps(f.kind, f.step).map((step) => {
    const t = checkAdvance(f, step);
    return { step, allowed: t.ok, reason: t.ok ? null : t.reason };
  });
}

const asCheck = (t: Transition) => ({ allowed: t.ok, reason: t.ok ? null : t.reason });

export function actionChecks(f: CaseFacts) {
  const state = { status: f.status, step: f.step };
  const live = f.status === 'open' || f.status === 'suspended';
  return {
    decision: asCheck(
      !hasDecisionStep(f.kind)
        ? no('Giám sát thường xuyên không có quyết định riêng.')
        : f.status !== 'open' || f.step !== 'decision'
          ? no('Quyết định chỉ ghi nhận ở bước đầu, khi cuộc đang tiến hành.')
          : yes,
    ),
    suspend: asCheck(canSuspend(f.kind, state, PLACEHOLDER_REASON)),
    resume: asCheck(canResume(state)),
    cancel: asCheck(canCancel(f.kind, state, PLACEHOLDER_REASON)),
    extend: asCheck(
      !live
        ? no('Cuộc kiểm tra, giám sát đã kết thúc hoặc bị hủy bỏ.')
        : !f.decided
          ? no('Chưa có quyết định nên chưa có thời hạn để gia hạn.')
          : ((p) => (p ? no(p) : yes))(extensionProblem(f.level, 1, f.extended)),
    ),
    conclusion: asCheck(
      f.status !== 'open' || f.step !== 'conclusion'
        ? no(`Kết luận ghi nhận ở bước “${STEP_LABELS.conclusion}”.`)
        : f.concluded
          ? no('Đã ghi nhận kết luận.')
          : yes,
    ),
    team: asCheck(
      !hasDecisionStep(f.kind)
        ? no('Giám sát thường xuyên không thành lập đoàn.')
        : !live
          ? no('Cuộc kiểm tra, giám sát đã kết thúc.')
          : yes,
    ),
  };
}
