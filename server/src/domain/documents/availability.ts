// Which documents a case offers: those of its kind's procedure whose step the case has reached
// (domain.md §3: each step produces its document), the conclusion notice only once there is a conclusion.
import { CASE_STEPS, STEP_LABELS, type StepCode } from '../../../../common/cases.ts';
import type { DocType } from '../../../../common/documents.ts';
import type { CaseFacts } from './facts.ts';

/** The step each document belongs to (its signed scan is filed there). */
export const DOC_STEP: Record<DocType, StepCode> = {
  decision: 'decision',
  plan: 'decision',
  outline: 'decision',
  minutes_handover: 'handover',
  minutes_work: 'verification',
  minutes_meeting: 'subject_meeting',
  results_report: 'results_report',
  conclusion_notice: 'notice',
};

type Facts = Pick<CaseFacts, 'kind' | 'status' | 'step' | 'stepsEntered' | 'concludedOn'>;

export type Availability = { ok: true } | { ok: false; reason: string };

function reached(f: Facts, step: StepCode): boolean {
  const steps = CASE_STEPS[f.kind];
  return f.stepsEntered.includes(step) || steps.indexOf(f.step) >= steps.indexOf(step);
}

export function docApplies(f: Pick<CaseFacts, 'kind'>, type: DocType): boolean {
  const steps = CASE_STEPS[f.kind];
  // Regular supervision has no decision, plan or team: its documents are the report and the notice.
  if (type === 'conclusion_notice') return steps.includes('notice');
  return steps.includes(DOC_STEP[type]);
}

export function availability(f: Facts, type: DocType): Availability {
  if (!docApplies(f, type)) return { ok: false, reason: 'Loại văn bản này không thuộc quy trình của loại cuộc kiểm tra, giám sát này.' };
  if (f.status === 'cancelled') return { ok: false, reason: 'Cuộc kiểm tra, giám sát đã bị hủy bỏ; không lập văn bản mới.' };
  if (type === 'conclusion_notice') {
    const hasConclusionStep = CASE_STEPS[f.kind].includes('conclusion');
    if (hasConclusionStep && !f.concludedOn)
      return { ok: false, reason: 'Chưa có kết luận của cơ quan ra quyết định; thông báo chỉ lập sau khi đã kết luận.' };
    if (!hasConclusionStep && !reached(f, 'notice')) return { ok: false, reason: `Cuộc giám sát chưa đến bước “${STEP_LABELS.notice}”.` };
    return { ok: true };
  }
  const step = DOC_STEP[type];
  if (!reached(f, step)) return { ok: false, reason: `Cuộc kiểm tra, giám sát chưa đến bước “${STEP_LABELS[step]}”.` };
  return { ok: true };
}
