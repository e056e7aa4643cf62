// Similarity keys of letters in PostgreSQL (migration 0012): each letter's term and pair sets, its band and
// name keys, and the document frequencies of terms. A new letter's candidates are the letters sharing a key
// (one index look-up per key), scored precisely in the service. Row-level security limits candidates to
// the reader's scope; the frequencies are counts of hashes only, kept for all.
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';
import { type BandKey, termBucket } from '../../domain/petitions/similarity/index.ts';

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

/** Files a letter's keys and counts its terms. */
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
  const buckets = [...new Set(Array.from(sig.terms, termBucket))].sort((a, b) => a - b);
  await sql`
    INSERT INTO petition_term_stat (bucket, df)
    SELECT b, 1 FROM unnest(${[-1, ...buckets]}::int[]) AS b ORDER BY b
    ON CONFLICT (bucket) DO UPDATE SET df = petition_term_stat.df + 1`.execute(tx);
}

/** Letters sharing at least one key with `keys`, most shared keys first, at most `limit`. */
export async function candidates(tx: Tx, keys: BandKey[], excludeId: string | null, limit = 400): Promise<StoredSets[]> {
  const list = [...new Set(keys.map(bandKey))];
  if (list.length === 0) return [];
  const r = await sql<{ petition_id: string; terms: Buffer; pairs: Buffer }>`
    SELECT s.petition_id, s.terms, s.pairs
    FROM (SELECT petition_id, count(*) AS shared FROM petition_band
          WHERE band_key = ANY(${list}::bigint[]) AND petition_id IS DISTINCT FROM ${excludeId}::uuid
          GROUP BY petition_id ORDER BY shared DESC LIMIT ${limit}) c
    JOIN petition_signature s ON s.petition_id = c.petition_id`.execute(tx);
  return r.rows.map((x) => ({ petitionId: x.petition_id, terms: fromBytes(x.terms), pairs: fromBytes(x.pairs) }));
}

/** Document frequencies of the given terms' buckets, and the number of letters counted. */
export async function termFrequencies(tx: Tx, terms: Uint32Array[]): Promise<{ df: Map<number, number>; letters: number }> {
  const buckets = new Set<number>([-1]);
  for (const t of terms) for (let i = 0; i < t.length; i++) buckets.add(termBucket(t[i] as number));
  const rows = await tx
    .selectFrom('petition_term_stat')
    .select(['bucket', 'df'])
    .where('bucket', '=', sql<number>`ANY(${[...buckets]}::int[])`)
    .execute();
  const df = new Map(rows.map((r) => [r.bucket, r.df]));
  return { df, letters: df.get(-1) ?? 0 };
}
