// Duplicate and related letters (issue #6, point 6; domain.md §5: linked, not counted twice): a letter's
// signature is checked against the stored ones its reader may see, and filed for the letters to come.
// The score is the in-memory DedupIndex's (server/src/domain/petitions/similarity), with the document
// frequencies read from petition_term_stat: the same matches and the same numbers for the same letters.
import type { Tx } from '../../db/context.ts';
import {
  compare,
  DEFAULT_THRESHOLDS,
  idfOf,
  jaccard,
  type Match,
  type Signature,
  signature,
  termBucket,
  termBuckets,
} from '../../domain/petitions/similarity/index.ts';
import type { StoredSets } from './similarity.repository.ts';
import * as repo from './similarity.repository.ts';

export interface SimilarityCheck {
  signature: Signature;
  matches: Match[];
  /** Stored letters read (sharing a key); the rest of the store was never touched. */
  candidates: number;
}

/** Sum of the squared weights of the terms of `a` also in `b` (both sorted), and how many there are. */
function shared(a: Uint32Array, b: Uint32Array, weight2: (t: number) => number): { count: number; sum: number } {
  let i = 0;
  let j = 0;
  let count = 0;
  let sum = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      count++;
      sum += weight2(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return { count, sum };
}

/**
 * The letters `text` duplicates or relates to, best first. `excludeId`: a stored letter checked again
 * (itself left out, its terms already counted); null for a new letter, whose terms count once, as they
 * will when it is filed.
 */
export async function findSimilar(tx: Tx, text: string, excludeId: string | null = null): Promise<SimilarityCheck> {
  const sig = signature(text);
  // The candidates and the weights of the letter's own terms in one round trip: with those weights, most
  // candidates (sharing only a common name, or a few common phrases) are ruled out without reading the
  // frequencies of their other terms.
  const own = termBuckets(sig.terms);
  const first = await repo.candidates(tx, sig.keys, Array.from(own), excludeId);
  const cands = first.candidates;
  if (cands.length === 0) return { signature: sig, matches: [], candidates: 0 };
  const df = first.df;
  const ownCounts = !first.filed;
  const letters = first.letters + (ownCounts ? 1 : 0);
  const ownSet = new Set(own);
  const idf = (t: number) => {
    const b = termBucket(t);
    return idfOf((df.get(b) ?? 0) + (ownCounts && ownSet.has(b) ? 1 : 0), letters);
  };
  const weight2 = (t: number) => idf(t) ** 2;
  let norm = 0;
  for (let i = 0; i < sig.terms.length; i++) norm += weight2(sig.terms[i] as number);

  const { duplicate, related } = DEFAULT_THRESHOLDS;
  const kept: StoredSets[] = [];
  for (const c of cands) {
    if (jaccard(sig.pairs, c.pairs) >= duplicate) {
      kept.push(c);
      continue;
    }
    // Upper bound of the weighted cosine: the shared terms weigh what they weigh in this letter, every
    // other term of the candidate at least 1 (a count never exceeds the letters, so idf ≥ 1).
    const s = shared(sig.terms, c.terms, weight2);
    const bound = norm > 0 && s.sum > 0 ? s.sum / Math.sqrt(norm * (s.sum + (c.terms.length - s.count))) : 0;
    if (bound >= related - 1e-9) kept.push(c);
  }

  // The remaining candidates' other terms: one more look-up, for the exact score.
  const missing = new Set<number>();
  for (const c of kept)
    for (let i = 0; i < c.terms.length; i++) {
      const b = termBucket(c.terms[i] as number);
      if (!ownSet.has(b)) missing.add(b);
    }
  if (missing.size > 0) for (const [b, n] of (await repo.termFrequencies(tx, [...missing])).df) df.set(b, n);

  const stats = { idf };
  const matches: Match[] = [];
  for (const c of kept) {
    const r = compare(sig, c, stats, DEFAULT_THRESHOLDS);
    if (r.relation !== 'none') matches.push({ id: c.petitionId, ...r });
  }
  const rank = (m: Match) => (m.relation === 'duplicate' ? 2 + m.resemblance : m.cosine);
  matches.sort((a, b) => rank(b) - rank(a) || (a.id < b.id ? -1 : 1));
  return { signature: sig, matches, candidates: cands.length };
}

export async function fileSignature(tx: Tx, petitionId: string, scopePath: string, sig: Signature): Promise<void> {
  await repo.storeSignature(tx, petitionId, scopePath, sig);
}
