// SQL for user accounts and their role assignments (row-level security scopes both).
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

export function list(tx: Tx, opts: { folded: string | null; offset: number; limit: number }) {
  let q = tx.selectFrom('app_user as u');
  if (opts.folded) {
    const like = `%${opts.folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(sql`ktgs_fold(u.full_name)`, 'like', like), eb('u.username', 'like', like)]));
  }
  return Promise.all([
    q.selectAll('u').orderBy('u.username').offset(opts.offset).limit(opts.limit).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
}

export function findById(tx: Tx, id: string) {
  return tx.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function rolesFor(tx: Tx, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('role_assignment as r')
    .innerJoin('org_unit as o', 'o.id', 'r.org_id')
    .select(['r.user_id', 'r.role', 'r.org_id', 'o.path', 'o.name'])
    .where('r.user_id', 'in', userIds)
    .orderBy('o.path')
    .execute();
}

export function orgsByIds(tx: Tx, ids: string[]) {
  return tx.selectFrom('org_unit').select(['id', 'path', 'name']).where('id', 'in', ids).execute();
}

export function insertUser(
  tx: Tx,
  v: {
    username: string;
    full_name: string;
    email: string | null;
    org_id: string;
    org_path: string;
    password_hash: string;
    clearance: number;
  },
) {
  return tx.insertInto('app_user').values(v).returning('id').executeTakeFirstOrThrow();
}

export async function replaceRoles(tx: Tx, userId: string, roles: { role: string; orgId: string }[]) {
  await tx.deleteFrom('role_assignment').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await tx
      .insertInto('role_assignment')
      .values(roles.map((r) => ({ user_id: userId, role: r.role, org_id: r.orgId })))
      .execute();
  }
}

export async function updateUser(
  tx: Tx,
  id: string,
  version: number | null,
  v: Partial<{
    full_name: string;
    email: string | null;
    clearance: number;
    disabled: boolean;
    password_hash: string;
    must_change_password: boolean;
    totp_enabled: boolean;
    totp_secret_enc: string | null;
    totp_pending_secret_enc: string | null;
    totp_last_step: number | null;
    org_id: string;
    org_path: string;
  }>,
) {
  let q = tx
    .updateTable('app_user')
    .set({ ...v, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function deleteRecoveryCodes(tx: Tx, userId: string) {
  return tx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
}
