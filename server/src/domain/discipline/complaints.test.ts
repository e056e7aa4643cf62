import { describe, expect, it } from 'vitest';
import type { ComplaintOutcome, ComplaintRefusalGround, DisciplineForm } from '../../../../common/discipline.ts';
import { DEFAULTS_ONLY } from '../calendar/workdays.ts';
import { type AdmissibilityInput, complaintAdmissibility, complaintDueOn, complaintResolver, outcomeEffect } from './complaints.ts';

// Announced Monday 02/02/2026; the 30th working day after it, across the Tết break 14–22/02/2026 of the
// default calendar, is Monday 23/03/2026: 3–13/02 (9), 23–27/02 (5), 2–20/03 (15), 23/03 (the 30th).
const base: AdmissibilityInput = { announcedOn: '2026-02-02', filedOn: '2026-03-02', decisionReceivedOn: '2026-02-02' };

describe('complaintAdmissibility — thời hạn một tháng = 30 ngày làm việc từ biên bản công bố (Điều lệ Đảng, Điều 39; domain.md §5)', () => {
  it('hạn cuối tính qua kỳ nghỉ Tết theo lịch mặc định', () => {
    expect(complaintAdmissibility(base, DEFAULTS_ONLY).filingDeadline).toBe('2026-03-23');
  });
  const rows: [string, string, boolean][] = [
    ['nộp ngày làm việc thứ 30 (23/03/2026): trong hạn', '2026-03-23', true],
    ['nộp ngày làm việc thứ 29 (20/03/2026): trong hạn', '2026-03-20', true],
    ['nộp ngày làm việc thứ 31 (24/03/2026): quá hạn', '2026-03-24', false],
    ['nộp 31 ngày lịch sau công bố, giữa Tết tính ra còn trong hạn', '2026-03-05', true],
  ];
  it.each(rows)('Điều lệ Đảng, Điều 39 — %s', (_n, filedOn, accepted) => {
    const r = complaintAdmissibility({ ...base, filedOn }, DEFAULTS_ONLY);
    expect(r.accepted).toBe(accepted);
    if (!accepted) expect(r.grounds[0]?.text).toMatch(/hạn cuối ngày 23\/03\/2026/);
  });
  it('lịch đã ghi nhận thắng: một ngày nghỉ thêm lùi hạn một ngày làm việc', () => {
    expect(complaintAdmissibility(base, { daysOff: ['2026-03-10'], workingDays: [] }).filingDeadline).toBe('2026-03-24');
  });
  it('chưa ghi ngày công bố: không xét quá hạn', () => {
    const r = complaintAdmissibility({ ...base, announcedOn: null, filedOn: '2030-01-01' }, DEFAULTS_ONLY);
    expect(r).toMatchObject({ accepted: true, filingDeadline: null });
  });
});

describe('complaintAdmissibility — từng căn cứ không thụ lý (Quy định 296-QĐ/TW; domain.md §5)', () => {
  const rows: [string, Partial<AdmissibilityInput>, ComplaintRefusalGround[]][] = [
    ['khiếu nại vượt cấp', { skipsLevel: true }, ['skipped_level']],
    ['gửi đồng thời nhiều cấp', { sentToSeveralLevels: true }, ['several_levels']],
    ['khiếu nại hộ người khác', { onBehalfOfOthers: true }, ['on_behalf']],
    ['đã được cấp cao nhất giải quyết', { alreadyDecided: true }, ['already_decided']],
    ['liên quan bản án đang có hiệu lực', { courtSentenceInForce: true }, ['court_sentence']],
    ['chưa nhận quyết định bằng văn bản', { decisionReceivedOn: null }, ['not_yet_received']],
    ['nộp trước ngày nhận quyết định', { decisionReceivedOn: '2026-03-03' }, ['not_yet_received']],
    ['từ chối nhận quyết định', { decisionReceivedOn: null, refusedToReceive: true }, ['refused_to_receive']],
    ['đã chuyển sang tổ chức thuộc cấp ủy cấp trên khác', { movedUnderAnotherSuperior: true }, ['moved_organisation']],
    [
      'nhiều căn cứ cùng lúc đều được nêu',
      { filedOn: '2026-04-20', skipsLevel: true, onBehalfOfOthers: true },
      ['late', 'skipped_level', 'on_behalf'],
    ],
    ['đủ điều kiện: thụ lý', {}, []],
  ];
  it.each(rows)('Quy định 296-QĐ/TW — %s', (_n, patch, expected) => {
    const r = complaintAdmissibility({ ...base, ...patch }, DEFAULTS_ONLY);
    expect(r.grounds.map((g) => g.code)).toEqual(expected);
    expect(r.accepted).toBe(expected.length === 0);
    for (const g of r.grounds) expect(g.text.length).toBeGreaterThan(10);
  });
});

