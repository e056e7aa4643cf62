// The signature of a letter: what is stored for it and what a new letter is compared with.
// - `terms`: hashed folded words and word pairs of the content (sorted, unique) for the precise score;
// - `pairs`: hashed word pairs only, for the near-duplicate Jaccard;
// - `minhash`: BANDS × ROWS minimum hashes of `pairs`; `bands`: one key per band (LSH), so that letters
//   sharing any band are candidates (probability 1 − (1 − J^ROWS)^BANDS for a Jaccard J);
// - `names`: people named in the content, an extra key so that a retold letter about the same person
//   is a candidate even when it shares few word pairs.
// Keys are (band_no, band_hash) with band_hash < 2^53: a table (band_no int, band_hash bigint, letter)
// with an index on (band_no, band_hash) holds them in PostgreSQL.
import { hashString, hashValues53, mix32 } from './hash.ts';
import { letterBody, personNames, words } from './normalize.ts';

export const BANDS = 24;
export const ROWS = 4;
/** Band number reserved for person-name keys. */
export const NAME_BAND = 255;

export interface BandKey {
  band: number;
  hash: number;
}

export interface Signature {
  terms: Uint32Array;
  pairs: Uint32Array;
  minhash: Uint32Array;
  keys: BandKey[];
  names: string[];
}

// Per-row seeds for the MinHash permutations, fixed so signatures are stable across processes.
const SEEDS = Uint32Array.from({ length: BANDS * ROWS }, (_, i) => mix32(0x5bd1e995 ^ Math.imul(i + 1, 0x27d4eb2d)));
const PAIR_SALT = 0x2545f491;

function sortedUnique(values: number[]): Uint32Array {
  const a = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) a[n++] = a[i] as number;
  return a.slice(0, n);
}

export function signature(text: string): Signature {
  const body = letterBody(text);
  const w = words(body);
  const wordHashes = w.map((x) => hashString(x));
  const pairList: number[] = [];
  for (let i = 0; i + 1 < w.length; i++) pairList.push(mix32((wordHashes[i] as number) ^ mix32((wordHashes[i + 1] as number) + PAIR_SALT)));
  const pairs = sortedUnique(pairList);
  const terms = sortedUnique([...wordHashes, ...pairList]);

  const minhash = new Uint32Array(BANDS * ROWS).fill(0xffffffff);
  for (let p = 0; p < pairs.length; p++) {
    const x = pairs[p] as number;
    for (let i = 0; i < minhash.length; i++) {
      const h = mix32(x ^ (SEEDS[i] as number));
      if (h < (minhash[i] as number)) minhash[i] = h;
    }
  }
  const keys: BandKey[] = [];
  // An empty content has no meaningful bands: it must not collide with every other empty letter.
  if (pairs.length > 0) for (let b = 0; b < BANDS; b++) keys.push({ band: b, hash: hashValues53(minhash, b * ROWS, (b + 1) * ROWS, b) });
  const names = personNames(body);
  for (const n of names) keys.push({ band: NAME_BAND, hash: hashValues53([hashString(n)], 0, 1, NAME_BAND) });
  return { terms, pairs, minhash, keys, names };
}
