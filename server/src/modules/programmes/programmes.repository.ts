// SQL for programmes, their items and approved revisions. Row-level security limits every statement to
// the transaction's scope and clearance; subtree lists use the leakproof text range on the path.
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

export function findOrg(tx: Tx, id: string) {
  return tx
    .selectFrom('org_unit')
    .select(['id', 'path', 'province_code', 'kind', 'name', 'secrecy', 'valid_to', 'level', 'has_committee', 'has_inspection_committee'])
    .where('id', '=', id)
    .executeTakeFirst();
}
export type OrgRow = NonNullable<Awaited<ReturnType<typeof findOrg>>>;

/** What mayRun needs to know of a chi bộ: its members, and whether it has a chi ủy (open committee posts). */
export async function cellFacts(tx: Tx, orgId: string) {
  const r = await tx
    .selectFrom('org_unit as o')
    .select([
      sql<number>`(SELECT count(*)::int FROM member m WHERE m.org_id = o.id AND m.merged_into IS NULL
                    AND m.status IN ('probationary','full'))`.as('member_count'),
      sql<boolean>`EXISTS (SELECT 1 FROM post p WHERE p.org_id = o.id AND p.to_date IS NULL
                    AND p.code IN ('deputy_secretary','committee_member'))`.as('has_cell_committee'),
    ])
    .where('o.id', '=', orgId)
    .executeTakeFirstOrThrow();
  return { memberCount: r.member_count, hasCellCommittee: r.has_cell_committee };
}

