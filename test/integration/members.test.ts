// Issue #3 points 2, 4, 5: members with encrypted CCCDs, posts, relatives, transfers; search without
// diacritics in Vietnamese order; scope; export.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { AuthService } from '../../server/src/modules/auth/auth.service.ts';
import { exportMembers } from '../../server/src/modules/members/members.export.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../helpers/factories.ts';

let ctx: TestDb;
let app: FastifyInstance;
let officer: Session;
let viewer: Session;
let auditor: Session;
let cellA: string;
let cellB: string;

// CCCDs with the structure of Thông tư 59/2021/TT-BCA: Nghệ An (040), male born 1978 / female born 1985.
const DUC = { fullName: 'Nguyễn Văn Đức', gender: 'male', birthDate: '1978-04-12', cccd: '040078001234' };

async function addCell(code: string, name: string, parentCode: string) {
  const parent = await orgByCode(ctx, parentCode);
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const r = await tx
      .insertInto('org_unit')
      .values({
        parent_id: parent.id,
        code,
        name,
        kind: 'grassroots',
        path: `${parent.path}.${code}`,
        province_code: parent.province_code,
        valid_from: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  });
}

async function create(body: Record<string, unknown>, as: Session = officer) {
  return app.inject({ method: 'POST', url: '/api/v1/members', headers: as.headers, payload: { orgId: cellA, ...body } });
}

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  cellA = await addCell('DL_CB01', 'Chi bộ Xóm 1', 'X17662');
  cellB = await addCell('DL_CB02', 'Chi bộ Xóm 2', 'X17662');
  await addCell('BD_CB01', 'Chi bộ Khu phố 1', 'X00004');
  officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'T40' }], totp: true }));
  viewer = await login(app, await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'T40' }] }));
  auditor = await login(app, await createUser(ctx, { roles: [{ role: 'auditor', orgCode: 'TW' }], totp: true }));
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('creating members', () => {
  it('stores the CCCD encrypted with a keyed hash and shows only its last four digits', async () => {
    const res = await create(DUC);
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.cccdMasked).toBe('••••••••1234');
    expect(m.transfers).toHaveLength(1);
    const row = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('member').select(['cccd_enc', 'cccd_hash', 'sort_key']).where('id', '=', m.id).executeTakeFirstOrThrow(),
    );
    expect(row.cccd_enc).not.toContain('040078001234');
    expect(row.cccd_hash?.length).toBe(32);
  });

  it.each([
    [{ cccd: '04007800123' }, 'cccd'],
    [{ cccd: '040079001234' }, 'cccd'],
    [{ cccd: '040178001234' }, 'cccd'],
    [{ birthDate: '31/12/1978' }, 'birthDate'],
    [{ fullName: 'A' }, 'fullName'],
  ])('refuses %o naming the field %s', async (change, field) => {
    const res = await create({ ...DUC, cccd: null, ...change });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toContain(field);
  });

  it('refuses a second member with the same CCCD, and a member placed at a commune committee', async () => {
    const dup = await create({ ...DUC, fullName: 'Người Khác' });
    expect(dup.json().error.fields.cccd).toMatch(/Đã có/);
    const commune = await orgByCode(ctx, 'X17662');
    const atCommune = await create({ fullName: 'Hồ Thị Lan', orgId: commune.id });
    expect(atCommune.json().error.fields.orgId).toMatch(/chi bộ/);
  });
});

