import { describe, expect, it } from 'vitest';
import type { DisciplineForm } from '../../../../common/discipline.ts';
import { type Ballot, BallotError, ballotOutcome, votesNeeded } from './ballot.ts';

const more = { num: 1, den: 2, strict: true };
const twoThirds = { num: 2, den: 3, strict: false };

describe('votesNeeded (Quy định 69-QĐ/TW, Điều 15: trên một nửa; khai trừ ít nhất hai phần ba)', () => {
  const rows: [number, number, number][] = [
    // official, > half, ≥ 2/3
    [1, 1, 1],
    [3, 2, 2],
    [4, 3, 3],
    [9, 5, 6],
    [10, 6, 7],
    [12, 7, 8],
    [13, 7, 9],
    [25, 13, 17],
  ];
  it.each(rows)('%i thành viên chính thức: trên một nửa = %i, hai phần ba = %i', (n, half, third) => {
    expect(votesNeeded(n, more)).toBe(half);
    expect(votesNeeded(n, twoThirds)).toBe(third);
  });
});

const b = (form: DisciplineForm, votes: number): Ballot => ({ form, votes });

describe('ballotOutcome — ngưỡng và người vắng mặt (Quy định 69-QĐ/TW, Điều 15)', () => {
  const rows: [string, number, number, Ballot[], DisciplineForm | null][] = [
    ['9 chính thức, 7 có mặt: cảnh cáo 5 phiếu đạt (trên một nửa của 9)', 9, 7, [b('warning', 5)], 'warning'],
    ['9 chính thức, 7 có mặt: cảnh cáo 4 phiếu không đạt dù là đa số người có mặt', 9, 7, [b('warning', 4), b('reprimand', 0)], null],
    ['9 chính thức, 6 có mặt: khai trừ 6 phiếu đạt (đúng hai phần ba)', 9, 6, [b('expulsion', 6)], 'expulsion'],
    ['9 chính thức, 7 có mặt: khai trừ 5 phiếu không đạt, dồn xuống cảnh cáo', 9, 7, [b('expulsion', 5), b('warning', 2)], 'warning'],
    ['10 chính thức: khiển trách 5 phiếu là đúng một nửa — không đạt', 10, 10, [b('reprimand', 5)], null],
    ['10 chính thức: khiển trách 6 phiếu đạt', 10, 8, [b('reprimand', 6)], 'reprimand'],
    ['12 chính thức: khai trừ 8 phiếu đạt (hai phần ba)', 12, 12, [b('expulsion', 8), b('removal', 4)], 'expulsion'],
    ['12 chính thức: khai trừ 7 phiếu không đạt, cách chức 7+2 đạt', 12, 11, [b('expulsion', 7), b('removal', 2)], 'removal'],
    ['tổ chức đảng: giải tán trên một nửa (5/9)', 9, 9, [b('dissolution', 5), b('warning', 4)], 'dissolution'],
    ['tổ chức đảng: giải tán 4/9 không đạt, dồn xuống cảnh cáo 4+3', 9, 9, [b('dissolution', 4), b('warning', 3)], 'warning'],
  ];
  it.each(rows)('%s', (_name, officialMembers, present, ballots, expected) => {
    expect(ballotOutcome({ officialMembers, present, ballots }).form).toBe(expected);
  });
});

describe('ballotOutcome — tính dồn từ hình thức nặng nhất (domain.md §4, Quy định 69-QĐ/TW, Điều 15)', () => {
  it('phiếu khai trừ và cách chức cộng dồn cho cảnh cáo, khiển trách', () => {
    const r = ballotOutcome({
      officialMembers: 9,
      present: 9,
      ballots: [b('expulsion', 2), b('removal', 1), b('warning', 1), b('reprimand', 3)],
    });
    expect(r.perForm.map((c) => [c.form, c.support, c.needed, c.reached])).toEqual([
      ['expulsion', 2, 6, false],
      ['removal', 3, 5, false],
      ['warning', 4, 5, false],
      ['reprimand', 7, 5, true],
    ]);
    expect(r.form).toBe('reprimand');
    expect(r.explanation).toContain('Khiển trách: 3 phiếu + 4 phiếu hình thức nặng hơn = 7');
    expect(r.explanation).toContain('vắng mặt: 0');
  });
  it('chỉ các hình thức đưa ra biểu quyết mới là kết quả: cách chức không có trong phiếu thì bỏ qua', () => {
    // 9 official, 7 present; expulsion 5 (< 6) flows down past removal (not on the ballot) to warning: 5 + 0 = 5 ≥ 5.
    const r = ballotOutcome({ officialMembers: 9, present: 7, ballots: [b('warning', 0), b('expulsion', 5)] });
    expect(r.perForm.map((c) => c.form)).toEqual(['expulsion', 'warning']);
    expect(r.form).toBe('warning');
    expect(r.explanation).toMatch(/Kết quả: cảnh cáo/);
  });
  it('cùng số phiếu nhưng có cách chức trong phiếu: cách chức đạt trước cảnh cáo', () => {
    const r = ballotOutcome({ officialMembers: 9, present: 7, ballots: [b('expulsion', 5), b('removal', 0), b('warning', 2)] });
    expect(r.form).toBe('removal');
  });
  it('không hình thức nào đạt: không kỷ luật, có giải thích', () => {
    const r = ballotOutcome({ officialMembers: 9, present: 4, ballots: [b('expulsion', 4)] });
    expect(r.form).toBeNull();
    expect(r.perForm.every((c) => !c.reached)).toBe(true);
    expect(r.explanation).toMatch(/không thi hành kỷ luật/);
  });
  it('ngưỡng cấu hình được: khai trừ trên một nửa', () => {
    const r = ballotOutcome({ officialMembers: 9, present: 9, ballots: [b('expulsion', 5)], thresholds: { expulsion: more } });
    expect(r.form).toBe('expulsion');
  });
});

describe('ballotOutcome — số liệu không hợp lệ', () => {
  const rows: [string, number, number, Ballot[], string, RegExp][] = [
    ['tổng phiếu lớn hơn số có mặt', 9, 7, [b('warning', 5), b('reprimand', 3)], 'ballots', /vượt quá số người có mặt/],
    ['có mặt nhiều hơn thành viên chính thức', 9, 10, [b('warning', 5)], 'present', /không thể lớn hơn/],
    ['không có thành viên', 0, 0, [b('warning', 0)], 'officialMembers', /số nguyên dương/],
    ['phiếu âm', 9, 9, [b('warning', -1)], 'ballots.0.votes', /không âm/],
    ['phiếu lẻ', 9, 9, [b('warning', 1.5)], 'ballots.0.votes', /số nguyên/],
    ['một hình thức ghi hai lần', 9, 9, [b('warning', 1), b('warning', 2)], 'ballots.1.form', /hai lần/],
    ['không có hình thức nào', 9, 9, [], 'ballots', /ít nhất một hình thức/],
    ['trộn hình thức tổ chức và đảng viên', 9, 9, [b('dissolution', 1), b('expulsion', 1)], 'ballots', /tổ chức đảng/],
  ];
  it.each(rows)('%s', (_name, officialMembers, present, ballots, field, message) => {
    try {
      ballotOutcome({ officialMembers, present, ballots });
      expect.unreachable('phải báo lỗi');
    } catch (e) {
      expect(e).toBeInstanceOf(BallotError);
      expect((e as BallotError).field).toBe(field);
      expect((e as BallotError).message).toMatch(message);
    }
  });
});
