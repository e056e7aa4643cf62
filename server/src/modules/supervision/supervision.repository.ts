// SQL for committee members' regular supervision: assignments, reports, compilations.
import { type Generated, sql } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { SupervisionReportTable } from '../../db/types-inspection.ts';

/** Columns and the table added by migration 0010 (declared here, where they are used). */
interface ReportExtra {
  due_on: string | null;
  late: Generated<boolean>;
  updated_by: string | null;
  updated_at: Date | null;
}
interface CompilationTable {
  id: Generated<string>;
  body_org_id: string;
  scope_path: string;
  year: number;
  period: string;
  reports_count: number;
  missing_count: number;
  compiled_by: string | null;
  compiled_at: Generated<Date>;
}
interface SettingTable {
  body_org_id: string;
  scope_path: string;
  half_due_working_days: number;
  year_due_working_days: number;
  opens_months_before_end: number;
  updated_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
type Extra = {
  supervision_report: SupervisionReportTable & ReportExtra;
  supervision_compilation: CompilationTable;
  supervision_setting: SettingTable;
};
const x = (tx: Tx) => tx.withTables<Extra>();

export function findOrg(tx: Tx, id: string) {
  return tx
    .selectFrom('org_unit')
    .select(['id', 'name', 'path', 'kind', 'has_committee', 'secrecy', 'valid_to'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function orgsByIds(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.selectFrom('org_unit').select(['id', 'name', 'path', 'secrecy']).where('id', 'in', ids).execute();
}

export async function findUser(tx: Tx, id: string) {
  const user = await tx.selectFrom('app_user').select(['id', 'full_name', 'disabled']).where('id', '=', id).executeTakeFirst();
  if (!user) return null;
  const roles = await tx
    .selectFrom('role_assignment as r')
    .innerJoin('org_unit as o', 'o.id', 'r.org_id')
    .select(['r.role', 'o.path'])
    .where('r.user_id', '=', id)
    .execute();
  return { ...user, roles };
}

/** Users holding the committee member role on the organisation or above it (those who can report there). */
export function committeeUsers(tx: Tx, orgPath: string) {
  return tx
    .selectFrom('app_user as u')
    .innerJoin('role_assignment as r', 'r.user_id', 'u.id')
    .innerJoin('org_unit as o', 'o.id', 'r.org_id')
    .select(['u.id', 'u.full_name', 'u.username', 'o.name as org_name'])
    .where('r.role', '=', 'committee_member')
    .where('u.disabled', '=', false)
    .where(sql<boolean>`o.path @> ${orgPath}::ltree`)
    .orderBy('u.full_name')
    .limit(500)
    .execute();
}

export function findMember(tx: Tx, id: string) {
  return tx.selectFrom('member').select(['id', 'full_name', 'org_path', 'secrecy']).where('id', '=', id).executeTakeFirst();
}

const areaColumns = [
  'a.id',
  'a.body_org_id',
  'a.scope_path',
  'a.user_id',
  'a.member_id',
  'a.holder_name',
  'a.area',
  'a.fields',
  'a.subject_org_ids',
  'a.from_date',
  'a.to_date',
  'a.version',
  'o.name as body_org_name',
] as const;

export function findArea(tx: Tx, id: string) {
  return tx
    .selectFrom('supervision_area as a')
    .innerJoin('org_unit as o', 'o.id', 'a.body_org_id')
    .select(areaColumns)
    .where('a.id', '=', id)
    .executeTakeFirst();
}
export type AreaRow = NonNullable<Awaited<ReturnType<typeof findArea>>>;

/** Areas of one committee, or of a user, or all in the transaction's scope (RLS), holder names in order. */
export function listAreas(tx: Tx, f: { bodyOrgId?: string; userId?: string }) {
  let q = tx.selectFrom('supervision_area as a').innerJoin('org_unit as o', 'o.id', 'a.body_org_id').select(areaColumns);
  if (f.bodyOrgId) q = q.where('a.body_org_id', '=', f.bodyOrgId);
  if (f.userId) q = q.where('a.user_id', '=', f.userId);
  return q.orderBy('a.from_date', 'desc').orderBy('a.holder_name').limit(1000).execute();
}

export interface AreaColumns {
  holder_name: string;
  area: string;
  fields: string[];
  subject_org_ids: string[];
  from_date: string;
  to_date: string | null;
}

export function insertArea(
  tx: Tx,
  row: AreaColumns & {
    body_org_id: string;
    scope_path: string;
    user_id: string | null;
    member_id: string | null;
    created_by: string | null;
  },
) {
  return tx.insertInto('supervision_area').values(row).returning('id').executeTakeFirstOrThrow();
}

/** False when someone else saved first (stale version). */
export async function updateArea(tx: Tx, id: string, version: number, row: Partial<AreaColumns>): Promise<boolean> {
  const r = await tx
    .updateTable('supervision_area')
    .set({ ...row, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const reportColumns = [
  'r.id',
  'r.area_id',
  'r.scope_path',
  'r.year',
  'r.period',
  'r.content',
  'r.findings',
  'r.proposals',
  'r.signs_of_violation',
  'r.submitted_at',
  'r.updated_at',
  'r.due_on',
  'r.late',
  'r.version',
  'u.full_name as submitted_by_name',
] as const;

function reports(tx: Tx) {
  return x(tx).selectFrom('supervision_report as r').leftJoin('app_user as u', 'u.id', 'r.submitted_by').select(reportColumns);
}

export function findReport(tx: Tx, id: string) {
  return reports(tx).where('r.id', '=', id).executeTakeFirst();
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export function reportOf(tx: Tx, areaId: string, year: number, period: string) {
  return reports(tx).where('r.area_id', '=', areaId).where('r.year', '=', year).where('r.period', '=', period).executeTakeFirst();
}

export function reportsFor(tx: Tx, areaIds: readonly string[], year: number, period: string) {
  if (areaIds.length === 0) return Promise.resolve([]);
  return reports(tx).where('r.area_id', 'in', areaIds).where('r.year', '=', year).where('r.period', '=', period).execute();
}

export interface ReportColumns {
  content: string;
  findings: string | null;
  proposals: string | null;
  signs_of_violation: boolean;
}

/** Null when the area already has a report for the period (someone sent it first). */
export async function insertReport(
  tx: Tx,
  row: ReportColumns & {
    area_id: string;
    scope_path: string;
    year: number;
    period: string;
    submitted_by: string | null;
    due_on: string;
    late: boolean;
  },
) {
  const r = await x(tx)
    .insertInto('supervision_report')
    .values(row)
    .onConflict((oc) => oc.columns(['area_id', 'year', 'period']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

/** A correction keeps the first submission's date, due date and late mark. False on a stale version. */
export async function updateReport(tx: Tx, id: string, version: number, row: ReportColumns & { updated_by: string | null }) {
  const r = await x(tx)
    .updateTable('supervision_report')
    .set({ ...row, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function findCompilation(tx: Tx, bodyOrgId: string, year: number, period: string) {
  return x(tx)
    .selectFrom('supervision_compilation as c')
    .leftJoin('app_user as u', 'u.id', 'c.compiled_by')
    .select(['c.id', 'c.compiled_at', 'c.reports_count', 'c.missing_count', 'u.full_name as compiled_by_name'])
    .where('c.body_org_id', '=', bodyOrgId)
    .where('c.year', '=', year)
    .where('c.period', '=', period)
    .executeTakeFirst();
}

/** Null when the period was already compiled. */
export async function insertCompilation(
  tx: Tx,
  row: {
    body_org_id: string;
    scope_path: string;
    year: number;
    period: string;
    reports_count: number;
    missing_count: number;
    compiled_by: string | null;
  },
) {
  const r = await x(tx)
    .insertInto('supervision_compilation')
    .values(row)
    .onConflict((oc) => oc.columns(['body_org_id', 'year', 'period']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

export function findSetting(tx: Tx, bodyOrgId: string) {
  return x(tx).selectFrom('supervision_setting').selectAll().where('body_org_id', '=', bodyOrgId).executeTakeFirst();
}

export interface SettingColumns {
  half_due_working_days: number;
  year_due_working_days: number;
  opens_months_before_end: number;
  updated_by: string | null;
}

/** Version 0 records the committee's first setting. False when someone else saved first. */
export async function saveSetting(tx: Tx, bodyOrgId: string, scopePath: string, version: number, row: SettingColumns) {
  if (version === 0) {
    const r = await x(tx)
      .insertInto('supervision_setting')
      .values({ ...row, body_org_id: bodyOrgId, scope_path: scopePath })
      .onConflict((oc) => oc.column('body_org_id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows) === 1;
  }
  const r = await x(tx)
    .updateTable('supervision_setting')
    .set({ ...row, updated_at: new Date(), version: sql`version + 1` })
    .where('body_org_id', '=', bodyOrgId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
