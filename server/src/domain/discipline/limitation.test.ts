import { describe, expect, it } from 'vitest';
import type { DisciplineForm, SpecialArea } from '../../../../common/discipline.ts';
import { addYears, type LimitationEnd, type LimitationViolation, limitationEnds, timeBarred } from './limitation.ts';

const v = (seq: number, occurredOn: string, deservedForm: DisciplineForm, specialArea: SpecialArea | null = null): LimitationViolation => ({
  seq,
  occurredOn,
  deservedForm,
  specialArea,
});
const one = (kind: 'member' | 'org', x: LimitationViolation) => limitationEnds(kind, [x])[0] as LimitationEnd;

describe('addYears: cùng ngày dương lịch, 29/2 → 28/2 (domain.md §4)', () => {
  const rows: [string, number, string][] = [
    ['2020-03-15', 5, '2025-03-15'],
    ['2020-02-29', 5, '2025-02-28'],
    ['2020-02-29', 4, '2024-02-29'],
    ['2016-02-29', 10, '2026-02-28'],
    ['2019-12-31', 10, '2029-12-31'],
  ];
  it.each(rows)('%s + %i năm = %s', (from, n, expected) => expect(addYears(from, n)).toBe(expected));
});

describe('limitationEnds — thời hạn theo hình thức (Quy định 69-QĐ/TW, quy định về thời hiệu)', () => {
  const rows: [string, 'member' | 'org', LimitationViolation, string | null][] = [
    ['đảng viên, mức khiển trách: 5 năm', 'member', v(1, '2019-06-10', 'reprimand'), '2024-06-10'],
    ['đảng viên, mức cảnh cáo: 10 năm', 'member', v(1, '2019-06-10', 'warning'), '2029-06-10'],
    ['đảng viên, mức cách chức: 10 năm', 'member', v(1, '2019-06-10', 'removal'), '2029-06-10'],
    ['đảng viên, mức khai trừ: không áp dụng thời hiệu', 'member', v(1, '1990-01-01', 'expulsion'), null],
    ['tổ chức, mức khiển trách: 5 năm', 'org', v(1, '2018-01-31', 'reprimand'), '2023-01-31'],
    ['tổ chức, mức cảnh cáo: 10 năm', 'org', v(1, '2018-01-31', 'warning'), '2028-01-31'],
    ['tổ chức, mức giải tán: không áp dụng thời hiệu', 'org', v(1, '2000-01-31', 'dissolution'), null],
    ['vi phạm ngày 29/2, 5 năm: hết vào 28/2', 'member', v(1, '2020-02-29', 'reprimand'), '2025-02-28'],
    ['vi phạm ngày 29/2, 10 năm rơi vào năm không nhuận: 28/2', 'org', v(1, '2016-02-29', 'warning'), '2026-02-28'],
    [
      'bảo vệ chính trị nội bộ: không thời hiệu dù mức khiển trách',
      'member',
      v(1, '2001-05-05', 'reprimand', 'political_protection'),
      null,
    ],
    ['quốc phòng: không thời hiệu', 'member', v(1, '2001-05-05', 'warning', 'defence'), null],
    ['an ninh (tổ chức): không thời hiệu', 'org', v(1, '2001-05-05', 'reprimand', 'security'), null],
    ['đối ngoại: không thời hiệu', 'member', v(1, '2001-05-05', 'reprimand', 'foreign_affairs'), null],
    ['văn bằng không hợp pháp (đảng viên): không thời hiệu', 'member', v(1, '2001-05-05', 'reprimand', 'unlawful_diploma'), null],
    [
      'văn bằng không hợp pháp chỉ áp dụng với đảng viên: tổ chức vẫn 5 năm',
      'org',
      v(1, '2001-05-05', 'reprimand', 'unlawful_diploma'),
      '2006-05-05',
    ],
  ];
  it.each(rows)('%s', (_name, kind, x, expected) => {
    const r = one(kind, x);
    expect(r.endsOn).toBe(expected);
    expect(r.restartedBySeq).toBeNull();
    expect(r.basis).toMatch(expected === null ? /Không áp dụng thời hiệu/ : /Quy định 69-QĐ\/TW, quy định về thời hiệu/);
  });
  it('giải thích nêu số năm và ngày hết', () => {
    expect(one('member', v(1, '2020-02-29', 'reprimand')).basis).toBe(
      'Vi phạm đến mức khiển trách: thời hiệu 5 năm (Quy định 69-QĐ/TW, quy định về thời hiệu), tính từ ngày 29/02/2020; hết thời hiệu sau ngày 28/02/2025.',
    );
  });
  it('hình thức không áp dụng cho loại đối tượng: báo lỗi', () => {
    expect(() => limitationEnds('org', [v(1, '2020-01-01', 'expulsion')])).toThrow(/không áp dụng cho tổ chức đảng/);
  });
});

