// Issue #2 point 4: scope is checked by the service and again by PostgreSQL row-level security.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import * as orgRepo from '../../server/src/modules/orgs/orgs.repository.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../helpers/factories.ts';

// Two wards of Hà Nội (province 01): Ba Đình (00004) and Ngọc Hà (00008).
const BA_DINH = 'X00004';
const NGOC_HA = 'X00008';

let ctx: TestDb;
let app: FastifyInstance;
let adminBaDinh: Session;
let viewerBaDinh: Session;
let ngocHaId: string;
let baDinhId: string;

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  adminBaDinh = await login(app, await createUser(ctx, { roles: [{ role: 'admin', orgCode: BA_DINH }], totp: true }));
  viewerBaDinh = await login(app, await createUser(ctx, { roles: [{ role: 'viewer', orgCode: BA_DINH }] }));
  ngocHaId = (await orgByCode(ctx, NGOC_HA)).id;
  baDinhId = (await orgByCode(ctx, BA_DINH)).id;
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('API: a user of one commune cannot reach another commune', () => {
  it('sees only their own commune as the root of their tree', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/orgs/roots', headers: viewerBaDinh.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((o: { code: string }) => o.code)).toEqual([BA_DINH]);
  });

  it('reads their own commune by id', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/orgs/${baDinhId}`, headers: viewerBaDinh.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Đảng bộ phường Ba Đình');
  });

  it('gets 404 for another commune, even with its real id', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/orgs/${ngocHaId}`, headers: viewerBaDinh.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('cannot list the children of another commune or find it by search', async () => {
    const children = await app.inject({ method: 'GET', url: `/api/v1/orgs?parentId=${ngocHaId}`, headers: viewerBaDinh.headers });
    expect(children.statusCode).toBe(404);
    const search = await app.inject({ method: 'GET', url: '/api/v1/orgs/search?q=ngoc ha', headers: viewerBaDinh.headers });
    expect(search.json().items).toEqual([]);
  });

  it('an administrator of one commune cannot change another commune, nor create under it', async () => {
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${ngocHaId}`,
      headers: adminBaDinh.headers,
      payload: { name: 'Tên đã bị sửa trái phép', version: 1 },
    });
    expect(patch.statusCode).toBe(404);
    const create = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: adminBaDinh.headers,
      payload: { parentId: ngocHaId, code: 'NH_CB01', name: 'Chi bộ giả mạo', kind: 'grassroots' },
    });
    expect(create.statusCode).toBe(404);
    expect((await orgByCode(ctx, NGOC_HA)).name).toBe('Đảng bộ phường Ngọc Hà');
  });

  it('a viewer cannot write even inside their own commune', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${baDinhId}`,
      headers: viewerBaDinh.headers,
      payload: { name: 'Đổi tên', version: 1 },
    });
    expect(res.statusCode).toBe(403);
  });

  it('an administrator cannot assign a role on another commune when creating a user', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: adminBaDinh.headers,
      payload: { username: 'nguoi.la', fullName: 'Người Lạ', roles: [{ role: 'viewer', orgId: ngocHaId }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['roles.0.orgId']).toMatch(/ngoài phạm vi/);
  });
});

describe('Repository: row-level security returns nothing outside the scope, without the service', () => {
  const baDinhScope = (path: string) => ({ system: false, paths: [path], clearance: 0 });

  it('a query by id for another commune returns no row', async () => {
    const baDinh = await orgByCode(ctx, BA_DINH);
    const row = await inTransaction(ctx.database.db, baDinhScope(baDinh.path), (tx) => orgRepo.findById(tx, ngocHaId));
    expect(row).toBeUndefined();
    const own = await inTransaction(ctx.database.db, baDinhScope(baDinh.path), (tx) => orgRepo.findById(tx, baDinhId));
    expect(own?.code).toBe(BA_DINH);
  });

  it('an unfiltered SELECT sees only the scope; with no scope at all it sees nothing', async () => {
    const baDinh = await orgByCode(ctx, BA_DINH);
    const inScope = await inTransaction(ctx.database.db, baDinhScope(baDinh.path), (tx) =>
      tx.selectFrom('org_unit').select('code').execute(),
    );
    expect(inScope.map((r) => r.code)).toEqual([BA_DINH]);
    const none = await ctx.database.db.selectFrom('org_unit').select('code').execute();
    expect(none).toEqual([]);
  });

  it('an UPDATE of another commune changes no row', async () => {
    const baDinh = await orgByCode(ctx, BA_DINH);
    const changed = await inTransaction(ctx.database.db, baDinhScope(baDinh.path), (tx) =>
      orgRepo.update(tx, ngocHaId, 1, { name: 'Bị sửa' }),
    );
    expect(changed).toBe(false);
    expect((await orgByCode(ctx, NGOC_HA)).name).toBe('Đảng bộ phường Ngọc Hà');
  });

  it('a record marked above the clearance is invisible (Luật Bảo vệ bí mật nhà nước 2018)', async () => {
    const baDinh = await orgByCode(ctx, BA_DINH);
    await inTransaction(ctx.database.db, { system: true, paths: [], clearance: 3 }, (tx) =>
      tx.updateTable('org_unit').set({ secrecy: 2 }).where('id', '=', baDinhId).execute(),
    );
    const low = await inTransaction(ctx.database.db, { system: false, paths: [baDinh.path], clearance: 1 }, (tx) =>
      orgRepo.findById(tx, baDinhId),
    );
    const high = await inTransaction(ctx.database.db, { system: false, paths: [baDinh.path], clearance: 2 }, (tx) =>
      orgRepo.findById(tx, baDinhId),
    );
    expect(low).toBeUndefined();
    expect(high?.code).toBe(BA_DINH);
    await inTransaction(ctx.database.db, { system: true, paths: [], clearance: 3 }, (tx) =>
      tx.updateTable('org_unit').set({ secrecy: 0 }).where('id', '=', baDinhId).execute(),
    );
  });

  it('the application role is not privileged and cannot rewrite the audit log', async () => {
    const { rows } = await ctx.database.pool.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    await expect(ctx.database.pool.query('DELETE FROM audit_log')).rejects.toThrow();
  });
});
