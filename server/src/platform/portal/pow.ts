// Server half of the portal's proof-of-work (see common/portal-pow.ts). A challenge carries its own
// nonce, difficulty and expiry under an HMAC, so issuing one stores nothing; only a solved challenge
// is remembered, until it expires, so that it is accepted once. The used-set is in this process's
// memory: one server (embedded or single instance) is the deployment this serves.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { leadingZeroBits, powInput } from '../../../../common/portal-pow.ts';

export interface Challenge {
  challenge: string;
  difficulty: number;
  expiresAt: string;
}

export type PowFailure = 'malformed' | 'forged' | 'expired' | 'insufficient' | 'replayed' | 'busy';
export type PowResult = { ok: true } | { ok: false; reason: PowFailure };

export interface PowOptions {
  key: Buffer;
  /** Leading zero bits required: 16 took 0.64 s in Node here (a phone: several times that); each bit doubles it. */
  difficulty?: number;
  ttlMs?: number;
  /** Most solved challenges remembered at once; beyond it new solutions are refused (busy). */
  maxRemembered?: number;
  now?: () => number;
}

export const DEFAULT_POW_DIFFICULTY = 16;

export class ProofOfWork {
  readonly difficulty: number;
  readonly ttlMs: number;
  private readonly key: Buffer;
  private readonly maxRemembered: number;
  private readonly now: () => number;
  private readonly used = new Map<string, number>();

  constructor(o: PowOptions) {
    const difficulty = o.difficulty ?? DEFAULT_POW_DIFFICULTY;
    if (!Number.isInteger(difficulty) || difficulty < 1 || difficulty > 32) throw new Error('Độ khó phải là số nguyên từ 1 đến 32');
    this.key = o.key;
    this.difficulty = difficulty;
    this.ttlMs = o.ttlMs ?? 10 * 60_000;
    this.maxRemembered = o.maxRemembered ?? 200_000;
    this.now = o.now ?? Date.now;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  issueChallenge(): Challenge {
    const expires = this.now() + this.ttlMs;
    const body = `p1.${randomBytes(16).toString('base64url')}.${this.difficulty}.${expires}`;
    return { challenge: `${body}.${this.mac(body)}`, difficulty: this.difficulty, expiresAt: new Date(expires).toISOString() };
  }

  verifySolution(challenge: string, solution: string): PowResult {
    const parts = typeof challenge === 'string' ? challenge.split('.') : [];
    if (parts.length !== 5 || parts[0] !== 'p1' || typeof solution !== 'string' || !/^\d{1,16}$/.test(solution)) {
      return { ok: false, reason: 'malformed' };
    }
    const [, nonce, bits, expiresRaw, mac] = parts as [string, string, string, string, string];
    const expected = Buffer.from(this.mac(`p1.${nonce}.${bits}.${expiresRaw}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
    const expires = Number(expiresRaw);
    const now = this.now();
    if (!(expires > now)) return { ok: false, reason: 'expired' };
    const digest = createHash('sha256').update(powInput(challenge, solution)).digest();
    if (leadingZeroBits(digest) < Number(bits)) return { ok: false, reason: 'insufficient' };
    this.prune(now);
    if (this.used.has(nonce)) return { ok: false, reason: 'replayed' };
    if (this.used.size >= this.maxRemembered) return { ok: false, reason: 'busy' };
    this.used.set(nonce, expires);
    return { ok: true };
  }

  /** Forgets solved challenges past their expiry: by then they are refused as expired anyway. */
  private prune(now: number) {
    if (this.used.size < 1024 && this.used.size < this.maxRemembered) return;
    for (const [nonce, expires] of this.used) if (expires <= now) this.used.delete(nonce);
  }

  /** Solved challenges remembered now (for tests and metrics). */
  get remembered(): number {
    return this.used.size;
  }
}

/** Vietnamese message for a refused proof-of-work, for the portal's 400 answer. */
export const POW_MESSAGES: Record<PowFailure, string> = {
  malformed: 'Thiếu hoặc sai định dạng mã xác minh chống gửi tự động.',
  forged: 'Mã xác minh chống gửi tự động không hợp lệ.',
  expired: 'Mã xác minh đã hết hạn, vui lòng tải lại trang và gửi lại.',
  insufficient: 'Lời giải xác minh chưa đúng, vui lòng gửi lại.',
  replayed: 'Mã xác minh này đã được dùng, vui lòng tải lại trang.',
  busy: 'Cổng tiếp nhận đang quá tải, vui lòng thử lại sau ít phút.',
};
