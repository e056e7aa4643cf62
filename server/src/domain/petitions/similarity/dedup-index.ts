// An index of stored letters that a new letter is checked against: candidates come from the LSH band
// keys and person-name keys (few per letter even among millions), then each candidate gets the
// precise score. In memory here; the petitions module stores the same keys in PostgreSQL.
import { type Comparison, compare, DEFAULT_THRESHOLDS, type Thresholds } from './compare.ts';
import { Postings } from './postings.ts';
import type { Signature } from './signature.ts';
import { TermStats } from './stats.ts';

export interface Match extends Comparison {
  id: string;
}

export interface QueryResult {
  matches: Match[];
  /** How many stored letters were scored (the work done; the rest were never touched). */
  candidates: number;
}

export class DedupIndex {
  readonly stats = new TermStats();
  private readonly postings = new Postings();
  private readonly ids: string[] = [];
  private readonly sigs: Array<Pick<Signature, 'terms' | 'pairs'>> = [];
  private thresholds: Thresholds;
  private stamp = new Int32Array(1024);
  private queries = 0;

  constructor(thresholds: Thresholds = DEFAULT_THRESHOLDS) {
    this.thresholds = thresholds;
  }

  get size(): number {
    return this.ids.length;
  }

  add(id: string, sig: Signature): void {
    const n = this.ids.length;
    this.ids.push(id);
    // Only what the precise score needs is kept; the MinHash values live on in the band keys.
    this.sigs.push({ terms: sig.terms, pairs: sig.pairs });
    this.stats.add(sig.terms);
    for (const k of sig.keys) this.postings.add(k.band, k.hash, n);
  }

  /** Stored letters related to `sig`, best first (duplicates before related, then by score). */
  query(sig: Signature, options: { excludeId?: string; thresholds?: Thresholds } = {}): QueryResult {
    const thresholds = options.thresholds ?? this.thresholds;
    if (this.stamp.length < this.ids.length) this.stamp = new Int32Array(this.ids.length * 2);
    const mark = ++this.queries;
    const seen: number[] = [];
    for (const k of sig.keys) {
      this.postings.forEach(k.band, k.hash, (n) => {
        if (this.stamp[n] !== mark) {
          this.stamp[n] = mark;
          seen.push(n);
        }
      });
    }
    const matches: Match[] = [];
    for (const n of seen) {
      const id = this.ids[n] as string;
      if (id === options.excludeId) continue;
      const c = compare(sig, this.sigs[n]!, this.stats, thresholds);
      if (c.relation !== 'none') matches.push({ id, ...c });
    }
    const rank = (m: Match) => (m.relation === 'duplicate' ? 2 + m.resemblance : m.cosine);
    matches.sort((a, b) => rank(b) - rank(a) || (a.id < b.id ? -1 : 1));
    return { matches, candidates: seen.length };
  }
}
