import { describe, expect, it } from 'vitest';
import { competentBody, competentForComplaint, isAbove, type OrgNode, type PetitionSubject } from './competence.ts';

// A chain as the registry holds it: Trung ương → Nghệ An → Đô Lương → an đảng bộ cơ sở with its UBKT and a chi bộ
// under it, and a chi bộ cơ sở (registered as grassroots without an inspection committee).
const CHAIN: OrgNode[] = [
  { path: 'TW', kind: 'central', name: 'Trung ương', hasInspectionCommittee: true },
  { path: 'TW.T40', kind: 'province', name: 'Đảng bộ tỉnh Nghệ An', hasInspectionCommittee: true },
  { path: 'TW.T40.X17662', kind: 'commune', name: 'Đảng bộ xã Đô Lương', hasInspectionCommittee: true },
  { path: 'TW.T40.X17662.G1', kind: 'grassroots', name: 'Đảng bộ Trường THPT Đô Lương 1', hasInspectionCommittee: true },
  { path: 'TW.T40.X17662.G1.C1', kind: 'cell', name: 'Chi bộ Tổ Toán', hasInspectionCommittee: false },
  { path: 'TW.T40.X17662.G2', kind: 'grassroots', name: 'Chi bộ Trạm Y tế', hasInspectionCommittee: false },
];

describe('competentBody — tố cáo: cấp quản lý đảng viên, cấp trên trực tiếp của tổ chức (Quy định 296-QĐ/TW; Điều lệ Đảng, Điều 32)', () => {
  const rows: [string, PetitionSubject, string | null, string | null][] = [
    ['đảng viên thường của chi bộ trực thuộc → chi bộ', { type: 'member', orgPath: 'TW.T40.X17662.G1.C1' }, 'TW.T40.X17662.G1.C1', 'cell'],
    [
      'đảng viên của chi bộ cơ sở → chi bộ cơ sở, giải quyết như chi bộ',
      { type: 'member', orgPath: 'TW.T40.X17662.G2' },
      'TW.T40.X17662.G2',
      'cell',
    ],
    ['đảng viên sinh hoạt ở đảng bộ có UBKT → UBKT đó', { type: 'member', orgPath: 'TW.T40.X17662.G1' }, 'TW.T40.X17662.G1', 'ubkt'],
    [
      'đảng ủy viên xã → UBKT đảng ủy xã, không phải chi bộ',
      { type: 'member', orgPath: 'TW.T40.X17662.G1.C1', committeeMemberOf: ['TW.T40.X17662.G1', 'TW.T40.X17662'] },
      'TW.T40.X17662',
      'ubkt',
    ],
    [
      'cán bộ diện Ban Thường vụ Tỉnh ủy quản lý → UBKT Tỉnh ủy (cấp cao nhất thắng)',
      { type: 'member', orgPath: 'TW.T40.X17662.G1.C1', committeeMemberOf: ['TW.T40.X17662'], managedByPath: 'TW.T40' },
      'TW.T40',
      'ubkt',
    ],
    ['tổ chức đảng: chi bộ → đảng bộ cơ sở cấp trên trực tiếp', { type: 'org', path: 'TW.T40.X17662.G1.C1' }, 'TW.T40.X17662.G1', 'ubkt'],
    ['tổ chức đảng: đảng bộ xã → Tỉnh ủy', { type: 'org', path: 'TW.T40.X17662' }, 'TW.T40', 'ubkt'],
    ['tổ chức đảng cấp cao nhất: không tự suy ra được', { type: 'org', path: 'TW' }, null, null],
    ['đơn vị không có trong chuỗi tổ chức đã nạp: không tự suy ra được', { type: 'member', orgPath: 'TW.T42.X1' }, null, null],
    ['cấp quản lý không có trong chuỗi: không đoán', { type: 'member', orgPath: 'TW.T40.X17662.G2', managedByPath: 'TW.T42' }, null, null],
  ];
  it.each(rows)('%s', (_n, subject, path, type) => {
    const r = competentBody(subject, CHAIN);
    expect(r?.path ?? null).toBe(path);
    expect(r?.type ?? null).toBe(type);
    if (r) expect(r.reason).toMatch(/Quy định 296-QĐ\/TW|Điều lệ Đảng/);
  });
});

describe('competentForComplaint — cấp trên trực tiếp của tổ chức đã kỷ luật (Điều lệ Đảng, Điều 39)', () => {
  const rows: [string, string, string | null, string | null][] = [
    ['chi bộ kỷ luật → đảng bộ cơ sở (UBKT)', 'TW.T40.X17662.G1.C1', 'TW.T40.X17662.G1', 'ubkt'],
    ['chi bộ cơ sở kỷ luật → đảng ủy xã', 'TW.T40.X17662.G2', 'TW.T40.X17662', 'ubkt'],
    ['Tỉnh ủy kỷ luật → Trung ương', 'TW.T40', 'TW', 'ubkt'],
    ['cấp trên không có trong chuỗi', 'TW.T42.X1', null, null],
  ];
  it.each(rows)('%s', (_n, decidedBy, path, type) => {
    const r = competentForComplaint(decidedBy, CHAIN);
    expect(r?.path ?? null).toBe(path);
    expect(r?.type ?? null).toBe(type);
  });
  it('a chi bộ without a UBKT above it in the data resolves as its committee', () => {
    const chain: OrgNode[] = [{ ...CHAIN[3], hasInspectionCommittee: false } as OrgNode];
    expect(competentForComplaint('TW.T40.X17662.G1.C1', chain)?.type).toBe('committee');
  });
});

describe('isAbove', () => {
  it.each([
    ['TW.T40', 'TW.T40.X17662', true],
    ['TW.T40', 'TW.T40', false],
    ['TW.T4', 'TW.T40.X17662', false],
  ] as const)('%s above %s: %s', (a, p, v) => expect(isAbove(a, p)).toBe(v));
});
