// SQL for discipline decisions, their follow-up tasks, the member's history, internal publication and
// counts. Row-level security limits every statement to the transaction's scope and clearance.
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { DisciplineDecisionTable, DisciplineTaskTable } from '../../db/types-discipline.ts';

export type DecisionRow = Selectable<DisciplineDecisionTable> & {
  matter_code: string;
  body_org_id: string;
  body_org_name: string;
  body_type: string;
  subject_name: string;
};

function withMatter(tx: Tx) {
  return tx
    .selectFrom('discipline_decision as d')
    .innerJoin('discipline_matter as m', 'm.id', 'd.matter_id')
    .innerJoin('org_unit as o', 'o.id', 'm.body_org_id')
    .selectAll('d')
    .select(['m.code as matter_code', 'm.body_org_id', 'o.name as body_org_name', 'm.body_type', 'm.subject_name']);
}

export function findDecision(tx: Tx, id: string): Promise<DecisionRow | undefined> {
  return withMatter(tx).where('d.id', '=', id).executeTakeFirst();
}

export function decisionOfMatter(tx: Tx, matterId: string): Promise<DecisionRow | undefined> {
  return withMatter(tx).where('d.matter_id', '=', matterId).executeTakeFirst();
}

export async function insertDecision(tx: Tx, row: Insertable<DisciplineDecisionTable>): Promise<string> {
  const r = await tx.insertInto('discipline_decision').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateDecision(tx: Tx, id: string, version: number, set: Updateable<DisciplineDecisionTable>): Promise<boolean> {
  const r = await tx
    .updateTable('discipline_decision')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function tasksOf(tx: Tx, decisionId: string) {
  return tx.selectFrom('discipline_task').selectAll().where('decision_id', '=', decisionId).orderBy('due_on').orderBy('kind').execute();
}

export async function insertTasks(tx: Tx, rows: Insertable<DisciplineTaskTable>[]) {
  if (rows.length > 0) await tx.insertInto('discipline_task').values(rows).execute();
}

export async function updateTask(tx: Tx, decisionId: string, id: string, set: { done_on: string | null; note?: string }) {
  const r = await tx
    .updateTable('discipline_task')
    .set({ ...set, version: sql`version + 1` })
    .where('id', '=', id)
    .where('decision_id', '=', decisionId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Decisions about a member that the reader may see. A decision by a higher body outside the reader's
 * subtree is hidden by row-level security: the history shows what the reader's scope holds, no more.
 */
export function decisionsOfMember(tx: Tx, memberId: string) {
  return withMatter(tx).where('d.subject_member_id', '=', memberId).orderBy('d.decided_on', 'desc').execute();
}

/** Whether a matter about the member is open or postponed, wherever it is (the SECURITY DEFINER check). */
export async function underDiscipline(tx: Tx, memberId: string): Promise<boolean> {
  const { rows } = await sql<{ under: boolean }>`SELECT ktgs_member_under_discipline(${memberId}::uuid) AS under`.execute(tx);
  return rows[0]?.under === true;
}

/** The members among these under consideration, in one query (the same SECURITY DEFINER check). */
export async function underDisciplineAmong(tx: Tx, memberIds: string[]): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM unnest(${memberIds}::uuid[]) AS id WHERE ktgs_member_under_discipline(id)`.execute(tx);
  return new Set(rows.map((r) => r.id));
}

/** Decisions published internally in a subtree of deciding bodies (row-level security applies the marks). */
export function published(tx: Tx, path: string | null) {
  let q = withMatter(tx).where('d.publish_internally', '=', true).where('d.status', '!=', 'annulled');
  if (path) q = q.where('m.scope_key', '>=', `${path}.`).where('m.scope_key', '<', `${path}/`);
  return q.orderBy('d.decided_on', 'desc').limit(500).execute();
}

/** Decisions of a year in a subtree with what the counts need; annulled decisions are not counted. */
export function decisionsForStats(tx: Tx, path: string | null, year: number) {
  let q = tx
    .selectFrom('discipline_decision as d')
    .innerJoin('discipline_matter as m', 'm.id', 'd.matter_id')
    .innerJoin('org_unit as o', 'o.id', 'm.body_org_id')
    .select(['d.id', 'd.form', 'd.subject_member_id', 'd.scope_path', 'd.secrecy', 'o.kind as body_kind', 'm.subject_facts'])
    .where('d.status', '!=', 'annulled')
    .where('d.decided_on', '>=', `${year}-01-01`)
    .where('d.decided_on', '<=', `${year}-12-31`);
  if (path) q = q.where('m.scope_key', '>=', `${path}.`).where('m.scope_key', '<', `${path}/`);
  return q.execute();
}
