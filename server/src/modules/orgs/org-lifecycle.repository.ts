// SQL for closing, merging and splitting units. Row-level security limits every statement to the
// transaction's scope; the service has already checked each unit involved.
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

/** Members that move with their unit: active ones. Records that left, died or were merged stay put. */
const ACTIVE = ['probationary', 'full'];

export function lockUnit(tx: Tx, id: string) {
  return tx
    .selectFrom('org_unit')
    .select([
      'id',
      'parent_id',
      'code',
      'name',
      'kind',
      'path',
      'province_code',
      'secrecy',
      'has_committee',
      'has_inspection_committee',
      'valid_from',
      'valid_to',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}
export type UnitRow = NonNullable<Awaited<ReturnType<typeof lockUnit>>>;

export function openChildren(tx: Tx, id: string) {
  return tx
    .selectFrom('org_unit')
    .select(['id', 'code', 'name'])
    .where('parent_id', '=', id)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
}

export function activeMembers(tx: Tx, orgId: string) {
  return tx
    .selectFrom('member')
    .select(['id', 'full_name'])
    .where('org_id', '=', orgId)
    .where('merged_into', 'is', null)
    .where('status', 'in', ACTIVE)
    .orderBy('sort_key')
    .execute();
}

/** Counts per unit, for comparing what the actor sees with what exists (run in the system scope). */
export async function countsForClose(tx: Tx, ids: string[]) {
  const { rows } = await sql<{ id: string; members: number; children: number }>`
    SELECT o.id,
           (SELECT count(*)::int FROM member m WHERE m.org_id = o.id AND m.merged_into IS NULL AND m.status IN ('probationary','full')) AS members,
           (SELECT count(*)::int FROM org_unit c WHERE c.parent_id = o.id AND c.valid_to IS NULL) AS children
    FROM org_unit o WHERE o.id = ANY(${ids}::uuid[])`.execute(tx);
  return rows;
}

/** Members (of those listed) with a cell period that starts on or after `date`: it cannot end before. */
export function periodsFromDate(tx: Tx, memberIds: string[], date: string) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('member_transfer as t')
    .innerJoin('member as m', 'm.id', 't.member_id')
    .select(['m.id', 'm.full_name', 't.from_date'])
    .where('t.member_id', 'in', memberIds)
    .where('t.from_date', '>=', date)
    .execute();
}

/**
 * Moves members to another unit on `date`: their current period ends the day before, a new one opens
 * at the destination. The old period keeps naming the old unit, which is how past reports show it.
 * `updated_at` is left alone: a move by decision says nothing about whether the person's data is current.
 */
export async function moveMembers(
  tx: Tx,
  v: {
    memberIds: string[];
    to: { id: string; path: string; province_code: string | null };
    date: string;
    dayBefore: string;
    reason: string;
  },
): Promise<number> {
  if (v.memberIds.length === 0) return 0;
  await tx
    .updateTable('member')
    .set({ org_id: v.to.id, org_path: v.to.path, province_code: v.to.province_code, version: sql`version + 1` })
    .where('id', 'in', v.memberIds)
    .execute();
  await tx
    .updateTable('member_transfer')
    .set({ to_date: v.dayBefore })
    .where('member_id', 'in', v.memberIds)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', v.date)]))
    .execute();
  await tx
    .insertInto('member_transfer')
    .values(v.memberIds.map((id) => ({ member_id: id, org_id: v.to.id, from_date: v.date, reason: v.reason })))
    .execute();
  return v.memberIds.length;
}

/** Posts held in the unit end with it; cadres it managed pass to the successor, if there is one. */
export async function endPosts(tx: Tx, orgId: string, dayBefore: string, successorId: string | null) {
  await tx
    .updateTable('post')
    .set({ to_date: sql`greatest(from_date, ${dayBefore}::date)` })
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', dayBefore)]))
    .execute();
  if (successorId) {
    await tx
      .updateTable('post')
      .set({ managed_by_org_id: successorId })
      .where('managed_by_org_id', '=', orgId)
      .where('to_date', 'is', null)
      .execute();
  }
}

export async function closeUnit(tx: Tx, id: string, v: { validTo: string; successorId: string | null; reason: string }) {
  await tx
    .updateTable('org_unit')
    .set({ valid_to: v.validTo, successor_id: v.successorId, closed_reason: v.reason, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export function insertEvent(
  tx: Tx,
  v: {
    kind: string;
    effective_date: string;
    from_org_ids: string[];
    to_org_ids: string[];
    decision_no: string | null;
    note: string | null;
    scope_path: string;
    members_moved: number;
    created_by: string | null;
  },
) {
  return tx.insertInto('org_event').values(v).returning('id').executeTakeFirstOrThrow();
}

export function eventsOf(tx: Tx, orgId: string) {
  return tx
    .selectFrom('org_event')
    .selectAll()
    .where(sql<boolean>`${orgId}::uuid = ANY(from_org_ids) OR ${orgId}::uuid = ANY(to_org_ids)`)
    .orderBy('effective_date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

export function orgRefs(tx: Tx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.selectFrom('org_unit').select(['id', 'code', 'name']).where('id', 'in', ids).execute();
}

/** A new unit of a split: beside the old one, inheriting its province, committee and secrecy mark. */
export async function insertPart(
  tx: Tx,
  v: {
    parent: { id: string };
    unit: UnitRow;
    part: { code: string; name: string; kind: string };
    path: string;
    date: string;
    hasInspectionCommittee: boolean;
  },
): Promise<UnitRow> {
  const { id } = await tx
    .insertInto('org_unit')
    .values({
      parent_id: v.parent.id,
      code: v.part.code,
      name: v.part.name.normalize('NFC'),
      kind: v.part.kind,
      path: v.path,
      province_code: v.unit.province_code,
      has_committee: v.unit.has_committee,
      has_inspection_committee: v.hasInspectionCommittee,
      secrecy: v.unit.secrecy,
      valid_from: v.date,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await lockUnit(tx, id)) as UnitRow;
}
