import { describe, expect, it } from 'vitest';
import { computeCoverage } from './coverage.ts';
import {
  type CoverageFacts,
  type CoverageMember,
  type CoverageOrg,
  compareOrgs,
  type OrgMemberTotals,
  roughKey,
  subtreeOf,
  type WorkItem,
} from './facts.ts';
import { proposeSubjects } from './planner.ts';
import { DEFAULT_TARGETS } from './targets.ts';

// At national scale the repository cannot list every member: it gives per-organisation totals and only
// the members the items name. The figures must be the same as with the full list.
const org = (id: string, parentId: string | null, kind: CoverageOrg['kind']): CoverageOrg => ({
  id,
  name: `Tổ chức ${id}`,
  kind,
  parentId,
  isCell: kind === 'cell',
});
const orgs = [org('g', null, 'grassroots'), org('a', 'g', 'cell'), org('b', 'g', 'cell'), org('x', null, 'grassroots')];
const all: CoverageMember[] = [
  ...Array.from({ length: 20 }, (_, i) => ({ id: `a${i}`, name: `Đảng viên a${i}`, orgId: 'a', isSecretaryOrDeputy: i < 2 })),
  ...Array.from({ length: 12 }, (_, i) => ({ id: `b${i}`, name: `Đảng viên b${i}`, orgId: 'b', isSecretaryOrDeputy: i < 1 })),
  { id: 'out', name: 'Ngoài phạm vi', orgId: 'x', isSecretaryOrDeputy: true },
];
const items: WorkItem[] = [
  { id: 'w1', kind: 'inspection.compliance', status: 'done', bodyOrgId: 'a', subjectOrgId: null, subjectMemberId: 'a0' },
  { id: 'w2', kind: 'inspection.signs', status: 'done', bodyOrgId: 'a', subjectOrgId: null, subjectMemberId: 'a5' },
  { id: 'w3', kind: 'supervision.regular', status: 'done', bodyOrgId: 'g', subjectOrgId: null, subjectMemberId: 'b3' },
  { id: 'w4', kind: 'inspection.ktgs_duty', status: 'done', bodyOrgId: 'g', subjectOrgId: 'a', subjectMemberId: null },
  { id: 'w5', kind: 'inspection.finance', status: 'planned', bodyOrgId: 'g', subjectOrgId: 'b', subjectMemberId: null },
];
const totals = (ms: CoverageMember[]): Map<string, OrgMemberTotals> => {
  const t = new Map<string, OrgMemberTotals>();
  for (const m of ms) {
    const x = t.get(m.orgId) ?? { members: 0, leaders: 0 };
    t.set(m.orgId, { members: x.members + 1, leaders: x.leaders + (m.isSecretaryOrDeputy ? 1 : 0) });
  }
  return t;
};
const named = new Set(items.map((i) => i.subjectMemberId));
const full: CoverageFacts = { year: 2025, rootOrgId: 'g', orgs, members: all, items };
const aggregated: CoverageFacts = { ...full, members: all.filter((m) => named.has(m.id)), memberTotals: totals(all) };

describe('coverage from per-organisation totals equals coverage from the full member list (domain.md §7)', () => {
  it('gives the same indicators (≥ 10 % members, secretaries and deputies, each cell’s own 10 %)', () => {
    const a = computeCoverage(aggregated, DEFAULT_TARGETS);
    expect(a).toEqual(computeCoverage(full, DEFAULT_TARGETS));
    expect(a.membersCovered).toMatchObject({ numerator: 3, denominator: 32 });
    expect(a.leadersThematic).toMatchObject({ numerator: 1, denominator: 3 });
    expect(a.cellMembersInspected.failingCells.map((c) => [c.orgId, c.members, c.covered, c.needed])).toEqual([['b', 12, 0, 2]]);
  });
  it('proposes only among the members it was given, with the gap sized on the totals', () => {
    // 3 of 32 covered: 10 % needs 4, so one more; b7 is the only uncovered member the repository gave.
    const candidate = all.find((m) => m.id === 'b7') as CoverageMember;
    const facts = { ...aggregated, members: [...aggregated.members, candidate] };
    const [gap] = proposeSubjects(facts, DEFAULT_TARGETS, new Map(), { only: ['membersCovered'] });
    expect(gap).toMatchObject({ missing: 1, shortfall: 0 });
    expect(gap?.proposals.map((p) => p.subjectId)).toEqual(['b7']);
    const [none] = proposeSubjects(aggregated, DEFAULT_TARGETS, new Map(), { only: ['membersCovered'] });
    expect(none).toMatchObject({ missing: 1, shortfall: 1, proposals: [] });
  });
});

describe('organisations in Vietnamese order, sorted once (Intl.Collator vi, numeric)', () => {
  it('gives exactly the collator’s order, whatever the pre-sorting key says', () => {
    const words = ['Thôn', 'Thốn', 'Thon', 'Ấp', 'Ap', 'Đội', 'Dội', 'Xóm', 'Ươm', 'Ưu', 'Ông', 'Ơn', 'Chi bộ', 'Khu phố', 'Bản'];
    const many: CoverageOrg[] = [org('root', null, 'commune')];
    for (let i = 0; i < 600; i++) {
      const w = words[(i * 7) % words.length] as string;
      many.push({ ...org(`o${i}`, 'root', 'cell'), name: `${w} ${(i * 37) % 113} ${words[(i * 3) % words.length]}` });
    }
    const sub = subtreeOf({ year: 2025, rootOrgId: 'root', orgs: many, members: [], items: [] });
    expect(sub.sorted().map((o) => o.id)).toEqual([...many].sort(compareOrgs).map((o) => o.id));
    expect(roughKey('Thôn 2') < roughKey('Thôn 10')).toBe(true);
    expect(roughKey('Đội') > roughKey('Dội')).toBe(true);
  });
});
