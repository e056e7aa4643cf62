// A petition's receipt: a 16-digit code a citizen can read out over the telephone (15 random digits
// and a Luhn check digit, so a mistyped code is told apart from a wrong one) and a separate secret of
// 130 bits (26 Crockford base32 characters), shown once. A follow-up needs both.
//
// Stored: the code's look-up hash and the secret's verifier, both HMAC-SHA-256 under a server key
// (portalKeys). Why not argon2id: the secret alone has 130 bits, so no offline guessing can succeed
// whatever the hash's speed, and the key is outside the database, so a stolen copy of the table does
// not even allow testing guesses of the 50-bit code. Online guessing is what remains, and that is
// slowed by the portal's throttle (exponential delay per address and per code) and proof-of-work, not
// by a slow hash that would hand an attacker a cheap way to burn the server's two cores.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export interface Receipt {
  /** 16 digits grouped 4-4-4-4, e.g. "4821 0937 5512 0648". */
  code: string;
  /** 26 Crockford base32 characters grouped by 5 (hyphens), shown to the citizen once. */
  secret: string;
}

export interface StoredReceipt {
  /** HMAC of the normalised code: the column to look a petition up by (unique index). */
  codeHash: Buffer;
  /** HMAC of the code and the normalised secret together. */
  secretHash: Buffer;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SECRET_CHARS = 26;

function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The code's 16 digits (spaces, dots and hyphens dropped), or null when it is not a well-formed code. */
export function normaliseReceiptCode(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^\d{16}$/.test(digits)) return null;
  return luhnCheckDigit(digits.slice(0, 15)) === Number(digits[15]) ? digits : null;
}

/** The secret in canonical form: upper case, no separators, Crockford's look-alikes folded (O→0, I/L→1). */
export function normaliseReceiptSecret(input: string): string | null {
  const s = input.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return s.length === SECRET_CHARS && [...s].every((c) => CROCKFORD.includes(c)) ? s : null;
}

function group(s: string, size: number, sep: string): string {
  return s.match(new RegExp(`.{1,${size}}`, 'g'))?.join(sep) ?? s;
}

export function newReceipt(key: Buffer): { receipt: Receipt; stored: StoredReceipt } {
  let digits = '';
  // The first digit is never 0, so a spreadsheet or a telephone keypad does not drop it.
  digits += String(1 + randomInt(9));
  for (let i = 1; i < 15; i++) digits += String(randomInt(10));
  digits += String(luhnCheckDigit(digits));
  let secret = '';
  for (let i = 0; i < SECRET_CHARS; i++) secret += CROCKFORD[randomInt(32)];
  return {
    receipt: { code: group(digits, 4, ' '), secret: group(secret, 5, '-') },
    stored: { codeHash: codeVerifier(key, digits), secretHash: secretVerifier(key, digits, secret) },
  };
}

/** The look-up hash of a code as typed, or null if it is not a well-formed code (nothing to look up). */
export function receiptCodeHash(key: Buffer, code: string): Buffer | null {
  const digits = normaliseReceiptCode(code);
  return digits ? codeVerifier(key, digits) : null;
}

function codeVerifier(key: Buffer, digits: string): Buffer {
  return createHmac('sha256', key).update(`code:${digits}`).digest();
}

function secretVerifier(key: Buffer, digits: string, secret: string): Buffer {
  return createHmac('sha256', key).update(`secret:${digits}:${secret}`).digest();
}

/**
 * True only when both the code and the secret match the stored receipt. The comparisons are constant
 * time, and a malformed secret still costs one HMAC, so timing tells nothing about which part failed.
 */
export function verifyReceipt(key: Buffer, stored: StoredReceipt, code: string, secret: string): boolean {
  if (stored.codeHash.length !== 32 || stored.secretHash.length !== 32) return false;
  const digits = normaliseReceiptCode(code) ?? '0'.repeat(16);
  const canon = normaliseReceiptSecret(secret) ?? '';
  const codeOk = timingSafeEqual(codeVerifier(key, digits), stored.codeHash);
  const secretOk = timingSafeEqual(secretVerifier(key, digits, canon), stored.secretHash);
  return codeOk && secretOk && canon !== '';
}
