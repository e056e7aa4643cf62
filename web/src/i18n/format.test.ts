import { describe, expect, it } from 'vitest';
import { formatDate, formatDateLong, formatDateTime, formatNumber } from './format.ts';

describe('Vietnamese formatting', () => {
  it('writes long dates as documents do (Nghị định 30/2020: leading zero for days < 10, months < 3)', () => {
    expect(formatDateLong('2025-11-11')).toBe('ngày 11 tháng 11 năm 2025');
    expect(formatDateLong('2025-02-05')).toBe('ngày 05 tháng 02 năm 2025');
    expect(formatDateLong('2025-03-09')).toBe('ngày 09 tháng 3 năm 2025');
  });

  it('shows instants in Asia/Ho_Chi_Minh whatever the machine time zone', () => {
    expect(formatDateTime('2025-11-11T07:05:00Z')).toBe('11/11/2025 14:05');
    expect(formatDateTime('2025-12-31T17:30:00Z')).toBe('01/01/2026 00:30');
    expect(formatDate('2025-12-31T17:30:00Z')).toBe('01/01/2026');
    expect(formatDateLong('2025-12-31T17:30:00Z')).toBe('ngày 01 tháng 01 năm 2026');
  });

  it('takes a calendar date as is and tolerates empty or bad input', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });

  it('groups thousands with a dot', () => {
    expect(formatNumber(1650)).toBe('1.650');
    expect(formatNumber(5_600_000)).toBe('5.600.000');
    expect(formatNumber(0)).toBe('0');
  });
});
