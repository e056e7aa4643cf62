// Similarity keys of letters in PostgreSQL (migration 0012): each letter's term and pair sets, its band and
// name keys, and the document frequencies of terms. A new letter's candidates are the letters sharing a key
// (one index look-up per key), scored precisely in the service. Row-level security limits candidates to
// the reader's scope; the frequencies are counts of hashes only, kept for all.
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';
import { type BandKey, termBuckets } from '../../domain/petitions/similarity/index.ts';

/** At most this many stored letters are read for one check. Letters sharing a band key come first (the
 *  same text); the rest share only a person's name, and a common name at a million letters brings a few
 *  hundred of them (docs/performance.md): the limit is there for a name on thousands of letters. */
export const CANDIDATE_LIMIT = 1000;

/** band_no · 2^53 + band_hash: one bigint per key (band_no ≤ 255, so it stays below 2^61). */
export function bandKey(k: BandKey): string {
  return (BigInt(k.band) * 2n ** 53n + BigInt(k.hash)).toString();
}

export function toBytes(a: Uint32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

export function fromBytes(b: Buffer): Uint32Array {
  // Copied: a Buffer from the driver may share an unaligned pool.
  const out = new Uint32Array(b.byteLength / 4);
  Buffer.from(out.buffer).set(b);
  return out;
}

export interface StoredSets {
  petitionId: string;
  terms: Uint32Array;
  pairs: Uint32Array;
}

/** Files a letter's keys and counts its terms (each bucket once per letter, as TermStats does). */
export async function storeSignature(
  tx: Tx,
  petitionId: string,
  scopePath: string,
  sig: { terms: Uint32Array; pairs: Uint32Array; keys: BandKey[] },
): Promise<void> {
  await tx
    .insertInto('petition_signature')
    .values({ petition_id: petitionId, scope_path: scopePath, terms: toBytes(sig.terms), pairs: toBytes(sig.pairs) })
    .execute();
  const keys = [...new Set(sig.keys.map(bandKey))];
  if (keys.length > 0)
    await tx
      .insertInto('petition_band')
      .values(keys.map((k) => ({ band_key: k, petition_id: petitionId, scope_path: scopePath })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  // Buckets in ascending order, so that concurrent letters lock the rows in the same order (no deadlock).
  const buckets = Array.from(termBuckets(sig.terms));
  await sql`
    INSERT INTO petition_term_stat (bucket, df)
    SELECT b, 1 FROM unnest(${[-1, ...buckets]}::int[]) AS b ORDER BY b
    ON CONFLICT (bucket) DO UPDATE SET df = petition_term_stat.df + 1`.execute(tx);
}

export interface Frequencies {
  /** Letters containing a term of the bucket (buckets not found count 0). */
  df: Map<number, number>;
  /** Letters counted. */
  letters: number;
  /** Whether `filedId`'s signature is stored, its terms then already counted. */
  filed: boolean;
}

/**
 * Letters sharing at least one key with `keys` (those sharing most first, at most `limit`), and in the same
 * round trip the document frequencies of `buckets` (the new letter's own) as termFrequencies gives them.
 */
export async function candidates(
  tx: Tx,
  keys: BandKey[],
  buckets: readonly number[],
  excludeId: string | null,
  limit = CANDIDATE_LIMIT,
): Promise<{ candidates: StoredSets[] } & Frequencies> {
  const list = [...new Set(keys.map(bandKey))];
  if (list.length === 0) return { candidates: [], df: new Map(), letters: 0, filed: false };
  // One index probe per key on petition_band's primary key (band_key, petition_id): an equality of bigints,
  // which row-level security lets the index answer; its scope filter applies to both tables.
  const r = await sql<{ petition_id: string | null; terms: Buffer | null; pairs: Buffer | null; bucket: number | null; df: number | null }>`
    WITH c AS (
      SELECT petition_id, count(*) AS shared FROM petition_band
      WHERE band_key = ANY(${list}::bigint[]) AND petition_id IS DISTINCT FROM ${excludeId}::uuid
      GROUP BY petition_id ORDER BY shared DESC, petition_id LIMIT ${limit})
    SELECT s.petition_id, s.terms, s.pairs, NULL::int AS bucket, NULL::int AS df
    FROM c JOIN petition_signature s ON s.petition_id = c.petition_id
    UNION ALL
    ${frequenciesSql(buckets, excludeId)}`.execute(tx);
  const found: StoredSets[] = [];
  const freq = frequencies(r.rows);
  for (const x of r.rows)
    if (x.petition_id && x.terms && x.pairs)
      found.push({ petitionId: x.petition_id, terms: fromBytes(x.terms), pairs: fromBytes(x.pairs) });
  return { candidates: found, ...freq };
}

// Written so that every branch is an index look-up whatever the parameters: a branch planned as a scan, even
// one never executed, lifts the estimated cost above jit_above_cost and PostgreSQL then spends ~10 ms
// compiling the query (measured at 1,000,000 letters).
function frequenciesSql(buckets: readonly number[], filedId: string | null) {
  const counts = sql`SELECT NULL, NULL, NULL, bucket, df FROM petition_term_stat WHERE bucket = ANY(${[-1, ...buckets]}::int[])`;
  if (filedId === null) return counts;
  return sql`${counts}
    UNION ALL
    SELECT NULL, NULL, NULL, -2, count(*)::int FROM petition_signature WHERE petition_id = ${filedId}::uuid`;
}

function frequencies(rows: Array<{ bucket: number | null; df: number | null }>): Frequencies {
  const df = new Map<number, number>();
  let filed = false;
  for (const row of rows) {
    if (row.bucket === null || row.df === null) continue;
    if (row.bucket === -2) filed = row.df > 0;
    else df.set(row.bucket, row.df);
  }
  const letters = df.get(-1) ?? 0;
  df.delete(-1);
  return { df, letters, filed };
}

/** Document frequencies of the given buckets, the number of letters counted, and whether a letter is filed. */
export async function termFrequencies(tx: Tx, buckets: readonly number[], filedId: string | null = null): Promise<Frequencies> {
  const r = await sql<{ bucket: number | null; df: number | null }>`
    SELECT bucket, df FROM (${frequenciesSql(buckets, filedId)}) AS f(a, b, c, bucket, df)`.execute(tx);
  return frequencies(r.rows);
}
