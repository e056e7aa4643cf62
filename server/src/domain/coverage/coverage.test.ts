import { describe, expect, it } from 'vitest';
import { computeCoverage } from './coverage.ts';
import type { CoverageFacts, CoverageMember, CoverageOrg, WorkItem } from './facts.ts';
import { formatNumberVi, formatShareVi } from './format.ts';
import { configureTargets, DEFAULT_TARGETS, TARGET_IDS } from './targets.ts';

const org = (id: string, parentId: string | null, kind: CoverageOrg['kind'], isCell = kind === 'cell'): CoverageOrg => ({
  id,
  name: `Tổ chức ${id}`,
  kind,
  parentId,
  isCell,
});
const mem = (id: string, orgId: string, isSecretaryOrDeputy = false): CoverageMember => ({
  id,
  name: `Đảng viên ${id}`,
  orgId,
  isSecretaryOrDeputy,
});
let seq = 0;
const item = (p: Partial<WorkItem> & Pick<WorkItem, 'kind' | 'bodyOrgId'>): WorkItem => ({
  id: `w${++seq}`,
  status: 'done',
  subjectOrgId: null,
  subjectMemberId: null,
  ...p,
});
const facts = (rootOrgId: string, orgs: CoverageOrg[], members: CoverageMember[], items: WorkItem[]): CoverageFacts => ({
  year: 2025,
  rootOrgId,
  orgs,
  members,
  items,
});
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('targets of domain.md §7 (nghị quyết; Quy định 296-QĐ/TW; Điều lệ Đảng, Điều 30 and 32)', () => {
  it('every target names its legal basis and source', () => {
    for (const id of TARGET_IDS) {
      expect(DEFAULT_TARGETS.targets[id].legalBasis).toMatch(/nghị quyết/);
      expect(DEFAULT_TARGETS.targets[id].source).toBe('domain.md §7');
    }
  });
  it('a configured figure makes a new version and is validated', () => {
    const next = configureTargets(DEFAULT_TARGETS, { membersCovered: { percent: 15 } }, '2026-01-01');
    expect(next.version).toBe(2);
    expect(next.targets.membersCovered.percent).toBe(15);
    expect(DEFAULT_TARGETS.targets.membersCovered.percent).toBe(10);
    expect(() => configureTargets(DEFAULT_TARGETS, { orgsCovered: { percent: 120 } }, '2026-01-01')).toThrow(/0 đến 100/);
  });
});

describe('≥ 10 % of organisations inspected or supervised each year (nghị quyết, domain.md §7; Quy định 296-QĐ/TW)', () => {
  const children = range(20).map((i) => org(`g${i}`, 'c', 'grassroots', true));
  it.each([
    ['just below', 1, false, 1],
    ['at', 2, true, 0],
    ['just above', 3, true, 0],
  ])('%s the threshold: %i of 20', (_label, covered, met, missing) => {
    const items = range(covered).map((i) =>
      item({ kind: i % 2 ? 'supervision.regular' : 'inspection.signs', bodyOrgId: 'c', subjectOrgId: `g${i}` }),
    );
    const ind = computeCoverage(facts('c', [org('c', null, 'commune'), ...children], [], items), DEFAULT_TARGETS).orgsCovered;
    expect(ind).toMatchObject({ numerator: covered, denominator: 20, met, missing, target: 10, applicable: true });
  });
  it('counts an organisation once, ignores planned items and the root itself', () => {
    const items = [
      item({ kind: 'inspection.finance', bodyOrgId: 'c', subjectOrgId: 'g1' }),
      item({ kind: 'supervision.thematic', bodyOrgId: 'c', subjectOrgId: 'g1' }),
      item({ kind: 'inspection.signs', bodyOrgId: 'c', subjectOrgId: 'g2', status: 'planned' }),
      item({ kind: 'supervision.regular', bodyOrgId: 'p', subjectOrgId: 'c' }),
    ];
    const ind = computeCoverage(facts('c', [org('c', null, 'commune'), ...children], [], items), DEFAULT_TARGETS).orgsCovered;
    expect(ind).toMatchObject({ numerator: 1, denominator: 20, share: 0.05, met: false });
  });
  it('an empty subtree is not applicable, not 0 %', () => {
    const ind = computeCoverage(facts('c', [org('c', null, 'commune')], [], []), DEFAULT_TARGETS).orgsCovered;
    expect(ind).toMatchObject({ applicable: false, share: null, met: null, missing: 0 });
    expect(ind.text).toMatch(/không áp dụng/);
  });
});

