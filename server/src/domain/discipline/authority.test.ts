import { describe, expect, it } from 'vitest';
import type { DisciplineForm } from '../../../../common/discipline.ts';
import type { OrgKind } from '../../../../common/orgs.ts';
import { type DecidingBody, DISCIPLINE_AUTHORITY_DEFAULTS, type DisciplineSubject, mayDecide } from './authority.ts';

const T40 = 'TW.T40';
const X1 = 'TW.T40.X1';
const CS1 = 'TW.T40.X1.CS1';
const CB1 = 'TW.T40.X1.CS1.CB1';
const CB2 = 'TW.T40.X1.CS1.CB2';
const T41 = 'TW.T41';

const body = (type: DecidingBody['type'], orgKind: OrgKind, orgPath: string, extra: Partial<DecidingBody> = {}): DecidingBody => ({
  type,
  orgKind,
  orgPath,
  ...extra,
});
const cell = body('cell', 'cell', CB1);
const csCommittee = body('committee', 'grassroots', CS1, { canAdmitMembers: true });
const csCommitteeNoAdmit = body('committee', 'grassroots', CS1, { canAdmitMembers: false });
const csUbkt = body('ubkt', 'grassroots', CS1);
const xCommittee = body('committee', 'commune', X1);
const tStanding = body('standing_committee', 'province', T40);
const tUbkt = body('ubkt', 'province', T40);
const tCommittee = body('committee', 'province', T40);

type Member = Extract<DisciplineSubject, { kind: 'member' }>;
const member = (memberOrgPath: string, extra: Partial<Member> = {}): DisciplineSubject => ({ kind: 'member', memberOrgPath, ...extra });
const org = (orgPath: string): DisciplineSubject => ({ kind: 'org', orgPath, parentPath: orgPath.split('.').slice(0, -1).join('.') });
const committeeOf = (...paths: string[]) => ({ committeeOf: paths.map((p) => ({ orgPath: p, level: p.split('.').length })) });