describe('limitationEnds — tính lại thời hiệu khi có vi phạm mới (Quy định 69-QĐ/TW, quy định về thời hiệu)', () => {
  it('vi phạm mới trong thời hiệu: tính lại từ vi phạm mới', () => {
    const [first, second] = limitationEnds('member', [v(1, '2015-03-01', 'reprimand'), v(2, '2019-07-20', 'warning')]);
    expect(first).toMatchObject({ endsOn: '2024-07-20', restartedBySeq: 2 });
    expect(first?.basis).toMatch(/tính lại từ vi phạm mới số 2 ngày 20\/07\/2019/);
    expect(second).toMatchObject({ endsOn: '2029-07-20', restartedBySeq: null });
  });
  it('vi phạm mới đúng ngày hết thời hiệu vẫn tính lại', () => {
    const [first] = limitationEnds('member', [v(1, '2015-03-01', 'reprimand'), v(2, '2020-03-01', 'reprimand')]);
    expect(first).toMatchObject({ endsOn: '2025-03-01', restartedBySeq: 2 });
  });
  it('vi phạm mới sau ngày hết thời hiệu không làm sống lại thời hiệu', () => {
    const [first] = limitationEnds('member', [v(1, '2015-03-01', 'reprimand'), v(2, '2020-03-02', 'reprimand')]);
    expect(first).toMatchObject({ endsOn: '2020-03-01', restartedBySeq: null });
  });
  it('tính lại nối tiếp: mỗi vi phạm mới trong thời hiệu đã tính lại', () => {
    const r = limitationEnds('org', [v(3, '2023-01-01', 'reprimand'), v(1, '2014-05-05', 'reprimand'), v(2, '2018-12-31', 'reprimand')]);
    expect(r.map((x) => [x.seq, x.endsOn, x.restartedBySeq])).toEqual([
      [3, '2028-01-01', null],
      [1, '2028-01-01', 3],
      [2, '2028-01-01', 3],
    ]);
  });
  it('chuỗi bị đứt: vi phạm thứ ba sau khi đã hết thời hiệu lần tính lại', () => {
    const r = limitationEnds('member', [v(1, '2010-01-01', 'reprimand'), v(2, '2014-01-01', 'reprimand'), v(3, '2019-01-02', 'reprimand')]);
    expect(r[0]).toMatchObject({ endsOn: '2019-01-01', restartedBySeq: 2 });
  });
  it('vi phạm không có thời hiệu không bị ảnh hưởng bởi vi phạm mới', () => {
    const [first] = limitationEnds('member', [v(1, '2010-01-01', 'expulsion'), v(2, '2012-01-01', 'reprimand')]);
    expect(first).toMatchObject({ endsOn: null, restartedBySeq: null });
  });
});

describe('timeBarred — kết luận đúng ngày hết thời hiệu vẫn trong thời hiệu (domain.md §4)', () => {
  const rows: [string | null, string, boolean][] = [
    ['2025-02-28', '2025-02-27', false],
    ['2025-02-28', '2025-02-28', false],
    ['2025-02-28', '2025-03-01', true],
    [null, '2090-01-01', false],
  ];
  it.each(rows)('hết %s, kết luận %s → quá thời hiệu: %s', (endsOn, on, expected) => expect(timeBarred(endsOn, on)).toBe(expected));
});
