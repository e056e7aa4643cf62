// The discipline decision in the Party's format (Hướng dẫn 36-HD/VPTW; Quy định 69-QĐ/TW; domain.md §4).
import { describe, expect, it } from 'vitest';
import { issuerOf, type OrgLink } from '../documents/issuer.ts';
import { plainText } from '../documents/model.ts';
import { composeDisciplineDecision, type DecisionFacts, decisionTitle } from './decision.ts';

const TW: OrgLink = { kind: 'central', name: 'Trung ương' };
const NGHE_AN: OrgLink = { kind: 'province', name: 'Đảng bộ tỉnh Nghệ An' };
const DO_LUONG: OrgLink = { kind: 'commune', name: 'Đảng bộ xã Đô Lương' };
const XOM1: OrgLink = { kind: 'cell', name: 'Chi bộ Xóm 1' };

function facts(over: Partial<DecisionFacts> = {}): DecisionFacts {
  return {
    code: 'KL-2026-001',
    bodyType: 'ubkt',
    issuer: issuerOf([TW, NGHE_AN, DO_LUONG], 'ubkt'),
    secrecy: 0,
    subject: { kind: 'member', name: 'Nguyễn Văn Đức', orgName: 'Chi bộ Xóm 1' },
    source: 'court',
    sourceRef: 'Bản án số 12/2026/HS-ST ngày 10/01/2026 của Tòa án nhân dân khu vực 5',
    caseCode: null,
    violations: [
      { seq: 1, occurredOn: '2025-06-01', description: 'Sử dụng xe công vào việc riêng.', ruleViolated: 'Quy định 37-QĐ/TW' },
      { seq: 2, occurredOn: '2025-09-15', description: 'Không trung thực khi kiểm điểm', ruleViolated: 'Điều lệ Đảng' },
    ],
    meeting: {
      heldOn: '2026-03-05',
      officialMembers: 7,
      present: 6,
      ballots: [
        { formLabel: 'khiển trách', votes: 2 },
        { formLabel: 'cảnh cáo', votes: 4 },
      ],
    },
    formLabel: 'cảnh cáo',
    mitigating: ['thành khẩn kiểm điểm, nhận khuyết điểm'],
    aggravating: [],
    effectiveOn: null,
    effectiveWhen: 'signed',
    ...over,
  };
}

describe('decision on discipline (Quyết định thi hành kỷ luật)', () => {
  it('carries the heading, number, date line, title, bases, form and effect', () => {
    const m = composeDisciplineDecision(facts(), { issuedOn: '2026-03-06', numberText: '3-QĐ/UBKTĐU' });
    expect(m.heading).toMatchObject({
      superior: 'ĐẢNG ỦY XÃ ĐÔ LƯƠNG',
      issuer: 'ỦY BAN KIỂM TRA',
      numberLine: 'Số 3-QĐ/UBKTĐU',
      secrecy: null,
      dateLine: 'Đô Lương, ngày 06 tháng 3 năm 2026',
    });
    expect(m.title).toBe('QUYẾT ĐỊNH');
    expect(m.subtitle).toBe('về việc thi hành kỷ luật đối với đồng chí Nguyễn Văn Đức');
    const text = plainText(m);
    expect(text).toContain('Căn cứ Điều lệ Đảng Cộng sản Việt Nam;');
    expect(text).toContain('Quy định số 69-QĐ/TW, ngày 06/7/2022 của Bộ Chính trị');
    expect(text).toContain('Căn cứ Bản án số 12/2026/HS-ST ngày 10/01/2026 của Tòa án nhân dân khu vực 5;');
    expect(text).toContain('hội nghị ngày 05/03/2026: tổng số thành viên chính thức 7, có mặt 6; 2 phiếu khiển trách, 4 phiếu cảnh cáo;');
    expect(text).toContain('Điều 1. Thi hành kỷ luật bằng hình thức CẢNH CÁO đối với đồng chí Nguyễn Văn Đức, đảng viên Chi bộ Xóm 1.');
    expect(text).toContain('1. Sử dụng xe công vào việc riêng (ngày 01/06/2025; vi phạm Quy định 37-QĐ/TW).');
    expect(text).toContain('2. Không trung thực khi kiểm điểm (ngày 15/09/2025; vi phạm Điều lệ Đảng).');
    expect(text).toContain('Tình tiết giảm nhẹ: thành khẩn kiểm điểm, nhận khuyết điểm.');
    expect(text).not.toContain('Tình tiết tăng nặng');
    expect(text).toContain('Điều 2. Quyết định này có hiệu lực kể từ ngày ký.');
    expect(text).toContain('Điều 3. Chi bộ Xóm 1, các tổ chức đảng có liên quan và đồng chí Nguyễn Văn Đức chịu trách nhiệm thi hành');
    expect(m.recipients).toEqual(['- Như Điều 3,', '- Thường trực Đảng ủy xã Đô Lương (để báo cáo),', '- Lưu VT, hồ sơ KL-2026-001.']);
    expect(m.signatures.right).toEqual({ onBehalfOf: 'T/M ỦY BAN KIỂM TRA', title: 'CHỦ NHIỆM', name: null });
  });

  it("a chi bộ's reprimand takes effect when announced; a known date is written out (domain.md §4)", () => {
    const cell = facts({ bodyType: 'cell', issuer: issuerOf([TW, NGHE_AN, DO_LUONG, XOM1], 'cell'), effectiveWhen: 'announced' });
    expect(plainText(composeDisciplineDecision(cell, { issuedOn: '2026-03-06', numberText: '1-QĐ/CB' }))).toContain(
      'Điều 2. Quyết định này có hiệu lực kể từ ngày công bố.',
    );
    const dated = composeDisciplineDecision(facts({ effectiveOn: '2026-03-09' }), { issuedOn: '2026-03-06', numberText: null });
    expect(plainText(dated)).toContain('có hiệu lực kể từ ngày 09 tháng 3 năm 2026.');
    expect(dated.heading.numberLine).toBeNull();
  });

  it('names an organisation as the subject, and a marked decision carries its mark', () => {
    const org = facts({
      subject: { kind: 'org', name: 'Chi bộ Xóm 1', orgName: null },
      formLabel: 'giải tán',
      source: 'case',
      caseCode: 'KT-2026-004',
      sourceRef: null,
      secrecy: 1,
      meeting: null,
    });
    const m = composeDisciplineDecision(org, { issuedOn: '2026-03-06', numberText: '4-QĐ/UBKTĐU' });
    expect(m.subtitle).toBe('về việc thi hành kỷ luật đối với Chi bộ Xóm 1');
    expect(m.heading.secrecy).toBe('MẬT');
    const text = plainText(m);
    expect(text).toContain('Căn cứ kết luận kiểm tra (hồ sơ KT-2026-004);');
    expect(text).not.toContain('phiếu kín');
    expect(text).not.toContain('Tòa án');
    expect(text).toContain('bằng hình thức GIẢI TÁN đối với Chi bộ Xóm 1.');
    expect(text).toContain('Chi bộ Xóm 1 đã vi phạm:');
    expect(decisionTitle(org)).toBe('Quyết định về việc thi hành kỷ luật đối với Chi bộ Xóm 1');
  });
});
