// Units close, merge and split with history kept (issue #3 point 1), through the API, in both modes.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDb, testContext } from '../../../../test/helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../../../../test/helpers/factories.ts';
import { inTransaction } from '../../db/context.ts';
import { SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import { buildApp } from '../../platform/http/app.ts';
import { memberRow } from '../members/member-row.ts';

let ctx: TestDb;
let app: FastifyInstance;
let admin: Session;
let auditor: Session;

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  admin = await login(app, await createUser(ctx, { roles: [{ role: 'admin', orgCode: 'X16681' }], totp: true }));
  auditor = await login(app, await createUser(ctx, { roles: [{ role: 'auditor', orgCode: 'T40' }], totp: true }));
  await unit('LC_G', 'X16681', 'grassroots');
  await unit('LC_OUT', 'X16690', 'grassroots');
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

async function unit(code: string, parentCode: string, kind: string): Promise<string> {
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const p = await tx.selectFrom('org_unit').selectAll().where('code', '=', parentCode).executeTakeFirstOrThrow();
    const { id } = await tx
      .insertInto('org_unit')
      .values({ parent_id: p.id, code, name: `Chi bộ ${code}`, kind, path: `${p.path}.${code}`, province_code: p.province_code })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}

async function member(orgCode: string, fullName: string): Promise<string> {
  const org = await orgByCode(ctx, orgCode);
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const input = {
      fullName,
      gender: null,
      birthDate: '1980-01-01',
      cccd: null,
      partyCardNo: null,
      status: 'full',
      admittedOn: null,
      confirmedOn: null,
    };
    const { id } = await tx
      .insertInto('member')
      .values(memberRow(ctx.keyring, input, org))
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('member_transfer').values({ member_id: id, org_id: org.id, from_date: '2020-01-01', reason: 'Kết nạp' }).execute();
    return id;
  });
}

/** A member's cell history as a report of the past would read it: which unit, when. */
async function history(memberId: string) {
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .selectFrom('member_transfer as t')
      .innerJoin('org_unit as o', 'o.id', 't.org_id')
      .select(['o.code', 't.from_date', 't.to_date'])
      .where('t.member_id', '=', memberId)
      .orderBy('t.from_date')
      .execute(),
  );
}

const memberOrg = async (id: string) =>
  inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .selectFrom('member as m')
      .innerJoin('org_unit as o', 'o.id', 'm.org_id')
      .select(['o.code', 'm.org_path'])
      .where('m.id', '=', id)
      .executeTakeFirstOrThrow(),
  );

const post = (url: string, payload: Record<string, unknown>, s: Session = admin) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload });
const auditFor = async (action: string, entityId: string) =>
  (await app.inject({ method: 'GET', url: `/api/v1/audit?action=${action}&pageSize=100`, headers: auditor.headers }))
    .json()
    .items.filter((e: { entityId: string }) => e.entityId === entityId);

