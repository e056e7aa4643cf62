// Duplicate and related letters (issue #6, point 6; domain.md §5: linked, not counted twice): a letter's
// signature is checked against the stored ones its reader may see, and filed for the letters to come.
import type { Tx } from '../../db/context.ts';
import {
  compare,
  DEFAULT_THRESHOLDS,
  type IdfSource,
  idfOf,
  type Match,
  type Signature,
  signature,
  termBucket,
} from '../../domain/petitions/similarity/index.ts';
import * as repo from './similarity.repository.ts';

export interface SimilarityCheck {
  signature: Signature;
  matches: Match[];
  /** Stored letters scored (the rest were never read). */
  candidates: number;
}

/** The letters `text` duplicates or relates to, best first. */
export async function findSimilar(tx: Tx, text: string, excludeId: string | null = null): Promise<SimilarityCheck> {
  const sig = signature(text);
  const cands = await repo.candidates(tx, sig.keys, excludeId);
  if (cands.length === 0) return { signature: sig, matches: [], candidates: 0 };
  const { df, letters } = await repo.termFrequencies(tx, [sig.terms, ...cands.map((c) => c.terms)]);
  // The letter itself counts once, as it will when filed: the same weights as an in-memory index.
  const own = new Set(Array.from(sig.terms, termBucket));
  const stats: IdfSource = { idf: (t) => idfOf((df.get(termBucket(t)) ?? 0) + (own.has(termBucket(t)) ? 1 : 0), letters + 1) };
  const matches: Match[] = [];
  for (const c of cands) {
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
