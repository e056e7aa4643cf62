// Password hashing (argon2id) and the policy: at least 12 characters, not a common password.
import { randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from '../../../../common/auth.ts';

// OWASP's argon2id baseline (m = 19 MiB, t = 2, p = 1). Algorithm 2 = Argon2id.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Common passwords (the zxcvbn list) plus local ones users of this field pick. */
const LOCAL_COMMON = [
  'matkhau',
  'matkhau123',
  'dangcongsan',
  'dangvien',
  'kiemtra',
  'giamsat',
  'ubkt',
  'ktgs',
  'vietnam',
  'hochiminh',
  'hanoi',
  'saigon',
  'admin',
  'administrator',
  'quantri',
  'abc123',
  'changeme',
  'welcome',
];
const COMMON = new Set<string>([...(dictionary['passwords-common'] as string[]), ...LOCAL_COMMON]);

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();
}

/** Returns a Vietnamese reason why the password is refused, or null if it is acceptable. */
export function passwordProblem(password: string, username?: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`;
  const f = fold(password);
  // "Password2025!" and "matkhau@123456" are the common word with digits and symbols around it.
  const core = f.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (COMMON.has(f) || COMMON.has(f.replace(/\s+/g, '')) || (core.length > 0 && COMMON.has(core))) {
    return 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.';
  }
  if (/^(.)\1+$/.test(f) || /^\d+$/.test(f)) return 'Mật khẩu không được chỉ gồm chữ số hoặc một ký tự lặp lại.';
  if (username && username.length >= 3 && f.includes(fold(username))) {
    return 'Mật khẩu không được chứa tên đăng nhập.';
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// A hash that verifies nothing, used so that unknown usernames cost the same time as known ones.
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/** A random one-time password: 16 characters from an alphabet without look-alikes (about 90 bits). */
export function generateOneTimePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  let out = '';
  for (let i = 0; i < 16; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}
