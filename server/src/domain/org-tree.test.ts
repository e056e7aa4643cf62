import { describe, expect, it } from 'vitest';
import { inspectionCommitteeProblem, placementProblem } from './org-tree.ts';

describe('org tree placement (Điều lệ Đảng, Chương III; domain.md §1)', () => {
  it.each([
    ['central', 'province', true],
    ['central', 'cell', false],
    ['province', 'commune', true],
    ['commune', 'grassroots', true],
    ['commune', 'province', false],
    ['grassroots', 'cell', true],
    ['cell', 'cell', false],
  ] as const)('%s → %s allowed: %s', (parent, child, ok) => {
    expect(placementProblem(parent, child) === null).toBe(ok);
  });
});

describe('inspection committee (Điều lệ Đảng, Điều 32: UBKT from đảng ủy cơ sở up, never in a chi bộ)', () => {
  it('refuses a UBKT in a cell', () => {
    expect(inspectionCommitteeProblem('cell', true, true)).toMatch(/Chi bộ/);
  });
  it('refuses a UBKT without a committee', () => {
    expect(inspectionCommitteeProblem('grassroots', true, false)).toMatch(/cấp ủy/);
  });
  it('accepts a grassroots committee with a UBKT, and anything without one', () => {
    expect(inspectionCommitteeProblem('grassroots', true, true)).toBeNull();
    expect(inspectionCommitteeProblem('cell', false, false)).toBeNull();
  });
});
