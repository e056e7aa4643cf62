// Proof-of-work for the citizen portal, the half shared by the browser and the server: the client
// finds a counter such that SHA-256("<challenge>:<counter>") starts with `difficulty` zero bits
// (hashcash). The server issues and checks challenges (server/src/platform/portal/pow.ts); the
// portal page calls solveChallenge before it submits a petition or a status look-up.

/** Leading zero bits of a digest. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const b of bytes) {
    if (b === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(b) - 24;
  }
  return bits;
}

export function powInput(challenge: string, counter: string): string {
  return `${challenge}:${counter}`;
}

/**
 * Finds a solution with Web Crypto (browsers and Node alike). Yields to the event loop every so often so
 * a page stays responsive; `signal` lets the page give up. About 2^difficulty hashes on average.
 */
export async function solveChallenge(challenge: string, difficulty: number, signal?: AbortSignal): Promise<string> {
  const encoder = new TextEncoder();
  for (let counter = 0; counter < Number.MAX_SAFE_INTEGER; counter++) {
    if (counter % 2048 === 0) {
      signal?.throwIfAborted();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const digest = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(powInput(challenge, String(counter))));
    if (leadingZeroBits(new Uint8Array(digest)) >= difficulty) return String(counter);
  }
  throw new Error('Không tìm được lời giải');
}
