// Documents in the Party's format (Hướng dẫn 36-HD/VPTW, 2018) composed from a case (domain.md §3).
import { describe, expect, it } from 'vitest';
import { availability, docApplies } from './availability.ts';
import { composeDocument, documentTitle } from './compose.ts';
import { dateLine, longDate, shortDate } from './dates.ts';
import type { CaseFacts } from './facts.ts';
import { committeeName, issuerOf, numberText, type OrgLink } from './issuer.ts';
import { plainText } from './model.ts';

const TW: OrgLink = { kind: 'central', name: 'Trung ương' };
const NGHE_AN: OrgLink = { kind: 'province', name: 'Đảng bộ tỉnh Nghệ An' };
const HA_NOI: OrgLink = { kind: 'province', name: 'Đảng bộ thành phố Hà Nội' };
const DO_LUONG: OrgLink = { kind: 'commune', name: 'Đảng bộ xã Đô Lương' };
const XOM1: OrgLink = { kind: 'cell', name: 'Chi bộ Xóm 1' };

describe('place-and-date line (Hướng dẫn 36-HD/VPTW: a zero before days below 10 and months 1 and 2)', () => {
  it.each([
    ['2025-11-11', 'ngày 11 tháng 11 năm 2025'],
    ['2026-01-05', 'ngày 05 tháng 01 năm 2026'],
    ['2026-02-20', 'ngày 20 tháng 02 năm 2026'],
    ['2018-04-03', 'ngày 03 tháng 4 năm 2018'],
    ['2025-09-30', 'ngày 30 tháng 9 năm 2025'],
    ['2025-12-01', 'ngày 01 tháng 12 năm 2025'],
  ])('%s → %s', (iso, text) => {
    expect(longDate(iso)).toBe(text);
  });

  it('puts the place first and writes body dates as dd/mm/yyyy', () => {
    expect(dateLine('Đô Lương', '2025-11-11')).toBe('Đô Lương, ngày 11 tháng 11 năm 2025');
    expect(shortDate('2026-01-05')).toBe('05/01/2026');
    expect(() => longDate('2026-1-5')).toThrow();
  });
});

