import { describe, expect, it } from 'vitest';
import { generateOneTimePassword, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

describe('password policy', () => {
  it.each([
    ['ngắn quá', /12 ký tự/],
    ['password1234', /phổ biến/],
    ['Password2025!', /phổ biến/],
    ['matkhau@123456', /phổ biến/],
    ['qwerty123456', /phổ biến/],
    ['111111111111', /chữ số/],
    ['nguyenvana-2026-xyz', /tên đăng nhập/],
  ])('refuses %s', (pw, reason) => {
    expect(passwordProblem(pw, 'nguyenvana')).toMatch(reason);
  });

  it('accepts a long passphrase, counting Vietnamese letters as one character each', () => {
    expect(passwordProblem('Sông Lam xanh mãi 1930')).toBeNull();
    expect(passwordProblem('ĐảngViênTốt1')).toBeNull();
  });
});

describe('argon2id hashing', () => {
  it('verifies the right password only and names the algorithm', async () => {
    const h = await hashPassword('Sông Lam xanh mãi 1930');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'Sông Lam xanh mãi 1930')).toBe(true);
    expect(await verifyPassword(h, 'Sông Lam xanh mãi 1931')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('makes one-time passwords that pass the policy and differ', () => {
    const a = generateOneTimePassword();
    expect(a).toHaveLength(16);
    expect(passwordProblem(a)).toBeNull();
    expect(generateOneTimePassword()).not.toBe(a);
  });
});
