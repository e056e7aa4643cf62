import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { portalKeys } from './keys.ts';
import { newReceipt, normaliseReceiptCode, normaliseReceiptSecret, receiptCodeHash, verifyReceipt } from './receipt.ts';

const key = portalKeys({ indexKey: randomBytes(32) }).receipt;

describe('receipt code and secret (issue #6: a follow-up needs both)', () => {
  it('gives a 16-digit code grouped 4-4-4-4 and a 130-bit secret, both verifying', () => {
    const { receipt, stored } = newReceipt(key);
    expect(receipt.code).toMatch(/^[1-9]\d{3} \d{4} \d{4} \d{4}$/);
    expect(receipt.secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}-[0-9A-HJKMNP-TV-Z]$/);
    expect(stored.codeHash.length).toBe(32);
    expect(verifyReceipt(key, stored, receipt.code, receipt.secret)).toBe(true);
    // As a person types it: no spaces, lower case, O for 0 and l for 1.
    const typed = receipt.secret.replaceAll('-', '').toLowerCase().replaceAll('0', 'o').replaceAll('1', 'l');
    expect(verifyReceipt(key, stored, receipt.code.replaceAll(' ', '-'), typed)).toBe(true);
  });

  it('refuses the right code with a wrong secret, and the right secret with another code', () => {
    const a = newReceipt(key);
    const b = newReceipt(key);
    expect(verifyReceipt(key, a.stored, a.receipt.code, b.receipt.secret)).toBe(false);
    expect(verifyReceipt(key, a.stored, b.receipt.code, a.receipt.secret)).toBe(false);
    expect(verifyReceipt(key, a.stored, a.receipt.code, '')).toBe(false);
    expect(verifyReceipt(key, a.stored, 'abc', a.receipt.secret)).toBe(false);
  });

  it('stores nothing from which the code or secret can be read, and another server key verifies nothing', () => {
    const { receipt, stored } = newReceipt(key);
    const digits = receipt.code.replaceAll(' ', '');
    expect(stored.codeHash.toString('hex')).not.toContain(digits);
    expect(receiptCodeHash(key, receipt.code)?.equals(stored.codeHash)).toBe(true);
    const other = portalKeys({ indexKey: randomBytes(32) }).receipt;
    expect(verifyReceipt(other, stored, receipt.code, receipt.secret)).toBe(false);
  });

  it('tells a mistyped code (check digit) from a well-formed one', () => {
    const { receipt } = newReceipt(key);
    const digits = receipt.code.replaceAll(' ', '');
    expect(normaliseReceiptCode(receipt.code)).toBe(digits);
    const last = Number(digits[15]);
    expect(normaliseReceiptCode(digits.slice(0, 15) + String((last + 1) % 10))).toBeNull();
    // Swapping two different adjacent digits is caught by the Luhn digit too.
    const i = [...digits.slice(0, 14)].findIndex((c, j) => c !== digits[j + 1]);
    if (i >= 0) {
      const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
      expect(normaliseReceiptCode(swapped)).toBeNull();
    }
    expect(receiptCodeHash(key, '1234')).toBeNull();
    expect(normaliseReceiptSecret('U'.repeat(26))).toBeNull();
  });

  it('draws different codes each time (1.000 receipts, no repeat)', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newReceipt(key).receipt.code));
    expect(codes.size).toBe(1000);
  });
});
