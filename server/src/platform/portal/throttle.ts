// Throttling of the citizen portal without keeping addresses: every counter is keyed by an HMAC of
// the client address under a key drawn at random each day (Vietnam time) and kept only in memory, so
// neither the database nor a memory dump of yesterday links a petition to an IP address. At the daily
// change of key the counters start afresh (their windows are minutes long; a failure streak restarts).
//
// Two limits per action (submission, status look-up): per address and overall, in fixed windows.
// Failed code+secret look-ups add an exponential delay, per address and per receipt code (so guessing
// one code from many addresses is slowed too).

import { createHmac, randomBytes } from 'node:crypto';
import { vietnamDateOf } from '../../../../common/dates.ts';

export type PortalAction = 'submit' | 'status';

export interface Limit {
  perAddress: number;
  overall: number;
  windowMs: number;
}

export interface ThrottleOptions {
  limits?: Partial<Record<PortalAction, Limit>>;
  /** First delay after a failed look-up; it doubles with each further failure, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Most distinct keys kept per table; beyond it the oldest windows are dropped first. */
  maxKeys?: number;
  now?: () => number;
}

export const DEFAULT_LIMITS: Record<PortalAction, Limit> = {
  submit: { perAddress: 5, overall: 300, windowMs: 60 * 60_000 },
  status: { perAddress: 30, overall: 3000, windowMs: 60 * 60_000 },
};

export type ThrottleResult = { ok: true } | { ok: false; retryAfterSec: number; scope: 'address' | 'overall' | 'failures' };

interface Window {
  start: number;
  count: number;
}
interface Failures {
  count: number;
  until: number;
}

export class PortalThrottle {
  private readonly limits: Record<PortalAction, Limit>;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  private day = '';
  private key: Buffer = Buffer.alloc(0);
  private readonly windows = new Map<string, Window>();
  private readonly failures = new Map<string, Failures>();

  constructor(o: ThrottleOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...o.limits };
    this.baseDelayMs = o.baseDelayMs ?? 1000;
    this.maxDelayMs = o.maxDelayMs ?? 15 * 60_000;
    this.maxKeys = o.maxKeys ?? 100_000;
    this.now = o.now ?? Date.now;
  }

  /** The day's pseudonym of an address (or of a receipt code): never stored, never logged. */
  pseudonym(kind: 'ip' | 'code', value: string): string {
    const day = vietnamDateOf(new Date(this.now()));
    if (day !== this.day) {
      this.day = day;
      this.key = randomBytes(32);
      this.windows.clear();
      this.failures.clear();
    }
    return createHmac('sha256', this.key).update(`${kind}:${value}`).digest('base64url');
  }

  private hit(key: string, limit: number, windowMs: number, now: number): number {
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      if (!w && this.windows.size >= this.maxKeys) this.evictOldest(this.windows);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    if (w.count >= limit) return Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
    w.count++;
    return 0;
  }

  private evictOldest(map: Map<string, unknown>) {
    // Maps iterate in insertion order: the first keys are the oldest.
    const drop = Math.max(1, Math.floor(this.maxKeys / 10));
    let i = 0;
    for (const k of map.keys()) {
      if (i++ >= drop) break;
      map.delete(k);
    }
  }

  /** Counts one request of `action` from `address`; refuses it when a limit is reached. */
  check(action: PortalAction, address: string): ThrottleResult {
    const limit = this.limits[action];
    const who = this.pseudonym('ip', address);
    const now = this.now();
    // The overall limit is checked first so that a refused request does not use up the address's share.
    const overall = this.peek(`${action}:*`, limit.overall, limit.windowMs, now);
    if (overall > 0) return { ok: false, retryAfterSec: overall, scope: 'overall' };
    const own = this.hit(`${action}:${who}`, limit.perAddress, limit.windowMs, now);
    if (own > 0) return { ok: false, retryAfterSec: own, scope: 'address' };
    this.hit(`${action}:*`, limit.overall, limit.windowMs, now);
    return { ok: true };
  }

  private peek(key: string, limit: number, windowMs: number, now: number): number {
    const w = this.windows.get(key);
    if (!w || now - w.start >= windowMs || w.count < limit) return 0;
    return Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
  }

  /** Seconds to wait before a code+secret look-up is tried at all (0: go ahead). */
  lookupWait(address: string, code: string): ThrottleResult {
    const now = this.now();
    let until = 0;
    for (const k of [`ip:${this.pseudonym('ip', address)}`, `code:${this.pseudonym('code', code)}`]) {
      until = Math.max(until, this.failures.get(k)?.until ?? 0);
    }
    return until > now ? { ok: false, retryAfterSec: Math.ceil((until - now) / 1000), scope: 'failures' } : { ok: true };
  }

  /** A wrong code or secret: the next try from this address, or on this code, waits twice as long. */
  recordFailure(address: string, code: string): void {
    const now = this.now();
    for (const k of [`ip:${this.pseudonym('ip', address)}`, `code:${this.pseudonym('code', code)}`]) {
      const f = this.failures.get(k) ?? { count: 0, until: 0 };
      if (!this.failures.has(k) && this.failures.size >= this.maxKeys) this.evictOldest(this.failures);
      f.count++;
      f.until = now + Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(f.count - 1, 30));
      this.failures.set(k, f);
    }
  }

  /** A correct look-up clears the address's streak (not the code's: an attacker could reset it). */
  recordSuccess(address: string): void {
    this.failures.delete(`ip:${this.pseudonym('ip', address)}`);
  }

  /** Everything kept in memory, for the test that no address appears in it. */
  snapshotKeys(): string[] {
    return [...this.windows.keys(), ...this.failures.keys()];
  }
}
