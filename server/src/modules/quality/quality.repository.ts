// SQL for data quality: figures aggregated by organisation path prefix in one pass over the subtree's
// members, suspected duplicate groups, and the members behind a figure. Row-level security limits
// every statement to the transaction's scope. Only active records count: members (dự bị, chính thức)
// not merged into another record.
import { sql } from 'kysely';
import type { QualityIssue } from '../../../../common/quality.ts';
import type { Tx } from '../../db/context.ts';

const ACTIVE = sql`m.merged_into IS NULL AND m.status IN ('probationary','full')`;

export interface FigureRow {
  bucket: string;
  members: number;
  missing_cccd: number;
  missing_birth_date: number;
  stale: number;
  duplicate_groups: number;
  without_secretary: number;
  too_few_full_members: number;
}

/**
 * Figures per bucket: the subtree's path cut one level below `path` (a child's subtree, or the unit
 * itself for its own members); the row with bucket '*' carries the subtree's count of duplicate groups.
 */
export async function figures(tx: Tx, path: string, staleMonths: number): Promise<FigureRow[]> {
  const depth = path.split('.').length + 1;
  const { rows } = await sql<FigureRow>`
    WITH m AS (
      SELECT subpath(m.org_path, 0, ${depth}) AS bucket, m.name_folded, m.birth_date, m.cccd_hash, m.updated_at
      FROM member m WHERE m.org_path <@ ${path}::ltree AND ${ACTIVE}
    ),
    f AS (
      SELECT bucket, count(*)::int AS members,
             count(*) FILTER (WHERE cccd_hash IS NULL)::int AS missing_cccd,
             count(*) FILTER (WHERE birth_date IS NULL)::int AS missing_birth_date,
             count(*) FILTER (WHERE updated_at < now() - make_interval(months => ${staleMonths}))::int AS stale
      FROM m GROUP BY bucket
    ),
    dup AS (
      SELECT array_agg(DISTINCT bucket) AS buckets FROM m WHERE birth_date IS NOT NULL
      GROUP BY name_folded, birth_date HAVING count(*) > 1
      UNION ALL
      SELECT array_agg(DISTINCT bucket) FROM m GROUP BY name_folded HAVING count(*) > 1 AND bool_or(birth_date IS NULL)
    ),
    d AS (SELECT b AS bucket, count(*)::int AS n FROM dup, unnest(dup.buckets) AS b GROUP BY b),
    s AS (
      SELECT subpath(u.path, 0, ${depth}) AS bucket, count(*)::int AS n
      FROM org_unit u
      WHERE u.path <@ ${path}::ltree AND u.kind IN ('cell','grassroots') AND u.valid_to IS NULL
        AND NOT EXISTS (
          SELECT 1 FROM post p JOIN member m ON m.id = p.member_id
          WHERE p.code = 'secretary' AND p.from_date <= current_date AND (p.to_date IS NULL OR p.to_date >= current_date)
            AND coalesce(p.org_id, m.org_id) = u.id AND ${ACTIVE})
      GROUP BY 1
    ),
    -- A chi bộ has at least three full members (Điều lệ Đảng, Điều 21; domain.md §1): open cells, and
    -- grassroots organisations without open sub-units (chi bộ cơ sở), with fewer full members than that.
    few AS (
      SELECT subpath(u.path, 0, ${depth}) AS bucket, count(*)::int AS n
      FROM org_unit u
      WHERE u.path <@ ${path}::ltree AND u.valid_to IS NULL
        AND (u.kind = 'cell' OR (u.kind = 'grassroots' AND NOT EXISTS (
          SELECT 1 FROM org_unit c WHERE c.parent_id = u.id AND c.valid_to IS NULL)))
        AND (SELECT count(*) FROM member m WHERE m.org_id = u.id AND m.status = 'full' AND m.merged_into IS NULL) < 3
      GROUP BY 1
    )
    SELECT k.bucket::text AS bucket, coalesce(f.members, 0) AS members, coalesce(f.missing_cccd, 0) AS missing_cccd,
           coalesce(f.missing_birth_date, 0) AS missing_birth_date, coalesce(f.stale, 0) AS stale,
           coalesce(d.n, 0) AS duplicate_groups, coalesce(s.n, 0) AS without_secretary,
           coalesce(few.n, 0) AS too_few_full_members
    FROM (SELECT bucket FROM f UNION SELECT bucket FROM s UNION SELECT bucket FROM few) k
    LEFT JOIN f ON f.bucket = k.bucket LEFT JOIN d ON d.bucket = k.bucket LEFT JOIN s ON s.bucket = k.bucket
    LEFT JOIN few ON few.bucket = k.bucket
    UNION ALL
    SELECT '*', 0, 0, 0, 0, (SELECT count(*)::int FROM dup), 0, 0`.execute(tx);
  return rows;
}

