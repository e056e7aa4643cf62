import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, powInput, solveChallenge } from '../../../../common/portal-pow.ts';
import { ProofOfWork } from './pow.ts';

function clock(start = 1_800_000_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

/** A counter that does NOT meet the difficulty, to prove the work is checked. */
function badSolution(challenge: string, bits: number): string {
  for (let i = 0; ; i++) {
    const d = createHash('sha256')
      .update(powInput(challenge, String(i)))
      .digest();
    if (leadingZeroBits(d) < bits) return String(i);
  }
}

describe('portal proof-of-work', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(Uint8Array.from([0x0f, 0]))).toBe(4);
    expect(leadingZeroBits(Uint8Array.from([0, 0]))).toBe(16);
  });

  it('accepts a browser-side solution once and refuses its replay', async () => {
    const c = clock();
    const pow = new ProofOfWork({ key: randomBytes(32), difficulty: 10, now: c.now });
    const ch = pow.issueChallenge();
    expect(ch.difficulty).toBe(10);
    const solution = await solveChallenge(ch.challenge, ch.difficulty);
    expect(pow.verifySolution(ch.challenge, solution)).toEqual({ ok: true });
    expect(pow.verifySolution(ch.challenge, solution)).toEqual({ ok: false, reason: 'replayed' });
  });

  it('refuses a solution with too little work, without using up the challenge', async () => {
    const pow = new ProofOfWork({ key: randomBytes(32), difficulty: 8 });
    const ch = pow.issueChallenge();
    expect(pow.verifySolution(ch.challenge, badSolution(ch.challenge, 8))).toEqual({ ok: false, reason: 'insufficient' });
    expect(pow.verifySolution(ch.challenge, await solveChallenge(ch.challenge, 8))).toEqual({ ok: true });
  });

  it('refuses an expired challenge', async () => {
    const c = clock();
    const pow = new ProofOfWork({ key: randomBytes(32), difficulty: 6, ttlMs: 60_000, now: c.now });
    const ch = pow.issueChallenge();
    const solution = await solveChallenge(ch.challenge, 6);
    c.t += 60_000;
    expect(pow.verifySolution(ch.challenge, solution)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a forged challenge: lowered difficulty, extended expiry, another key', async () => {
    const key = randomBytes(32);
    const pow = new ProofOfWork({ key, difficulty: 12 });
    const [p, nonce, , expires, mac] = pow.issueChallenge().challenge.split('.');
    const easier = [p, nonce, '1', expires, mac].join('.');
    expect(pow.verifySolution(easier, await solveChallenge(easier, 1))).toEqual({ ok: false, reason: 'forged' });
    const later = [p, nonce, '12', String(Number(expires) + 3_600_000), mac].join('.');
    expect(pow.verifySolution(later, await solveChallenge(later, 12))).toEqual({ ok: false, reason: 'forged' });
    const foreign = new ProofOfWork({ key: randomBytes(32), difficulty: 6 }).issueChallenge().challenge;
    expect(pow.verifySolution(foreign, await solveChallenge(foreign, 6))).toEqual({ ok: false, reason: 'forged' });
    expect(pow.verifySolution('p1.x', '1')).toEqual({ ok: false, reason: 'malformed' });
    expect(pow.verifySolution(pow.issueChallenge().challenge, 'abc')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('forgets solved challenges once expired, and refuses new ones when its memory is full', async () => {
    const c = clock();
    const pow = new ProofOfWork({ key: randomBytes(32), difficulty: 4, ttlMs: 1000, maxRemembered: 2, now: c.now });
    for (let i = 0; i < 2; i++) {
      const ch = pow.issueChallenge();
      expect(pow.verifySolution(ch.challenge, await solveChallenge(ch.challenge, 4)).ok).toBe(true);
    }
    const third = pow.issueChallenge();
    expect(pow.verifySolution(third.challenge, await solveChallenge(third.challenge, 4))).toEqual({ ok: false, reason: 'busy' });
    c.t += 1000;
    const fresh = pow.issueChallenge();
    expect(pow.verifySolution(fresh.challenge, await solveChallenge(fresh.challenge, 4))).toEqual({ ok: true });
    expect(pow.remembered).toBe(1);
  });
});
