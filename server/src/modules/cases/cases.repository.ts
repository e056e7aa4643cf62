// SQL for cases, their steps, team and attachments. Row-level security limits every statement to the
// transaction's scope (and, on inspection_case, to the reader's clearance).
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { CaseTeamMemberTable, InspectionCaseTable, RemediationItemTable } from '../../db/types-inspection.ts';

export type CaseRow = Selectable<InspectionCaseTable> & { body_org_name: string; body_org_kind: string; body_org_level: number };

export function findOrg(tx: Tx, id: string) {
  return tx
    .selectFrom('org_unit')
    .select(['id', 'name', 'kind', 'path', 'level', 'province_code', 'has_committee', 'has_inspection_committee', 'secrecy', 'valid_to'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function memberCountOf(tx: Tx, orgId: string): Promise<number> {
  const r = await tx
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('merged_into', 'is', null)
    .where('left_on', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function findMember(tx: Tx, id: string) {
  return tx
    .selectFrom('member')
    .select(['id', 'org_id', 'org_path', 'full_name', 'birth_date', 'cccd_hash', 'secrecy', 'province_code'])
    .where('id', '=', id)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
}
export type MemberLite = NonNullable<Awaited<ReturnType<typeof findMember>>>;

const COMMITTEE_POSTS = ['secretary', 'deputy_secretary', 'standing_member', 'committee_member'];
const HEAD_POSTS = ['secretary', 'deputy_secretary'];

/** Paths of the organisations on whose committee (cấp ủy) the member sits today. */
export async function committeePathsOf(tx: Tx, memberId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('post as p')
    .innerJoin('org_unit as o', 'o.id', 'p.org_id')
    .select('o.path')
    .where('p.member_id', '=', memberId)
    .where('p.code', 'in', COMMITTEE_POSTS)
    .where('p.to_date', 'is', null)
    .execute();
  return rows.map((r) => r.path);
}

/** Who answers for an organisation: its secretary and deputies holding the post today. */
export function headsOf(tx: Tx, orgId: string) {
  return tx
    .selectFrom('post as p')
    .innerJoin('member as m', 'm.id', 'p.member_id')
    .select(['m.id', 'm.org_id', 'm.org_path', 'm.full_name', 'm.birth_date', 'm.cccd_hash', 'm.secrecy', 'm.province_code'])
    .where('p.org_id', '=', orgId)
    .where('p.code', 'in', HEAD_POSTS)
    .where('p.to_date', 'is', null)
    .execute();
}

export function relativesOf(tx: Tx, memberIds: string[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('relative')
    .select(['member_id', 'full_name', 'birth_date', 'cccd_hash'])
    .where('member_id', 'in', memberIds)
    .execute();
}

export function findUser(tx: Tx, id: string) {
  return tx.selectFrom('app_user').select(['id', 'full_name', 'org_path']).where('id', '=', id).executeTakeFirst();
}

export function findProgrammeItem(tx: Tx, id: string) {
  return tx
    .selectFrom('programme_item as i')
    .innerJoin('programme as p', 'p.id', 'i.programme_id')
    .select([
      'i.id',
      'i.kind',
      'i.subject_org_id',
      'i.subject_member_id',
      'i.topic',
      'i.status',
      'i.secrecy',
      'i.year',
      'p.org_id',
      'p.body_type',
      'p.status as programme_status',
      'p.secrecy as programme_secrecy',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export async function caseOfItem(tx: Tx, itemId: string): Promise<string | null> {
  const r = await tx.selectFrom('inspection_case').select('code').where('programme_item_id', '=', itemId).executeTakeFirst();
  return r?.code ?? null;
}

export async function insertCase(tx: Tx, row: Insertable<InspectionCaseTable>) {
  const r = await tx.insertInto('inspection_case').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function findCase(tx: Tx, id: string): Promise<CaseRow | undefined> {
  return tx
    .selectFrom('inspection_case as c')
    .innerJoin('org_unit as o', 'o.id', 'c.body_org_id')
    .selectAll('c')
    .select(['o.name as body_org_name', 'o.kind as body_org_kind', 'o.level as body_org_level'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** Optimistic update: false when the version is stale (someone saved first). */
export async function updateCase(tx: Tx, id: string, version: number, set: Updateable<InspectionCaseTable>): Promise<boolean> {
  const r = await tx
    .updateTable('inspection_case')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function stepsOf(tx: Tx, caseId: string) {
  return tx.selectFrom('case_step').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('started_on').execute();
}

export async function insertStep(
  tx: Tx,
  s: { case_id: string; scope_path: string; step: string; started_on: string; due_on: string | null; created_by: string | null },
) {
  const r = await tx.insertInto('case_step').values(s).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function completeOpenSteps(tx: Tx, caseId: string, on: string, note: string | null) {
  await tx
    .updateTable('case_step')
    .set({ completed_on: on, note: sql`coalesce(${note}, note)` })
    .where('case_id', '=', caseId)
    .where('completed_on', 'is', null)
    .execute();
}

export function teamOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom('case_team_member')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('removed_on', 'is', null)
    .orderBy('added_on')
    .execute();
}

export async function insertSeat(tx: Tx, seat: Insertable<CaseTeamMemberTable>) {
  const r = await tx.insertInto('case_team_member').values(seat).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function removeSeat(tx: Tx, caseId: string, seatId: string, on: string): Promise<boolean> {
  const r = await tx
    .updateTable('case_team_member')
    .set({ removed_on: on, removed_reason: 'Rút khỏi đoàn' })
    .where('id', '=', seatId)
    .where('case_id', '=', caseId)
    .where('removed_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function attachmentsOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom('case_attachment as a')
    .innerJoin('stored_file as f', 'f.id', 'a.file_id')
    .select(['a.id', 'a.step_id', 'a.kind', 'a.title', 'a.created_at', 'f.file_name', 'f.size'])
    .where('a.case_id', '=', caseId)
    .orderBy('a.created_at')
    .execute();
}

export async function insertAttachment(
  tx: Tx,
  a: {
    case_id: string;
    step_id: string | null;
    scope_path: string;
    kind: string;
    title: string;
    file_id: string;
    created_by: string | null;
  },
) {
  const r = await tx.insertInto('case_attachment').values(a).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function findAttachment(tx: Tx, id: string) {
  return tx.selectFrom('case_attachment').select(['id', 'case_id', 'file_id', 'title']).where('id', '=', id).executeTakeFirst();
}

export async function remediationCounts(tx: Tx, caseId: string) {
  const rows = await tx
    .selectFrom('remediation_item')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('case_id', '=', caseId)
    .groupBy('status')
    .execute();
  const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { open: n('open'), done: n('done'), cancelled: n('cancelled') };
}

export async function insertRemediation(tx: Tx, rows: Insertable<RemediationItemTable>[]) {
  if (rows.length === 0) return;
  await tx.insertInto('remediation_item').values(rows).execute();
}
