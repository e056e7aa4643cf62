// Organisation tree editing and user administration through the API, with audit entries.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldForSearch } from '../../common/text.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../helpers/factories.ts';

let ctx: TestDb;
let app: FastifyInstance;
let admin: Session;
let auditor: Session;
let province: { id: string };

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  admin = await login(app, await createUser(ctx, { roles: [{ role: 'admin', orgCode: 'T40' }], totp: true, clearance: 2 }));
  auditor = await login(app, await createUser(ctx, { roles: [{ role: 'auditor', orgCode: 'T40' }], totp: true }));
  province = await orgByCode(ctx, 'T40');
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const commune = async () => orgByCode(ctx, 'X17662');

describe('organisation tree', () => {
  it('creates a grassroots organisation under a commune, audited with its scope', async () => {
    const parent = await commune();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: admin.headers,
      payload: { parentId: parent.id, code: 'DL_CB_XOM1', name: 'Chi bộ Xóm 1', kind: 'grassroots' },
    });
    expect(res.statusCode).toBe(200);
    const org = res.json();
    expect(org.path).toBe(`${parent.path}.DL_CB_XOM1`);
    expect(org.provinceCode).toBe('40');
    const log = await app.inject({ method: 'GET', url: '/api/v1/audit?action=org.create', headers: auditor.headers });
    const entry = log.json().items.find((e: { entityId: string }) => e.entityId === org.id);
    expect(entry.scopePath).toBe(org.path);
    expect(entry.afterDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong placement, a duplicate code and a UBKT in a cell, naming the field', async () => {
    const parent = await commune();
    const cell = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: admin.headers,
      payload: { parentId: parent.id, code: 'DL_X', name: 'Chi bộ sai cấp', kind: 'cell' },
    });
    expect(cell.statusCode).toBe(400);
    expect(cell.json().error.fields.kind).toMatch(/không thể trực thuộc/);
    const dup = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: admin.headers,
      payload: { parentId: parent.id, code: 'X00004', name: 'Trùng mã', kind: 'grassroots' },
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields.code).toMatch(/đã được dùng/);
    const badCode = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: admin.headers,
      payload: { parentId: parent.id, code: 'có dấu', name: 'Mã sai', kind: 'grassroots' },
    });
    expect(badCode.json().error.fields.code).toMatch(/chữ không dấu/);
  });

  it('does not let a second editor silently overwrite the first', async () => {
    const c = await commune();
    const first = await app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${c.id}`,
      headers: admin.headers,
      payload: { name: 'Đảng bộ xã Đô Lương', version: c.version },
    });
    expect(first.statusCode).toBe(200);
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${c.id}`,
      headers: admin.headers,
      payload: { name: 'Tên khác', version: c.version },
    });
    expect(stale.statusCode).toBe(409);
    expect((await commune()).name).toBe('Đảng bộ xã Đô Lương');
  });

  it('finds units without diacritics, and the database folds like the application', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/orgs/search?q=do luong', headers: admin.headers });
    expect(res.json().items.map((o: { code: string }) => o.code)).toContain('X17662');
    const names = ['Nguyễn Văn Đức', 'ĐẶNG THỊ HỒNG', 'Phường Hòa Khánh'.normalize('NFD')];
    for (const n of names) {
      const { rows } = await sql<{ f: string }>`SELECT ktgs_fold(${n}) AS f`.execute(ctx.database.db);
      expect(rows[0]?.f).toBe(foldForSearch(n));
    }
  });

  it('lists the children of a province for lazy loading', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/orgs?parentId=${province.id}`, headers: admin.headers });
    expect(res.json().items.length).toBeGreaterThan(100);
    expect(res.json().items.every((o: { kind: string }) => o.kind === 'commune')).toBe(true);
  });
});

describe('secrecy marks', () => {
  it('reading a unit marked Mật is audited; an unmarked one is not (Luật Bảo vệ bí mật nhà nước 2018)', async () => {
    const c = await commune();
    const count = async () =>
      (await app.inject({ method: 'GET', url: '/api/v1/audit?action=secret.read', headers: auditor.headers })).json().total as number;
    const before = await count();
    await app.inject({ method: 'GET', url: `/api/v1/orgs/${c.id}`, headers: admin.headers });
    expect(await count()).toBe(before);
    const fresh = await app.inject({ method: 'GET', url: `/api/v1/orgs/${c.id}`, headers: admin.headers });
    const marked = await app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${c.id}`,
      headers: admin.headers,
      payload: { secrecy: 1, version: fresh.json().version },
    });
    expect(marked.json().secrecy).toBe(1);
    await app.inject({ method: 'GET', url: `/api/v1/orgs/${c.id}`, headers: admin.headers });
    const log = await app.inject({ method: 'GET', url: '/api/v1/audit?action=secret.read', headers: auditor.headers });
    expect(log.json().total).toBe(before + 1);
    expect(log.json().items[0].entityId).toBe(c.id);
    // An auditor without clearance does not see the marked unit at all.
    expect((await app.inject({ method: 'GET', url: `/api/v1/orgs/${c.id}`, headers: auditor.headers })).statusCode).toBe(404);
  });
});

describe('user administration', () => {
  it('creates a user with a one-time password who must change it, and audits without secrets', async () => {
    const c = await commune();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'Tran.Binh', fullName: 'Trần Văn Bình', clearance: 1, roles: [{ role: 'ubkt_officer', orgId: c.id }] },
    });
    expect(res.statusCode).toBe(200);
    const { user, oneTimePassword } = res.json();
    expect(user.username).toBe('tran.binh');
    expect(user.mustChangePassword).toBe(true);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'tran.binh', password: oneTimePassword },
    });
    expect(signIn.json().stage).toBe('password_change');
    const log = await app.inject({ method: 'GET', url: '/api/v1/audit?action=user.create', headers: auditor.headers });
    expect(JSON.stringify(log.json())).not.toContain(oneTimePassword);
    const list = await app.inject({ method: 'GET', url: '/api/v1/users?q=tran van binh', headers: admin.headers });
    expect(list.json().items.map((u: { username: string }) => u.username)).toEqual(['tran.binh']);
  });

  it('refuses to grant a clearance above the administrator’s own', async () => {
    const c = await commune();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'cao.cap', fullName: 'Cao Cấp', clearance: 3, roles: [{ role: 'viewer', orgId: c.id }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.clearance).toBeTruthy();
  });

  it('resets a user’s 2FA and password, ending their sessions', async () => {
    const target = await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true });
    const theirs = await login(app, target);
    const reset = await app.inject({ method: 'POST', url: `/api/v1/users/${target.id}/reset-totp`, headers: admin.headers });
    expect(reset.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: theirs.headers })).statusCode).toBe(401);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: target.username, password: target.password },
    });
    expect(again.json().stage).toBe('totp_enrol');
    const pw = await app.inject({ method: 'POST', url: `/api/v1/users/${target.id}/reset-password`, headers: admin.headers });
    expect(pw.json().oneTimePassword).toHaveLength(16);
  });

  it('only auditors read the audit log, and verification is itself audited', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/audit', headers: admin.headers })).statusCode).toBe(403);
    const v = await app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: auditor.headers });
    expect(v.json().ok).toBe(true);
    const log = await app.inject({ method: 'GET', url: '/api/v1/audit?action=audit.verify', headers: auditor.headers });
    expect(log.json().total).toBeGreaterThanOrEqual(1);
  });
});
