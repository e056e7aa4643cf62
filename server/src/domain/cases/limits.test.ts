import { describe, expect, it } from 'vitest';
import type { BodyOrg, DecidingBody, Subject } from './authority.ts';
import { caseDeadline, escalation, extensionProblem, LIMITS_DEFAULTS, limitLevelOf } from './limits.ts';

describe('time limits (Quy định 296-QĐ/TW: Trung ương 180 ngày + một lần gia hạn ≤ 60; cấp dưới 90 + 30, configurable)', () => {
  it.each([
    ['central', 1, false, null],
    ['central', 59, false, null],
    ['central', 60, false, null],
    ['central', 61, false, /không quá 60 ngày/],
    ['central', 30, true, /không được gia hạn thêm/],
    ['central', 0, false, /số nguyên dương/],
    ['central', 10.5, false, /số nguyên dương/],
    ['lower', 29, false, null],
    ['lower', 30, false, null],
    ['lower', 31, false, /không quá 30 ngày/],
    ['lower', 30, 1, /không được gia hạn thêm/],
    ['lower', 30, 0, null],
    ['lower', -5, false, /số nguyên dương/],
  ] as const)('%s: extension of %s days, already extended %s', (level, days, already, expected) => {
    const p = extensionProblem(level, days, already);
    if (expected === null) expect(p).toBeNull();
    else expect(p).toMatch(expected);
  });

  it('limits are configurable per level', () => {
    const config = { ...LIMITS_DEFAULTS, lower: { days: 60, extensionDays: 15, maxExtensions: 1 } };
    expect(extensionProblem('lower', 16, false, config)).toMatch(/không quá 15 ngày/);
    expect(caseDeadline('2025-01-01', 'lower', 0, config)).toBe('2025-03-02');
  });

  it.each([
    ['2025-06-01', 'central', 0, '2025-11-28'],
    ['2025-06-01', 'central', 60, '2026-01-27'],
    ['2025-06-01', 'lower', 0, '2025-08-30'],
    ['2025-12-15', 'lower', 30, '2026-04-14'],
  ] as const)('decision %s at %s level, extended %s days → last day %s', (start, level, ext, end) => {
    expect(caseDeadline(start, level, ext)).toBe(end);
  });

  it('the level is that of the deciding body', () => {
    expect(limitLevelOf({ kind: 'central' })).toBe('central');
    expect(limitLevelOf({ kind: 'province' })).toBe('lower');
    expect(limitLevelOf({ level: 1 })).toBe('central');
    expect(limitLevelOf({ level: 3 })).toBe('lower');
  });
});

describe('supervision finding signs of violation turns into an inspection on signs (domain.md §2; Quy định 296-QĐ/TW)', () => {
  const org = (path: string, kind: BodyOrg['kind'], ubkt = kind !== 'cell'): BodyOrg => ({
    kind,
    path,
    level: path.split('.').length,
    hasCommittee: kind !== 'cell',
    hasInspectionCommittee: ubkt,
  });
  const X1 = org('TW.T40.X1', 'commune');
  const CB1 = org('TW.T40.X1.CS1.CB1', 'cell');
  const committee: DecidingBody = { type: 'committee', org: X1 };
  const sub: Subject = { type: 'org', org: { kind: 'grassroots', path: 'TW.T40.X1.CS1' } };

  it('no signs, or not a supervision: no escalation', () => {
    expect(escalation('supervision.thematic', committee, sub, false)).toEqual({ escalate: false });
    expect(escalation('inspection.compliance', committee, sub, true)).toEqual({ escalate: false });
  });
  it('a committee’s supervision goes to its own UBKT', () => {
    expect(escalation('supervision.thematic', committee, sub, true)).toMatchObject({
      escalate: true,
      kind: 'inspection.signs',
      body: { type: 'ubkt', org: { path: X1.path } },
    });
  });
  it('a chi bộ inspects its own member itself', () => {
    const member: Subject = { type: 'member', orgPath: CB1.path };
    expect(escalation('supervision.regular', { type: 'cell', org: CB1 }, member, true)).toMatchObject({
      escalate: true,
      body: { type: 'cell' },
    });
  });
  it('without a UBKT at that level it says so and sends it up', () => {
    const noUbkt = org('TW.T40.X2', 'commune', false);
    const r = escalation('supervision.regular', { type: 'committee', org: noUbkt }, sub, true);
    expect(r).toMatchObject({ escalate: true, problem: expect.stringMatching(/Báo cáo cấp trên/) });
  });
});