describe('issuing body and number (Hướng dẫn 36-HD/VPTW: "Số 24-BS/UBKTTU")', () => {
  it.each([
    [[TW, NGHE_AN], 'ubkt', 'TỈNH ỦY NGHỆ AN', 'ỦY BAN KIỂM TRA', 'UBKTTU', 'Nghệ An', 'T/M ỦY BAN KIỂM TRA', 'CHỦ NHIỆM'],
    [[TW, NGHE_AN, DO_LUONG], 'ubkt', 'ĐẢNG ỦY XÃ ĐÔ LƯƠNG', 'ỦY BAN KIỂM TRA', 'UBKTĐU', 'Đô Lương', 'T/M ỦY BAN KIỂM TRA', 'CHỦ NHIỆM'],
    [[TW, NGHE_AN, DO_LUONG], 'committee', 'ĐẢNG BỘ TỈNH NGHỆ AN', 'ĐẢNG ỦY XÃ ĐÔ LƯƠNG', 'ĐU', 'Đô Lương', 'T/M BAN CHẤP HÀNH', 'BÍ THƯ'],
    [[TW, NGHE_AN], 'standing_committee', null, 'TỈNH ỦY NGHỆ AN', 'TU', 'Nghệ An', 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ'],
    [[TW, NGHE_AN, DO_LUONG, XOM1], 'cell', 'ĐẢNG BỘ XÃ ĐÔ LƯƠNG', 'CHI BỘ XÓM 1', 'CB', 'Đô Lương', 'T/M CHI BỘ', 'BÍ THƯ'],
  ] as const)('%#: %s %s', (chain, body, superior, name, abbr, place, onBehalfOf, title) => {
    const i = issuerOf(chain, body);
    expect(i).toMatchObject({ superior, name, abbreviation: abbr, place, onBehalfOf, signerTitle: title });
  });

  it('names committees as Party practice does', () => {
    expect(committeeName(HA_NOI)).toBe('Thành ủy Hà Nội');
    expect(committeeName(NGHE_AN)).toBe('Tỉnh ủy Nghệ An');
    expect(committeeName({ kind: 'grassroots', name: 'Đảng bộ Trường THPT Đô Lương 1' })).toBe('Đảng ủy Trường THPT Đô Lương 1');
    expect(committeeName({ kind: 'grassroots', name: 'Chi bộ Trạm Y tế' })).toBe('Chi bộ Trạm Y tế');
  });

  it('writes the number as number-symbol/abbreviation', () => {
    expect(numberText(12, 'TB', 'UBKTĐU')).toBe('12-TB/UBKTĐU');
  });
});

function facts(over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    code: 'KT-2025-001',
    kind: 'inspection.signs',
    bodyType: 'ubkt',
    status: 'open',
    step: 'decision',
    stepsEntered: ['decision'],
    issuer: issuerOf([TW, NGHE_AN, DO_LUONG], 'ubkt'),
    subject: { kind: 'member', name: 'Nguyễn Văn Đức', orgName: 'Chi bộ Xóm 1' },
    topic: 'Việc thực hiện nhiệm vụ đảng viên và quản lý đất đai tại xóm',
    grounds: 'Đơn phản ánh về việc cấp đất trái quy định',
    programme: null,
    decidedOn: '2025-11-11',
    decisionNo: null,
    limitDays: 90,
    dueOn: '2026-02-09',
    extensionDays: null,
    team: [
      { fullName: 'Trần Thị Lan', position: 'Ủy viên Ủy ban Kiểm tra', role: 'member' },
      { fullName: 'Lê Văn Hải', position: 'Phó Chủ nhiệm Ủy ban Kiểm tra', role: 'leader' },
    ],
    stepDues: [{ step: 'handover', startedOn: '2025-11-12', dueOn: '2025-11-17' }],
    findings: null,
    violationFound: null,
    concludedOn: null,
    notifiedOn: null,
    proposeDiscipline: false,
    disciplineNote: null,
    requirements: [],
    secrecy: 0,
    decisionRef: { numberText: '3-QĐ/UBKTĐU', date: '2025-11-11' },
    planRef: null,
    ...over,
  };
}

const ISSUE = { issuedOn: '2025-11-11', numberText: '3-QĐ/UBKTĐU' };

