// SQL of the inspection dashboard: cases by step, kind and status, steps and cases due or overdue,
// remediation overdue, each within the subtree (a range on the stored path key, see coverage.repository.ts).
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';
import { col, inSubtree } from './coverage.repository.ts';

export interface CaseCountRow {
  step: string;
  kind: string;
  status: string;
  n: number;
}

/** Cases run by bodies of the subtree: those of the year, and any still open or suspended. */
export async function caseCounts(tx: Tx, path: string, year: number): Promise<CaseCountRow[]> {
  const r = await sql<CaseCountRow>`SELECT c.step, c.kind, c.status, count(*)::int AS n
    FROM inspection_case c
    WHERE ${inSubtree(col('c.scope_key'), path)} AND (c.year = ${year} OR c.status IN ('open', 'suspended'))
    GROUP BY 1, 2, 3`.execute(tx);
  return r.rows;
}

export interface StepRow {
  case_id: string;
  code: string;
  subject_name: string;
  kind: string;
  step: string;
  due_on: string;
  secrecy: number;
  path: string;
}

const OPEN_STEP = sql`s.completed_on IS NULL AND s.due_on IS NOT NULL AND c.status = 'open'`;

/** Open steps of open cases due in [from, to] (from = null: any time before `to`), soonest first. */
export async function openSteps(tx: Tx, path: string, from: string | null, to: string, limit: number) {
  const lower = from === null ? sql`` : sql`AND s.due_on >= ${from}`;
  const where = sql`${inSubtree(col('s.scope_key'), path)} AND ${OPEN_STEP} AND s.due_on <= ${to} ${lower}`;
  const [count, rows] = await Promise.all([
    sql<{ n: number }>`SELECT count(*)::int AS n FROM case_step s JOIN inspection_case c ON c.id = s.case_id WHERE ${where}`.execute(tx),
    sql<StepRow>`SELECT s.case_id, c.code, c.subject_name, c.kind, s.step, s.due_on::text AS due_on, c.secrecy, c.scope_path::text AS path
      FROM case_step s JOIN inspection_case c ON c.id = s.case_id WHERE ${where}
      ORDER BY s.due_on, c.code LIMIT ${limit}`.execute(tx),
  ]);
  return { count: count.rows[0]?.n ?? 0, rows: rows.rows };
}

export interface OverdueCaseRow {
  id: string;
  code: string;
  subject_name: string;
  due_on: string;
  secrecy: number;
  path: string;
}

/** Open cases past their overall time limit (domain.md §3: 90 days + one extension at lower levels). */
export async function overdueCases(tx: Tx, path: string, today: string, limit: number) {
  const where = sql`${inSubtree(col('c.scope_key'), path)} AND c.status = 'open' AND c.due_on < ${today}`;
  const [count, rows] = await Promise.all([
    sql<{ n: number }>`SELECT count(*)::int AS n FROM inspection_case c WHERE ${where}`.execute(tx),
    sql<OverdueCaseRow>`SELECT c.id, c.code, c.subject_name, c.due_on::text AS due_on, c.secrecy, c.scope_path::text AS path
      FROM inspection_case c WHERE ${where} ORDER BY c.due_on, c.code LIMIT ${limit}`.execute(tx),
  ]);
  return { count: count.rows[0]?.n ?? 0, rows: rows.rows };
}

export interface OverdueRemediationRow {
  id: string;
  case_id: string;
  case_code: string;
  requirement: string;
  owner_name: string;
  due_on: string;
  secrecy: number;
  path: string;
}

export async function overdueRemediation(tx: Tx, path: string, today: string, limit: number) {
  const where = sql`${inSubtree(col('r.scope_key'), path)} AND r.status = 'open' AND r.due_on < ${today}`;
  const [count, rows] = await Promise.all([
    sql<{ n: number }>`SELECT count(*)::int AS n FROM remediation_item r WHERE ${where}`.execute(tx),
    sql<OverdueRemediationRow>`SELECT r.id, r.case_id, c.code AS case_code, r.requirement, r.owner_name, r.due_on::text AS due_on,
        r.secrecy, r.scope_path::text AS path
      FROM remediation_item r JOIN inspection_case c ON c.id = r.case_id WHERE ${where}
      ORDER BY r.due_on, c.code, r.seq LIMIT ${limit}`.execute(tx),
  ]);
  return { count: count.rows[0]?.n ?? 0, rows: rows.rows };
}