type Row = [string, DisciplineForm, DecidingBody, DisciplineSubject, true | RegExp];
const rows: Row[] = [
  // Chi bộ (Điều lệ Đảng, Điều 36; domain.md §4).
  ['Điều lệ Đảng, Điều 36 — chi bộ khiển trách đảng viên của mình', 'reprimand', cell, member(CB1), true],
  ['Điều lệ Đảng, Điều 36 — chi bộ cảnh cáo tỉnh ủy viên sinh hoạt tại chi bộ', 'warning', cell, member(CB1, committeeOf(T40)), true],
  ['Điều lệ Đảng, Điều 36 — chi bộ không cách chức', 'removal', cell, member(CB1), /Chi bộ chỉ được khiển trách, cảnh cáo/],
  ['Điều lệ Đảng, Điều 36 — chi bộ không khai trừ', 'expulsion', cell, member(CB1), /đề nghị cấp trên/],
  [
    'Điều lệ Đảng, Điều 36 — chi bộ không kỷ luật về nhiệm vụ cấp trên giao',
    'reprimand',
    cell,
    member(CB1, { assignedByHigherLevel: true }),
    /nhiệm vụ do cấp trên giao/,
  ],
  [
    'Điều lệ Đảng, Điều 36 — chi bộ không kỷ luật đảng viên chi bộ khác',
    'reprimand',
    cell,
    member(CB2),
    /không thuộc|sinh hoạt trong chi bộ/,
  ],
  // Đảng ủy cơ sở.
  ['Điều lệ Đảng, Điều 36 — đảng ủy cơ sở cảnh cáo đảng viên trong đảng bộ', 'warning', csCommittee, member(CB2), true],
  [
    'Điều lệ Đảng, Điều 36 — đảng ủy cơ sở khiển trách đảng ủy viên của mình',
    'reprimand',
    csCommittee,
    member(CB1, committeeOf(CS1)),
    true,
  ],
  ['Điều lệ Đảng, Điều 36 — đảng ủy cơ sở cách chức chi ủy viên (cấp dưới)', 'removal', csCommittee, member(CB1, committeeOf(CB1)), true],
  [
    'Điều lệ Đảng, Điều 36 — đảng ủy cơ sở không cách chức đảng ủy viên cùng cấp',
    'removal',
    csCommittee,
    member(CB1, committeeOf(CS1)),
    /cấp ủy viên cấp dưới/,
  ],
  ['Điều lệ Đảng, Điều 36 — đảng ủy cơ sở được ủy quyền kết nạp thì được khai trừ', 'expulsion', csCommittee, member(CB2), true],
  [
    'Điều lệ Đảng, Điều 36 — đảng ủy cơ sở không được ủy quyền kết nạp thì không khai trừ',
    'expulsion',
    csCommitteeNoAdmit,
    member(CB2),
    /ủy quyền kết nạp/,
  ],
  [
    'Điều lệ Đảng, Điều 36 — đảng ủy cơ sở không khai trừ cấp ủy viên cùng cấp',
    'expulsion',
    csCommittee,
    member(CB2, committeeOf(CS1)),
    /cùng cấp/,
  ],
  [
    'Điều lệ Đảng, Điều 36 — đảng ủy cơ sở không kỷ luật xã ủy viên (cấp trên)',
    'reprimand',
    csCommittee,
    member(CB2, committeeOf(X1)),
    /cấp ủy cấp trên quản lý/,
  ],
  [
    'Điều lệ Đảng, Điều 36 — đảng ủy cơ sở không kỷ luật cán bộ diện cấp trên quản lý',
    'warning',
    csCommittee,
    member(CB2, { managedByOrgPath: T40 }),
    /diện cấp ủy cấp trên/,
  ],
  ['Điều lệ Đảng, Điều 36 — UBKT cơ sở cảnh cáo đảng viên', 'warning', csUbkt, member(CB2), true],
  [
    'Điều lệ Đảng, Điều 36 — UBKT cơ sở không kỷ luật đảng ủy viên cùng cấp',
    'warning',
    csUbkt,
    member(CB2, committeeOf(CS1)),
    /trừ cấp ủy viên cùng cấp/,
  ],
  ['Điều lệ Đảng, Điều 36 — UBKT cơ sở không khai trừ', 'expulsion', csUbkt, member(CB2), /chỉ khiển trách, cảnh cáo/],
  // Cấp tỉnh và tương đương (và đảng ủy xã, cấp trên trực tiếp của cơ sở, theo cấu hình).
  ['Điều lệ Đảng, Điều 36 — ban thường vụ tỉnh ủy khai trừ đảng viên trong đảng bộ', 'expulsion', tStanding, member(CB1), true],
  ['Điều lệ Đảng, Điều 36 — UBKT tỉnh cách chức đảng ủy viên cơ sở', 'removal', tUbkt, member(CB1, committeeOf(CS1)), true],
  ['Điều lệ Đảng, Điều 36 — tỉnh ủy kỷ luật tỉnh ủy viên', 'warning', tCommittee, member('TW.T40.CQ', committeeOf(T40)), true],
  [
    'Điều lệ Đảng, Điều 36 — UBKT tỉnh không kỷ luật tỉnh ủy viên (cùng cấp)',
    'warning',
    tUbkt,
    member('TW.T40.CQ', committeeOf(T40)),
    /cấp ủy viên cùng cấp/,
  ],
  [
    'Điều lệ Đảng, Điều 36 — tỉnh không kỷ luật ủy viên Trung ương',
    'reprimand',
    tStanding,
    member(CB1, committeeOf('TW')),
    /cấp ủy viên cấp trên/,
  ],
  [
    'Điều lệ Đảng, Điều 36 — tỉnh không kỷ luật cán bộ diện Trung ương quản lý',
    'warning',
    tStanding,
    member(CB1, { managedByOrgPath: 'TW' }),
    /diện cấp ủy cấp trên/,
  ],
  ['Điều lệ Đảng, Điều 36 — tỉnh không kỷ luật đảng viên tỉnh khác', 'warning', tStanding, member('TW.T41.X9.CS9'), /không thuộc đảng bộ/],
  ['Điều lệ Đảng, Điều 36 — đảng ủy xã khai trừ đảng viên trong đảng bộ (cấu hình mặc định)', 'expulsion', xCommittee, member(CB1), true],
  ['Điều lệ Đảng, Điều 36 — giải tán không áp dụng với đảng viên', 'dissolution', tStanding, member(CB1), /chỉ áp dụng với tổ chức đảng/],
  // Tổ chức đảng (Điều lệ Đảng, Điều 37; domain.md §4).
  ['Điều lệ Đảng, Điều 37 — đảng ủy cơ sở (cấp trên trực tiếp) cảnh cáo chi bộ', 'warning', csCommittee, org(CB1), true],
  [
    'Điều lệ Đảng, Điều 37 — ban thường vụ cấp trên trực tiếp khiển trách',
    'reprimand',
    body('standing_committee', 'commune', X1),
    org(CS1),
    true,
  ],
  ['Điều lệ Đảng, Điều 37 — cấp ủy cách một cấp không khiển trách', 'reprimand', tStanding, org(CS1), /cấp trên trực tiếp/],
  ['Điều lệ Đảng, Điều 37 — UBKT không kỷ luật tổ chức đảng', 'warning', body('ubkt', 'commune', X1), org(CS1), /ủy ban kiểm tra/],
  ['Điều lệ Đảng, Điều 37 — chi bộ không kỷ luật tổ chức', 'warning', cell, org(CB1), /chi bộ/],
  ['Điều lệ Đảng, Điều 37 — giải tán chi bộ do cấp trên cách một cấp (đảng ủy xã)', 'dissolution', xCommittee, org(CB1), true],
  ['Điều lệ Đảng, Điều 37 — cấp trên trực tiếp không tự giải tán', 'dissolution', csCommittee, org(CB1), /cách một cấp/],
  ['Điều lệ Đảng, Điều 37 — giải tán đảng bộ xã do Trung ương', 'dissolution', body('committee', 'central', 'TW'), org(X1), true],
  ['Điều lệ Đảng, Điều 37 — khai trừ không áp dụng với tổ chức', 'expulsion', tStanding, org(X1), /không áp dụng với tổ chức đảng/],
  ['Điều lệ Đảng, Điều 37 — tỉnh khác không có thẩm quyền', 'warning', body('committee', 'province', T41), org(X1), /cấp trên trực tiếp/],
];

