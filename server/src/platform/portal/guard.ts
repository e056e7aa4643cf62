// One object per server process holding the portal's intake defences, built from the keyring: what
// the petitions routes will receive (next session). The proof-of-work used-set and the throttle's
// counters live here, in memory, for the life of the process.
import type { Keyring } from '../crypto.ts';
import { portalKeys } from './keys.ts';
import { ProofOfWork } from './pow.ts';
import { PortalThrottle, type ThrottleOptions } from './throttle.ts';

export interface PortalGuard {
  pow: ProofOfWork;
  throttle: PortalThrottle;
  /** Key for newReceipt / receiptCodeHash / verifyReceipt. */
  receiptKey: Buffer;
}

export function createPortalGuard(
  ring: Pick<Keyring, 'indexKey'>,
  o: { powDifficulty?: number; throttle?: ThrottleOptions } = {},
): PortalGuard {
  const keys = portalKeys(ring);
  return {
    pow: new ProofOfWork({ key: keys.challenge, difficulty: o.powDifficulty }),
    throttle: new PortalThrottle(o.throttle),
    receiptKey: keys.receipt,
  };
}
