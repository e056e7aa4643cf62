// SQL for merging two records of one person. Row-level security limits every statement to the
// transaction's scope; the service has checked both records.
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

/** Both records, locked in id order so that two merges touching the same pair cannot deadlock. */
export function lockPair(tx: Tx, ids: [string, string]) {
  return tx
    .selectFrom('member')
    .select([
      'id',
      'org_path',
      'secrecy',
      'merged_into',
      'cccd_enc',
      'cccd_hash',
      'cccd_last4',
      'birth_date',
      'party_card_no',
      'gender',
      'admitted_on',
      'confirmed_on',
    ])
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
}
export type MergeRow = Awaited<ReturnType<typeof lockPair>>[number];

export function periodsOf(tx: Tx, memberId: string) {
  return tx.selectFrom('member_transfer').select(['id', 'org_id', 'from_date', 'to_date']).where('member_id', '=', memberId).execute();
}

export async function moveTransfers(tx: Tx, ids: string[], keepId: string): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await tx.updateTable('member_transfer').set({ member_id: keepId }).where('id', 'in', ids).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Posts move unless the kept record already holds the same one (same post, place and start). */
export async function movePosts(tx: Tx, mergeId: string, keepId: string): Promise<number> {
  const { rows } = await sql<{ id: string }>`
    UPDATE post p SET member_id = ${keepId}
    WHERE p.member_id = ${mergeId}
      AND NOT EXISTS (SELECT 1 FROM post k WHERE k.member_id = ${keepId} AND k.code = p.code
                      AND k.org_id IS NOT DISTINCT FROM p.org_id AND k.from_date = p.from_date)
    RETURNING p.id`.execute(tx);
  return rows.length;
}

/** Relatives move unless the kept record already declares the same person (same relation, and CCCD or name). */
export async function moveRelatives(tx: Tx, mergeId: string, keepId: string): Promise<number> {
  const { rows } = await sql<{ id: string }>`
    UPDATE relative r SET member_id = ${keepId}
    WHERE r.member_id = ${mergeId}
      AND NOT EXISTS (SELECT 1 FROM relative k WHERE k.member_id = ${keepId} AND k.relation = r.relation
                      AND (k.cccd_hash = r.cccd_hash OR ktgs_fold(k.full_name) = ktgs_fold(r.full_name)))
    RETURNING r.id`.execute(tx);
  return rows.length;
}

type Fill = Partial<{
  cccd_enc: string | null;
  cccd_hash: Buffer | null;
  cccd_last4: string | null;
  birth_date: string | null;
  party_card_no: string | null;
  gender: string | null;
  admitted_on: string | null;
  confirmed_on: string | null;
  secrecy: number;
}>;

/** The merged record gives up the unique identifiers it hands over (CCCD hash and party card are unique). */
export async function releaseIdentifiers(tx: Tx, mergeId: string, v: { cccd: boolean; partyCard: boolean }) {
  if (!v.cccd && !v.partyCard) return;
  await tx
    .updateTable('member')
    .set({
      ...(v.cccd ? { cccd_enc: null, cccd_hash: null, cccd_last4: null } : {}),
      ...(v.partyCard ? { party_card_no: null } : {}),
    })
    .where('id', '=', mergeId)
    .execute();
}

export async function updateKept(tx: Tx, keepId: string, fill: Fill) {
  await tx
    .updateTable('member')
    .set({ ...fill, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', keepId)
    .execute();
}

export async function markMerged(tx: Tx, mergeId: string, keepId: string) {
  await tx
    .updateTable('member')
    .set({ merged_into: keepId, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', mergeId)
    .execute();
}
