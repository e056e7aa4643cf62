import { describe, expect, it } from 'vitest';
import { type PostponementFacts, postponement } from './postponement.ts';

describe('postponement (Quy định 69-QĐ/TW: chưa xem xét kỷ luật; domain.md §4)', () => {
  const rows: [string, PostponementFacts, string, boolean, string | null, RegExp | null][] = [
    ['Quy định 69-QĐ/TW — không có hoàn cảnh đặc biệt: xem xét bình thường', {}, '2025-06-01', false, null, null],
    ['Quy định 69-QĐ/TW — đang mang thai: hoãn, chưa biết đến ngày nào', { pregnant: true }, '2025-06-01', true, null, /mang thai/],
    ['Quy định 69-QĐ/TW — đang nghỉ thai sản: hoãn', { onMaternityLeave: true }, '2025-06-01', true, null, /nghỉ thai sản/],
    [
      'Quy định 69-QĐ/TW — con 11 tháng: hoãn đến ngày con đủ 12 tháng',
      { childBornOn: '2024-07-15' },
      '2025-06-01',
      true,
      '2025-07-15',
      /dưới 12 tháng/,
    ],
    [
      'Quy định 69-QĐ/TW — ngày trước sinh nhật đầu tiên: vẫn hoãn',
      { childBornOn: '2024-07-15' },
      '2025-07-14',
      true,
      '2025-07-15',
      /15\/07\/2025/,
    ],
    ['Quy định 69-QĐ/TW — đúng sinh nhật đầu tiên: không hoãn', { childBornOn: '2024-07-15' }, '2025-07-15', false, null, null],
    [
      'Quy định 69-QĐ/TW — con sinh 29/2: đủ 12 tháng ngày 28/2 năm sau',
      { childBornOn: '2024-02-29' },
      '2025-02-27',
      true,
      '2025-02-28',
      /28\/02\/2025/,
    ],
    ['Quy định 69-QĐ/TW — con sinh 29/2, ngày 28/2 năm sau: không hoãn', { childBornOn: '2024-02-29' }, '2025-02-28', false, null, null],
    ['Quy định 69-QĐ/TW — bệnh nặng điều trị nội trú: hoãn', { seriouslyIllInHospital: true }, '2025-06-01', true, null, /bệnh nặng/],
    [
      'Quy định 69-QĐ/TW — nuôi con nhỏ và bệnh nặng: hoãn, không biết ngày',
      { childBornOn: '2025-01-01', seriouslyIllInHospital: true },
      '2025-06-01',
      true,
      null,
      /12 tháng.*bệnh nặng/,
    ],
    [
      'Quy định 69-QĐ/TW — không mang thai, không ốm (false): không hoãn',
      { pregnant: false, seriouslyIllInHospital: false, childBornOn: null },
      '2025-06-01',
      false,
      null,
      null,
    ],
  ];
  it.each(rows)('%s', (_name, facts, on, postpone, until, reason) => {
    const r = postponement(facts, on);
    expect(r.postpone).toBe(postpone);
    if (r.postpone) {
      expect(r.until).toBe(until);
      expect(r.reason).toMatch(reason as RegExp);
      expect(r.reason).toMatch(/Quy định 69-QĐ\/TW/);
    }
  });
  it('ngày sinh của con sau ngày xem xét: báo lỗi', () => {
    expect(() => postponement({ childBornOn: '2025-07-01' }, '2025-06-01')).toThrow(/không thể sau ngày xem xét/);
  });
});
