// Issue #2 point 3: sign-in, first-login duties, sessions, CSRF, back-off, TOTP, tokens, headers, logs.
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../server/src/bootstrap.ts';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, PASSWORD } from '../helpers/factories.ts';

let ctx: TestDb;
let app: FastifyInstance;
const logLines: string[] = [];

function cookies(res: { headers: Record<string, unknown> }): Record<string, string> {
  const raw = res.headers['set-cookie'];
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as string[];
  return Object.fromEntries(list.map((c) => [c.split('=')[0] as string, c]));
}
function value(setCookie: string | undefined): string {
  return (setCookie ?? '').split(';')[0]?.split('=')[1] ?? '';
}
function headersOf(res: { headers: Record<string, unknown> }) {
  const c = cookies(res);
  return { cookie: `ktgs_sid=${value(c.ktgs_sid)}`, 'x-csrf-token': value(c.ktgs_csrf) };
}

beforeAll(async () => {
  ctx = await testContext({ LOG_LEVEL: 'info', KTGS_TRUST_PROXY: 'true' });
  app = await buildApp(ctx, { logStream: { write: (l: string) => void logLines.push(l) } });
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('first administrator', () => {
  let headers: Record<string, string>;
  let oneTime: string;
  let recoveryCodes: string[] = [];

  it('is created once with a random one-time password', async () => {
    const first = await ensureFirstAdmin(ctx.database);
    expect(first?.username).toBe('quantri');
    expect(first?.password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await ensureFirstAdmin(ctx.database)).toBeNull();
    oneTime = first!.password;
  });

  it('must set a new password, then enrol 2FA, before anything else', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'QuanTri', password: oneTime } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stage: 'password_change' });
    headers = headersOf(res);
    const blocked = await app.inject({ method: 'GET', url: '/api/v1/orgs/roots', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');

    const short = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: oneTime, newPassword: 'ngan' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.newPassword).toMatch(/12 ký tự/);
    const common = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: oneTime, newPassword: 'Password123456' },
    });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.fields.newPassword).toMatch(/phổ biến/);

    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: oneTime, newPassword: PASSWORD },
    });
    expect(ok.json()).toEqual({ stage: 'totp_enrol' });
    // Each step rotates the session: the cookie of the previous step no longer works.
    const before = headers;
    headers = headersOf(ok);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: before })).statusCode).toBe(401);
    const stillBlocked = await app.inject({ method: 'GET', url: '/api/v1/orgs/roots', headers });
    expect(stillBlocked.json().error.code).toBe('totp_enrolment_required');

    const start = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrol/start', headers });
    expect(start.statusCode).toBe(200);
    const { secret, qrDataUrl, otpauthUrl } = start.json();
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(otpauthUrl).toContain('otpauth://totp/');
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrol/confirm', headers, payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(400);
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enrol/confirm',
      headers,
      payload: { code: await generate({ secret }) },
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().recoveryCodes).toHaveLength(10);
    headers = headersOf(confirm);
    const roots = await app.inject({ method: 'GET', url: '/api/v1/orgs/roots', headers });
    expect(roots.json().items[0].name).toBe('Trung ương');
    recoveryCodes = confirm.json().recoveryCodes;

    // The secret is stored encrypted, recovery codes only as hashes.
    const row = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('app_user').select(['totp_secret_enc', 'password_hash']).where('username', '=', 'quantri').executeTakeFirstOrThrow(),
    );
    expect(row.totp_secret_enc).not.toContain(secret);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('accepts each recovery code once instead of the app code', async () => {
    const signIn = async () =>
      headersOf(await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'quantri', password: PASSWORD } }));
    const h1 = await signIn();
    const used = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp',
      headers: h1,
      payload: { recoveryCode: recoveryCodes[0]?.toLowerCase() },
    });
    expect(used.json()).toEqual({ stage: 'full' });
    const h2 = await signIn();
    const reused = await app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers: h2, payload: { recoveryCode: recoveryCodes[0] } });
    expect(reused.statusCode).toBe(400);
    const stored = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) => tx.selectFrom('recovery_code').select('code_hash').execute());
    expect(stored.map((r) => r.code_hash.toString('hex'))).not.toContain(recoveryCodes[1]);
  });
});

describe('sessions and CSRF', () => {
  it('sets httpOnly, SameSite=Strict cookies, Secure behind HTTPS, and rotates the session at login', async () => {
    const user = await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'T01' }] });
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: user.username, password: user.password },
    });
    const sid = cookies(first).ktgs_sid ?? '';
    expect(sid).toMatch(/HttpOnly/);
    expect(sid).toMatch(/SameSite=Strict/);
    expect(sid).toMatch(/Secure/);
    expect(cookies(first).ktgs_csrf).not.toMatch(/HttpOnly/);
    const old = headersOf(first);
    const second = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: old.cookie },
      payload: { username: user.username, password: user.password },
    });
    expect(value(cookies(second).ktgs_sid)).not.toBe(value(sid));
    const reuse = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: old });
    expect(reuse.statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token or from another site', async () => {
    const s = await login(app, await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'T01' }] }));
    const noToken = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie: s.cookie },
      payload: { name: 'x1', scopes: ['read'], expiresInDays: 1 },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf');
    const crossSite = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { ...s.headers, origin: 'https://evil.example' },
      payload: { name: 'x1', scopes: ['read'], expiresInDays: 1 },
    });
    expect(crossSite.json().error.code).toBe('csrf');
  });

  it('ends an idle session', async () => {
    const user = await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'T01' }] });
    const s = await login(app, user);
    await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .updateTable('session')
        .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
        .where('user_id', '=', user.id)
        .execute(),
    );
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('signs out of every session', async () => {
    const user = await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'T01' }] });
    const a = await login(app, user);
    const b = await login(app, user);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers: a.headers })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: b.headers })).statusCode).toBe(401);
  });
});

