// Small, fast, deterministic 32-bit hashes (no crypto needed: these only spread keys).

/** FNV-1a over the UTF-16 code units of a string. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** The murmur3 finaliser: every input bit affects every output bit. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combine a list of 32-bit values into a non-negative integer below 2^53 (fits a PostgreSQL bigint
 *  and a JavaScript number exactly). */
export function hashValues53(values: ArrayLike<number>, from: number, to: number, salt: number): number {
  let a = mix32(salt ^ 0x9e3779b9);
  let b = mix32(salt ^ 0x7f4a7c15);
  for (let i = from; i < to; i++) {
    const v = values[i] as number;
    a = mix32(a ^ v);
    b = mix32(Math.imul(b, 31) + v);
  }
  return (b & 0x1fffff) * 0x100000000 + a;
}
