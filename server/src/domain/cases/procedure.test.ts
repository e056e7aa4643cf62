import { describe, expect, it } from 'vitest';
import { CASE_KINDS, CASE_STEPS, type CaseKind, STEP_CODES, type StepCode, stepLabel } from '../../../../common/cases.ts';
import {
  type CaseState,
  canAdvance,
  canCancel,
  canResume,
  canSuspend,
  canTransition,
  isTerminal,
  nextSteps,
  STEP_DAYS_DEFAULTS,
  stepDays,
} from './procedure.ts';

const DONE = { openRequirements: 0 };

describe('allowed transitions per kind (domain.md §3; Quy định 296-QĐ/TW, trình tự các bước)', () => {
  const allowed: [CaseKind, StepCode, StepCode][] = [];
  for (const kind of CASE_KINDS)
    for (const from of CASE_STEPS[kind]) for (const to of nextSteps(kind, from)) allowed.push([kind, from, to]);

  it.each(allowed)('%s: %s → %s is allowed', (kind, from, to) => {
    expect(canTransition(kind, from, to, DONE)).toEqual({ ok: true });
  });

  it.each(CASE_KINDS.map((k) => [k] as const))('%s: every pair not listed by nextSteps is refused', (kind) => {
    for (const from of STEP_CODES)
      for (const to of STEP_CODES) {
        const listed = CASE_STEPS[kind].includes(from) && nextSteps(kind, from).includes(to);
        expect(canTransition(kind, from, to, DONE).ok, `${from} → ${to}`).toBe(listed);
      }
  });

  it.each(CASE_KINDS.map((k) => [k] as const))('%s: following the first next step reaches closed', (kind) => {
    let step = CASE_STEPS[kind][0] as StepCode;
    const seen: StepCode[] = [step];
    while (!isTerminal(kind, step)) {
      step = nextSteps(kind, step)[0] as StepCode;
      seen.push(step);
    }
    expect(seen).toEqual(CASE_STEPS[kind]);
  });
});

describe('sequences (domain.md §3)', () => {
  it('inspection on signs: explanatory report and the meeting of the subject’s organisation', () => {
    expect(CASE_STEPS['inspection.signs']).toEqual([
      'decision',
      'handover',
      'explanation',
      'verification',
      'subject_meeting',
      'results_report',
      'conclusion',
      'notice',
      'remediation',
      'closed',
    ]);
  });
  it.each(['inspection.ktgs_duty', 'inspection.finance', 'inspection.compliance', 'supervision.thematic'] as const)(
    '%s: a self-report instead of an explanation, no meeting',
    (kind) => {
      expect(CASE_STEPS[kind]).toContain('self_report');
      expect(CASE_STEPS[kind]).not.toContain('explanation');
      expect(CASE_STEPS[kind]).not.toContain('subject_meeting');
    },
  );
  it('supervision names its steps as supervision', () => {
    expect(stepLabel('supervision.thematic', 'notice')).toBe('Thông báo kết quả giám sát');
    expect(stepLabel('inspection.signs', 'notice')).toMatch(/Thông báo kết luận/);
  });
});

describe('refused transitions with reasons (domain.md §3)', () => {
  const refused: [string, CaseKind, StepCode, StepCode, object, RegExp][] = [
    ['skip the explanatory report', 'inspection.signs', 'handover', 'verification', {}, /trình tự/],
    ['skip the subject’s meeting', 'inspection.signs', 'verification', 'results_report', {}, /trình tự/],
    ['conclude before the results report', 'inspection.signs', 'verification', 'conclusion', {}, /trình tự/],
    ['go back to the decision', 'inspection.signs', 'verification', 'decision', {}, /trình tự/],
    ['leave closed', 'inspection.signs', 'closed', 'remediation', {}, /đã kết thúc/],
    ['explanation in thematic inspection', 'inspection.compliance', 'handover', 'explanation', {}, /không thuộc quy trình/],
    ['meeting in supervision', 'supervision.thematic', 'verification', 'subject_meeting', {}, /không thuộc quy trình/],
    ['decision in regular supervision', 'supervision.regular', 'monitoring', 'decision', {}, /không thuộc quy trình/],
    ['close with requirements open', 'inspection.signs', 'remediation', 'closed', { openRequirements: 2 }, /Còn 2 yêu cầu/],
    ['close without confirming requirements', 'inspection.finance', 'notice', 'closed', {}, /Chưa xác nhận/],
    ['verify again after the notice', 'inspection.signs', 'notice', 'verification', {}, /trình tự/],
  ];
  it.each(refused)('%s', (_n, kind, from, to, ctx, reason) => {
    const r = canTransition(kind, from, to, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
  it('the deciding body may send the case back for further verification before concluding', () => {
    expect(canTransition('inspection.signs', 'conclusion', 'verification')).toEqual({ ok: true });
  });
});

describe('suspension and cancellation (Quy định 296-QĐ/TW)', () => {
  const s = (step: StepCode, status: CaseState['status'] = 'open'): CaseState => ({ status, step });
  const why = 'Đối tượng điều trị bệnh dài ngày tại bệnh viện';
  it.each([
    ['suspend during verification', canSuspend('inspection.signs', s('verification'), why), true],
    ['no suspension at the decision', canSuspend('inspection.signs', s('decision'), why), false],
    ['no suspension after conclusion', canSuspend('inspection.signs', s('notice'), why), false],
    ['no suspension of regular supervision', canSuspend('supervision.regular', s('monitoring'), why), false],
    ['a reason is required', canSuspend('inspection.signs', s('verification'), ' ốm '), false],
    ['resume a suspended case', canResume(s('verification', 'suspended')), true],
    ['resume an open case', canResume(s('verification')), false],
    ['cancel before conclusion', canCancel('inspection.signs', s('results_report'), why), true],
    ['cancel while suspended', canCancel('inspection.signs', s('verification', 'suspended'), why), true],
    ['no cancel once concluded', canCancel('inspection.signs', s('conclusion'), why), false],
    ['no cancel of a cancelled case', canCancel('inspection.signs', s('handover', 'cancelled'), why), false],
    ['regular supervision cancels before notice', canCancel('supervision.regular', s('results_report'), why), true],
    ['a suspended case does not advance', canAdvance('inspection.signs', s('verification', 'suspended'), 'subject_meeting'), false],
    ['an open case advances', canAdvance('inspection.signs', s('verification'), 'subject_meeting'), true],
  ] as const)('%s', (_n, r, ok) => {
    expect(r.ok).toBe(ok);
  });
});

describe('step durations in working days (domain.md §3, configurable)', () => {
  it('the team starts within 3 working days of the plan', () => {
    expect(stepDays('inspection.signs', 'handover')).toBe(3);
  });
  it('per-kind overrides win over defaults', () => {
    expect(stepDays('supervision.thematic', 'verification')).toBe(15);
    expect(stepDays('inspection.signs', 'verification')).toBe(20);
    const config = { ...STEP_DAYS_DEFAULTS, byKind: { 'inspection.signs': { handover: 5 } } };
    expect(stepDays('inspection.signs', 'handover', config)).toBe(5);
  });
  it('inspection on signs fits the 90-day lower-level limit (about 64 working days)', () => {
    const total = CASE_STEPS['inspection.signs'].reduce((n, st) => n + (stepDays('inspection.signs', st) ?? 0), 0);
    expect(total).toBeLessThanOrEqual(64);
  });
});
