// SQL of organisation and post imports (bulk, like the member imports).
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { OrgColumns } from '../orgs/orgs.repository.ts';
import { inBatches, pick } from './members.repository.ts';

export type OrgWrite = OrgColumns & { id: string };

const orgArrays = (b: OrgWrite[]) => sql`unnest(${pick(b, 'id')}::uuid[], ${pick(b, 'parent_id')}::uuid[], ${pick(b, 'code')}::text[],
  ${pick(b, 'name')}::text[], ${pick(b, 'kind')}::text[], ${pick(b, 'path')}::ltree[], ${pick(b, 'province_code')}::text[],
  ${pick(b, 'has_committee')}::boolean[], ${pick(b, 'has_inspection_committee')}::boolean[], ${pick(b, 'valid_from')}::date[])`;
const ORG_COLUMNS = sql.raw('id, parent_id, code, name, kind, path, province_code, has_committee, has_inspection_committee, valid_from');

export function insertOrgs(tx: Tx, rows: OrgWrite[]) {
  return inBatches(rows, (b) => sql`INSERT INTO org_unit (${ORG_COLUMNS}) SELECT * FROM ${orgArrays(b)}`.execute(tx));
}

/** Updates the editable columns (the place in the tree never changes through an import). */
export function updateOrgs(tx: Tx, rows: OrgWrite[]) {
  return inBatches(rows, (b) =>
    sql`UPDATE org_unit o SET name = v.name, kind = v.kind, has_committee = v.has_committee,
        has_inspection_committee = v.has_inspection_committee, valid_from = v.valid_from, updated_at = now(), version = o.version + 1
      FROM (SELECT * FROM ${orgArrays(b)} AS x(${ORG_COLUMNS})) v WHERE o.id = v.id`.execute(tx),
  );
}

export interface StoredPost {
  id: string;
  member_id: string;
  code: string;
  title: string;
  org_id: string | null;
  workplace: string | null;
  sensitive_areas: string[];
  from_date: string;
  to_date: string | null;
}

export function postsOfMembers(tx: Tx, memberIds: string[]): Promise<StoredPost[]> {
  if (memberIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('post')
    .select(['id', 'member_id', 'code', 'title', 'org_id', 'workplace', 'sensitive_areas', 'from_date', 'to_date'])
    .where('member_id', '=', sql<string>`ANY(${memberIds}::uuid[])`)
    .execute();
}

export interface PostWrite {
  id: string;
  member_id: string;
  category: string;
  code: string;
  title: string;
  org_id: string | null;
  workplace: string | null;
  is_head: boolean;
  /** Joined with ',' (codes hold none): unnest cannot carry an array per row. */
  areas: string;
  from_date: string;
  to_date: string | null;
}

const postArrays = (b: PostWrite[]) => sql`unnest(${pick(b, 'id')}::uuid[], ${pick(b, 'member_id')}::uuid[], ${pick(b, 'category')}::text[],
  ${pick(b, 'code')}::text[], ${pick(b, 'title')}::text[], ${pick(b, 'org_id')}::uuid[], ${pick(b, 'workplace')}::text[],
  ${pick(b, 'is_head')}::boolean[], ${pick(b, 'areas')}::text[], ${pick(b, 'from_date')}::date[], ${pick(b, 'to_date')}::date[])
  AS v(id, member_id, category, code, title, org_id, workplace, is_head, areas, from_date, to_date)`;

export function insertPosts(tx: Tx, rows: PostWrite[]) {
  return inBatches(rows, (b) =>
    sql`INSERT INTO post (id, member_id, category, code, title, org_id, workplace, is_head, sensitive_areas, from_date, to_date)
      SELECT id, member_id, category, code, title, org_id, workplace, is_head, coalesce(string_to_array(nullif(areas, ''), ','), '{}'), from_date, to_date
      FROM ${postArrays(b)}`.execute(tx),
  );
}

export function updatePosts(tx: Tx, rows: PostWrite[]) {
  return inBatches(rows, (b) =>
    sql`UPDATE post p SET title = v.title, org_id = v.org_id, workplace = v.workplace,
        sensitive_areas = coalesce(string_to_array(nullif(v.areas, ''), ','), '{}'), to_date = v.to_date
      FROM ${postArrays(b)} WHERE p.id = v.id`.execute(tx),
  );
}
