import { describe, expect, it } from 'vitest';
import { extensionFormSchema, preCongressFormSchema, screeningFormSchema } from './petitions.ts';

const base = { version: 1, sender: 'named', addressKnown: true, specific: true, verifiable: true };

function firstIssue(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const i = r.error?.issues[0];
  return i ? [i.path.join('.'), i.message] : null;
}

describe('screeningFormSchema — the officer states the facts, each error names its field in Vietnamese', () => {
  const rows: [string, Record<string, unknown>, [string, string] | null][] = [
    ['đủ thông tin', {}, null],
    ['người gửi không hợp lệ', { sender: 'unknown' }, ['sender', 'Cần chọn người gửi có tên, giấu tên hay mạo tên']],
    ['thiếu địa chỉ', { addressKnown: undefined }, ['addressKnown', 'Cần xác định có rõ địa chỉ người gửi hay không']],
    [
      'chứng cứ mới khi chưa có kết luận',
      { newEvidence: true },
      ['newEvidence', 'Chỉ xét chứng cứ mới khi vụ việc đã được kết luận trước đó'],
    ],
    ['chứng cứ mới sau kết luận', { newEvidence: true, concludedBefore: true }, null],
    ['bị ép buộc mà chưa rút đơn', { withdrawalCoerced: true }, ['withdrawalCoerced', 'Chỉ xét việc bị ép buộc khi người gửi đã rút đơn']],
    ['thiếu phiên bản', { version: undefined }, ['version', 'Thiếu phiên bản bản ghi']],
  ];
  it.each(rows)('%s', (_n, patch, issue) => {
    expect(firstIssue(screeningFormSchema.safeParse({ ...base, ...patch }))).toEqual(issue);
  });
  it('stores the note NFC', () => {
    const r = screeningFormSchema.parse({ ...base, note: 'Đơn gửi nhiều nơi'.normalize('NFD') });
    expect(r.note).toBe('Đơn gửi nhiều nơi'.normalize('NFC'));
  });
});

describe('extensionFormSchema and preCongressFormSchema', () => {
  it.each([
    [{ version: 1, workingDays: 0, reason: 'Vụ việc phức tạp' }, 'workingDays'],
    [{ version: 1, workingDays: 2.5, reason: 'Vụ việc phức tạp' }, 'workingDays'],
    [{ version: 1, workingDays: 30, reason: '' }, 'reason'],
  ])('refuses %j on %s', (v, field) => {
    expect(firstIssue(extensionFormSchema.safeParse(v))?.[0]).toBe(field);
  });
  it('accepts a valid extension', () => {
    expect(extensionFormSchema.safeParse({ version: 2, workingDays: 30, reason: 'Vụ việc phức tạp' }).success).toBe(true);
  });
  it('the congress date must be a real date', () => {
    expect(firstIssue(preCongressFormSchema.safeParse({ version: 1, congressOpensOn: '2026-02-30', relatedToCongress: true }))?.[0]).toBe(
      'congressOpensOn',
    );
  });
});
