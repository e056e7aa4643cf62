// When a deadline calls for a notice, counted in working days (domain.md §3 and §10; Bộ luật Lao động
// 2019, Điều 112 for the holidays; the recorded official schedule wins).
import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../../../common/dates.ts';
import { DEFAULTS_ONLY, type WorkCalendar } from '../../domain/calendar/workdays.ts';
import { dueStateOf } from '../remediation/due.ts';
import { dedupeKey, remediationText, stageOf } from './reminder-plan.ts';

describe('stageOf (domain.md §3: warned before they fall due, escalated when they pass)', () => {
  it.each([
    // today, due, warn days, expected
    ['2026-02-09', '2026-02-24', 5, null], // 6 working days: Tết 16–20/02/2026 (Điều 112) and weekends skipped
    ['2026-02-10', '2026-02-24', 5, 'before'], // 5 working days although 14 calendar days
    ['2026-02-24', '2026-02-24', 5, 'due'],
    ['2026-02-25', '2026-02-24', 5, 'overdue'],
    // Giỗ Tổ on Sunday 26/04/2026 gives Monday 27/04 off (nghỉ bù); 30/4 and 1/5 are off: from Friday
    // 24/04 the working days up to Monday 04/05 are 28/04, 29/04 and 04/05.
    ['2026-04-24', '2026-05-04', 2, null],
    ['2026-04-24', '2026-05-04', 3, 'before'],
    ['2026-11-20', '2026-11-23', 0, null], // no warning window: only the day itself and after
    ['2026-11-21', '2026-11-21', 0, 'due'],
  ] as const)('today %s, due %s, warning %i working days → %s', (today, due, warn, expected) => {
    expect(stageOf(today, due, warn, DEFAULTS_ONLY)).toBe(expected);
  });

  it('follows the recorded schedule: an extra day off brings the warning a day earlier', () => {
    const recorded: WorkCalendar = { daysOff: ['2026-02-12'], workingDays: [] };
    expect(stageOf('2026-02-09', '2026-02-24', 5, DEFAULTS_ONLY)).toBeNull();
    expect(stageOf('2026-02-09', '2026-02-24', 5, recorded)).toBe('before');
  });
});

describe('due state of lists (overdue red, due within the window orange)', () => {
  it.each([
    ['open', '2026-03-01', 'overdue'],
    ['open', '2026-03-02', 'due_soon'],
    ['open', '2026-03-09', 'due_soon'],
    ['open', '2026-03-10', 'on_track'],
    ['done', '2026-03-01', null],
    ['cancelled', '2026-03-01', null],
  ] as const)('%s item due %s on 02/03/2026 (window to 09/03) → %s', (status, due, expected) => {
    expect(dueStateOf(status, due, '2026-03-02', '2026-03-09')).toBe(expected);
  });

  it('takes today in Vietnam (UTC+7): 23:30 UTC is already the next day in Hà Nội', () => {
    expect(todayInVietnam(new Date('2026-02-16T16:59:59Z'))).toBe('2026-02-16');
    expect(todayInVietnam(new Date('2026-02-16T17:00:00Z'))).toBe('2026-02-17');
  });
});

describe('notice texts', () => {
  it('keys a notice by record, stage and due date, so a moved deadline warns again', () => {
    expect(dedupeKey('rem', 'a', 'before', '2026-02-24')).not.toBe(dedupeKey('rem', 'a', 'before', '2026-03-03'));
  });

  it('says only the case code for a marked record (Luật Bảo vệ bí mật nhà nước 2018)', () => {
    const base = {
      caseCode: '12-KT/UBKT',
      caseSubject: 'Đồng chí A',
      requirement: 'Nộp lại 1.650.000 đồng',
      ownerName: 'Đồng chí A',
      dueOn: '2026-02-24',
      workingDaysLeft: 0,
    };
    expect(remediationText('overdue', { ...base, secrecy: 0 }).body).toContain('Nộp lại');
    const marked = remediationText('escalation', { ...base, secrecy: 1 });
    expect(marked.body).not.toContain('Nộp lại');
    expect(marked.title).not.toContain('Đồng chí A');
  });
});
