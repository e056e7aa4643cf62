// Document frequencies of terms over the stored letters, for IDF weights: words every letter uses
// ("đề nghị", "kiểm tra", "xã") weigh little, names, places, amounts and rare facts weigh much.
// A fixed-size counting table indexed by the term hash (collisions only merge rare counts), so memory
// does not grow with the vocabulary; the module can keep the same table in PostgreSQL.

const SIZE_BITS = 22;
const MASK = (1 << SIZE_BITS) - 1;
const RARE = 256;

/** What a score needs of term statistics: the weight of a term. */
export interface IdfSource {
  idf(term: number): number;
}

/** The counting slot of a term (the same in memory and in PostgreSQL's petition_term_stat). */
export function termBucket(term: number): number {
  return term & MASK;
}

/** The distinct counting slots of a letter's terms, ascending. */
export function termBuckets(terms: Uint32Array): Uint32Array {
  const b = new Uint32Array(terms.length);
  for (let i = 0; i < terms.length; i++) b[i] = (terms[i] as number) & MASK;
  b.sort();
  let n = 0;
  for (let i = 0; i < b.length; i++) if (i === 0 || b[i] !== b[i - 1]) b[n++] = b[i] as number;
  return b.subarray(0, n);
}

/** Smoothed inverse document frequency of a term seen in `df` of `letters` letters (see TermStats.idf). */
export function idfOf(df: number, letters: number): number {
  const share = (df + 1) / (letters + 1);
  return Math.log(1 / Math.max(share, 1 / RARE)) + 1;
}

export class TermStats implements IdfSource {
  readonly df = new Uint32Array(1 << SIZE_BITS);
  letters = 0;

  /** Counts a letter: each bucket once, however many of its terms fall in it, so that a count never
   *  exceeds the number of letters (every weight is then at least 1) and PostgreSQL's
   *  petition_term_stat, which files a letter's distinct buckets, holds the same numbers. */
  add(terms: Uint32Array): void {
    this.letters++;
    const buckets = termBuckets(terms);
    for (let i = 0; i < buckets.length; i++) {
      const k = buckets[i] as number;
      this.df[k] = (this.df[k] as number) + 1;
    }
  }

  /** Smoothed inverse document frequency. Terms rarer than one letter in RARE all weigh the same, so
   *  that scores (and the tuned thresholds) do not drift as the store grows from hundreds of letters
   *  to millions: what matters is how common a word is, not how many letters exist. */
  idf(term: number): number {
    return idfOf(this.df[term & MASK] as number, this.letters);
  }
}
