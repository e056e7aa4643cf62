// Duplicate and related-letter detection for petitions (issue #6 point 6): pure TypeScript.
export { type Comparison, compare, DEFAULT_THRESHOLDS, jaccard, type Relation, type Thresholds, weightedCosine } from './compare.ts';
export { DedupIndex, type Match, type QueryResult } from './dedup-index.ts';
export { fold, letterBody, personNames, words } from './normalize.ts';
export { BANDS, type BandKey, NAME_BAND, ROWS, type Signature, signature } from './signature.ts';
export { type IdfSource, idfOf, TermStats, termBucket, termBuckets } from './stats.ts';
