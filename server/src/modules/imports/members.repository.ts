// SQL of member imports: bulk look-ups by key (= ANY of arrays) and bulk writes (INSERT … SELECT FROM
// unnest of column arrays, a few thousand rows per statement). Row-level security limits everything to the
// transaction's scope.
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

/** Rows per write statement: large enough to amortise the round trip, small enough for PGlite's memory. */
const BATCH = 5000;

export async function inBatches<T>(rows: readonly T[], fn: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await fn(rows.slice(i, i + BATCH));
}

export const pick = <T, K extends keyof T>(rows: readonly T[], k: K) => rows.map((r) => r[k]);

export interface OrgRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  parent_id: string | null;
  province_code: string | null;
  has_committee: boolean;
  has_inspection_committee: boolean;
  valid_from: string | null;
  valid_to: string | null;
}

export function orgsByCodes(tx: Tx, codes: string[]): Promise<OrgRef[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'kind', 'path', 'parent_id', 'province_code', 'has_committee', 'has_inspection_committee'])
    .select(['valid_from', 'valid_to'])
    .where('code', '=', sql<string>`ANY(${codes}::text[])`)
    .execute();
}

export function orgsByIds(tx: Tx, ids: string[]): Promise<{ id: string; code: string; kind: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.selectFrom('org_unit').select(['id', 'code', 'kind']).where('id', '=', sql<string>`ANY(${ids}::uuid[])`).execute();
}

/** Which of these organisation codes exist at all (run in the system scope: existence only, no data). */
export async function takenOrgCodes(tx: Tx, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await tx.selectFrom('org_unit').select('code').where('code', '=', sql<string>`ANY(${codes}::text[])`).execute();
  return new Set(rows.map((r) => r.code));
}

export interface StoredMember {
  id: string;
  org_id: string;
  full_name: string;
  name_folded: string;
  gender: string | null;
  birth_date: string | null;
  cccd_hash: Buffer | null;
  party_card_no: string | null;
  status: string;
  admitted_on: string | null;
  confirmed_on: string | null;
}

const MEMBER_COLUMNS = [
  'id',
  'org_id',
  'full_name',
  'name_folded',
  'gender',
  'birth_date',
  'cccd_hash',
  'party_card_no',
  'status',
  'admitted_on',
  'confirmed_on',
] as const;

/** The members that any of the keys find: CCCD hashes, party card numbers, (name, birth date) pairs. */
export async function membersByKeys(
  tx: Tx,
  keys: { hashes: Buffer[]; cards: string[]; names: string[]; births: string[] },
): Promise<StoredMember[]> {
  const out = new Map<string, StoredMember>();
  const add = (rows: StoredMember[]) => {
    for (const r of rows) out.set(r.id, r);
  };
  const base = () => tx.selectFrom('member').select(MEMBER_COLUMNS).where('merged_into', 'is', null);
  if (keys.hashes.length) add(await base().where('cccd_hash', '=', sql<Buffer>`ANY(${keys.hashes}::bytea[])`).execute());
  if (keys.cards.length) add(await base().where('party_card_no', '=', sql<string>`ANY(${keys.cards}::text[])`).execute());
  if (keys.names.length) {
    // The file's names are folded by the same function that fills name_folded.
    add(
      await base()
        .where(
          sql<boolean>`(name_folded, birth_date) IN (SELECT ktgs_fold(n), b FROM unnest(${keys.names}::text[], ${keys.births}::date[]) AS k(n, b))`,
        )
        .execute(),
    );
  }
  return [...out.values()];
}

/** Which CCCD hashes and card numbers belong to any member (system scope: existence only). */
export async function takenMemberKeys(tx: Tx, hashes: Buffer[], cards: string[]) {
  const h = hashes.length
    ? await tx.selectFrom('member').select('cccd_hash').where('cccd_hash', '=', sql<Buffer>`ANY(${hashes}::bytea[])`).execute()
    : [];
  const c = cards.length
    ? await tx.selectFrom('member').select('party_card_no').where('party_card_no', '=', sql<string>`ANY(${cards}::text[])`).execute()
    : [];
  return {
    hashes: new Set(h.map((r) => (r.cccd_hash as Buffer).toString('hex'))),
    cards: new Set(c.map((r) => r.party_card_no as string)),
  };
}

