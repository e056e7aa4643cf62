// Keys of the citizen portal, derived from the keyring's blind-index key (which never changes once
// data exist, unlike the data keys that rotate): receipt look-ups and secret verifiers must stay
// valid for the life of a petition, so they cannot hang off a rotating key.
import { hkdfSync } from 'node:crypto';
import type { Keyring } from '../crypto.ts';

export interface PortalKeys {
  /** HMAC key for the receipt code's look-up hash and the secret's verifier. */
  receipt: Buffer;
  /** HMAC key that signs proof-of-work challenges. */
  challenge: Buffer;
}

function derive(ikm: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), label, 32));
}

export function portalKeys(ring: Pick<Keyring, 'indexKey'>): PortalKeys {
  return { receipt: derive(ring.indexKey, 'ktgs-portal-receipt-v1'), challenge: derive(ring.indexKey, 'ktgs-portal-pow-v1') };
}