export interface DuplicateRow {
  reason: string;
  ids: string[];
  detail: string | null;
}

/** Groups of suspected duplicates, strongest reason first; at most `limit` groups of at most 50 members. */
export async function duplicateGroups(tx: Tx, path: string, limit: number): Promise<DuplicateRow[]> {
  const { rows } = await sql<DuplicateRow & { rank: number; k: string }>`
    WITH m AS (
      SELECT m.id, m.name_folded, m.birth_date, m.party_card_no, m.sort_key FROM member m
      WHERE m.org_path <@ ${path}::ltree AND ${ACTIVE}
    )
    SELECT * FROM (
      SELECT 1 AS rank, name_folded AS k, 'same_name_birth_date' AS reason, (array_agg(id ORDER BY sort_key, id))[1:50] AS ids, NULL AS detail
      FROM m WHERE birth_date IS NOT NULL GROUP BY name_folded, birth_date HAVING count(*) > 1
      UNION ALL
      SELECT 2, name_folded, 'same_name_missing_birth_date', (array_agg(id ORDER BY birth_date NULLS FIRST, sort_key, id))[1:50], NULL
      FROM m GROUP BY name_folded HAVING count(*) > 1 AND bool_or(birth_date IS NULL)
      UNION ALL
      -- The column is unique, so only spellings of one number (spaces, dots, case) can collide.
      SELECT 3, min(party_card_no), 'same_party_card', (array_agg(id ORDER BY sort_key, id))[1:50], NULL
      FROM m WHERE party_card_no IS NOT NULL
      GROUP BY upper(regexp_replace(party_card_no, '[^0-9A-Za-z]', '', 'g')) HAVING count(*) > 1
      UNION ALL
      SELECT 4, owner.name_folded, 'relative_is_member', ARRAY[owner.id, other.id], r.relation || ':' || r.full_name
      FROM relative r
      JOIN m owner ON owner.id = r.member_id
      JOIN member other ON other.cccd_hash = r.cccd_hash AND other.id <> r.member_id AND other.merged_into IS NULL
      WHERE r.cccd_hash IS NOT NULL
    ) g
    ORDER BY rank, k
    LIMIT ${limit}`.execute(tx);
  return rows;
}

const memberColumns = (tx: Tx) =>
  tx
    .selectFrom('member as m')
    .leftJoin('org_unit as o', 'o.id', 'm.org_id')
    .select([
      'm.id',
      'm.full_name',
      'm.birth_date',
      'm.gender',
      'm.cccd_last4',
      'm.party_card_no',
      'm.org_id',
      'o.name as org_name',
      'm.updated_at',
      'm.version',
    ]);
export type QualityMemberRow = Awaited<ReturnType<ReturnType<typeof memberColumns>['executeTakeFirstOrThrow']>>;

export function membersByIds(tx: Tx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as QualityMemberRow[]);
  return memberColumns(tx).where('m.id', 'in', ids).execute();
}

function issueFilter(issue: QualityIssue, staleMonths: number) {
  if (issue === 'missing_cccd') return sql<boolean>`m.cccd_hash IS NULL`;
  if (issue === 'missing_birth_date') return sql<boolean>`m.birth_date IS NULL`;
  return sql<boolean>`m.updated_at < now() - make_interval(months => ${staleMonths})`;
}

/** The members of the subtree with an issue, in Vietnamese name order (stale ones oldest first). */
export async function membersWithIssue(
  tx: Tx,
  path: string,
  issue: QualityIssue,
  staleMonths: number,
  page: { limit: number; offset: number },
) {
  const where = sql<boolean>`m.org_path <@ ${path}::ltree AND ${ACTIVE} AND ${issueFilter(issue, staleMonths)}`;
  const [items, total] = await Promise.all([
    memberColumns(tx)
      .where(where)
      .$if(issue === 'stale', (q) => q.orderBy('m.updated_at'))
      .orderBy('m.sort_key')
      .orderBy('m.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    tx.selectFrom('member as m').select(sql<number>`count(*)::int`.as('n')).where(where).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}
