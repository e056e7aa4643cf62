// The precise score of two letters and their relation:
// - `resemblance`: Jaccard of their word pairs — the same letter (copies to several levels, a
//   campaign with other signatures, typed without diacritics) scores near 1, since the frame is gone;
// - `cosine`: cosine of IDF-weighted words and word pairs — a matter retold in other words or re-sent
//   with changes keeps its rare facts (names, places, amounts), while another matter about the same
//   person shares only the name and the common words.
// Thresholds were tuned on the `tune` half of test/fixtures/petitions and evaluated on the other half
// (bench/petition-dedup.ts, docs/performance.md).
import type { Signature } from './signature.ts';
import type { IdfSource } from './stats.ts';

export type Relation = 'duplicate' | 'related' | 'none';

export interface Thresholds {
  /** Word-pair Jaccard at or above which two letters are the same letter. */
  duplicate: number;
  /** Weighted cosine at or above which two letters are about the same matter. */
  related: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { duplicate: 0.65, related: 0.18 };

export interface Comparison {
  resemblance: number;
  cosine: number;
  relation: Relation;
}

export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

export function weightedCosine(a: Uint32Array, b: Uint32Array, stats: IdfSource): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : 0x100000000;
    const y = j < b.length ? (b[j] as number) : 0x100000000;
    if (x === y) {
      const w = stats.idf(x) ** 2;
      dot += w;
      na += w;
      nb += w;
      i++;
      j++;
    } else if (x < y) {
      na += stats.idf(x) ** 2;
      i++;
    } else {
      nb += stats.idf(y) ** 2;
      j++;
    }
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

export function compare(
  a: Pick<Signature, 'terms' | 'pairs'>,
  b: Pick<Signature, 'terms' | 'pairs'>,
  stats: IdfSource,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Comparison {
  const resemblance = jaccard(a.pairs, b.pairs);
  const cosine = weightedCosine(a.terms, b.terms, stats);
  const relation: Relation = resemblance >= thresholds.duplicate ? 'duplicate' : cosine >= thresholds.related ? 'related' : 'none';
  return { resemblance, cosine, relation };
}
