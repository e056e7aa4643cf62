import { describe, expect, it } from 'vitest';
import type { CaseKind } from '../../../../common/cases.ts';
import { AUTHORITY_DEFAULTS, type BodyOrg, type DecidingBody, mayRun, type Subject } from './authority.ts';

const org = (path: string, kind: BodyOrg['kind'], extra: Partial<BodyOrg> = {}): BodyOrg => ({
  kind,
  path,
  level: path.split('.').length,
  hasCommittee: kind !== 'cell',
  hasInspectionCommittee: kind !== 'cell',
  ...extra,
});
const TW = org('TW', 'central');
const T40 = org('TW.T40', 'province');
const X1 = org('TW.T40.X1', 'commune');
const CS1 = org('TW.T40.X1.CS1', 'grassroots');
const CB1 = org('TW.T40.X1.CS1.CB1', 'cell', { memberCount: 25 });
const CB_BIG = org('TW.T40.X1.CS1.CB2', 'cell', { memberCount: 31 });
const CB_CU = org('TW.T40.X1.CS1.CB3', 'cell', { memberCount: 12, hasCellCommittee: true });
const CB_GROUPS = org('TW.T40.X1.CS1.CB4', 'cell', { memberCount: 20, partyGroups: 3 });
const CB_30 = org('TW.T40.X1.CS1.CB5', 'cell', { memberCount: 30, partyGroups: 1 });
const CBCS = org('TW.T40.X1.CBCS', 'grassroots', { hasCommittee: false, hasInspectionCommittee: false });
const NO_UBKT = org('TW.T40.X2', 'commune', { hasInspectionCommittee: false });

const ubkt = (o: BodyOrg): DecidingBody => ({ type: 'ubkt', org: o });
const committee = (o: BodyOrg): DecidingBody => ({ type: 'committee', org: o });
const standing = (o: BodyOrg): DecidingBody => ({ type: 'standing_committee', org: o });
const cell = (o: BodyOrg): DecidingBody => ({ type: 'cell', org: o });
const anOrg = (o: BodyOrg): Subject => ({ type: 'org', org: { kind: o.kind, path: o.path } });
const member = (orgPath: string, isCommitteeMemberOf: string[] = []): Subject => ({ type: 'member', orgPath, isCommitteeMemberOf });