describe('body composition per family (domain.md §3: DH, KT, GS sets)', () => {
  it('decision on signs of violation: legal basis, grounds, team with the leader first, Điều 1–3', () => {
    const m = composeDocument('decision', facts(), ISSUE);
    const text = plainText(m);
    expect(m.title).toBe('QUYẾT ĐỊNH');
    expect(m.subtitle).toBe('về việc kiểm tra khi có dấu hiệu vi phạm đối với đồng chí Nguyễn Văn Đức, đảng viên Chi bộ Xóm 1');
    expect(m.heading).toMatchObject({ numberLine: 'Số 3-QĐ/UBKTĐU', dateLine: 'Đô Lương, ngày 11 tháng 11 năm 2025', secrecy: null });
    expect(text).toContain('Căn cứ Quy định số 296-QĐ/TW, ngày 30/5/2025');
    expect(text).toContain('Xét dấu hiệu vi phạm: Đơn phản ánh về việc cấp đất trái quy định');
    expect(text).toMatch(/1\. Đồng chí Lê Văn Hải, Phó Chủ nhiệm Ủy ban Kiểm tra, Trưởng đoàn;\n2\. Đồng chí Trần Thị Lan/);
    expect(text).toContain('90 ngày, từ ngày 11/11/2025 đến ngày 09/02/2026');
    expect(m.recipients).toEqual(['- Như Điều 3,', '- Thường trực Đảng ủy xã Đô Lương (để báo cáo),', '- Lưu VT, hồ sơ KT-2025-001.']);
    expect(m.signatures.right).toEqual({ onBehalfOf: 'T/M ỦY BAN KIỂM TRA', title: 'CHỦ NHIỆM', name: null });
  });

  it('thematic inspection (KT): a self-report outline, no grounds, the plan lists its steps with due dates', () => {
    const f = facts({ kind: 'inspection.finance', grounds: null, subject: { kind: 'org', name: 'Chi bộ Xóm 1', orgName: null } });
    expect(plainText(composeDocument('decision', f, ISSUE))).toContain('Điều 1. Kiểm tra tài chính đảng đối với Chi bộ Xóm 1.');
    const outline = composeDocument('outline', f, { issuedOn: '2025-11-11', numberText: null });
    expect(outline.subtitle).toBe('báo cáo tự kiểm tra của Chi bộ Xóm 1');
    expect(outline.heading.numberLine).toBeNull();
    expect(outline.note).toBe('(Kèm theo Kế hoạch của Ủy ban Kiểm tra Đảng ủy xã Đô Lương)');
    const plan = plainText(composeDocument('plan', f, { issuedOn: '2025-11-11', numberText: '4-KH/UBKTĐU' }));
    expect(plan).toContain('Triển khai quyết định, kế hoạch đến đối tượng (biên bản triển khai) (hoàn thành trước ngày 17/11/2025).');
    expect(plan).not.toContain('Dấu hiệu vi phạm');
  });

  it('supervision (GS): "Đoàn giám sát", the notice gives results, not a verdict on violations', () => {
    const f = facts({
      kind: 'supervision.thematic',
      grounds: null,
      concludedOn: '2026-01-05',
      findings: 'Chi bộ duy trì sinh hoạt định kỳ.\nSổ sách chưa cập nhật đầy đủ.',
      requirements: [{ requirement: 'Cập nhật sổ ghi biên bản sinh hoạt', ownerName: 'Chi bộ Xóm 1', dueOn: '2026-03-31' }],
    });
    const m = composeDocument('conclusion_notice', f, { issuedOn: '2026-01-06', numberText: '1-TB/UBKTĐU' });
    const text = plainText(m);
    expect(m.subtitle).toBe('kết quả giám sát chuyên đề đối với đồng chí Nguyễn Văn Đức, đảng viên Chi bộ Xóm 1');
    expect(text).toContain(
      'Ngày 05 tháng 01 năm 2026, Ủy ban Kiểm tra Đảng ủy xã Đô Lương đã họp, xem xét báo cáo kết quả giám sát, nhận xét, đánh giá',
    );
    expect(text).toContain('Sổ sách chưa cập nhật đầy đủ.');
    expect(text).toContain(
      '1. Cập nhật sổ ghi biên bản sinh hoạt. Người (tổ chức) thực hiện: Chi bộ Xóm 1; thời hạn hoàn thành: trước ngày 31/03/2026.',
    );
    expect(text).not.toContain('vi phạm như đã nêu');
    expect(plainText(composeDocument('decision', f, ISSUE))).toContain('Thành lập Đoàn giám sát');
  });

  it('conclusion notice on signs: violation found, discipline proposed, marked secret', () => {
    const f = facts({
      concludedOn: '2026-01-05',
      violationFound: true,
      proposeDiscipline: true,
      disciplineNote: 'hình thức khiển trách',
      secrecy: 1,
    });
    const m = composeDocument('conclusion_notice', f, { issuedOn: '2026-01-06', numberText: '1-TB/UBKTĐU' });
    const text = plainText(m);
    expect(m.subtitle).toBe('kết luận kiểm tra khi có dấu hiệu vi phạm đối với đồng chí Nguyễn Văn Đức, đảng viên Chi bộ Xóm 1');
    expect(m.heading.secrecy).toBe('MẬT');
    expect(text).toContain('Đồng chí Nguyễn Văn Đức, đảng viên Chi bộ Xóm 1 có vi phạm như đã nêu trên.');
    expect(text).toContain('xem xét, thi hành kỷ luật đối với đồng chí Nguyễn Văn Đức, đảng viên Chi bộ Xóm 1: hình thức khiển trách.');
    expect(text).toContain('Không có yêu cầu khắc phục.');
  });

  it('minutes are signed by both sides and sent to nobody; the results report is signed by the team leader', () => {
    const m = composeDocument('minutes_handover', facts(), { issuedOn: '2025-11-12', numberText: '1-BB/UBKTĐU' });
    expect(m.recipients).toEqual([]);
    expect(m.signatures.left).toMatchObject({ title: 'ĐỐI TƯỢNG ĐƯỢC KIỂM TRA', name: 'Nguyễn Văn Đức' });
    expect(m.subtitle).toBe('triển khai Quyết định số 3-QĐ/UBKTĐU, ngày 11/11/2025 và Kế hoạch của Ủy ban Kiểm tra Đảng ủy xã Đô Lương');
    expect(m.signatures.right).toMatchObject({ onBehalfOf: 'T/M ĐOÀN KIỂM TRA', title: 'TRƯỞNG ĐOÀN', name: 'Lê Văn Hải' });
    const r = composeDocument('results_report', facts({ violationFound: false }), { issuedOn: '2026-01-02', numberText: '2-BC/UBKTĐU' });
    expect(r.heading).toMatchObject({ superior: 'ỦY BAN KIỂM TRA ĐẢNG ỦY XÃ ĐÔ LƯƠNG', issuer: 'ĐOÀN KIỂM TRA' });
    expect(plainText(r)).toContain('Qua kiểm tra, đồng chí Nguyễn Văn Đức, đảng viên Chi bộ Xóm 1 không có vi phạm.');
    expect(documentTitle('results_report', facts())).toBe(
      'Báo cáo kết quả kiểm tra khi có dấu hiệu vi phạm đối với đồng chí Nguyễn Văn Đức, đảng viên Chi bộ Xóm 1',
    );
  });
});

