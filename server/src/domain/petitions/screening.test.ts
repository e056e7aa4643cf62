import { describe, expect, it } from 'vitest';
import type { ScreeningGround, ScreeningOutcome } from '../../../../common/petitions.ts';
import type { OrgNode } from './competence.ts';
import { factsFromForm, type LetterFacts, type ScreeningContext, screen } from './screening.ts';

const CHAIN: OrgNode[] = [
  { path: 'TW', kind: 'central', name: 'Trung ương', hasInspectionCommittee: true },
  { path: 'TW.T40', kind: 'province', name: 'Đảng bộ tỉnh Nghệ An', hasInspectionCommittee: true },
  { path: 'TW.T40.X17662', kind: 'commune', name: 'Đảng bộ xã Đô Lương', hasInspectionCommittee: true },
  { path: 'TW.T40.X17662.G1', kind: 'grassroots', name: 'Đảng bộ Trường THPT Đô Lương 1', hasInspectionCommittee: true },
  { path: 'TW.T40.X17662.G1.C1', kind: 'cell', name: 'Chi bộ Tổ Toán', hasInspectionCommittee: false },
];
const COMMUNE = 'TW.T40.X17662';
// A member of a chi bộ under the commune who sits on the commune committee: the commune's UBKT is competent.
const SUBJECT = { type: 'member', orgPath: 'TW.T40.X17662.G1.C1', committeeMemberOf: [COMMUNE] } as const;
const letter: LetterFacts = {
  kind: 'denunciation',
  sender: 'named',
  addressKnown: true,
  subject: SUBJECT,
  specific: true,
  verifiable: true,
};
const atCommune: ScreeningContext = { bodyPath: COMMUNE, orgs: CHAIN };

type Row = [string, Partial<LetterFacts>, Partial<ScreeningContext>, ScreeningOutcome, ScreeningGround, Record<string, unknown>];
const rows: Row[] = [
  [
    'đơn có tên, cụ thể, có căn cứ, đúng thẩm quyền → thụ lý',
    {},
    {},
    'accept',
    'within_authority',
    { status: 'accepted', tellSender: true },
  ],
  [
    'tố cáo giấu tên, nội dung cụ thể → lưu làm thông tin, gắn đối tượng, có thể kiểm tra khi có dấu hiệu',
    { sender: 'anonymous' },
    {},
    'keep_as_information',
    'anonymous',
    { status: 'kept_as_information', linkToSubject: true, mayLeadToInspection: true, tellSender: false },
  ],
  [
    'tố cáo giấu tên, nội dung chung chung → lưu làm thông tin, không có căn cứ kiểm tra',
    { sender: 'anonymous', specific: false },
    {},
    'keep_as_information',
    'anonymous',
    { mayLeadToInspection: false, linkToSubject: true },
  ],
  ['tố cáo mạo tên → lưu làm thông tin', { sender: 'false_name' }, {}, 'keep_as_information', 'false_name', { tellSender: false }],
  ['tố cáo không rõ địa chỉ → lưu làm thông tin', { addressKnown: false }, {}, 'keep_as_information', 'no_address', { tellSender: false }],
  [
    'đơn giấu tên về người chưa có trong danh mục → lưu, không gắn được đối tượng',
    { sender: 'anonymous', subject: null },
    {},
    'keep_as_information',
    'anonymous',
    { linkToSubject: false },
  ],
  [
    'khiếu nại kỷ luật giấu tên → lưu làm thông tin',
    { kind: 'discipline_complaint', sender: 'anonymous' },
    {},
    'keep_as_information',
    'anonymous',
    {},
  ],
  [
    'đơn tố cáo lại vụ đã kết luận, không có chứng cứ mới → không thụ lý',
    { concludedBefore: { newEvidence: false } },
    {},
    'refuse',
    'repeat_without_new_evidence',
    { status: 'refused', tellSender: true },
  ],
  ['tố cáo lại vụ đã kết luận, có chứng cứ mới → thụ lý', { concludedBefore: { newEvidence: true } }, {}, 'accept', 'within_authority', {}],
  ['nội dung không cụ thể → không thụ lý', { specific: false }, {}, 'refuse', 'not_specific', { linkToSubject: true }],
  ['không có căn cứ thẩm tra, xác minh → không thụ lý', { verifiable: false }, {}, 'refuse', 'unverifiable', {}],
  [
    'đơn gửi UBKT Tỉnh ủy về đảng ủy viên xã → chuyển đơn về UBKT đảng ủy xã, báo người gửi',
    {},
    { bodyPath: 'TW.T40' },
    'forward',
    'outside_authority',
    { status: 'forwarded', tellSender: true, forwardTo: expect.objectContaining({ path: COMMUNE, type: 'ubkt' }) },
  ],
  [
    'đơn gửi chi bộ về đảng ủy viên xã → chuyển lên cấp có thẩm quyền',
    {},
    { bodyPath: 'TW.T40.X17662.G1.C1' },
    'forward',
    'outside_authority',
    { forwardTo: expect.objectContaining({ path: COMMUNE }) },
  ],
  [
    'cấp trên quyết định trực tiếp giải quyết → thụ lý tại cấp trên',
    {},
    { bodyPath: 'TW.T40', takeOver: true },
    'accept',
    'taken_over_by_higher_level',
    { forwardTo: null },
  ],
  [
    'cấp dưới không được "nhận thay" việc của cấp trên: takeOver chỉ có nghĩa ở cấp trên',
    {},
    { bodyPath: 'TW.T40.X17662.G1.C1', takeOver: true },
    'forward',
    'outside_authority',
    {},
  ],
  [
    'đối tượng chỉ có tên, chưa có trong danh mục → cán bộ xác định thẩm quyền',
    { subject: null },
    {},
    'undetermined',
    'competence_unknown',
    { status: 'screening' },
  ],
  [
    'đơn vừa khiếu nại kỷ luật vừa tố cáo → tách: giải quyết khiếu nại, hướng dẫn tố cáo riêng',
    { mixedComplaintAndDenunciation: true, disciplineDecidedByPath: 'TW.T40.X17662.G1' },
    {},
    'split',
    'mixed_complaint_denunciation',
    { status: 'accepted' },
  ],
  [
    'đơn hỗn hợp gửi sai cấp → chuyển đến cấp giải quyết khiếu nại (cấp trên của cấp đã kỷ luật)',
    { mixedComplaintAndDenunciation: true, disciplineDecidedByPath: 'TW.T40.X17662' },
    {},
    'forward',
    'outside_authority',
    { forwardTo: expect.objectContaining({ path: 'TW.T40' }) },
  ],
  [
    'khiếu nại kỷ luật do chi bộ quyết định → đảng ủy cơ sở cấp trên giải quyết, xã chuyển đơn',
    { kind: 'discipline_complaint', disciplineDecidedByPath: 'TW.T40.X17662.G1.C1' },
    {},
    'forward',
    'outside_authority',
    { forwardTo: expect.objectContaining({ path: 'TW.T40.X17662.G1' }) },
  ],
  [
    'khiếu nại kỷ luật không rõ cấp đã kỷ luật → cán bộ xác định thẩm quyền',
    { kind: 'discipline_complaint' },
    {},
    'undetermined',
    'competence_unknown',
    {},
  ],
  [
    'phản ánh giấu tên không bị loại vì giấu tên (quy tắc giấu tên áp dụng cho tố cáo, khiếu nại)',
    { kind: 'feedback', sender: 'anonymous' },
    {},
    'accept',
    'within_authority',
    { tellSender: false },
  ],
  [
    'người gửi tự nguyện rút đơn → dừng giải quyết',
    { withdrawal: { coerced: false } },
    {},
    'withdrawn',
    'withdrawn',
    { status: 'withdrawn' },
  ],
  [
    'rút đơn do bị ép buộc → vẫn tiếp tục giải quyết',
    { withdrawal: { coerced: true } },
    {},
    'accept',
    'within_authority',
    { coercedWithdrawal: true },
  ],
  [
    'rút đơn vì bị ép buộc nhưng đơn giấu tên → vẫn là thông tin',
    { withdrawal: { coerced: true }, sender: 'anonymous' },
    {},
    'keep_as_information',
    'anonymous',
    { coercedWithdrawal: true },
  ],
];