export interface MemberWrite {
  id: string;
  org_id: string;
  org_path: string;
  province_code: string | null;
  full_name: string;
  sort_key: string;
  gender: string | null;
  birth_date: string | null;
  cccd_enc: string | null;
  cccd_hash: Buffer | null;
  cccd_last4: string | null;
  party_card_no: string | null;
  status: string;
  admitted_on: string | null;
  confirmed_on: string | null;
}

const memberArrays = (b: MemberWrite[]) => sql`unnest(
  ${pick(b, 'id')}::uuid[], ${pick(b, 'org_id')}::uuid[], ${pick(b, 'org_path')}::ltree[], ${pick(b, 'province_code')}::text[],
  ${pick(b, 'full_name')}::text[], ${pick(b, 'sort_key')}::text[], ${pick(b, 'gender')}::text[], ${pick(b, 'birth_date')}::date[],
  ${pick(b, 'cccd_enc')}::text[], ${pick(b, 'cccd_hash')}::bytea[], ${pick(b, 'cccd_last4')}::text[], ${pick(b, 'party_card_no')}::text[],
  ${pick(b, 'status')}::text[], ${pick(b, 'admitted_on')}::date[], ${pick(b, 'confirmed_on')}::date[])`;
const MEMBER_WRITE_COLUMNS = sql.raw(
  'id, org_id, org_path, province_code, full_name, sort_key, gender, birth_date, cccd_enc, cccd_hash, cccd_last4, party_card_no, status, admitted_on, confirmed_on',
);

export function insertMembers(tx: Tx, rows: MemberWrite[]) {
  return inBatches(rows, (b) => sql`INSERT INTO member (${MEMBER_WRITE_COLUMNS}) SELECT * FROM ${memberArrays(b)}`.execute(tx));
}

/** Updates whole rows; a CCCD left empty in the file keeps the stored one (coalesce). */
export function updateMembers(tx: Tx, rows: MemberWrite[]) {
  return inBatches(rows, (b) =>
    sql`UPDATE member m SET org_id = v.org_id, org_path = v.org_path, province_code = v.province_code, full_name = v.full_name,
        sort_key = v.sort_key, gender = v.gender, birth_date = v.birth_date, cccd_enc = coalesce(v.cccd_enc, m.cccd_enc),
        cccd_hash = coalesce(v.cccd_hash, m.cccd_hash), cccd_last4 = coalesce(v.cccd_last4, m.cccd_last4), party_card_no = v.party_card_no,
        status = v.status, admitted_on = v.admitted_on, confirmed_on = v.confirmed_on, updated_at = now(), version = m.version + 1
      FROM (SELECT * FROM ${memberArrays(b)} AS x(${MEMBER_WRITE_COLUMNS})) v WHERE m.id = v.id`.execute(tx),
  );
}

export async function openTransfers(tx: Tx, memberIds: string[]) {
  if (memberIds.length === 0) return [];
  return tx
    .selectFrom('member_transfer')
    .select(['id', 'member_id', 'from_date'])
    .where('member_id', '=', sql<string>`ANY(${memberIds}::uuid[])`)
    .where('to_date', 'is', null)
    .execute();
}

export function closeTransfers(tx: Tx, ids: string[], toDate: string) {
  return inBatches(ids, (b) =>
    tx.updateTable('member_transfer').set({ to_date: toDate }).where('id', '=', sql<string>`ANY(${b}::uuid[])`).execute(),
  );
}

/** A period opened today is corrected in place rather than closed before it began. */
export function retargetTransfers(tx: Tx, rows: { id: string; org_id: string }[]) {
  return inBatches(rows, (b) =>
    sql`UPDATE member_transfer t SET org_id = v.org_id
      FROM unnest(${pick(b, 'id')}::uuid[], ${pick(b, 'org_id')}::uuid[]) AS v(id, org_id) WHERE t.id = v.id`.execute(tx),
  );
}

export interface TransferWrite {
  member_id: string;
  org_id: string;
  from_date: string;
  reason: string;
}

export function insertTransfers(tx: Tx, rows: TransferWrite[]) {
  return inBatches(rows, (b) =>
    sql`INSERT INTO member_transfer (member_id, org_id, from_date, reason)
      SELECT * FROM unnest(${pick(b, 'member_id')}::uuid[], ${pick(b, 'org_id')}::uuid[], ${pick(b, 'from_date')}::date[], ${pick(b, 'reason')}::text[])`.execute(
      tx,
    ),
  );
}