describe('closing a unit', () => {
  it('needs a successor while it has members, then moves them and keeps the old unit in their history', async () => {
    const from = await unit('LC_C1', 'LC_G', 'cell');
    const to = await unit('LC_C2', 'LC_G', 'cell');
    const m = await member('LC_C1', 'Nguyễn Văn Đức');
    const refused = await post(`/api/v1/orgs/${from}/close`, { date: '2025-07-01' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.successorId).toMatch(/còn 1 đảng viên/);

    const res = await post(`/api/v1/orgs/${from}/close`, { date: '2025-07-01', successorId: to, decisionNo: '12-QĐ/ĐU' });
    expect(res.statusCode).toBe(200);
    expect(res.json().validTo).toBe('2025-06-30');
    expect((await memberOrg(m)).code).toBe('LC_C2');
    // Past reports still show the old unit: the period before the date names LC_C1.
    expect(await history(m)).toEqual([
      { code: 'LC_C1', from_date: '2020-01-01', to_date: '2025-06-30' },
      { code: 'LC_C2', from_date: '2025-07-01', to_date: null },
    ]);
    const events = (await app.inject({ method: 'GET', url: `/api/v1/orgs/${from}/events`, headers: admin.headers })).json().items;
    expect(events).toMatchObject([
      { kind: 'close', effectiveDate: '2025-07-01', decisionNo: '12-QĐ/ĐU', membersMoved: 1, toOrgs: [{ id: to, code: 'LC_C2' }] },
    ]);
    const [entry] = await auditFor('org.close', from);
    expect(entry.beforeDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.afterDigest).not.toBe(entry.beforeDigest);

    const again = await post(`/api/v1/orgs/${from}/close`, { date: '2025-08-01' });
    expect(again.json().error.fields.id).toMatch(/đã ngừng hoạt động từ ngày 01\/07\/2025/);
  });

  it('closes an empty unit without a successor, and refuses a unit whose sub-units are open, naming them', async () => {
    const empty = await unit('LC_EMPTY', 'LC_G', 'cell');
    const res = await post(`/api/v1/orgs/${empty}/close`, { date: '2025-01-01', note: 'Không còn đảng viên' });
    expect(res.statusCode).toBe(200);
    expect(res.json().validTo).toBe('2024-12-31');
    const g = await orgByCode(ctx, 'LC_G');
    const parent = await post(`/api/v1/orgs/${g.id}/close`, { date: '2025-01-01' });
    expect(parent.statusCode).toBe(400);
    expect(parent.json().error.fields.id).toMatch(/tổ chức trực thuộc đang hoạt động: .*Chi bộ LC_C2/);
  });

  it('treats a unit outside the actor’s subtree as not existing', async () => {
    const out = await unit('LC_OUT_C', 'LC_OUT', 'cell');
    const res = await post(`/api/v1/orgs/${out}/close`, { date: '2025-01-01' });
    expect(res.statusCode).toBe(404);
    const inside = await unit('LC_C9', 'LC_G', 'cell');
    await member('LC_C9', 'Trần Thị Hoa');
    const into = await post(`/api/v1/orgs/${inside}/close`, { date: '2025-01-01', successorId: out });
    expect(into.statusCode).toBe(400);
    expect(into.json().error.fields.successorId).toMatch(/không tồn tại hoặc bạn không có quyền xem/);
    const events = await app.inject({ method: 'GET', url: `/api/v1/orgs/${out}/events`, headers: admin.headers });
    expect(events.statusCode).toBe(404);
  });
});

describe('merging and splitting', () => {
  it('merges two cells into a third: members move, one event, one audit entry per closed unit', async () => {
    const a = await unit('LC_MA', 'LC_G', 'cell');
    const b = await unit('LC_MB', 'LC_G', 'cell');
    const into = await unit('LC_MX', 'LC_G', 'cell');
    const ma = await member('LC_MA', 'Lê Văn Tám');
    const mb = await member('LC_MB', 'Phạm Thị Lan');
    const res = await post('/api/v1/orgs/merge', { fromIds: [a, b], intoId: into, date: '2025-07-01', decisionNo: '45-QĐ/ĐU' });
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(into);
    expect((await memberOrg(ma)).code).toBe('LC_MX');
    expect((await memberOrg(mb)).org_path).toMatch(/\.LC_G\.LC_MX$/);
    expect((await history(mb))[0]).toEqual({ code: 'LC_MB', from_date: '2020-01-01', to_date: '2025-06-30' });
    const events = (await app.inject({ method: 'GET', url: `/api/v1/orgs/${into}/events`, headers: admin.headers })).json().items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'merge', membersMoved: 2, fromOrgs: [{ id: a }, { id: b }], toOrgs: [{ id: into }] });
    expect(await auditFor('org.merge', a)).toHaveLength(1);
    expect(await auditFor('org.merge', b)).toHaveLength(1);
  });

  it('refuses a split that leaves a member out, naming them; then splits and closes the old unit', async () => {
    const old = await unit('LC_S', 'LC_G', 'cell');
    const m1 = await member('LC_S', 'Võ Văn Kiệt');
    const m2 = await member('LC_S', 'Đặng Thị Ngọc');
    const m3 = await member('LC_S', 'Hồ Văn Minh');
    const parts = (third: string[]) => [
      { code: 'LC_S1', name: 'Chi bộ Xóm 1', kind: 'cell', memberIds: [m1, m2] },
      { code: 'LC_S2', name: 'Chi bộ Xóm 2', kind: 'cell', memberIds: third },
    ];
    const missing = await post(`/api/v1/orgs/${old}/split`, { date: '2025-07-01', parts: parts([]) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.parts).toMatch(/Còn 1 đảng viên chưa được xếp .*Hồ Văn Minh/);
    const twice = await post(`/api/v1/orgs/${old}/split`, { date: '2025-07-01', parts: parts([m3, m1]) });
    expect(twice.json().error.fields['parts.1.memberIds']).toMatch(/hai tổ chức mới/);
    const wrongKind = await post(`/api/v1/orgs/${old}/split`, {
      date: '2025-07-01',
      parts: [...parts([m3]).slice(0, 1), { code: 'LC_S2', name: 'Xã mới', kind: 'commune', memberIds: [m3] }],
    });
    expect(wrongKind.json().error.fields['parts.1.kind']).toMatch(/không thể trực thuộc/);

    const res = await post(`/api/v1/orgs/${old}/split`, { date: '2025-07-01', parts: parts([m3]) });
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created.map((o: { code: string; validFrom: string }) => [o.code, o.validFrom])).toEqual([
      ['LC_S1', '2025-07-01'],
      ['LC_S2', '2025-07-01'],
    ]);
    expect((await memberOrg(m3)).code).toBe('LC_S2');
    expect((await history(m1)).map((h) => h.code)).toEqual(['LC_S', 'LC_S1']);
    const closed = await orgByCode(ctx, 'LC_S');
    expect([closed.valid_to, closed.successor_id, closed.closed_reason]).toEqual(['2025-06-30', created[0].id, 'split']);
    const events = (await app.inject({ method: 'GET', url: `/api/v1/orgs/${old}/events`, headers: admin.headers })).json().items;
    expect(events[0]).toMatchObject({ kind: 'split', membersMoved: 3, toOrgs: [{ code: 'LC_S1' }, { code: 'LC_S2' }] });
    expect(await auditFor('org.split', old)).toHaveLength(1);
  });
});
