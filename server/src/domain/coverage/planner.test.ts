import { describe, expect, it } from 'vitest';
import type { CoverageFacts, CoverageMember, CoverageOrg, WorkItem } from './facts.ts';
import { describeGap, proposeSubjects } from './planner.ts';
import { DEFAULT_TARGETS } from './targets.ts';

const org = (id: string, name: string, parentId: string | null, kind: CoverageOrg['kind']): CoverageOrg => ({
  id,
  name,
  kind,
  parentId,
  isCell: kind === 'cell',
});
const mem = (id: string, name: string, orgId: string, extra: Partial<CoverageMember> = {}): CoverageMember => ({
  id,
  name,
  orgId,
  isSecretaryOrDeputy: false,
  ...extra,
});
const orgs = [
  org('g', 'Đảng bộ Công ty Điện lực', null, 'grassroots'),
  org('a', 'Chi bộ Kỹ thuật', 'g', 'cell'),
  org('b', 'Chi bộ Kinh doanh', 'g', 'cell'),
];
// 20 members: 10 % needs 2, none covered yet. Names chosen so Vietnamese order differs from code-point order.
const named: [string, string][] = [
  ['m01', 'Trần Văn Ánh'],
  ['m02', 'Lê Thị Anh'],
  ['m03', 'Nguyễn Văn Bình'],
  ['m04', 'Phạm Thị Đào'],
  ['m05', 'Hoàng Văn Dũng'],
];
const givens = ['An', 'Bảo', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hà', 'Hải', 'Hùng', 'Khánh', 'Lan', 'Long', 'Minh', 'Nam', 'Phúc'];
const filler = givens.map((given, i) => mem(`f${String(i + 1).padStart(2, '0')}`, `Đỗ Văn ${given}`, 'b'));
const ms = [...named.map(([id, name]) => mem(id, name, 'a')), ...filler];
const facts = (members: CoverageMember[], items: WorkItem[] = []): CoverageFacts => ({ year: 2025, rootOrgId: 'g', orgs, members, items });
const everyoneCovered = new Map(ms.map((m) => [m.id, '2024-06-01']));

describe('planner: members to close the ≥ 10 % member gap (nghị quyết, domain.md §7; issue 4 point 2)', () => {
  it.each([
    ['never covered comes first, whatever the name', { m03: null, m01: '2021-05-01' }, ['m03', 'm01']],
    ['then the oldest year', { m03: '2023-01-01', m01: '2021-05-01' }, ['m01', 'm03']],
    ['in the same year, a sensitive post first', { m04: '2021-12-01', m05: '2021-01-01' }, ['m04', 'm05']],
    ['in the same year and sensitivity, the earlier date', { m02: '2021-09-01', m01: '2021-02-01' }, ['m01', 'm02']],
    ['all alike: Vietnamese name order (Anh before Ánh)', { m01: '2021-02-01', m02: '2021-02-01' }, ['m02', 'm01']],
  ] as const)('%s', (_label, last, expected) => {
    const history = new Map(everyoneCovered);
    for (const [id, date] of Object.entries(last)) {
      if (date === null) history.delete(id);
      else history.set(id, date);
    }
    const members = ms.map((m) => (m.id === 'm04' ? { ...m, sensitiveAreas: ['land'] as const } : m));
    const [gap] = proposeSubjects(facts(members), DEFAULT_TARGETS, history, { only: ['membersCovered'] });
    expect(gap?.proposals.map((p) => p.subjectId)).toEqual(expected);
  });

  it('says why, in Vietnamese', () => {
    const history = new Map([...everyoneCovered, ['m01', '2021-03-15']]);
    const members = ms.map((m) => (m.id === 'm01' ? { ...m, sensitiveAreas: ['finance', 'land'] as const } : m));
    const [gap] = proposeSubjects(facts(members), DEFAULT_TARGETS, history, {
      only: ['membersCovered'],
    });
    expect(gap?.proposals[0]?.reason).toBe(
      'Chưa được kiểm tra, giám sát từ năm 2021; giữ chức vụ trong các lĩnh vực đất đai, tài nguyên, môi trường; tài chính, ngân hàng',
    );
    const single = proposeSubjects(
      facts([mem('x', 'Vũ Văn Hải', 'a', { sensitiveAreas: ['land'] })]),
      DEFAULT_TARGETS,
      new Map([['x', '2021-01-01']]),
      {
        only: ['membersCovered'],
      },
    );
    expect(single[0]?.proposals[0]?.reason).toBe(
      'Chưa được kiểm tra, giám sát từ năm 2021; giữ chức vụ trong lĩnh vực đất đai, tài nguyên, môi trường',
    );
  });

  it('stops when the gap is closed and proposes nothing for a met target', () => {
    const w1: WorkItem = {
      id: 'w1',
      kind: 'supervision.regular',
      status: 'done',
      subjectOrgId: null,
      subjectMemberId: 'f01',
      bodyOrgId: 'b',
    };
    const one = [w1];
    const [gap] = proposeSubjects(facts(ms, one), DEFAULT_TARGETS, new Map(), { only: ['membersCovered'] });
    expect(gap).toMatchObject({ missing: 1, shortfall: 0 });
    expect(gap?.proposals).toHaveLength(1);
    expect(gap?.proposals[0]?.subjectId).not.toBe('f01');
    expect(describeGap(gap!)).toBe('Đảng viên được kiểm tra, giám sát: cần thêm 1, đề xuất 1');
    const two = [w1, { ...w1, id: 'w2', subjectMemberId: 'f02' }];
    expect(proposeSubjects(facts(ms, two), DEFAULT_TARGETS, new Map(), { only: ['membersCovered'] })).toEqual([]);
  });

  it('is deterministic: shuffled input, same proposals', () => {
    const history = new Map([
      ['m01', '2022-01-01'],
      ['f03', '2020-01-01'],
    ]);
    const a = proposeSubjects(facts(ms), DEFAULT_TARGETS, history);
    const b = proposeSubjects(facts([...ms].reverse()), DEFAULT_TARGETS, new Map([...history].reverse()));
    expect(b).toEqual(a);
    expect(a.map((g) => g.targetId)).toEqual(['orgsCovered', 'membersCovered', 'cellMembersInspected', 'cellKtgsDuty', 'cellFinance']);
  });
});

describe('planner: per-cell gaps (nghị quyết, domain.md §7; Điều lệ Đảng, Điều 30 and 32)', () => {
  const gaps = proposeSubjects(facts(ms), DEFAULT_TARGETS, new Map([['a', '2022-04-01']]));
  it('each failing cell closes its own 10 % among its own members, the cell as the body', () => {
    const cell = gaps.find((g) => g.targetId === 'cellMembersInspected');
    expect(cell?.missing).toBe(3);
    expect(cell?.proposals.map((p) => [p.bodyOrgId, p.subjectId])).toEqual([
      ['b', 'f01'],
      ['b', 'f02'],
      ['a', 'm02'],
    ]);
    expect(cell?.proposals[2]?.reason).toBe(
      'Chưa từng được kiểm tra, giám sát; Chi bộ Kỹ thuật chưa kiểm tra đủ 10 % đảng viên trong năm 2025',
    );
  });
  it('every subordinate cell not inspected on KTGS duty, never-inspected first, its đảng ủy cơ sở as the body', () => {
    const duty = gaps.find((g) => g.targetId === 'cellKtgsDuty');
    expect(duty?.proposals.map((p) => [p.subjectId, p.bodyOrgId])).toEqual([
      ['b', 'g'],
      ['a', 'g'],
    ]);
    expect(duty?.proposals[1]?.reason).toBe(
      'Chưa được kiểm tra, giám sát từ năm 2022; chưa được kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong năm 2025',
    );
  });
  it('secretaries and deputies not covered by thematic work', () => {
    const leaders = ms.map((m) => (m.id === 'm05' ? { ...m, isSecretaryOrDeputy: true } : m));
    const [gap] = proposeSubjects(facts(leaders), DEFAULT_TARGETS, new Map(), { only: ['leadersThematic'] });
    expect(gap?.proposals.map((p) => p.subjectId)).toEqual(['m05']);
    expect(gap?.proposals[0]?.reason).toBe(
      'Chưa từng được kiểm tra, giám sát; là bí thư, phó bí thư chi bộ chưa được kiểm tra, giám sát chuyên đề trong năm 2025',
    );
  });
});
