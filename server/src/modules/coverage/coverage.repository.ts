// SQL of the coverage module. Every subtree condition is a range on the path as text, COLLATE "C"
// (migration 0006): text comparisons are leakproof, so PostgreSQL uses the index under row-level
// security. Member counts come from the per-organisation roll-up (coverage_org_stat), never from
// counting members.
import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

/** `ktgs_path_text(col)` within the subtree of `path` (the root included: its text is `path.`). */
function inSubtree(column: RawBuilder<unknown>, path: string) {
  return sql`ktgs_path_text(${column}) COLLATE "C" >= ${`${path}.`} AND ktgs_path_text(${column}) COLLATE "C" < ${`${path}/`}`;
}
const col = (name: string) => sql.raw(name);

/** A case counts in the year its result was given: the conclusion notice, else the closing. */
const DONE_ON = sql.raw('coalesce(c.notified_on, c.closed_on)');

export interface OrgRow {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  path: string;
  secrecy: number;
  province_code: string | null;
}

export async function findOrg(tx: Tx, id: string): Promise<OrgRow | undefined> {
  const r = await sql<OrgRow>`SELECT id, name, kind, parent_id, path::text AS path, secrecy, province_code
    FROM org_unit WHERE id = ${id}`.execute(tx);
  return r.rows[0];
}

/** Organisations of the subtree existing at some time in the year. */
export async function subtreeOrgs(tx: Tx, path: string, from: string, to: string): Promise<OrgRow[]> {
  const r = await sql<OrgRow>`SELECT id, name, kind, parent_id, path::text AS path, secrecy, province_code
    FROM org_unit
    WHERE ${inSubtree(col('path'), path)}
      AND (valid_from IS NULL OR valid_from <= ${to}) AND (valid_to IS NULL OR valid_to >= ${from})`.execute(tx);
  return r.rows;
}

export interface TotalsRow {
  org_id: string;
  members: number;
  leaders: number;
}

/** Roll-up rows of the given organisations (already filtered by row-level security on org_unit). */
export async function memberTotals(tx: Tx, orgIds: string[]): Promise<TotalsRow[]> {
  if (orgIds.length === 0) return [];
  const r = await sql<TotalsRow>`SELECT org_id, members, leaders FROM coverage_org_stat
    WHERE org_id = ANY(${orgIds}::uuid[]) AND (members <> 0 OR leaders <> 0)`.execute(tx);
  return r.rows;
}

export interface DoneCaseRow {
  id: string;
  kind: string;
  body_org_id: string;
  subject_org_id: string | null;
  subject_member_id: string | null;
  programme_item_id: string | null;
  done_on: string;
}

/** Cases on subjects of the subtree whose result was given in [from, to]. */
export async function doneCases(tx: Tx, path: string, from: string, to: string): Promise<DoneCaseRow[]> {
  const r = await sql<DoneCaseRow>`SELECT c.id, c.kind, c.body_org_id, c.subject_org_id, c.subject_member_id,
      c.programme_item_id, ${DONE_ON}::text AS done_on
    FROM inspection_case c
    WHERE ${inSubtree(col('c.subject_path'), path)} AND c.status <> 'cancelled'
      AND ${DONE_ON} >= ${from} AND ${DONE_ON} <= ${to}`.execute(tx);
  return r.rows;
}

export interface PlanItemRow {
  id: string;
  kind: string;
  body_org_id: string;
  subject_org_id: string | null;
  subject_member_id: string | null;
  subject_name: string;
  topic: string;
}

/** Items of the year's approved programmes (an amendment in progress keeps the approved plan) on subjects of the subtree. */
export async function planItems(tx: Tx, path: string, year: number): Promise<PlanItemRow[]> {
  const r = await sql<PlanItemRow>`SELECT i.id, i.kind, p.org_id AS body_org_id, i.subject_org_id, i.subject_member_id,
      i.subject_name, i.topic
    FROM programme_item i JOIN programme p ON p.id = i.programme_id
    WHERE ${inSubtree(col('i.subject_path'), path)} AND i.year = ${year} AND i.status = 'planned'
      AND p.status IN ('approved', 'amending')
    ORDER BY i.id`.execute(tx);
  return r.rows;
}

export interface MemberRow {
  id: string;
  full_name: string;
  org_id: string;
  leader: boolean;
  areas: string[] | null;
}

// A cell secretary or deputy: an open secretary/deputy post held in the member's own organisation,
// as the roll-up counts them (0006).
const LEADER = sql.raw(`EXISTS (SELECT 1 FROM post p WHERE p.member_id = m.id AND p.code IN ('secretary','deputy_secretary')
  AND p.to_date IS NULL AND p.org_id = m.org_id)`);
const AREAS = sql.raw(
  `(SELECT array_agg(DISTINCT a) FROM post p, unnest(p.sensitive_areas) a WHERE p.member_id = m.id AND p.to_date IS NULL)`,
);
const ACTIVE = sql.raw(`m.status IN ('probationary','full') AND m.merged_into IS NULL`);

/** Members named by the year's items, as the roll-up counts them (probationary or full). */
export async function membersByIds(tx: Tx, ids: string[]): Promise<MemberRow[]> {
  if (ids.length === 0) return [];
  const r = await sql<MemberRow>`SELECT m.id, m.full_name, m.org_id, ${LEADER} AS leader, NULL AS areas
    FROM member m WHERE m.id = ANY(${ids}::uuid[]) AND ${ACTIVE}`.execute(tx);
  return r.rows;
}

/** Last done inspection or supervision of each subject of the subtree up to `to`. */
export async function lastCovered(tx: Tx, path: string, to: string): Promise<{ id: string; last: string }[]> {
  const r = await sql<{
    id: string;
    last: string;
  }>`SELECT coalesce(c.subject_member_id, c.subject_org_id) AS id, max(${DONE_ON})::text AS last
    FROM inspection_case c
    WHERE ${inSubtree(col('c.subject_path'), path)} AND c.status <> 'cancelled' AND ${DONE_ON} <= ${to}
    GROUP BY 1`.execute(tx);
  return r.rows;
}

/**
 * The planner's candidates among the subtree's members: at most `cap`, those never covered first, then
 * the longest uncovered, then those in sensitive posts (the planner orders them exactly).
 */
export async function candidateMembers(tx: Tx, root: OrgRow, to: string, cap: number): Promise<MemberRow[]> {
  const province = root.province_code === null ? sql`` : sql`m.province_code = ${root.province_code} AND`;
  const r = await sql<MemberRow>`SELECT m.id, m.full_name, m.org_id, ${LEADER} AS leader, ${AREAS} AS areas
    FROM member m
    LEFT JOIN LATERAL (SELECT max(${DONE_ON}) AS last FROM inspection_case c
      WHERE c.subject_member_id = m.id AND c.status <> 'cancelled' AND ${DONE_ON} <= ${to}) h ON true
    WHERE ${province} (m.org_path_text = ${root.path} OR (m.org_path_text > ${`${root.path}.`} AND m.org_path_text < ${`${root.path}/`}))
      AND ${ACTIVE}
    ORDER BY h.last NULLS FIRST, m.sort_key, m.id
    LIMIT ${cap}`.execute(tx);
  return r.rows;
}
