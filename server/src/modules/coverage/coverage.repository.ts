// SQL of the coverage module. Every subtree condition is a range on a stored path key (`path.`,
// COLLATE "C", migration 0006): text comparisons are leakproof, so PostgreSQL uses the index under
// row-level security. Member counts come from the per-organisation roll-up (coverage_org_stat), never from
// counting members.
import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

/** A path key column within the subtree of `path` (the root included: its key is `path.`). */
export function inSubtree(column: RawBuilder<unknown>, path: string) {
  return sql`${column} >= ${`${path}.`} AND ${column} < ${`${path}/`}`;
}
export const col = (name: string) => sql.raw(name);

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

export interface SubtreeOrgRow extends OrgRow {
  members: number;
  leaders: number;
}

/** Organisations of the subtree existing at some time in the year, with their roll-up counts. */
export async function subtreeOrgs(tx: Tx, path: string, from: string, to: string): Promise<SubtreeOrgRow[]> {
  const r = await sql<SubtreeOrgRow>`SELECT o.id, o.name, o.kind, o.parent_id, o.path::text AS path, o.secrecy, o.province_code,
      coalesce(s.members, 0) AS members, coalesce(s.leaders, 0) AS leaders
    FROM org_unit o LEFT JOIN coverage_org_stat s ON s.org_id = o.id
    WHERE ${inSubtree(col('o.path_key'), path)}
      AND (o.valid_from IS NULL OR o.valid_from <= ${to}) AND (o.valid_to IS NULL OR o.valid_to >= ${from})`.execute(tx);
  return r.rows;
}

export interface DoneCaseRow {
  id: string;
  kind: string;
  body_org_id: string;
  subject_org_id: string | null;
  subject_member_id: string | null;
  programme_item_id: string | null;
  subject_path: string;
}

/** Cases on subjects of the subtree whose result was given in [from, to]. */
export async function doneCases(tx: Tx, path: string, from: string, to: string): Promise<DoneCaseRow[]> {
  const r = await sql<DoneCaseRow>`SELECT c.id, c.kind, c.body_org_id, c.subject_org_id, c.subject_member_id,
      c.programme_item_id, c.subject_path::text AS subject_path
    FROM inspection_case c
    WHERE ${inSubtree(col('c.subject_key'), path)} AND c.status <> 'cancelled'
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
  subject_path: string;
  topic: string;
}

/** Items of the year's approved programmes (an amendment in progress keeps the approved plan) on subjects of the subtree. */
export async function planItems(tx: Tx, path: string, year: number): Promise<PlanItemRow[]> {
  // Items first (materialised): otherwise the planner, misled by the row-level-security estimate,
  // walks every programme of the country and probes its items.
  const r = await sql<PlanItemRow>`WITH i AS MATERIALIZED (
      SELECT i.id, i.programme_id, i.kind, i.subject_org_id, i.subject_member_id, i.subject_name, i.subject_path::text AS subject_path,
        i.topic FROM programme_item i
      WHERE ${inSubtree(col('i.subject_key'), path)} AND i.year = ${year} AND i.status = 'planned')
    SELECT i.id, i.kind, p.org_id AS body_org_id, i.subject_org_id, i.subject_member_id, i.subject_name, i.subject_path, i.topic
    FROM i JOIN programme p ON p.id = i.programme_id
    WHERE p.status IN ('approved', 'amending')
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

/** Of the given members, those who are cell secretaries or deputies (probationary or full members). */
export async function leadersAmong(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const r = await sql<{ id: string }>`SELECT m.id FROM member m WHERE m.id = ANY(${ids}::uuid[]) AND ${ACTIVE} AND ${LEADER}`.execute(tx);
  return r.rows.map((x) => x.id);
}

/** Last done inspection or supervision of each subject of the subtree up to `to`. */
export async function lastCovered(tx: Tx, path: string, to: string): Promise<{ id: string; last: string }[]> {
  const r = await sql<{
    id: string;
    last: string;
  }>`SELECT coalesce(c.subject_member_id, c.subject_org_id) AS id, max(${DONE_ON})::text AS last
    FROM inspection_case c
    WHERE ${inSubtree(col('c.subject_key'), path)} AND c.status <> 'cancelled' AND ${DONE_ON} <= ${to}
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