export function findMember(tx: Tx, id: string) {
  return tx
    .selectFrom('member')
    .select(['id', 'full_name', 'org_id', 'org_path', 'secrecy', 'status', 'merged_into'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Paths of the organisations on whose committee (cấp ủy) the member sits now, wherever they are. */
export async function committeeOrgPaths(tx: Tx, memberId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('post as p')
    .innerJoin('org_unit as o', 'o.id', 'p.org_id')
    .select('o.path')
    .where('p.member_id', '=', memberId)
    .where('p.to_date', 'is', null)
    .where('p.code', 'in', ['secretary', 'deputy_secretary', 'standing_member', 'committee_member'])
    .execute();
  return rows.map((r) => r.path);
}

function programmes(tx: Tx) {
  return tx
    .selectFrom('programme as p')
    .leftJoin('org_unit as o', 'o.id', 'p.org_id')
    .selectAll('p')
    .select([
      'o.name as org_name',
      sql<number>`(SELECT count(*)::int FROM programme_item i WHERE i.programme_id = p.id AND i.status = 'planned')`.as('item_count'),
    ]);
}

export function listProgrammes(tx: Tx, f: { path: string | null; year: number | null }) {
  let q = programmes(tx);
  if (f.path) {
    const path = f.path;
    q = q.where((eb) =>
      eb.or([
        eb('p.scope_path', '=', path),
        eb.and([eb(sql`ktgs_path_text(p.scope_path)`, '>=', `${path}.`), eb(sql`ktgs_path_text(p.scope_path)`, '<', `${path}/`)]),
      ]),
    );
  }
  if (f.year !== null) q = q.where('p.year_from', '<=', f.year).where('p.year_to', '>=', f.year);
  return q.orderBy('p.year_from', 'desc').orderBy('p.period').orderBy('p.created_at', 'desc').limit(500).execute();
}

export function findProgramme(tx: Tx, id: string, lock = false) {
  const q = programmes(tx).where('p.id', '=', id);
  return lock ? q.forUpdate('p').executeTakeFirst() : q.executeTakeFirst();
}
export type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof findProgramme>>>;

export function insertProgramme(
  tx: Tx,
  v: {
    org_id: string;
    body_type: string;
    scope_path: string;
    province_code: string | null;
    period: string;
    year_from: number;
    year_to: number;
    title: string;
    secrecy: number;
    created_by: string | null;
  },
) {
  return tx.insertInto('programme').values(v).returning('id').executeTakeFirstOrThrow();
}

/** Optimistic update: false when someone else saved first. */
export async function updateProgramme(
  tx: Tx,
  id: string,
  version: number,
  set: Partial<{
    title: string;
    secrecy: number;
    status: string;
    revision: number;
    decision_no: string | null;
    approved_at: Date;
    approved_by: string | null;
  }>,
) {
  const r = await tx
    .updateTable('programme')
    .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Items keep the programme's mark, so that row-level security hides them with it. */
export function markItems(tx: Tx, programmeId: string, secrecy: number) {
  return tx.updateTable('programme_item').set({ secrecy }).where('programme_id', '=', programmeId).execute();
}

function items(tx: Tx) {
  return tx
    .selectFrom('programme_item as i')
    .leftJoin('org_unit as r', 'r.id', 'i.responsible_org_id')
    .leftJoin('inspection_case as c', 'c.programme_item_id', 'i.id')
    .selectAll('i')
    .select(['r.name as responsible_org_name', 'c.id as case_id', 'c.code as case_code', 'c.step as case_step', 'c.status as case_status']);
}

export function itemsOf(tx: Tx, programmeId: string) {
  return items(tx).where('i.programme_id', '=', programmeId).orderBy('i.seq').execute();
}

export function findItem(tx: Tx, id: string) {
  return items(tx).where('i.id', '=', id).executeTakeFirst();
}
export type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;

export async function nextSeq(tx: Tx, programmeId: string): Promise<number> {
  const r = await tx
    .selectFrom('programme_item')
    .select(sql<number>`coalesce(max(seq), 0)::int + 1`.as('n'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirstOrThrow();
  return r.n;
}

export interface ItemColumns {
  year: number;
  kind: string;
  subject_org_id: string | null;
  subject_member_id: string | null;
  subject_path: string;
  subject_name: string;
  topic: string;
  period_from: string | null;
  period_to: string | null;
  responsible_org_id: string | null;
  lead_name: string | null;
}

export function insertItem(
  tx: Tx,
  v: ItemColumns & { programme_id: string; scope_path: string; province_code: string | null; seq: number; secrecy: number },
) {
  return tx.insertInto('programme_item').values(v).returning('id').executeTakeFirstOrThrow();
}

export async function updateItem(
  tx: Tx,
  id: string,
  version: number,
  set: Partial<ItemColumns & { status: string; cancelled_reason: string | null }>,
) {
  const r = await tx
    .updateTable('programme_item')
    .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Revisions. An amendment opens the next revision's row at once (its reason; approved_by still null);
 * the approval fills in its snapshot. Only rows up to the programme's revision are approved ones.
 */
export function revisionsOf(tx: Tx, programmeId: string) {
  return tx
    .selectFrom('programme_revision as r')
    .leftJoin('app_user as u', 'u.id', 'r.approved_by')
    .select(['r.revision', 'r.reason', 'r.decision_no', 'r.approved_at', 'r.approved_by', 'u.full_name as approved_by_name'])
    .where('r.programme_id', '=', programmeId)
    .orderBy('r.revision')
    .execute();
}

export function findRevision(tx: Tx, programmeId: string, revision: number) {
  return tx
    .selectFrom('programme_revision as r')
    .leftJoin('app_user as u', 'u.id', 'r.approved_by')
    .selectAll('r')
    .select('u.full_name as approved_by_name')
    .where('r.programme_id', '=', programmeId)
    .where('r.revision', '=', revision)
    .executeTakeFirst();
}

export function openRevision(tx: Tx, v: { programme_id: string; revision: number; scope_path: string; snapshot: string; reason: string }) {
  return tx.insertInto('programme_revision').values(v).execute();
}

/** Writes the approved revision: a new row (first approval) or the one the amendment opened. */
export async function saveRevision(
  tx: Tx,
  v: {
    programme_id: string;
    revision: number;
    scope_path: string;
    snapshot: string;
    decision_no: string | null;
    approved_by: string | null;
  },
) {
  await tx
    .insertInto('programme_revision')
    .values({ ...v, approved_at: new Date() })
    .onConflict((oc) =>
      oc.columns(['programme_id', 'revision']).doUpdateSet({
        snapshot: v.snapshot,
        decision_no: v.decision_no,
        approved_by: v.approved_by,
        approved_at: new Date(),
      }),
    )
    .execute();
}
