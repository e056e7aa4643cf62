// A small seeded pseudo-random generator (sfc32, seeded through splitmix32) and the draws the seed
// data need. Deterministic across machines and Node versions: only 32-bit integer arithmetic.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator for `seed` and a named stream, so that independent parts of the data do not shift each other. */
export function createRng(seed: number, stream = ''): Rng {
  let h = seed >>> 0;
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0;
  const init = splitmix32(h);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

/** A weighted choice among items, prepared once (cumulative weights, binary search per draw). */
export interface Weighted<T> {
  draw(rng: Rng): T;
}

export function weighted<T>(entries: readonly (readonly [T, number])[]): Weighted<T> {
  const items = entries.map((e) => e[0]);
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach((e, i) => {
    total += e[1];
    cumulative[i] = total;
  });
  return {
    draw(rng) {
      const x = rng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cumulative[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      return items[lo] as T;
    },
  };
}

/** Names in order of frequency, weighted by a Zipf-like law (the first is the most common). */
export function zipf<T>(items: readonly T[], exponent = 0.9): Weighted<T> {
  return weighted(items.map((x, i) => [x, 1 / (i + 1) ** exponent] as const));
}