type Row = [string, CaseKind, DecidingBody, Subject, true | RegExp];
const rows: Row[] = [
  // Điều lệ Đảng, Điều 32, khoản 1–2: UBKT — organisations below, members incl. committee members of its level.
  ['UBKT tỉnh kiểm tra dấu hiệu đảng ủy xã cấp dưới', 'inspection.signs', ubkt(T40), anOrg(X1), true],
  ['UBKT tỉnh kiểm tra dấu hiệu chi bộ trong đảng bộ', 'inspection.signs', ubkt(T40), anOrg(CB1), true],
  ['UBKT tỉnh kiểm tra dấu hiệu đảng viên trong đảng bộ', 'inspection.signs', ubkt(T40), member(CB1.path), true],
  ['UBKT tỉnh kiểm tra dấu hiệu tỉnh ủy viên (cùng cấp)', 'inspection.signs', ubkt(T40), member('TW.T40.CQ', [T40.path]), true],
  ['UBKT xã: cấp ủy viên cùng cấp và cấp trên → cấp trên', 'inspection.signs', ubkt(X1), member(CB1.path, [X1.path, T40.path]), /cấp trên/],
  ['UBKT không tự kiểm tra cấp mình', 'inspection.signs', ubkt(T40), anOrg(T40), /không tự kiểm tra/],
  ['UBKT không kiểm tra tổ chức ngoài đảng bộ', 'inspection.signs', ubkt(X1), anOrg(org('TW.T41.X9', 'commune')), /không phải là cấp dưới/],
  ['UBKT không kiểm tra đảng viên ngoài đảng bộ', 'inspection.signs', ubkt(X1), member('TW.T41.X9.CS.CB'), /không thuộc đảng bộ/],
  ['UBKT xã không kiểm tra tỉnh ủy viên sinh hoạt tại xã', 'inspection.signs', ubkt(X1), member(CB1.path, [T40.path]), /cấp trên/],
  ['Cấp ủy không kiểm tra khi có dấu hiệu (Điều 32)', 'inspection.signs', committee(T40), anOrg(X1), /Điều 32/],
  ['Tổ chức không có UBKT', 'inspection.signs', ubkt(NO_UBKT), member(`${NO_UBKT.path}.CS.CB`), /không có Ủy ban Kiểm tra/],
  ['Chi bộ không có UBKT', 'inspection.signs', ubkt(CB1), member(CB1.path), /không có Ủy ban Kiểm tra/],
  // Quy định 296-QĐ/TW: a chi bộ inspects its own members (member duties).
  ['Chi bộ kiểm tra dấu hiệu đảng viên của chi bộ', 'inspection.signs', cell(CB1), member(CB1.path), true],
  ['Chi bộ cơ sở kiểm tra đảng viên của mình', 'inspection.signs', cell(CBCS), member(CBCS.path), true],
  ['Chi bộ không kiểm tra đảng viên chi bộ khác', 'inspection.signs', cell(CB1), member(CB_BIG.path), /sinh hoạt tại chi bộ/],
  ['Chi bộ không kiểm tra tổ chức', 'inspection.signs', cell(CB1), anOrg(CB_BIG), /không có tổ chức đảng cấp dưới/],
  ['Đảng ủy cơ sở không phải chi bộ', 'inspection.signs', cell(CS1), member(CB1.path), /Chỉ chi bộ/],
  // Điều lệ Đảng, Điều 32 (kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát, thi hành kỷ luật).
  ['UBKT xã kiểm tra thực hiện nhiệm vụ KTGS của đảng ủy cơ sở', 'inspection.ktgs_duty', ubkt(X1), anOrg(CS1), true],
  ['UBKT cơ sở kiểm tra nhiệm vụ KTGS của chi bộ', 'inspection.ktgs_duty', ubkt(CS1), anOrg(CB1), true],
  ['Nhiệm vụ KTGS: không đối với đảng viên', 'inspection.ktgs_duty', ubkt(X1), member(CB1.path), /không đối với đảng viên/],
  [
    'Nhiệm vụ KTGS: cấp ủy không làm',
    'inspection.ktgs_duty',
    standing(X1),
    anOrg(CS1),
    /nhiệm vụ của Ủy ban Kiểm tra \(Điều lệ Đảng, Điều 32\)/,
  ],
  // Điều lệ Đảng, Điều 32, khoản 6.
  ['UBKT Trung ương kiểm tra tài chính tỉnh ủy', 'inspection.finance', ubkt(TW), anOrg(T40), true],
  ['UBKT kiểm tra tài chính cơ quan tài chính cấp ủy cùng cấp', 'inspection.finance', ubkt(T40), anOrg(T40), true],
  ['UBKT cơ sở kiểm tra tài chính (đảng phí) chi bộ', 'inspection.finance', ubkt(CS1), anOrg(CB1), true],
  ['Tài chính: không kiểm tra cấp trên', 'inspection.finance', ubkt(X1), anOrg(T40), /không phải là cấp dưới/],
  ['Tài chính: chi bộ không làm', 'inspection.finance', cell(CB1), member(CB1.path), /khoản 6/],
  // Điều lệ Đảng, Điều 30: cấp ủy, ban thường vụ, chi bộ.
  ['Cấp ủy tỉnh kiểm tra chấp hành đảng ủy xã', 'inspection.compliance', committee(T40), anOrg(X1), true],
  ['Ban Thường vụ kiểm tra chấp hành cấp ủy viên cùng cấp', 'inspection.compliance', standing(T40), member('TW.T40.CQ', [T40.path]), true],
  ['Chi bộ kiểm tra chấp hành đảng viên', 'inspection.compliance', cell(CB1), member(CB1.path), true],
  ['UBKT không tự quyết kiểm tra chấp hành', 'inspection.compliance', ubkt(T40), anOrg(X1), /được cấp ủy giao/],
  ['Cấp ủy không có → không quyết định', 'inspection.compliance', committee(CBCS), member(CBCS.path), /không có cấp ủy/],
  // Giám sát phải mở rộng (Điều lệ Đảng, Điều 30, 32; Quy định 296-QĐ/TW).
  ['UBKT giám sát thường xuyên cấp ủy viên cùng cấp', 'supervision.regular', ubkt(X1), member(CB1.path, [X1.path]), true],
  ['Cấp ủy giám sát thường xuyên tổ chức cấp dưới', 'supervision.regular', committee(CS1), anOrg(CB1), true],
  ['Chi bộ giám sát thường xuyên đảng viên', 'supervision.regular', cell(CB1), member(CB1.path), true],
  ['Chi bộ giám sát cả cấp ủy viên cấp trên sinh hoạt tại chi bộ', 'supervision.regular', cell(CB1), member(CB1.path, [T40.path]), true],
  [
    'Giám sát thường xuyên: không ra ngoài đảng bộ',
    'supervision.regular',
    committee(X1),
    anOrg(org('TW.T40.X2.CS', 'grassroots')),
    /cấp dưới/,
  ],
  ['Giám sát chuyên đề: UBKT tỉnh với đảng ủy xã', 'supervision.thematic', ubkt(T40), anOrg(X1), true],
  ['Giám sát chuyên đề: chi bộ có trên 30 đảng viên', 'supervision.thematic', cell(CB_BIG), member(CB_BIG.path), true],
  ['Giám sát chuyên đề: chi bộ có chi ủy', 'supervision.thematic', cell(CB_CU), member(CB_CU.path), true],
  ['Giám sát chuyên đề: chi bộ có nhiều tổ đảng', 'supervision.thematic', cell(CB_GROUPS), member(CB_GROUPS.path), true],
  ['Giám sát chuyên đề: chi bộ đúng 30 đảng viên, một tổ → không', 'supervision.thematic', cell(CB_30), member(CB_30.path), /trên 30/],
  ['Giám sát chuyên đề: chi bộ nhỏ không chi ủy → không', 'supervision.thematic', cell(CB1), member(CB1.path), /chi ủy/],
];