describe('finding members', () => {
  beforeAll(async () => {
    for (const fullName of ['Trần Văn Bình', 'Nguyễn Văn An', 'Lê Thị Ánh', 'Phạm Đức Anh']) await create({ fullName, orgId: cellB });
  });

  it('finds "Nguyễn Văn Đức" typed without diacritics, in NFD, or with D for Đ', async () => {
    for (const q of ['nguyen van duc', 'Nguyễn Văn Đức'.normalize('NFD'), 'DUC', 'van đuc']) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/members?q=${encodeURIComponent(q)}`, headers: viewer.headers });
      expect(res.json().items.map((m: { fullName: string }) => m.fullName)).toContain('Nguyễn Văn Đức');
    }
  });

  it('finds by a whole CCCD, never by a fragment of it', async () => {
    const whole = await app.inject({ method: 'GET', url: '/api/v1/members?q=040078001234', headers: viewer.headers });
    expect(whole.json().items.map((m: { fullName: string }) => m.fullName)).toEqual(['Nguyễn Văn Đức']);
    const part = await app.inject({ method: 'GET', url: '/api/v1/members?q=0400780', headers: viewer.headers });
    expect(part.json().items).toEqual([]);
  });

  it('lists in Vietnamese order (given name, then middle, then family), paged on the server', async () => {
    const url = `/api/v1/members?orgId=${cellB}&sort=name&pageSize=3`;
    const p1 = await app.inject({ method: 'GET', url, headers: viewer.headers });
    expect(p1.json().total).toBe(4);
    expect(p1.json().items.map((m: { fullName: string }) => m.fullName)).toEqual(['Nguyễn Văn An', 'Phạm Đức Anh', 'Lê Thị Ánh']);
    const p2 = await app.inject({ method: 'GET', url: `${url}&page=2`, headers: viewer.headers });
    expect(p2.json().items.map((m: { fullName: string }) => m.fullName)).toEqual(['Trần Văn Bình']);
  });

  it('never shows a member of another province, even by id', async () => {
    const other = await orgByCode(ctx, 'BD_CB01');
    const id = await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      const r = await tx
        .insertInto('member')
        .values({ org_id: other.id, org_path: other.path, province_code: '01', full_name: 'Nguyễn Văn Đức', sort_key: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    });
    const byId = await app.inject({ method: 'GET', url: `/api/v1/members/${id}`, headers: officer.headers });
    expect(byId.statusCode).toBe(404);
    const list = await app.inject({ method: 'GET', url: '/api/v1/members?q=nguyen van duc', headers: officer.headers });
    expect(list.json().items.every((m: { id: string }) => m.id !== id)).toBe(true);
  });
});

describe('the profile: posts, relatives, transfers, edits', () => {
  let id: string;
  let version: number;
  beforeAll(async () => {
    const res = await create({
      fullName: 'Đặng Thị Hoa',
      gender: 'female',
      birthDate: '1985-02-03',
      cccd: '040185000777',
      admittedOn: '2010-05-19',
    });
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    id = m.id;
    version = m.version;
  });

  it('adds a post with sensitive areas and finds members by post', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/members/${id}/posts`,
      headers: officer.headers,
      payload: { code: 'secretary', orgId: cellA, sensitiveAreas: ['land', 'finance'], fromDate: '2020-10-01' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().posts[0]).toMatchObject({ title: 'Bí thư', isHead: true, sensitiveAreas: ['land', 'finance'] });
    version = res.json().version;
    const list = await app.inject({ method: 'GET', url: '/api/v1/members?post=secretary', headers: viewer.headers });
    expect(list.json().items.map((m: { id: string }) => m.id)).toContain(id);
    // The unit's own committee: who holds an open post in exactly this cell.
    const held = await app.inject({ method: 'GET', url: `/api/v1/orgs/${cellA}/posts`, headers: viewer.headers });
    expect(held.json().items).toEqual([expect.objectContaining({ code: 'secretary', fullName: 'Đặng Thị Hoa', memberId: id })]);
  });

  it('adds a relative whose CCCD is masked too', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/members/${id}/relatives`,
      headers: officer.headers,
      payload: { relation: 'spouse', fullName: 'Hồ Văn Nam', birthDate: '1983-07-07', cccd: '040083000555' },
    });
    expect(res.json().relatives[0]).toMatchObject({ relation: 'spouse', cccdMasked: '••••••••0555' });
    version = res.json().version;
  });

  it('transfers to another cell, keeping the history of the first', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/members/${id}/transfer`,
      headers: officer.headers,
      payload: { toOrgId: cellB, date: '2025-09-01', reason: 'Chuyển nơi cư trú', version },
    });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.orgName).toBe('Chi bộ Xóm 2');
    expect(m.transfers.map((t: { orgName: string; toDate: string | null }) => [t.orgName, t.toDate])).toEqual([
      ['Chi bộ Xóm 2', null],
      ['Chi bộ Xóm 1', '2025-08-31'],
    ]);
    version = m.version;
  });

  it('refuses a stale edit instead of overwriting', async () => {
    const first = await app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${id}`,
      headers: officer.headers,
      payload: { partyCardNo: '40.123456', version },
    });
    expect(first.statusCode).toBe(200);
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${id}`,
      headers: officer.headers,
      payload: { partyCardNo: '40.999999', version },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('shows the CCCD in clear only with the right and a reason, and audits the reading', async () => {
    const denied = await app.inject({
      method: 'POST',
      url: `/api/v1/members/${id}/cccd`,
      headers: viewer.headers,
      payload: { reason: 'Đối chiếu hồ sơ' },
    });
    expect(denied.statusCode).toBe(403);
    const shown = await app.inject({
      method: 'POST',
      url: `/api/v1/members/${id}/cccd`,
      headers: officer.headers,
      payload: { reason: 'Đối chiếu bản kê khai' },
    });
    expect(shown.json()).toEqual({ cccd: '040185000777' });
    const log = await app.inject({ method: 'GET', url: '/api/v1/audit?action=member.cccd_read', headers: auditor.headers });
    expect(log.json().items[0].detail).toEqual({ reason: 'Đối chiếu bản kê khai' });
    const profile = await app.inject({ method: 'GET', url: `/api/v1/members/${id}`, headers: officer.headers });
    expect(profile.body).not.toContain('040185000777');
    // The earlier edit sent only the party card: nothing else was touched.
    expect(profile.json()).toMatchObject({ gender: 'female', birthDate: '1985-02-03', admittedOn: '2010-05-19', partyCardNo: '40.123456' });
  });
});

describe('export', () => {
  it('refuses, before writing anything, a list longer than the cap of one export', async () => {
    const actor = (await new AuthService(ctx).fromSessionToken(viewer.cookie.slice('ktgs_sid='.length), null))!.actor;
    const q = { orgId: cellB, sort: 'name' as const, order: 'asc' as const };
    await expect(exportMembers(ctx, actor, q, 2)).rejects.toThrow(/hơn 2 đảng viên/);
    expect((await exportMembers(ctx, actor, q, 100)).length).toBeGreaterThan(0);
  });

  it('exports the filtered list to XLSX with Vietnamese headers and dates', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/members/export?orgId=${cellB}`, headers: viewer.headers });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('Họ và tên');
    const names = ws.getColumn(2).values.slice(2);
    expect(names).toContain('Đặng Thị Hoa');
    expect(ws.rowCount - 1).toBe(5);
  });
});
