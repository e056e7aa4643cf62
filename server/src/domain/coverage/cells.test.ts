import { describe, expect, it } from 'vitest';
import { computeCoverage } from './coverage.ts';
import type { CoverageFacts, CoverageMember, CoverageOrg, WorkItem } from './facts.ts';
import { DEFAULT_TARGETS } from './targets.ts';

const org = (id: string, name: string, parentId: string | null, kind: CoverageOrg['kind'], isCell = kind === 'cell'): CoverageOrg => ({
  id,
  name,
  kind,
  parentId,
  isCell,
});
const members = (orgId: string, n: number): CoverageMember[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${orgId}-${i + 1}`, name: `Đảng viên ${i + 1}`, orgId, isSecretaryOrDeputy: false }));
let seq = 0;
const item = (p: Partial<WorkItem> & Pick<WorkItem, 'kind' | 'bodyOrgId'>): WorkItem => ({
  id: `w${String(++seq).padStart(3, '0')}`,
  status: 'done',
  subjectOrgId: null,
  subjectMemberId: null,
  ...p,
});
const facts = (rootOrgId: string, orgs: CoverageOrg[], ms: CoverageMember[], items: WorkItem[]): CoverageFacts => ({
  year: 2025,
  rootOrgId,
  orgs,
  members: ms,
  items,
});

// Commune c → đảng bộ cơ sở g (cells Thôn 1, 2, 10, Trống) and chi bộ cơ sở b directly under the commune.
const orgs = [
  org('c', 'Đảng bộ xã Hòa Bình', null, 'commune'),
  org('g', 'Đảng bộ Trường THCS', 'c', 'grassroots'),
  org('t1', 'Chi bộ Thôn 1', 'g', 'cell'),
  org('t2', 'Chi bộ Thôn 2', 'g', 'cell'),
  org('t10', 'Chi bộ Thôn 10', 'g', 'cell'),
  org('empty', 'Chi bộ Trống', 'g', 'cell'),
  org('b', 'Chi bộ cơ sở Bưu điện', 'c', 'grassroots', true),
];
const ms = [...members('t1', 20), ...members('t2', 21), ...members('t10', 5), ...members('b', 9)];

describe('each cell inspects ≥ 10 % of its members (nghị quyết, domain.md §7; Điều lệ Đảng, Điều 30)', () => {
  it.each([
    ['just below', 1, false],
    ['at', 2, true],
    ['just above', 3, true],
  ])('%s the threshold: Thôn 1 inspects %i of 20', (_label, n, met) => {
    const items = Array.from({ length: n }, (_, i) =>
      item({ kind: 'inspection.compliance', bodyOrgId: 't1', subjectMemberId: `t1-${i + 1}` }),
    );
    const ind = computeCoverage(facts('t1', orgs, ms, items), DEFAULT_TARGETS).cellMembersInspected;
    expect(ind).toMatchObject({ numerator: met ? 1 : 0, denominator: 1, met, perCell: 10, target: 100 });
  });

  it('lists the failing cells in name order, skips cells without members, counts only the cell’s own inspections', () => {
    const items = [
      item({ kind: 'inspection.signs', bodyOrgId: 't1', subjectMemberId: 't1-1' }),
      item({ kind: 'inspection.compliance', bodyOrgId: 't1', subjectMemberId: 't1-2' }),
      item({ kind: 'inspection.compliance', bodyOrgId: 't2', subjectMemberId: 't2-1' }),
      item({ kind: 'inspection.compliance', bodyOrgId: 't2', subjectMemberId: 't2-1' }),
      // Inspected by the đảng ủy, not by the cell; and supervision is not inspection.
      item({ kind: 'inspection.compliance', bodyOrgId: 'g', subjectMemberId: 't10-1' }),
      item({ kind: 'supervision.regular', bodyOrgId: 'b', subjectMemberId: 'b-1' }),
    ];
    const ind = computeCoverage(facts('c', orgs, ms, items), DEFAULT_TARGETS).cellMembersInspected;
    expect(ind).toMatchObject({ numerator: 1, denominator: 4, met: false, missing: 3 });
    expect(ind.failingCells).toEqual([
      { orgId: 'b', name: 'Chi bộ cơ sở Bưu điện', parentId: 'c', members: 9, covered: 0, needed: 1 },
      { orgId: 't2', name: 'Chi bộ Thôn 2', parentId: 'g', members: 21, covered: 1, needed: 3 },
      { orgId: 't10', name: 'Chi bộ Thôn 10', parentId: 'g', members: 5, covered: 0, needed: 1 },
    ]);
    expect(ind.text).toMatch(/chưa đạt: Chi bộ cơ sở Bưu điện; Chi bộ Thôn 2; Chi bộ Thôn 10$/);
  });

  it('a subtree without cells with members is not applicable', () => {
    expect(computeCoverage(facts('empty', orgs, ms, []), DEFAULT_TARGETS).cellMembersInspected).toMatchObject({
      applicable: false,
      met: null,
    });
  });
});

describe('grassroots UBKT inspects KTGS duty and party finance in every subordinate cell yearly (nghị quyết; Điều lệ Đảng, Điều 32)', () => {
  const items = [
    item({ kind: 'inspection.ktgs_duty', bodyOrgId: 'g', subjectOrgId: 't1' }),
    item({ kind: 'inspection.ktgs_duty', bodyOrgId: 'g', subjectOrgId: 't1' }),
    // By the commune, not by the cell's own đảng ủy cơ sở: does not fulfil the duty.
    item({ kind: 'inspection.ktgs_duty', bodyOrgId: 'c', subjectOrgId: 't2' }),
    item({ kind: 'inspection.ktgs_duty', bodyOrgId: 'g', subjectOrgId: 'empty', status: 'planned' }),
    ...['t1', 't2', 't10', 'empty'].map((id) => item({ kind: 'inspection.finance', bodyOrgId: 'g', subjectOrgId: id })),
  ];
  const report = computeCoverage(facts('c', orgs, ms, items), DEFAULT_TARGETS);

  it('lists the cells not inspected on their KTGS duty (a chi bộ cơ sở has no đảng ủy cơ sở above it)', () => {
    expect(report.cellKtgsDuty).toMatchObject({ numerator: 1, denominator: 4, met: false, missing: 3, target: 100 });
    expect(report.cellKtgsDuty.failingCells.map((c) => c.name)).toEqual(['Chi bộ Thôn 2', 'Chi bộ Thôn 10', 'Chi bộ Trống']);
  });
  it('is met when every subordinate cell had its finance inspected', () => {
    expect(report.cellFinance).toMatchObject({ numerator: 4, denominator: 4, met: true, failingCells: [] });
  });
  it('at, just below the 100 %', () => {
    const three = items.filter((i) => !(i.kind === 'inspection.finance' && i.subjectOrgId === 'empty'));
    expect(computeCoverage(facts('g', orgs, ms, three), DEFAULT_TARGETS).cellFinance).toMatchObject({
      numerator: 3,
      denominator: 4,
      met: false,
    });
  });
  it('no subordinate cells: not applicable', () => {
    expect(computeCoverage(facts('b', orgs, ms, []), DEFAULT_TARGETS).cellFinance).toMatchObject({ applicable: false, met: null });
  });
});

describe('100 % of planned inspections and supervisions done (nghị quyết, domain.md §7; Quy định 296-QĐ/TW)', () => {
  const planned = (status: WorkItem['status'], bodyOrgId = 'g', inPlan = true) =>
    item({ kind: 'supervision.thematic', bodyOrgId, subjectOrgId: 't1', status, inPlan });
  it.each([
    ['just below', ['done', 'done', 'planned'] as const, false],
    ['at', ['done', 'done', 'done'] as const, true],
  ])('%s 100 %%', (_label, statuses, met) => {
    const items = statuses.map((s) => planned(s));
    const ind = computeCoverage(facts('c', orgs, ms, items), DEFAULT_TARGETS).planDone;
    expect(ind).toMatchObject({ planned: 3, met, denominator: 3 });
    expect(ind.notDone).toHaveLength(met ? 0 : 1);
  });
  it('keeps ad hoc work and a higher level’s plan out of the plan', () => {
    const items = [planned('done'), planned('planned'), planned('done', 'g', false), planned('planned', 'province')];
    const ind = computeCoverage(facts('c', orgs, ms, items), DEFAULT_TARGETS).planDone;
    expect(ind).toMatchObject({ planned: 2, done: 1, unplannedDone: 1, share: 0.5, met: false, notDone: [items[1]?.id] });
  });
  it('no plan: not applicable', () => {
    expect(computeCoverage(facts('c', orgs, ms, []), DEFAULT_TARGETS).planDone).toMatchObject({
      applicable: false,
      met: null,
      text: expect.stringMatching(/không áp dụng/),
    });
  });
});