describe('mayDecide — ma trận thẩm quyền (domain.md §4)', () => {
  it.each(rows)('%s', (_name, form, b, subject, expected) => {
    const r = mayDecide(form, b, subject);
    if (expected === true) expect(r).toEqual({ allowed: true });
    else {
      expect(r.allowed).toBe(false);
      if (!r.allowed) {
        expect(r.reason).toMatch(expected);
        expect(r.reason).toMatch(/Điều lệ Đảng, Điều 3[67]/);
      }
    }
  });
});

describe('mayDecide — cấu hình', () => {
  it('giải tán do chính cấp trên trực tiếp khi cấu hình dissolutionLevelsUp = 1', () => {
    const config = { ...DISCIPLINE_AUTHORITY_DEFAULTS, dissolutionLevelsUp: 1 };
    expect(mayDecide('dissolution', csCommittee, org(CB1), config)).toEqual({ allowed: true });
  });
  it('đảng ủy xã không có thẩm quyền mọi hình thức khi bỏ khỏi allFormsKinds', () => {
    const config = { ...DISCIPLINE_AUTHORITY_DEFAULTS, allFormsKinds: ['central', 'province', 'agency'] as OrgKind[] };
    expect(mayDecide('expulsion', xCommittee, member(CB1), config).allowed).toBe(false);
  });
});
