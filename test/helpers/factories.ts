// Test data made the way the application makes it, each test in its own part of the tree.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import type { Role } from '../../common/roles.ts';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import type { AppContext } from '../../server/src/platform/app-context.ts';
import { hashPassword } from '../../server/src/platform/auth/passwords.ts';
import { newTotpSecret } from '../../server/src/platform/auth/totp.ts';
import { encrypt } from '../../server/src/platform/crypto.ts';

export const PASSWORD = 'Rừng-xanh-lá-thắm-2026';
let passwordHash: Promise<string> | null = null;

export interface TestUser {
  id: string;
  username: string;
  password: string;
  totpSecret: string | null;
}

export async function orgByCode(ctx: AppContext, code: string) {
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirstOrThrow(),
  );
}

export async function createUser(
  ctx: AppContext,
  opts: { roles: { role: Role; orgCode: string }[]; clearance?: number; totp?: boolean; mustChangePassword?: boolean },
): Promise<TestUser> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const username = `u${randomBytes(5).toString('hex')}`;
  const totpSecret = opts.totp ? newTotpSecret() : null;
  const id = await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const orgs = await Promise.all(
      opts.roles.map((r) => tx.selectFrom('org_unit').select(['id', 'path']).where('code', '=', r.orgCode).executeTakeFirstOrThrow()),
    );
    const home = [...orgs].sort((a, b) => a.path.length - b.path.length)[0]!;
    const u = await tx
      .insertInto('app_user')
      .values({
        username,
        full_name: `Người dùng ${username}`,
        email: null,
        org_id: home.id,
        org_path: home.path,
        password_hash: hash,
        must_change_password: opts.mustChangePassword ?? false,
        clearance: opts.clearance ?? 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (totpSecret) {
      await tx
        .updateTable('app_user')
        .set({ totp_enabled: true, totp_secret_enc: encrypt(ctx.keyring, totpSecret, `totp:${u.id}`) })
        .where('id', '=', u.id)
        .execute();
    }
    await tx
      .insertInto('role_assignment')
      .values(opts.roles.map((r, i) => ({ user_id: u.id, role: r.role, org_id: orgs[i]!.id })))
      .execute();
    return u.id;
  });
  return { id, username, password: PASSWORD, totpSecret };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

function cookiesOf(setCookie: string | string[] | undefined): Record<string, string> {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return Object.fromEntries(list.map((c) => (c.split(';')[0] ?? '').split('=') as [string, string]));
}

export function sessionOf(setCookie: string | string[] | undefined): Session {
  const c = cookiesOf(setCookie);
  return {
    cookie: `ktgs_sid=${c.ktgs_sid}`,
    csrf: c.ktgs_csrf ?? '',
    headers: { cookie: `ktgs_sid=${c.ktgs_sid}`, 'x-csrf-token': c.ktgs_csrf ?? '' },
  };
}

/** Signs in through the API, passing the second factor when the user has one. */
export async function login(app: FastifyInstance, user: TestUser): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: user.username, password: user.password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const session = sessionOf(res.headers['set-cookie']);
  if (res.json().stage === 'totp' && user.totpSecret) {
    const code = await generate({ secret: user.totpSecret });
    const r2 = await app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers: session.headers, payload: { code } });
    if (r2.statusCode !== 200) throw new Error(`totp failed: ${r2.body}`);
    // The session moves to its signed-in stage under a new cookie.
    return sessionOf(r2.headers['set-cookie']);
  }
  return session;
}
