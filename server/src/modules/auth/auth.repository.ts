// SQL for authentication: users by name, sessions, API tokens, recovery codes, throttling.
// Runs in the system scope: authentication happens before anyone's scope is known.
import { type Kysely, sql } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { DB } from '../../db/types.ts';
import type { RoleGrant } from '../../platform/access/actor.ts';

export async function findUserByUsername(tx: Tx, username: string) {
  return tx.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(tx: Tx, id: string) {
  return tx.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rolesOf(tx: Tx, userId: string): Promise<RoleGrant[]> {
  const rows = await tx
    .selectFrom('role_assignment as r')
    .innerJoin('org_unit as o', 'o.id', 'r.org_id')
    .select(['r.role', 'r.org_id', 'o.path', 'o.name'])
    .where('r.user_id', '=', userId)
    .orderBy('o.path')
    .execute();
  return rows.map((r) => ({ role: r.role as RoleGrant['role'], orgId: r.org_id, orgPath: r.path, orgName: r.name }));
}

export async function insertSession(
  tx: Tx,
  s: { tokenHash: Buffer; userId: string; stage: string; csrf: string; expiresAt: Date; ip: string | null; ua: string | null },
) {
  return tx
    .insertInto('session')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      stage: s.stage,
      csrf_token: s.csrf,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.ua,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findLiveSession(tx: Tx, tokenHash: Buffer, idleMinutes: number) {
  return tx
    .selectFrom('session')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .where('last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .executeTakeFirst();
}

export interface PrincipalRow {
  user_id: string;
  username: string;
  full_name: string;
  clearance: number;
  org_path: string;
  totp_enabled: boolean;
  roles: { role: RoleGrant['role']; orgId: string; orgPath: string; orgName: string }[];
}

/** The live session for a cookie, with its user and roles, in one round trip (no transaction). */
export async function sessionPrincipal(db: Kysely<DB>, tokenHash: Buffer, idleMinutes: number) {
  const { rows } = await sql<PrincipalRow & { session_id: string; stage: string; csrf_token: string; last_seen_at: Date }>`
    SELECT * FROM ktgs_session_principal(${tokenHash}, ${idleMinutes})`.execute(db);
  return rows[0];
}

export async function tokenPrincipal(db: Kysely<DB>, tokenHash: Buffer) {
  const { rows } = await sql<PrincipalRow & { token_id: string; scopes: string[]; last_used_at: Date | null }>`
    SELECT * FROM ktgs_token_principal(${tokenHash})`.execute(db);
  return rows[0];
}

export async function rotateSession(tx: Tx, id: string, tokenHash: Buffer, csrf: string, stage: string) {
  await tx.updateTable('session').set({ token_hash: tokenHash, csrf_token: csrf, stage }).where('id', '=', id).execute();
}

export async function touchSession(tx: Tx, id: string) {
  await tx.updateTable('session').set({ last_seen_at: sql`now()` }).where('id', '=', id).execute();
}

export async function revokeSession(tx: Tx, id: string) {
  await tx.updateTable('session').set({ revoked_at: sql`now()` }).where('id', '=', id).execute();
}

export async function revokeUserSessions(tx: Tx, userId: string, exceptId: string | null = null) {
  let q = tx.updateTable('session').set({ revoked_at: sql`now()` }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function touchToken(tx: Tx, id: string) {
  await tx
    .updateTable('api_token')
    .set({ last_used_at: sql`now()` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
    .execute();
}

export async function throttleState(tx: Tx, keys: string[]) {
  return tx.selectFrom('auth_throttle').selectAll().where('key', 'in', keys).execute();
}

/**
 * Counts a failure and sets the back-off: none before the `free`-th failure, then 1 s doubling up to
 * 15 min. Failures older than an hour are forgotten.
 */
export async function recordFailure(tx: Tx, key: string, free: number) {
  await sql`
    WITH cur AS (
      SELECT CASE WHEN t.last_failure_at < now() - interval '1 hour' THEN 1 ELSE t.failures + 1 END AS n
      FROM auth_throttle t WHERE t.key = ${key}
    ), next AS (SELECT coalesce((SELECT n FROM cur), 1) AS n)
    INSERT INTO auth_throttle AS t (key, failures, last_failure_at, blocked_until)
    SELECT ${key}, next.n, now(),
           CASE WHEN next.n < ${free} THEN NULL
                ELSE now() + make_interval(secs => least(900, power(2, next.n - ${free}))) END
    FROM next
    ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
                                    blocked_until = excluded.blocked_until`.execute(tx);
}

export async function clearThrottle(tx: Tx, key: string) {
  await tx.deleteFrom('auth_throttle').where('key', '=', key).execute();
}