describe('back-off and second factor', () => {
  it('slows down an account after repeated failures, even for the right password', async () => {
    const user = await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'T01' }] });
    const from = { 'x-forwarded-for': '10.20.30.40' };
    for (let i = 0; i < 3; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: from,
        payload: { username: user.username, password: 'sai-mat-khau-roi' },
      });
      expect(r.statusCode).toBe(401);
      expect(r.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: from,
      payload: { username: user.username, password: user.password },
    });
    expect(r.statusCode).toBe(429);
    expect(Number(r.json().error.fields.retryAfterSeconds)).toBeGreaterThan(0);
    expect(r.headers['retry-after']).toBeTruthy();
  });

  it('slows down an address that tries many accounts', async () => {
    const from = { 'x-forwarded-for': '10.20.30.41' };
    for (let i = 0; i < 20; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: from,
        payload: { username: `khong-co-${i}`, password: 'sai-mat-khau-roi' },
      });
      expect(r.statusCode).toBe(401);
    }
    const user = await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'T01' }] });
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: from,
      payload: { username: user.username, password: user.password },
    });
    expect(r.statusCode).toBe(429);
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: user.password },
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('refuses a wrong code and a replayed code', async () => {
    const user = await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'T04' }], totp: true });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: user.password },
    });
    expect(res.json().stage).toBe('totp');
    const headers = headersOf(res);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers, payload: { code: '123456' } })).statusCode).toBe(400);
    const code = await generate({ secret: user.totpSecret! });
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers, payload: { code } })).statusCode).toBe(200);

    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: user.password },
    });
    const h2 = headersOf(again);
    const replay = await app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers: h2, payload: { code } });
    expect(replay.statusCode).toBe(400);
  });
});

describe('API tokens', () => {
  it('authenticates integrations with a hashed, scoped, expiring bearer token', async () => {
    const s = await login(app, await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'T01' }] }));
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: s.headers,
      payload: { name: 'Báo cáo', scopes: ['read'], expiresInDays: 30 },
    });
    expect(made.statusCode).toBe(200);
    const { token, item } = made.json();
    expect(token).toMatch(/^ktgs_/);
    const bearer = { authorization: `Bearer ${token}` };
    const read = await app.inject({ method: 'GET', url: '/api/v1/orgs/roots', headers: bearer });
    expect(read.json().items[0].code).toBe('T01');
    const write = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: bearer,
      payload: { name: 'x2', scopes: ['read'], expiresInDays: 1 },
    });
    expect(write.statusCode).toBe(403);
    const stored = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('api_token').select('token_hash').where('id', '=', item.id).executeTakeFirstOrThrow(),
    );
    expect(stored.token_hash.toString('utf8')).not.toContain(token);
    await app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${item.id}`, headers: s.headers });
    expect((await app.inject({ method: 'GET', url: '/api/v1/orgs/roots', headers: bearer })).statusCode).toBe(401);
  });
});

describe('HTTP hygiene', () => {
  it('answers health, serves OpenAPI and sends strict security headers', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok' });
    const csp = String(health.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['x-frame-options']).toBe('DENY');
    expect(health.headers['x-request-id']).toBeTruthy();
    const docs = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(Object.keys(docs.json().paths)).toContain('/api/v1/auth/login');
  });

  it('answers bad input with a Vietnamese error naming the field, never a crash', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation');
    // No body at all, or an array where an object is expected: 400 in Vietnamese, not a crash.
    for (const payload of [undefined, '[]', 'null']) {
      const none = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.message).toMatch(/^Thiếu dữ liệu gửi lên|JSON sai cú pháp/);
    }
    const missing = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { password: 'x' } });
    expect(missing.json().error.fields.username).toBe('Tên đăng nhập là bắt buộc');
    expect((await app.inject({ method: 'GET', url: '/api/v1/khong-co' })).statusCode).toBe(401);
  });

  it('keeps passwords, cookies and tokens out of the logs', async () => {
    const joined = logLines.join('\n');
    expect(joined.length).toBeGreaterThan(0);
    expect(joined).not.toContain(PASSWORD);
    expect(joined).not.toMatch(/ktgs_sid=[A-Za-z0-9_-]{10}/);
    expect(joined).not.toMatch(/Bearer ktgs_/);
  });
});
