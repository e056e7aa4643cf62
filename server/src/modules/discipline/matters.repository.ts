// SQL for discipline matters, their violations and meetings. Row-level security limits every statement to
// the transaction's scope (and, on discipline_matter, to the reader's clearance).
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { DisciplineMatterTable, DisciplineMeetingTable, DisciplineViolationTable } from '../../db/types-discipline.ts';

export type MatterRow = Selectable<DisciplineMatterTable> & { body_org_name: string; body_org_kind: string; body_org_level: number };
export type ViolationRow = Selectable<DisciplineViolationTable>;

export function findOrg(tx: Tx, id: string) {
  return tx
    .selectFrom('org_unit')
    .select(['id', 'name', 'kind', 'path', 'level', 'parent_id', 'province_code', 'has_committee', 'secrecy', 'valid_to'])
    .where('id', '=', id)
    .executeTakeFirst();
}
export type OrgLite = NonNullable<Awaited<ReturnType<typeof findOrg>>>;

export function findOrgByPath(tx: Tx, path: string) {
  return tx.selectFrom('org_unit').select(['id', 'name', 'kind', 'path', 'level']).where('path', '=', path).executeTakeFirst();
}

export function findMember(tx: Tx, id: string) {
  return tx
    .selectFrom('member')
    .select(['id', 'org_id', 'org_path', 'full_name', 'status', 'secrecy'])
    .where('id', '=', id)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
}

/** The member's open posts with the organisation each is held in (committee seats, managing body). */
export function openPostsOf(tx: Tx, memberId: string) {
  return tx
    .selectFrom('post as p')
    .leftJoin('org_unit as o', 'o.id', 'p.org_id')
    .leftJoin('org_unit as mo', 'mo.id', 'p.managed_by_org_id')
    .select(['p.code', 'o.path as org_path', 'o.name as org_name', 'o.level as org_level', 'mo.path as managed_by_path'])
    .where('p.member_id', '=', memberId)
    .where('p.to_date', 'is', null)
    .execute();
}

export function findCase(tx: Tx, id: string) {
  return tx
    .selectFrom('inspection_case')
    .select([
      'id',
      'code',
      'kind',
      'body_org_id',
      'body_type',
      'scope_path',
      'subject_member_id',
      'subject_org_id',
      'propose_discipline',
      'concluded_on',
      'secrecy',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertMatter(tx: Tx, row: Insertable<DisciplineMatterTable>): Promise<string> {
  const r = await tx.insertInto('discipline_matter').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function findMatter(tx: Tx, id: string): Promise<MatterRow | undefined> {
  return tx
    .selectFrom('discipline_matter as m')
    .innerJoin('org_unit as o', 'o.id', 'm.body_org_id')
    .selectAll('m')
    .select(['o.name as body_org_name', 'o.kind as body_org_kind', 'o.level as body_org_level'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** Optimistic update: false when the version is stale (someone saved first). */
export async function updateMatter(tx: Tx, id: string, version: number, set: Updateable<DisciplineMatterTable>): Promise<boolean> {
  const r = await tx
    .updateTable('discipline_matter')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface MatterFilter {
  /** The body's subtree ('TW.T40'), as a range on scope_key so that the index serves it under RLS. */
  path: string | null;
  year: number | null;
  status: string | null;
}

function filtered(tx: Tx, f: MatterFilter) {
  let q = tx.selectFrom('discipline_matter as m');
  if (f.path) q = q.where('m.scope_key', '>=', `${f.path}.`).where('m.scope_key', '<', `${f.path}/`);
  if (f.year !== null) q = q.where('m.year', '=', f.year);
  if (f.status !== null) q = q.where('m.status', '=', f.status);
  return q;
}

export async function listMatters(tx: Tx, f: MatterFilter, offset: number, limit: number) {
  const [rows, total] = await Promise.all([
    filtered(tx, f)
      .innerJoin('org_unit as o', 'o.id', 'm.body_org_id')
      .leftJoin('discipline_decision as d', 'd.matter_id', 'm.id')
      .selectAll('m')
      .select(['o.name as body_org_name', 'd.form as decision_form'])
      .orderBy('m.year', 'desc')
      .orderBy('m.seq', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    filtered(tx, f)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function violationsOf(tx: Tx, matterId: string) {
  return tx.selectFrom('discipline_violation').selectAll().where('matter_id', '=', matterId).orderBy('seq').execute();
}

export async function insertViolation(tx: Tx, row: Omit<Insertable<DisciplineViolationTable>, 'seq'>): Promise<string> {
  const r = await tx
    .insertInto('discipline_violation')
    .values({
      ...row,
      seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM discipline_violation WHERE matter_id = ${row.matter_id})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteViolation(tx: Tx, matterId: string, id: string): Promise<boolean> {
  const r = await tx.deleteFrom('discipline_violation').where('id', '=', id).where('matter_id', '=', matterId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export function meetingsOf(tx: Tx, matterId: string) {
  return tx.selectFrom('discipline_meeting').selectAll().where('matter_id', '=', matterId).orderBy('created_at').execute();
}

export async function insertMeeting(tx: Tx, row: Insertable<DisciplineMeetingTable>): Promise<string> {
  const r = await tx.insertInto('discipline_meeting').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The violations follow the matter when it moves to another (competent) body. */
export async function moveViolations(tx: Tx, matterId: string, scopePath: string) {
  await tx.updateTable('discipline_violation').set({ scope_path: scopePath }).where('matter_id', '=', matterId).execute();
}
