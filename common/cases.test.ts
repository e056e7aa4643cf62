import { describe, expect, it } from 'vitest';
import { CASE_KIND_LABELS, CASE_KINDS, CASE_STEPS, STEP_CODES, STEP_LABELS, STEP_STAGE, stepLabel } from './cases.ts';

describe('case catalogue (domain.md §2, §3)', () => {
  it('every kind has a Vietnamese label and a procedure that starts once and ends closed', () => {
    for (const kind of CASE_KINDS) {
      expect(CASE_KIND_LABELS[kind]).toMatch(/^(Kiểm tra|Giám sát)/);
      const steps = CASE_STEPS[kind];
      expect(new Set(steps).size).toBe(steps.length);
      expect(steps.at(-1)).toBe('closed');
      for (const step of steps) expect(stepLabel(kind, step).length).toBeGreaterThan(5);
    }
  });
  it('every step has a label and a stage', () => {
    for (const step of STEP_CODES) {
      expect(STEP_LABELS[step]).toBeTruthy();
      expect(STEP_STAGE[step]).toBeTruthy();
    }
  });
});
