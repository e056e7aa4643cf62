// SQL for the organisation tree. Row-level security limits every query to the transaction's scope.
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

const childCount = sql<number>`(SELECT count(*)::int FROM org_unit c WHERE c.parent_id = o.id)`.as('child_count');

// The columns the API shows (timestamps and the search column stay in the database).
const COLUMNS = [
  'o.id',
  'o.parent_id',
  'o.code',
  'o.name',
  'o.kind',
  'o.path',
  'o.level',
  'o.province_code',
  'o.has_committee',
  'o.has_inspection_committee',
  'o.secrecy',
  'o.valid_from',
  'o.valid_to',
  'o.version',
] as const;

function base(tx: Tx) {
  return tx.selectFrom('org_unit as o').select(COLUMNS).select(childCount);
}
export type OrgRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function findById(tx: Tx, id: string) {
  return base(tx).where('o.id', '=', id).executeTakeFirst();
}

export function findByPaths(tx: Tx, paths: string[]) {
  if (paths.length === 0) return Promise.resolve([] as OrgRow[]);
  return base(tx).where('o.path', 'in', paths).orderBy('o.path').execute();
}

/** The unit and its direct children in one query (the tree browser's lazy load). */
export function withChildren(tx: Tx, parentId: string) {
  return base(tx)
    .where((eb) => eb.or([eb('o.id', '=', parentId), eb('o.parent_id', '=', parentId)]))
    .orderBy('o.code')
    .execute();
}

export function search(tx: Tx, folded: string, limit: number) {
  return base(tx)
    .where('o.name_folded', 'like', `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    .orderBy('o.level')
    .orderBy('o.name')
    .limit(limit)
    .execute();
}

/** The columns an organisation is created with (forms and imports alike). */
export interface OrgColumns {
  parent_id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  province_code: string | null;
  has_committee: boolean;
  has_inspection_committee: boolean;
  valid_from: string | null;
}

export function insert(tx: Tx, v: OrgColumns & { secrecy: number }) {
  return tx.insertInto('org_unit').values(v).returning('id').executeTakeFirstOrThrow();
}

export async function update(
  tx: Tx,
  id: string,
  version: number,
  v: Partial<{
    name: string;
    kind: string;
    has_committee: boolean;
    has_inspection_committee: boolean;
    secrecy: number;
    valid_from: string | null;
    valid_to: string | null;
  }>,
) {
  const r = await tx
    .updateTable('org_unit')
    .set({ ...v, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
