import { describe, expect, it } from 'vitest';
import type { PetitionStatus } from '../../../../common/petitions.ts';
import { DEFAULTS_ONLY } from '../calendar/workdays.ts';
import {
  clockStatus,
  extensionProblem,
  PETITION_DEADLINE_DEFAULTS,
  type PetitionDeadlineConfig,
  petitionDeadline,
  preCongressCheck,
} from './deadlines.ts';

// Default 2026 calendar: Tết 16–20/02 (with both weekends, 14–22/02), Giỗ Tổ moved to Mon 27/04, 30/04, 01/05.
// Counted by hand from Mon 02/02/2026: Feb 14, Mar 22 (36), Apr 20 (56), May 20 (76), Jun 1–18 14 (90).
const denunciation = { kind: 'denunciation', level: 'cell', receivedOn: '2026-02-02' } as const;

describe('petitionDeadline — tố cáo ở chi bộ, cơ sở: 90 ngày làm việc từ khi cấp có thẩm quyền nhận đơn, gia hạn một lần ≤ 30 (Quy định 296-QĐ/TW; domain.md §5)', () => {
  const d = petitionDeadline(denunciation, DEFAULTS_ONLY);
  it('90 working days across Tết, Giỗ Tổ and 30/4–1/5 → Thu 18/06/2026', () => expect(d.dueOn).toBe('2026-06-18'));
  it('without extension the base deadline is the deadline in force', () => expect(d.baseDueOn).toBe(d.dueOn));
  it('the longest extension (30) → Thu 30/07/2026', () => expect(d.latestDueOn).toBe('2026-07-30'));
  it('reminder 5 working days before: Thu 11/06/2026', () => expect(d.remindOn).toBe('2026-06-11'));
  it('escalation 5 working days after: Thu 25/06/2026 (configurable)', () => expect(d.escalateOn).toBe('2026-06-25'));
  it('the rule is marked confirmed and names its basis', () => {
    expect(d.rule).toMatchObject({ resolveWorkingDays: 90, maxExtensionWorkingDays: 30, confirmed: true });
    expect(d.rule.basis).toMatch(/Quy định 296-QĐ\/TW/);
  });
  it('an extension of 30 moves the deadline in force to the latest one', () => {
    expect(petitionDeadline({ ...denunciation, extensionWorkingDays: 30 }, DEFAULTS_ONLY).dueOn).toBe('2026-07-30');
  });
  it('refuses an extension over 30 rather than computing a date', () => {
    expect(() => petitionDeadline({ ...denunciation, extensionWorkingDays: 31 }, DEFAULTS_ONLY)).toThrow(/không quá 30/);
  });
  it('the recorded calendar wins: one more day off moves the deadline one working day', () => {
    expect(petitionDeadline(denunciation, { daysOff: ['2026-06-18'], workingDays: [] }).dueOn).toBe('2026-06-19');
  });
});

describe('petitionDeadline — the clock starts on a working day (domain.md §10)', () => {
  const small: PetitionDeadlineConfig = {
    ...PETITION_DEADLINE_DEFAULTS,
    rules: {
      ...PETITION_DEADLINE_DEFAULTS.rules,
      feedback: {
        ...PETITION_DEADLINE_DEFAULTS.rules.feedback,
        cell: { ...PETITION_DEADLINE_DEFAULTS.rules.feedback.cell, resolveWorkingDays: 10 },
      },
    },
  };
  const rows: [string, string, string, string][] = [
    ['received Fri 13/02/2026, the eve of Tết: day 1 is Mon 23/02', '2026-02-13', '2026-02-13', '2026-03-06'],
    ['received Sat 14/02/2026 during Tết: taken as received Mon 23/02', '2026-02-14', '2026-02-23', '2026-03-09'],
  ];
  it.each(rows)('%s', (_n, receivedOn, startOn, dueOn) => {
    const d = petitionDeadline({ kind: 'feedback', level: 'cell', receivedOn }, DEFAULTS_ONLY, small);
    expect([d.startOn, d.dueOn]).toEqual([startOn, dueOn]);
  });
});

