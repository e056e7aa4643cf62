// Counts down the server's back-off (429 with fields.retryAfterSeconds): the submit button shows the live wait,
// since the wait in the server's message is only true at the moment it was sent.
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';

export function useBackoff() {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (until === null) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [until]);

  /** Starts the count-down when `e` is a back-off answer. */
  const noteError = useCallback((e: unknown) => {
    if (!(e instanceof ApiError) || e.status !== 429) return;
    const secs = Number(e.fields.retryAfterSeconds ?? 0);
    if (secs > 0) {
      setUntil(Date.now() + secs * 1000);
      setNow(Date.now());
    }
  }, []);

  const waitSeconds = until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
  return { waitSeconds, noteError };
}
