import { describe, expect, it } from 'vitest';
import type { BodyType } from '../../../../common/cases.ts';
import type { DisciplineForm } from '../../../../common/discipline.ts';
import { DEFAULTS_ONLY } from '../calendar/workdays.ts';
import { EFFECT_DEFAULTS, effectEndsOn, effectiveOn, followUpTasks } from './effect.ts';

const dates = { announcedOn: '2025-11-20', signedOn: '2025-11-11' };

describe('effectiveOn (domain.md §4: chi bộ khiển trách, cảnh cáo có hiệu lực khi công bố; khác khi ký)', () => {
  const rows: [string, BodyType, DisciplineForm, string | null][] = [
    ['chi bộ khiển trách: ngày công bố', 'cell', 'reprimand', '2025-11-20'],
    ['chi bộ cảnh cáo: ngày công bố', 'cell', 'warning', '2025-11-20'],
    ['UBKT cảnh cáo: ngày ký', 'ubkt', 'warning', '2025-11-11'],
    ['ban thường vụ khai trừ: ngày ký', 'standing_committee', 'expulsion', '2025-11-11'],
    ['cấp ủy giải tán: ngày ký', 'committee', 'dissolution', '2025-11-11'],
  ];
  it.each(rows)('Quy định 69-QĐ/TW — %s', (_n, body, form, expected) => expect(effectiveOn(body, form, dates)).toBe(expected));
  it('chi bộ chưa công bố: chưa có hiệu lực (null)', () => {
    expect(effectiveOn('cell', 'warning', { announcedOn: null, signedOn: '2025-11-11' })).toBeNull();
  });
  it('cấu hình: mọi quyết định có hiệu lực khi ký', () => {
    expect(effectiveOn('cell', 'warning', dates, { ...EFFECT_DEFAULTS, cellLightOnAnnouncement: false })).toBe('2025-11-11');
  });
});

describe('effectEndsOn (domain.md §4: hết hiệu lực sau một năm kể từ ngày công bố, trừ khai trừ)', () => {
  const rows: [DisciplineForm, string, string | null][] = [
    ['reprimand', '2025-11-20', '2026-11-20'],
    ['warning', '2024-02-29', '2025-02-28'],
    ['removal', '2025-01-01', '2026-01-01'],
    ['expulsion', '2025-01-01', null],
    ['dissolution', '2025-01-01', null],
  ];
  it.each(rows)('Quy định 69-QĐ/TW — %s công bố %s → hết hiệu lực %s', (form, on, expected) =>
    expect(effectEndsOn(form, on)).toBe(expected),
  );
});

describe('followUpTasks (domain.md §4: trong 5 ngày — tính ngày làm việc)', () => {
  it('đảng viên: đề nghị kỷ luật hành chính và thông báo tổ chức đảng, hạn 5 ngày làm việc', () => {
    // Tuesday 11/11/2025 + 5 working days = Tuesday 18/11/2025.
    const tasks = followUpTasks('2025-11-11', 'member', DEFAULTS_ONLY);
    expect(tasks.map((t) => [t.kind, t.dueOn])).toEqual([
      ['administrative_discipline', '2025-11-18'],
      ['notify_member_org', '2025-11-18'],
    ]);
    expect(tasks[0]?.basis).toMatch(/5 ngày làm việc/);
  });
  it('quyết định trước Tết: hạn vượt qua kỳ nghỉ Tết (lịch mặc định 2026)', () => {
    // Friday 13/02/2026: Tết break 14–22/02 → the working days are 23, 24, 25, 26, 27/02.
    expect(followUpTasks('2026-02-13', 'member', DEFAULTS_ONLY)[0]?.dueOn).toBe('2026-02-27');
  });
  it('lịch đã ghi nhận thắng: thêm một ngày nghỉ bù làm lùi hạn', () => {
    const cal = { daysOff: ['2025-11-17'], workingDays: [] };
    expect(followUpTasks('2025-11-11', 'member', cal)[0]?.dueOn).toBe('2025-11-19');
  });
  it('tổ chức đảng: công bố quyết định', () => {
    expect(followUpTasks('2025-11-11', 'org', DEFAULTS_ONLY).map((t) => t.kind)).toEqual(['announce']);
  });
  it('cấu hình ngày lịch: 5 ngày lịch', () => {
    const config = { ...EFFECT_DEFAULTS, followUpWorkingDays: false };
    expect(followUpTasks('2025-11-11', 'member', DEFAULTS_ONLY, config)[0]?.dueOn).toBe('2025-11-16');
  });
});
