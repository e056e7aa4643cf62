import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { solveChallenge } from '../../../../common/portal-pow.ts';
import { createPortalGuard } from './guard.ts';
import { portalKeys } from './keys.ts';
import { newReceipt, verifyReceipt } from './receipt.ts';

describe('portal guard', () => {
  it('derives stable keys from the index key: receipts outlive a restart, challenges do too', async () => {
    const ring = { indexKey: randomBytes(32) };
    const a = createPortalGuard(ring, { powDifficulty: 6 });
    const b = createPortalGuard(ring, { powDifficulty: 6 });
    const { receipt, stored } = newReceipt(a.receiptKey);
    expect(verifyReceipt(b.receiptKey, stored, receipt.code, receipt.secret)).toBe(true);
    // Separate keys per use: a receipt verifier is no proof-of-work signature, and the reverse.
    const k = portalKeys(ring);
    expect(k.receipt.equals(a.receiptKey)).toBe(true);
    expect(k.receipt.equals(k.challenge)).toBe(false);
    expect(k.receipt.equals(ring.indexKey)).toBe(false);
    const ch = a.pow.issueChallenge();
    expect(b.pow.verifySolution(ch.challenge, await solveChallenge(ch.challenge, 6))).toEqual({ ok: true });
    const other = createPortalGuard({ indexKey: randomBytes(32) }, { powDifficulty: 6 });
    expect(verifyReceipt(other.receiptKey, stored, receipt.code, receipt.secret)).toBe(false);
    expect(other.pow.verifySolution(ch.challenge, await solveChallenge(ch.challenge, 6))).toEqual({ ok: false, reason: 'forged' });
  });
});
