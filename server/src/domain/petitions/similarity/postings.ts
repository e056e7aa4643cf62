// In-memory postings keyed by (band_no, band_hash): open addressing over typed arrays, so that
// tens of millions of keys (1 million letters × 25 keys) stay compact and fast. Each key points to a
// chain of letter numbers. The same shape as a PostgreSQL table (band_no, band_hash, letter) with an
// index on (band_no, band_hash).
import { mix32 } from './hash.ts';

export class Postings {
  private cap = 1 << 16;
  private keyHi = new Int32Array(this.cap).fill(-1);
  private keyLo = new Uint32Array(this.cap);
  private head = new Int32Array(this.cap);
  private used = 0;
  private next = new Int32Array(1 << 16);
  private doc = new Int32Array(1 << 16);
  private count = 0;

  add(band: number, hash: number, letter: number): void {
    const hi = band * 0x200000 + Math.floor(hash / 0x100000000);
    const lo = hash >>> 0;
    if ((this.used + 1) * 2 > this.cap) this.grow();
    const slot = this.find(hi, lo);
    if (this.count === this.doc.length) {
      this.next = grown(this.next);
      this.doc = grown(this.doc);
    }
    if (this.keyHi[slot] === -1) {
      this.keyHi[slot] = hi;
      this.keyLo[slot] = lo;
      this.head[slot] = -1;
      this.used++;
    }
    this.doc[this.count] = letter;
    this.next[this.count] = this.head[slot] as number;
    this.head[slot] = this.count++;
  }

  /** Calls `fn` for every letter stored under the key. */
  forEach(band: number, hash: number, fn: (letter: number) => void): void {
    const slot = this.find(band * 0x200000 + Math.floor(hash / 0x100000000), hash >>> 0);
    if (this.keyHi[slot] === -1) return;
    for (let p = this.head[slot] as number; p !== -1; p = this.next[p] as number) fn(this.doc[p] as number);
  }

  get size(): number {
    return this.count;
  }

  private find(hi: number, lo: number): number {
    const mask = this.cap - 1;
    let slot = mix32(lo ^ mix32(hi)) & mask;
    while (this.keyHi[slot] !== -1 && (this.keyHi[slot] !== hi || this.keyLo[slot] !== lo)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const [oldHi, oldLo, oldHead] = [this.keyHi, this.keyLo, this.head];
    this.cap *= 2;
    this.keyHi = new Int32Array(this.cap).fill(-1);
    this.keyLo = new Uint32Array(this.cap);
    this.head = new Int32Array(this.cap);
    for (let i = 0; i < oldHi.length; i++) {
      if (oldHi[i] === -1) continue;
      const slot = this.find(oldHi[i] as number, oldLo[i] as number);
      this.keyHi[slot] = oldHi[i] as number;
      this.keyLo[slot] = oldLo[i] as number;
      this.head[slot] = oldHead[i] as number;
    }
  }
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