describe('documents offered by kind and step reached (domain.md §3: each step produces its document)', () => {
  it.each([
    ['inspection.signs', 'decision', [], 'decision', true],
    ['inspection.signs', 'decision', [], 'minutes_handover', false],
    ['inspection.signs', 'verification', ['decision', 'handover', 'explanation', 'verification'], 'minutes_work', true],
    ['inspection.finance', 'verification', [], 'minutes_meeting', false],
    ['supervision.regular', 'monitoring', [], 'decision', false],
    ['supervision.regular', 'notice', ['monitoring', 'results_report', 'notice'], 'conclusion_notice', true],
  ] as const)('%s at %s → %s: %s', (kind, step, entered, type, ok) => {
    expect(availability({ kind, step, stepsEntered: [...entered], status: 'open', concludedOn: null }, type).ok).toBe(ok);
  });

  it('offers the conclusion notice only once the case has a conclusion, and nothing once cancelled', () => {
    const f = {
      kind: 'inspection.signs',
      step: 'conclusion',
      stepsEntered: [],
      status: 'open',
      concludedOn: null as string | null,
    } as const;
    expect(availability(f, 'conclusion_notice')).toEqual({
      ok: false,
      reason: 'Chưa có kết luận của cơ quan ra quyết định; thông báo chỉ lập sau khi đã kết luận.',
    });
    expect(availability({ ...f, concludedOn: '2026-01-05' }, 'conclusion_notice').ok).toBe(true);
    expect(availability({ ...f, stepsEntered: [], status: 'cancelled' }, 'decision').ok).toBe(false);
    expect(docApplies({ kind: 'inspection.compliance' }, 'minutes_meeting')).toBe(false);
  });
});