describe('complaintResolver — cấp giải quyết và cấp cuối cùng (Điều lệ Đảng, Điều 39; domain.md §5)', () => {
  const rows: [string, number, DisciplineForm, string, boolean, RegExp][] = [
    ['chi bộ cảnh cáo: cấp trên trực tiếp, chưa phải cuối cùng', 5, 'warning', 'next_up', false, /Ủy ban Kiểm tra Trung ương/],
    ['đảng ủy xã khai trừ: cấp trên trực tiếp; cuối cùng là Ban Bí thư', 3, 'expulsion', 'next_up', false, /Ban Bí thư/],
    ['tỉnh cách chức: UBKT Trung ương, cuối cùng', 2, 'removal', 'central_ubkt', true, /cấp giải quyết cuối cùng/],
    ['tỉnh khiển trách: UBKT Trung ương, cuối cùng', 2, 'reprimand', 'central_ubkt', true, /cuối cùng/],
    ['tỉnh khai trừ: UBKT Trung ương giải quyết, chưa cuối cùng', 2, 'expulsion', 'central_ubkt', false, /Ban Bí thư/],
    ['cơ quan Trung ương khai trừ: Ban Bí thư, cuối cùng', 1, 'expulsion', 'secretariat', true, /Ban Bí thư/],
    ['cơ quan Trung ương cảnh cáo: UBKT Trung ương, cuối cùng', 1, 'warning', 'central_ubkt', true, /Ủy ban Kiểm tra Trung ương/],
  ];
  it.each(rows)('Điều lệ Đảng, Điều 39 — %s', (_n, orgLevel, form, level, isFinal, explanation) => {
    const path = ['TW', 'T40', 'X1', 'CS1', 'CB1'].slice(0, orgLevel).join('.');
    const r = complaintResolver({ bodyType: orgLevel === 5 ? 'cell' : 'committee', orgPath: path, orgLevel }, form);
    expect(r.level).toBe(level);
    expect(r.isFinal).toBe(isFinal);
    expect(r.explanation).toMatch(explanation);
  });
});

describe('complaintDueOn (cấu hình: 90 ngày làm việc)', () => {
  it('90 ngày làm việc kể từ ngày nhận đơn', () => {
    // Received Monday 05/01/2026; 90 working days across Tết (14–22/02), Giỗ Tổ (27/04) and 30/4–1/5 of the default calendar: 21/05/2026.
    expect(complaintDueOn('2026-01-05', DEFAULTS_ONLY)).toBe('2026-05-21');
    expect(complaintDueOn('2026-01-05', DEFAULTS_ONLY, { filingWorkingDays: 30, resolutionWorkingDays: 1 })).toBe('2026-01-06');
  });
});

describe('outcomeEffect — hiệu lực kết quả giải quyết khiếu nại (Quy định 296-QĐ/TW; Quy định 117-QĐ/TW)', () => {
  const rows: [string, ComplaintOutcome, DisciplineForm, DisciplineForm | undefined, string, DisciplineForm | null, RegExp | null][] = [
    ['giữ nguyên', 'kept', 'warning', undefined, 'in_force', 'warning', null],
    ['tăng từ cảnh cáo lên cách chức', 'heavier', 'warning', 'removal', 'changed', 'removal', null],
    ['giảm từ khai trừ xuống cảnh cáo', 'lighter', 'expulsion', 'warning', 'changed', 'warning', null],
    ['xóa bỏ: xin lỗi, phục hồi quyền lợi', 'annulled', 'expulsion', undefined, 'annulled', null, null],
    ['"tăng" nhưng hình thức nhẹ hơn: sai', 'heavier', 'warning', 'reprimand', 'changed', 'reprimand', /không nặng hơn/],
    ['"giảm" nhưng cùng hình thức: sai', 'lighter', 'warning', 'warning', 'changed', 'warning', /không nhẹ hơn/],
    ['tăng mà không chọn hình thức mới: sai', 'heavier', 'warning', undefined, 'changed', null, /Cần chọn hình thức/],
    ['giữ nguyên nhưng chọn hình thức khác: sai', 'kept', 'warning', 'reprimand', 'in_force', 'warning', /không chọn hình thức/],
  ];
  it.each(rows)('%s', (_n, outcome, original, next, status, form, problem) => {
    const r = outcomeEffect(outcome, original, next);
    expect(r.decisionStatus).toBe(status);
    expect(r.form).toBe(form);
    if (problem) expect(r.problem).toMatch(problem);
    else expect(r.problem).toBeUndefined();
  });
  it('xóa bỏ nêu Quy định 117-QĐ/TW', () => {
    expect(outcomeEffect('annulled', 'warning').explanation).toMatch(/xin lỗi và phục hồi quyền lợi \(Quy định 117-QĐ\/TW\)/);
  });
});