describe('PETITION_DEADLINE_DEFAULTS — configurable defaults are stated and marked', () => {
  const rows: [
    string,
    'denunciation' | 'discipline_complaint' | 'recommendation',
    'cell' | 'grassroots' | 'commune' | 'province' | 'central',
    number,
    boolean,
  ][] = [
    ['tố cáo, chi bộ', 'denunciation', 'cell', 90, true],
    ['tố cáo, đảng bộ cơ sở', 'denunciation', 'grassroots', 90, true],
    ['tố cáo, đảng bộ xã (cấu hình)', 'denunciation', 'commune', 90, false],
    ['tố cáo, tỉnh (cấu hình)', 'denunciation', 'province', 90, false],
    ['tố cáo, Trung ương (cấu hình, tham khảo Quyết định 164-QĐ/TW)', 'denunciation', 'central', 180, false],
    ['khiếu nại kỷ luật (cấu hình, như phân hệ kỷ luật)', 'discipline_complaint', 'commune', 90, false],
    ['kiến nghị (cấu hình)', 'recommendation', 'cell', 30, false],
  ];
  it.each(rows)('%s', (_n, kind, level, days, confirmed) => {
    const r = PETITION_DEADLINE_DEFAULTS.rules[kind][level];
    expect([r.resolveWorkingDays, r.confirmed]).toEqual([days, confirmed]);
    if (!confirmed) expect(r.basis).toMatch(/có thể cấu hình/);
  });
});

describe('extensionProblem — gia hạn một lần, không quá số ngày tối đa', () => {
  const rows: [string, number, boolean, RegExp | null][] = [
    ['30 ngày, lần đầu: được', 30, false, null],
    ['1 ngày: được', 1, false, null],
    ['31 ngày: quá mức', 31, false, /không quá 30 ngày làm việc/],
    ['0 ngày: không hợp lệ', 0, false, /số nguyên dương/],
    ['2,5 ngày: không hợp lệ', 2.5, false, /số nguyên dương/],
    ['gia hạn lần thứ hai', 10, true, /một lần/],
  ];
  it.each(rows)('%s', (_n, days, already, problem) => {
    const r = extensionProblem('denunciation', 'grassroots', days, already);
    if (problem) expect(r).toMatch(problem);
    else expect(r).toBeNull();
  });
});