describe('who may run which kind of work on whom (domain.md §2; Điều lệ Đảng, Điều 30, 32; Quy định 296-QĐ/TW)', () => {
  it.each(rows)('%s', (_name, kind, body, subject, expected) => {
    const r = mayRun(kind, body, subject);
    if (expected === true) expect(r).toMatchObject({ allowed: true });
    else {
      expect(r.allowed).toBe(false);
      if (!r.allowed) expect(r.reason).toMatch(expected);
    }
  });

  it('a chi bộ inspecting on signs is told it covers member duties only (Quy định 296-QĐ/TW)', () => {
    expect(mayRun('inspection.signs', cell(CB1), member(CB1.path))).toMatchObject({ allowed: true, note: /nhiệm vụ đảng viên/ });
  });

  it('thresholds are configurable: a lower member threshold admits a 25-member cell', () => {
    const config = { ...AUTHORITY_DEFAULTS, thematicCellMembersOver: 20 };
    expect(mayRun('supervision.thematic', cell(CB1), member(CB1.path), config).allowed).toBe(true);
  });

  it('reserving upper-level committee members can be switched off', () => {
    const config = { ...AUTHORITY_DEFAULTS, upperCommitteeMembersReserved: false };
    expect(mayRun('inspection.signs', ubkt(X1), member(CB1.path, [T40.path]), config).allowed).toBe(true);
  });
});