describe('screen — phân loại, xử lý đơn (Quy định 296-QĐ/TW; hướng dẫn giải quyết tố cáo của UBKT Trung ương; domain.md §5)', () => {
  it.each(rows)('%s', (_n, facts, ctx, outcome, ground, extra) => {
    const r = screen({ ...letter, ...facts }, { ...atCommune, ...ctx });
    expect(r.outcome).toBe(outcome);
    expect(r.ground).toBe(ground);
    expect(r).toMatchObject(extra);
    // Every decision explains itself in Vietnamese and names its basis.
    expect(r.explanation).toMatch(/Quy định 296-QĐ\/TW|Điều lệ Đảng|danh mục tổ chức/);
    expect(r.explanation.normalize('NFC')).toBe(r.explanation);
  });

  it('a split returns both parts: the complaint handled, the denunciation to be sent separately', () => {
    const r = screen({ ...letter, mixedComplaintAndDenunciation: true, disciplineDecidedByPath: 'TW.T40.X17662.G1' }, atCommune);
    expect(r.parts).toEqual([
      expect.objectContaining({ kind: 'discipline_complaint', handling: 'accept' }),
      expect.objectContaining({ kind: 'denunciation', handling: 'guide' }),
    ]);
  });

  it('forwarding names the competent body and says the letter went over a level', () => {
    const r = screen(letter, { ...atCommune, bodyPath: 'TW.T40' });
    expect(r.explanation).toContain('Đảng bộ xã Đô Lương');
    expect(r.explanation).toContain('vượt cấp');
  });

  it('a coerced withdrawal is stated in the explanation', () => {
    expect(screen({ ...letter, withdrawal: { coerced: true } }, atCommune).explanation).toMatch(/đe dọa, ép buộc, mua chuộc/);
  });

  it('a letter that is not split has no parts', () => {
    expect(screen(letter, atCommune).parts).toEqual([]);
  });
});

describe('factsFromForm — the screening form feeds the same rule', () => {
  const form = { sender: 'named', addressKnown: true, specific: true, verifiable: true } as const;
  const rows: [string, Record<string, boolean>, ScreeningOutcome, ScreeningGround][] = [
    ['đủ điều kiện', {}, 'accept', 'within_authority'],
    ['đã kết luận, không có chứng cứ mới', { concludedBefore: true }, 'refuse', 'repeat_without_new_evidence'],
    ['đã kết luận, có chứng cứ mới', { concludedBefore: true, newEvidence: true }, 'accept', 'within_authority'],
    ['rút đơn', { withdrawn: true }, 'withdrawn', 'withdrawn'],
    ['rút đơn do bị ép buộc', { withdrawn: true, withdrawalCoerced: true }, 'accept', 'within_authority'],
  ];
  it.each(rows)('%s', (_n, patch, outcome, ground) => {
    const r = screen(factsFromForm({ ...form, ...patch }, { kind: 'denunciation', subject: SUBJECT }), atCommune);
    expect([r.outcome, r.ground]).toEqual([outcome, ground]);
  });
});