describe('preCongressCheck — đơn nhận trong 25 ngày làm việc (cơ sở) / 30 (trên cơ sở) trước khai mạc đại hội chuyển cấp ủy khóa mới (Hướng dẫn 07-HD/UBKTTW)', () => {
  // Congress opens Mon 20/04/2026: 16/03 is 25 working days before it, 13/03 is 26, 09/03 is 30, 06/03 is 31.
  const rows: [string, string, string, 'grassroots' | 'cell' | 'commune', boolean, number | null][] = [
    ['cơ sở: 25 ngày làm việc trước → chuyển khóa mới', '2026-03-16', '2026-04-20', 'grassroots', true, 25],
    ['cơ sở: 26 ngày làm việc trước → giải quyết bình thường', '2026-03-13', '2026-04-20', 'grassroots', false, 26],
    ['chi bộ tính như cấp cơ sở', '2026-03-13', '2026-04-20', 'cell', false, 26],
    ['trên cơ sở: 26 ngày → chuyển khóa mới', '2026-03-13', '2026-04-20', 'commune', true, 26],
    ['trên cơ sở: 30 ngày → chuyển khóa mới', '2026-03-09', '2026-04-20', 'commune', true, 30],
    ['trên cơ sở: 31 ngày → giải quyết bình thường', '2026-03-06', '2026-04-20', 'commune', false, 31],
    // 38 calendar days, but only 21 working days across Tết 2026: inside the window.
    ['qua Tết: nhận 30/01, đại hội 09/03 → 21 ngày làm việc, chuyển khóa mới', '2026-01-30', '2026-03-09', 'grassroots', true, 21],
    ['qua Tết: nhận 23/01, đại hội 09/03 → 26 ngày làm việc, giải quyết bình thường', '2026-01-23', '2026-03-09', 'grassroots', false, 26],
    ['nhận đúng ngày khai mạc: không phải trước đại hội', '2026-04-20', '2026-04-20', 'grassroots', false, null],
    ['nhận sau đại hội', '2026-04-22', '2026-04-20', 'grassroots', false, null],
  ];
  it.each(rows)('%s', (_n, receivedOn, congressOpensOn, level, pass, before) => {
    const r = preCongressCheck({ receivedOn, congressOpensOn, level, relatedToCongress: true }, DEFAULTS_ONLY);
    expect(r.passToNewCommittee).toBe(pass);
    expect(r.workingDaysBeforeCongress).toBe(before);
    expect(r.reason).toMatch(pass ? /khóa mới/ : /thông thường|không thuộc/);
  });
  it('a letter unrelated to the congress keeps its ordinary deadline even inside the window', () => {
    const r = preCongressCheck(
      { receivedOn: '2026-03-16', congressOpensOn: '2026-04-20', level: 'grassroots', relatedToCongress: false },
      DEFAULTS_ONLY,
    );
    expect(r).toMatchObject({ passToNewCommittee: false, workingDaysBeforeCongress: 25 });
  });
  it('the reason gives the opening day as dd/mm/yyyy', () => {
    const r = preCongressCheck(
      { receivedOn: '2026-03-16', congressOpensOn: '2026-04-20', level: 'grassroots', relatedToCongress: true },
      DEFAULTS_ONLY,
    );
    expect(r.reason).toContain('20/04/2026');
  });
});

describe('clockStatus — màu hạn trong hộp đơn: trong hạn, sắp đến hạn (5 ngày làm việc), quá hạn, đã báo cáo cấp trên', () => {
  const deadline = petitionDeadline(denunciation, DEFAULTS_ONLY); // due 18/06, remind 11/06, escalate 25/06
  const rows: [string, PetitionStatus, string, string, number | null][] = [
    ['6 ngày làm việc trước hạn: trong hạn', 'in_progress', '2026-06-10', 'on_track', 6],
    ['ngày nhắc hạn: sắp đến hạn', 'in_progress', '2026-06-11', 'due_soon', 5],
    ['đúng ngày hết hạn: sắp đến hạn, còn 0', 'accepted', '2026-06-18', 'due_soon', 0],
    ['một ngày sau hạn: quá hạn', 'in_progress', '2026-06-19', 'overdue', -1],
    ['thứ Bảy sau hạn: quá hạn 1 ngày làm việc', 'in_progress', '2026-06-20', 'overdue', -1],
    ['4 ngày làm việc sau hạn: quá hạn', 'in_progress', '2026-06-24', 'overdue', -4],
    ['5 ngày làm việc sau hạn: báo cáo cấp trên', 'in_progress', '2026-06-25', 'escalated', -5],
    ['đơn đang phân loại vẫn tính hạn', 'screening', '2026-06-19', 'overdue', -1],
    ['đã giải quyết: dừng tính hạn', 'resolved', '2026-07-30', 'stopped', null],
    ['đã chuyển đơn: dừng tính hạn', 'forwarded', '2026-07-30', 'stopped', null],
    ['rút đơn: dừng tính hạn', 'withdrawn', '2026-07-30', 'stopped', null],
  ];
  it.each(rows)('%s', (_n, status, today, state, left) => {
    expect(clockStatus({ status, deadline, today }, DEFAULTS_ONLY)).toEqual({ state, workingDaysLeft: left });
  });
  it('passed to the new committee: the old clock does not run', () => {
    expect(clockStatus({ status: 'accepted', deadline, today: '2026-07-30', passedToNewCommittee: true }, DEFAULTS_ONLY).state).toBe(
      'passed_to_new_committee',
    );
  });
});