describe('≥ 10 % of members inspected or supervised each year (nghị quyết, domain.md §7; Quy định 296-QĐ/TW)', () => {
  const orgs = [org('g', null, 'grassroots'), org('a', 'g', 'cell'), org('x', null, 'grassroots')];
  const members = [...range(20).map((i) => mem(`m${i}`, 'a')), mem('out', 'x')];
  it.each([
    ['just below', 1, false],
    ['at', 2, true],
    ['just above', 3, true],
  ])('%s the threshold: %i of 20', (_label, covered, met) => {
    const items = range(covered).map((i) => item({ kind: 'supervision.regular', bodyOrgId: 'a', subjectMemberId: `m${i}` }));
    const ind = computeCoverage(facts('g', orgs, members, items), DEFAULT_TARGETS).membersCovered;
    expect(ind).toMatchObject({ numerator: covered, denominator: 20, met });
  });
  it('counts a member once however many items, and no one outside the subtree', () => {
    const items = [
      item({ kind: 'inspection.signs', bodyOrgId: 'g', subjectMemberId: 'm1' }),
      item({ kind: 'supervision.thematic', bodyOrgId: 'a', subjectMemberId: 'm1' }),
      item({ kind: 'supervision.regular', bodyOrgId: 'x', subjectMemberId: 'out' }),
      item({ kind: 'discipline.review', bodyOrgId: 'g', subjectMemberId: 'm2' }),
    ];
    expect(computeCoverage(facts('g', orgs, members, items), DEFAULT_TARGETS).membersCovered).toMatchObject({
      numerator: 1,
      denominator: 20,
    });
  });
  it('writes the figures the Vietnamese way', () => {
    expect(formatNumberVi(1650)).toBe('1.650');
    expect(formatShareVi(0.125)).toBe('12,5 %');
    const many = range(1650).map((i) => mem(`n${i}`, 'a'));
    const items = range(165).map((i) => item({ kind: 'supervision.regular', bodyOrgId: 'a', subjectMemberId: `n${i}` }));
    const text = computeCoverage(facts('g', orgs, many, items), DEFAULT_TARGETS).membersCovered.text;
    expect(text).toBe('Đảng viên được kiểm tra, giám sát: 165/1.650 đảng viên (10 %; chỉ tiêu 10 %)');
  });
});

describe('≥ 10 % of cell secretaries and deputies covered by thematic work (nghị quyết, domain.md §7)', () => {
  const orgs = [org('g', null, 'grassroots'), ...range(20).map((i) => org(`a${i}`, 'g', 'cell'))];
  const members = [...range(20).map((i) => mem(`s${i}`, `a${i}`, true)), mem('plain', 'a1')];
  it.each([
    ['just below', 1, false],
    ['at', 2, true],
    ['just above', 3, true],
  ])('%s the threshold: %i of 20', (_label, covered, met) => {
    const items = range(covered).map((i) =>
      item({ kind: i % 2 ? 'supervision.thematic' : 'inspection.compliance', bodyOrgId: 'g', subjectMemberId: `s${i}` }),
    );
    expect(computeCoverage(facts('g', orgs, members, items), DEFAULT_TARGETS).leadersThematic).toMatchObject({
      numerator: covered,
      denominator: 20,
      met,
    });
  });
  it('only thematic work counts: regular supervision and inspection on signs do not', () => {
    const items = [
      item({ kind: 'supervision.regular', bodyOrgId: 'g', subjectMemberId: 's1' }),
      item({ kind: 'inspection.signs', bodyOrgId: 'g', subjectMemberId: 's2' }),
      item({ kind: 'supervision.thematic', bodyOrgId: 'g', subjectMemberId: 'plain' }),
    ];
    expect(computeCoverage(facts('g', orgs, members, items), DEFAULT_TARGETS).leadersThematic).toMatchObject({
      numerator: 0,
      met: false,
      missing: 2,
    });
  });
  it('no secretaries or deputies: not applicable', () => {
    expect(computeCoverage(facts('g', orgs, [mem('plain', 'a1')], []), DEFAULT_TARGETS).leadersThematic).toMatchObject({
      applicable: false,
      met: null,
    });
  });
});
