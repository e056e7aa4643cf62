// The proof-of-work a submission and a status look-up carry (common/portal-pow.ts): fetch a challenge,
// solve it in the page, and let the citizen see it running and give up. Solving is a few seconds of the
// phone's work, asked so that sending letters or guessing codes in bulk costs a robot the same each time.
import { useCallback, useEffect, useRef, useState } from 'react';
import { solveChallenge } from '../../../common/portal-pow.ts';
import { ApiError } from '../api/client.ts';
import { portalApi } from '../api/portal.ts';

export interface PowSolution {
  challenge: string;
  nonce: string;
}

/** True for the error a cancelled solve (or a page left meanwhile) throws: nothing to report. */
export const isAborted = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

export function useProofOfWork() {
  const [solving, setSolving] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (!solving) return;
    const started = Date.now();
    setSeconds(0);
    const t = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(t);
  }, [solving]);

  const solve = useCallback(async (action: 'submit' | 'status'): Promise<PowSolution> => {
    // Web Crypto exists only on a secure page (https, or this machine itself).
    if (!globalThis.crypto?.subtle) {
      throw new ApiError(
        0,
        'insecure',
        'Trình duyệt chỉ cho phép xác minh trên kết nối an toàn (https). Vui lòng mở cổng bằng địa chỉ https.',
      );
    }
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    setSolving(true);
    try {
      const c = await portalApi.challenge(action, ac.signal);
      const nonce = await solveChallenge(c.challenge, c.difficulty, ac.signal);
      return { challenge: c.challenge, nonce };
    } finally {
      if (controller.current === ac) controller.current = null;
      setSolving(false);
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { solve, cancel, solving, seconds };
}
