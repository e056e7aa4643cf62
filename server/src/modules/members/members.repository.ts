// SQL for members and what hangs off them (cell periods, posts, relatives). Row-level security
// limits every statement to the transaction's scope; merged records are hidden from lists.
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

export interface MemberFilter {
  /** Subtree (ltree path) the list is limited to, inside the scope. */
  path: string | null;
  /** Provinces the list can only be in (from the subtree or the scope); null when it may be anywhere. */
  provinces: string[] | null;
  /** Folded query, matched at the start of the full name, of the name without the family name, or of the given name. */
  namePrefix: string | null;
  cccdHash: Buffer | null;
  partyCardNo: string | null;
  status: string | null;
  postCode: string | null;
}

export interface Paging {
  sort: 'name' | 'birthDate' | 'admittedOn';
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** Counting stops here: "more than 1.000" is all a list needs to say (and counting further costs). */
export const COUNT_CAP = 1_000;

/** The first string after every string that starts with `prefix` (byte order, COLLATE "C"). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

// Only leakproof comparisons (text =, <, >=) so that indexes serve them under row-level security.
function filtered(tx: Tx, f: MemberFilter) {
  let q = tx.selectFrom('member as m').where('m.merged_into', 'is', null);
  if (f.provinces) q = q.where('m.province_code', 'in', f.provinces);
  if (f.path) {
    const path = f.path;
    q = q.where((eb) =>
      eb.or([eb('m.org_path_text', '=', path), eb.and([eb('m.org_path_text', '>', `${path}.`), eb('m.org_path_text', '<', `${path}/`)])]),
    );
  }
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.postCode) {
    const code = f.postCode;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('post as p')
          .select(sql`1`.as('x'))
          .whereRef('p.member_id', '=', 'm.id')
          .where('p.code', '=', code)
          .where('p.to_date', 'is', null),
      ),
    );
  }
  const { namePrefix, cccdHash, partyCardNo } = f;
  if (cccdHash) q = q.where('m.cccd_hash', '=', cccdHash);
  else if (namePrefix || partyCardNo) {
    q = q.where((eb) => {
      const ors = [];
      if (namePrefix) {
        const hi = prefixEnd(namePrefix);
        for (const col of ['m.name_c', 'm.name_tail', 'm.given_folded'] as const)
          ors.push(eb.and([eb(col, '>=', namePrefix), eb(col, '<', hi)]));
      }
      if (partyCardNo) ors.push(eb('m.party_card_no', '=', partyCardNo));
      return eb.or(ors);
    });
  }
  return q;
}

const SORT_COLUMN = { name: 'm.sort_key', birthDate: 'm.birth_date', admittedOn: 'm.admitted_on' } as const;

/** `countCap` 0 skips the count (the export's later pages, which know it already). */
export async function searchMembers(tx: Tx, f: MemberFilter, p: Paging, countCap = COUNT_CAP) {
  const dir = p.order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  // The page is cut on member alone, then joined: the planner, misled by row-level security's
  // estimates, would otherwise drive the join from org_unit.
  const page = filtered(tx, f)
    .select([
      'm.id',
      'm.full_name',
      'm.gender',
      'm.birth_date',
      'm.admitted_on',
      'm.cccd_last4',
      'm.party_card_no',
      'm.status',
      'm.org_id',
      'm.org_path',
      'm.secrecy',
      'm.sort_key',
    ])
    .orderBy(sql`${sql.ref(SORT_COLUMN[p.sort])} ${dir}`)
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .offset(p.offset)
    .limit(p.limit)
    .as('m');
  const rows = await tx
    .selectFrom(page)
    .innerJoin('org_unit as o', 'o.id', 'm.org_id')
    .selectAll('m')
    .select([
      'o.name as org_name',
      sql<string[]>`coalesce((SELECT array_agg(p.title ORDER BY p.from_date) FROM post p
                              WHERE p.member_id = m.id AND p.to_date IS NULL), '{}')`.as('current_posts'),
    ])
    .orderBy(sql`${sql.ref(SORT_COLUMN[p.sort])} ${dir}`)
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .execute();
  if (countCap === 0) return { rows, total: 0, totalCapped: false };
  const counted = await tx
    .selectFrom(
      filtered(tx, f)
        .select(sql`1`.as('x'))
        .limit(countCap + 1)
        .as('c'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Math.min(counted.n, countCap), totalCapped: counted.n > countCap };
}
export type MemberListRow = Awaited<ReturnType<typeof searchMembers>>['rows'][number];

export function findMember(tx: Tx, id: string) {
  return tx
    .selectFrom('member as m')
    .innerJoin('org_unit as o', 'o.id', 'm.org_id')
    .selectAll('m')
    .select(['o.name as org_name', 'o.kind as org_kind'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}
export type MemberRecord = NonNullable<Awaited<ReturnType<typeof findMember>>>;

export function postsOf(tx: Tx, memberId: string) {
  return tx
    .selectFrom('post as p')
    .leftJoin('org_unit as o', 'o.id', 'p.org_id')
    .leftJoin('org_unit as mo', 'mo.id', 'p.managed_by_org_id')
    .selectAll('p')
    .select(['o.name as org_name', 'mo.name as managed_by_org_name'])
    .where('p.member_id', '=', memberId)
    .orderBy('p.from_date', 'desc')
    .execute();
}

export function relativesOf(tx: Tx, memberId: string) {
  return tx.selectFrom('relative').selectAll().where('member_id', '=', memberId).orderBy('relation').orderBy('full_name').execute();
}

export function transfersOf(tx: Tx, memberId: string) {
  // The units of past periods may be closed, even secret: their names still show (a left join).
  return tx
    .selectFrom('member_transfer as t')
    .leftJoin('org_unit as o', 'o.id', 't.org_id')
    .select(['t.id', 't.org_id', 't.from_date', 't.to_date', 't.reason', 'o.name as org_name', 'o.path as org_path'])
    .where('t.member_id', '=', memberId)
    .orderBy('t.from_date', 'desc')
    .execute();
}

export function findOrg(tx: Tx, id: string) {
  return tx
    .selectFrom('org_unit')
    .select(['id', 'path', 'province_code', 'kind', 'name', 'secrecy', 'valid_to'])
    .where('id', '=', id)
    .executeTakeFirst();
}

type MemberColumns = ReturnType<typeof import('./member-row.ts').memberRow>;

export function insertMember(tx: Tx, row: MemberColumns) {
  return tx.insertInto('member').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Optimistic update: false when someone else saved first. */
export async function updateMember(tx: Tx, id: string, version: number, row: Partial<MemberColumns>) {
  const r = await tx
    .updateTable('member')
    .set({ ...row, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function openTransfer(tx: Tx, memberId: string, orgId: string, fromDate: string, reason: string | null) {
  return tx.insertInto('member_transfer').values({ member_id: memberId, org_id: orgId, from_date: fromDate, reason }).execute();
}

/** Ends the open cell period on `lastDay` (inclusive). */
export function closeOpenTransfer(tx: Tx, memberId: string, lastDay: string) {
  return tx
    .updateTable('member_transfer')
    .set({ to_date: lastDay })
    .where('member_id', '=', memberId)
    .where('to_date', 'is', null)
    .execute();
}

export function openPeriod(tx: Tx, memberId: string) {
  return tx.selectFrom('member_transfer').selectAll().where('member_id', '=', memberId).where('to_date', 'is', null).executeTakeFirst();
}

export function insertPost(
  tx: Tx,
  v: {
    member_id: string;
    category: string;
    code: string;
    title: string;
    org_id: string | null;
    workplace: string | null;
    is_head: boolean;
    managed_by_org_id: string | null;
    sensitive_areas: string[];
    from_date: string;
    to_date: string | null;
  },
) {
  return tx.insertInto('post').values(v).returning('id').executeTakeFirstOrThrow();
}

export function findPost(tx: Tx, memberId: string, postId: string) {
  return tx.selectFrom('post').selectAll().where('id', '=', postId).where('member_id', '=', memberId).executeTakeFirst();
}

export function endPost(tx: Tx, postId: string, toDate: string) {
  return tx.updateTable('post').set({ to_date: toDate }).where('id', '=', postId).execute();
}

export function insertRelative(
  tx: Tx,
  v: {
    member_id: string;
    relation: string;
    full_name: string;
    birth_date: string | null;
    cccd_enc: string | null;
    cccd_hash: Buffer | null;
    cccd_last4: string | null;
    occupation: string | null;
    workplace: string | null;
  },
) {
  return tx.insertInto('relative').values(v).returning('id').executeTakeFirstOrThrow();
}

export async function deleteRelative(tx: Tx, memberId: string, relativeId: string) {
  const r = await tx.deleteFrom('relative').where('id', '=', relativeId).where('member_id', '=', memberId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Bumps the member's version and time stamp when something hanging off it changes. */
export function touchMember(tx: Tx, id: string) {
  return tx.updateTable('member').set({ updated_at: new Date(), version: sql`version + 1` }).where('id', '=', id).execute();
}

/** Open posts held in exactly this unit (its committee, its inspection committee), with their holders. */
export function openPostsIn(tx: Tx, orgId: string) {
  return tx
    .selectFrom('post as p')
    .innerJoin('member as m', 'm.id', 'p.member_id')
    .select([
      'p.id',
      'p.code',
      'p.title',
      'p.category',
      'p.from_date',
      'p.sensitive_areas',
      'm.id as member_id',
      'm.full_name',
      'm.sort_key',
    ])
    .where('p.org_id', '=', orgId)
    .where('p.to_date', 'is', null)
    .where('m.merged_into', 'is', null)
    .orderBy('p.from_date')
    .execute();
}
