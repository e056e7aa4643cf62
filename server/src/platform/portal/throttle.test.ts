import { describe, expect, it } from 'vitest';
import { PortalThrottle } from './throttle.ts';

function clock(start = Date.UTC(2026, 10, 20, 3, 0, 0)) {
  const c = { t: start, now: () => c.t };
  return c;
}

const limits = {
  submit: { perAddress: 3, overall: 5, windowMs: 60_000 },
  status: { perAddress: 2, overall: 100, windowMs: 60_000 },
};

describe('portal throttle (issue #6: no address kept with petitions)', () => {
  it('limits each address, then everyone, per window, and lets them in again after it', () => {
    const c = clock();
    const t = new PortalThrottle({ limits, now: c.now });
    for (let i = 0; i < 3; i++) expect(t.check('submit', '203.0.113.7')).toEqual({ ok: true });
    expect(t.check('submit', '203.0.113.7')).toEqual({ ok: false, retryAfterSec: 60, scope: 'address' });
    expect(t.check('submit', '198.51.100.1')).toEqual({ ok: true });
    expect(t.check('submit', '198.51.100.2')).toEqual({ ok: true });
    expect(t.check('submit', '198.51.100.3')).toMatchObject({ ok: false, scope: 'overall' });
    // Status look-ups have their own counters.
    expect(t.check('status', '203.0.113.7')).toEqual({ ok: true });
    c.t += 60_000;
    expect(t.check('submit', '203.0.113.7')).toEqual({ ok: true });
  });

  it('keeps no address: only keyed hashes, different tomorrow', () => {
    const c = clock();
    const t = new PortalThrottle({ limits, now: c.now });
    t.check('submit', '203.0.113.7');
    t.recordFailure('2001:db8::1', '1234 5678 9012 3452');
    const today = t.pseudonym('ip', '203.0.113.7');
    const keys = t.snapshotKeys().join(' ');
    expect(keys).not.toMatch(/203\.0\.113|2001:db8|1234/);
    expect(keys).toContain(today);
    expect(t.pseudonym('ip', '203.0.113.7')).toBe(today);
    c.t += 24 * 3600_000;
    expect(t.pseudonym('ip', '203.0.113.7')).not.toBe(today);
    expect(t.snapshotKeys()).toEqual([]);
  });

  it('doubles the wait after each failed code+secret look-up, per address and per code', () => {
    const c = clock();
    const t = new PortalThrottle({ now: c.now, baseDelayMs: 1000, maxDelayMs: 8000 });
    const code = '4821 0937 5512 0648';
    expect(t.lookupWait('203.0.113.7', code)).toEqual({ ok: true });
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      t.recordFailure('203.0.113.7', code);
      const w = t.lookupWait('203.0.113.7', 'other');
      waits.push(w.ok ? 0 : w.retryAfterSec);
    }
    expect(waits).toEqual([1, 2, 4, 8, 8]);
    // Another address guessing the same code waits as well.
    expect(t.lookupWait('198.51.100.9', code)).toMatchObject({ ok: false, scope: 'failures' });
    expect(t.lookupWait('198.51.100.9', '1111 2222 3333 4444')).toEqual({ ok: true });
    c.t += 8000;
    expect(t.lookupWait('203.0.113.7', code)).toEqual({ ok: true });
    // A success clears the address's streak but not the code's count.
    t.recordSuccess('203.0.113.7');
    t.recordFailure('203.0.113.7', 'x');
    const w = t.lookupWait('203.0.113.7', 'y');
    expect(w).toEqual({ ok: false, retryAfterSec: 1, scope: 'failures' });
  });

  it('stays within its memory bound under many addresses', () => {
    const t = new PortalThrottle({ limits, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) t.check('status', `10.0.${i >> 8}.${i & 255}`);
    expect(t.snapshotKeys().length).toBeLessThanOrEqual(101);
  });
});
