// SQL for remediation items and their evidence. Subtree filters use the leakproof text range on the
// path (see 0005_inspection.ts) so that they can use the index under row-level security.
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

export interface ItemFilter {
  /** Items of bodies in this subtree (the body's path: the item's scope_path). */
  path: string | null;
  caseId: string | null;
  status: string | null;
  /** Open items due before this date (today, Vietnam time). */
  overdueBefore: string | null;
  /** Only items this user owns; the caller then also limits by clearance. */
  ownerUserId: string | null;
  maxSecrecy: number | null;
}

const itemColumns = [
  'r.id',
  'r.case_id',
  'r.scope_path',
  'r.seq',
  'r.requirement',
  'r.owner_org_id',
  'r.owner_member_id',
  'r.owner_user_id',
  'r.owner_name',
  'r.due_on',
  'r.status',
  'r.done_on',
  'r.result_note',
  'r.cancelled_reason',
  'r.secrecy',
  'r.version',
  'c.code as case_code',
  'c.subject_name as case_subject',
  'c.status as case_status',
] as const;

function base(tx: Tx) {
  return tx.selectFrom('remediation_item as r').innerJoin('inspection_case as c', 'c.id', 'r.case_id');
}

function filtered(tx: Tx, f: ItemFilter) {
  let q = base(tx);
  if (f.path) {
    const p = f.path;
    // The stored key (COLLATE "C", migration 0006) holds path||'.': the range covers the path and its subtree.
    q = q.where('r.scope_key', '>=', `${p}.`).where('r.scope_key', '<', `${p}/`);
  }
  if (f.caseId) q = q.where('r.case_id', '=', f.caseId);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.overdueBefore) q = q.where('r.status', '=', 'open').where('r.due_on', '<', f.overdueBefore);
  if (f.ownerUserId) q = q.where('r.owner_user_id', '=', f.ownerUserId);
  if (f.maxSecrecy !== null) q = q.where('r.secrecy', '<=', f.maxSecrecy);
  return q;
}

export type ItemRow = Awaited<ReturnType<typeof findItem>> & object;

export async function listItems(tx: Tx, f: ItemFilter, page: { offset: number; limit: number }) {
  const [rows, count] = await Promise.all([
    filtered(tx, f)
      .select([...itemColumns])
      .select((eb) =>
        eb
          .selectFrom('remediation_evidence as e')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('e.item_id', '=', 'r.id')
          .as('evidence_count'),
      )
      .orderBy(sql`CASE r.status WHEN 'open' THEN 0 ELSE 1 END`)
      .orderBy('r.due_on')
      .orderBy('c.code')
      .orderBy('r.seq')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    filtered(tx, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findItem(tx: Tx, id: string) {
  return base(tx)
    .select([...itemColumns])
    .select((eb) =>
      eb
        .selectFrom('remediation_evidence as e')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('e.item_id', '=', 'r.id')
        .as('evidence_count'),
    )
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** Where an item sits and whom it belongs to: enough to decide in which scope to serve it. */
export function peekItem(tx: Tx, id: string) {
  return tx
    .selectFrom('remediation_item')
    .select(['id', 'scope_path', 'secrecy', 'owner_user_id', 'case_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function peekEvidence(tx: Tx, id: string) {
  return tx
    .selectFrom('remediation_evidence as e')
    .innerJoin('remediation_item as r', 'r.id', 'e.item_id')
    .select(['e.id', 'e.item_id', 'e.file_id', 'r.scope_path', 'r.secrecy', 'r.owner_user_id', 'r.case_id'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export function caseHead(tx: Tx, caseId: string) {
  return tx
    .selectFrom('inspection_case')
    .select(['id', 'scope_path', 'secrecy', 'status', 'code'])
    .where('id', '=', caseId)
    .executeTakeFirst();
}

export function evidenceOf(tx: Tx, itemId: string) {
  return tx
    .selectFrom('remediation_evidence as e')
    .innerJoin('stored_file as f', 'f.id', 'e.file_id')
    .leftJoin('app_user as u', 'u.id', 'e.created_by')
    .select(['e.id', 'e.note', 'e.created_at', 'f.file_name', 'f.mime', 'f.size', 'u.full_name as created_by_name'])
    .where('e.item_id', '=', itemId)
    .orderBy('e.created_at')
    .execute();
}

export async function addEvidence(
  tx: Tx,
  e: { itemId: string; scopePath: string; fileId: string; note: string | null; by: string | null },
) {
  const row = await tx
    .insertInto('remediation_evidence')
    .values({ item_id: e.itemId, scope_path: e.scopePath, file_id: e.fileId, note: e.note, created_by: e.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Evidence changes what the item is: bump its version so a form opened before sees it changed.
  await tx.updateTable('remediation_item').set({ version: sql`version + 1`, updated_at: new Date() }).where('id', '=', e.itemId).execute();
  return row.id;
}

export interface ItemPatch {
  status?: string;
  done_on?: string | null;
  result_note?: string | null;
  due_on?: string;
  cancelled_reason?: string | null;
}

/** Optimistic update: false when the version read is no longer current. */
export async function updateItem(tx: Tx, id: string, version: number, patch: ItemPatch): Promise<boolean> {
  const r = await tx
    .updateTable('remediation_item')
    .set({ ...patch, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function findOrg(tx: Tx, id: string) {
  return tx.selectFrom('org_unit').select(['id', 'path', 'secrecy']).where('id', '=', id).executeTakeFirst();
}
