// Data quality ("đúng, đủ, sạch, sống", domain.md §9; issue #3 point 7) through the API, on a small
// crafted data set whose figures are known exactly; and merging two records of one person.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDb, testContext } from '../../../../test/helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../../../../test/helpers/factories.ts';
import { inTransaction } from '../../db/context.ts';
import { SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import { buildApp } from '../../platform/http/app.ts';
import { cccdHash, memberRow } from '../members/member-row.ts';

let ctx: TestDb;
let app: FastifyInstance;
let officer: Session;
let outsider: Session;
let viewer: Session;
let auditor: Session;
const ids: Record<string, string> = {};
const CCCD = { a: '001080000001', b: '001190000002', c: '001085000003', d: '001070000004', e: '001071000005' };

async function unit(code: string, parentCode: string, kind: string) {
  await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const p = await tx.selectFrom('org_unit').selectAll().where('code', '=', parentCode).executeTakeFirstOrThrow();
    await tx
      .insertInto('org_unit')
      .values({ parent_id: p.id, code, name: `Chi bộ ${code}`, kind, path: `${p.path}.${code}`, province_code: p.province_code })
      .execute();
  });
}

async function member(
  key: string,
  orgCode: string,
  fullName: string,
  o: { birth?: string | null; cccd?: string; status?: string; stale?: boolean; card?: string },
) {
  const org = await orgByCode(ctx, orgCode);
  const input = {
    fullName,
    gender: null,
    birthDate: o.birth ?? null,
    cccd: o.cccd ?? null,
    partyCardNo: o.card ?? null,
    status: o.status ?? 'full',
    admittedOn: null,
    confirmedOn: null,
  };
  ids[key] = await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const row = { ...memberRow(ctx.keyring, input, org), ...(o.stale ? { updated_at: '2020-01-01T00:00:00Z' } : {}) };
    const { id } = await tx.insertInto('member').values(row).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('member_transfer').values({ member_id: id, org_id: org.id, from_date: '2020-01-01' }).execute();
    return id;
  });
}

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X16702' }], totp: true }));
  outsider = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X16708' }], totp: true }));
  viewer = await login(app, await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'X16702' }] }));
  auditor = await login(app, await createUser(ctx, { roles: [{ role: 'auditor', orgCode: 'T40' }], totp: true }));
  await unit('QG', 'X16702', 'grassroots');
  await unit('QA', 'QG', 'cell');
  await unit('QB', 'QG', 'cell');
  await unit('QH', 'X16702', 'grassroots');
  await member('duc', 'QA', 'Nguyễn Văn Đức', { birth: '1980-03-05', cccd: CCCD.a });
  await member('ducNoMarks', 'QA', 'Nguyen Van Duc', { birth: '1980-03-05', card: '123456' });
  await member('hoa', 'QA', 'Trần Thị Hoa', { cccd: CCCD.b });
  await member('nam', 'QA', 'Lê Văn Nam', { birth: '1975-01-01', stale: true });
  await member('hoa2', 'QB', 'Trần Thị Hoa', { birth: '1990-02-02' });
  await member('an1', 'QB', 'Phạm Văn An', { birth: '1970-01-01', cccd: CCCD.d });
  await member('an2', 'QB', 'Phạm Văn An', { birth: '1971-01-01', cccd: CCCD.e });
  await member('ly', 'QB', 'Hồ Thị Lý', { status: 'left' });
  await member('hung', 'QH', 'Đỗ Văn Hùng', { birth: '1985-05-05', cccd: CCCD.c });
  const qa = await orgByCode(ctx, 'QA');
  const qb = await orgByCode(ctx, 'QB');
  await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const post = (member_id: string, code: string, title: string, org_id: string | null, from_date: string) =>
      tx
        .insertInto('post')
        .values({ member_id, category: code === 'secretary' ? 'party' : 'mass', code, title, org_id, from_date })
        .execute();
    await post(ids.duc as string, 'secretary', 'Bí thư chi bộ', qa.id, '2021-01-01');
    await post(ids.ducNoMarks as string, 'mass_head', 'Chủ tịch Hội Cựu chiến binh', null, '2018-01-01');
    // Đỗ Văn Hùng declared a relative whose CCCD is Nguyễn Văn Đức's.
    await tx
      .insertInto('relative')
      .values({ member_id: ids.hung as string, relation: 'sibling', full_name: 'Nguyễn Văn Đức', cccd_hash: cccdHash(ctx.keyring, CCCD.a) })
      .execute();
    await tx
      .insertInto('relative')
      .values({ member_id: ids.ducNoMarks as string, relation: 'spouse', full_name: 'Lê Thị Mai' })
      .execute();
    // An earlier cell period of the second record, before the periods they share.
    await tx
      .insertInto('member_transfer')
      .values({ member_id: ids.ducNoMarks as string, org_id: qb.id, from_date: '2010-01-01', to_date: '2015-12-31' })
      .execute();
  });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const get = (url: string, s: Session = officer) => app.inject({ method: 'GET', url, headers: s.headers });
const orgId = async (code: string) => (await orgByCode(ctx, code)).id;
const figures = (
  members: number,
  missingCccd: number,
  missingBirthDate: number,
  withoutSecretary: number,
  stale: number,
  duplicateGroups: number,
  tooFewFullMembers = 0,
) => ({
  members,
  missingCccd,
  missingBirthDate,
  withoutSecretary,
  stale,
  duplicateGroups,
  tooFewFullMembers,
});

describe('quality figures', () => {
  it('counts per sub-unit and in total, from the commune down (active records only)', async () => {
    const res = await get(`/api/v1/quality?orgId=${await orgId('X16702')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const row = (code: string) => body.rows.find((r: { code: string }) => r.code === code);
    expect(row('X16702')).toMatchObject({ self: true, ...figures(0, 0, 0, 0, 0, 0) });
    expect(row('QG')).toMatchObject({ self: false, ...figures(7, 3, 1, 2, 1, 2) });
    // QH is a chi bộ cơ sở with one full member: under the three of Điều lệ Đảng, Điều 21.
    expect(row('QH')).toMatchObject(figures(1, 0, 0, 1, 0, 0, 1));
    expect(body.total).toEqual(figures(8, 3, 1, 3, 1, 2, 1));
  });

  it('drills down one level: a group spanning two cells counts in each, once in the total', async () => {
    const body = (await get(`/api/v1/quality?orgId=${await orgId('QG')}`)).json();
    const row = (code: string) => body.rows.find((r: { code: string }) => r.code === code);
    expect(row('QG')).toMatchObject({ self: true, ...figures(0, 0, 0, 1, 0, 0) });
    expect(row('QA')).toMatchObject(figures(4, 2, 1, 0, 1, 2));
    expect(row('QB')).toMatchObject(figures(3, 1, 0, 1, 0, 1));
    expect(body.total.duplicateGroups).toBe(2);
  });

  it('lists the members behind a figure, paged', async () => {
    const q = `orgId=${await orgId('X16702')}&issue=missing_cccd`;
    const page1 = (await get(`/api/v1/quality/members?${q}&pageSize=2`)).json();
    const page2 = (await get(`/api/v1/quality/members?${q}&pageSize=2&page=2`)).json();
    expect(page1.total).toBe(3);
    expect([...page1.items, ...page2.items].map((m: { id: string }) => m.id).sort()).toEqual([ids.ducNoMarks, ids.nam, ids.hoa2].sort());
    const stale = (await get(`/api/v1/quality/members?orgId=${await orgId('QA')}&issue=stale`)).json();
    expect(stale.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Lê Văn Nam']);
    const bad = await get(`/api/v1/quality/members?orgId=${await orgId('QA')}&issue=unknown`);
    expect(bad.json().error.fields.issue).toMatch(/Loại vấn đề dữ liệu không hợp lệ/);
  });

  it('is limited to the reader’s subtree', async () => {
    expect((await get(`/api/v1/quality?orgId=${await orgId('X16702')}`, outsider)).statusCode).toBe(404);
    expect((await get(`/api/v1/quality/duplicates?orgId=${await orgId('QA')}`, outsider)).statusCode).toBe(404);
  });
});

describe('suspected duplicates', () => {
  it('groups a name written without diacritics with the same name and birth date, not namesakes born apart', async () => {
    const { items } = (await get(`/api/v1/quality/duplicates?orgId=${await orgId('X16702')}`)).json();
    const groups = items.map((g: { reason: string; members: { id: string }[] }) => [g.reason, g.members.map((m) => m.id).sort()]);
    expect(groups).toEqual([
      ['same_name_birth_date', [ids.duc, ids.ducNoMarks].sort()],
      ['same_name_missing_birth_date', [ids.hoa, ids.hoa2].sort()],
      ['relative_is_member', [ids.hung, ids.duc].sort()],
    ]);
    const rel = items.find((g: { reason: string }) => g.reason === 'relative_is_member');
    expect(rel.detail).toBe('Anh, chị, em ruột: Nguyễn Văn Đức');
    expect(items[0].members.find((m: { id: string }) => m.id === ids.duc).cccdMasked).toBe('••••••••0001');
  });
});

describe('merging two records of one person', () => {
  const merge = (payload: Record<string, unknown>, s: Session = officer) =>
    app.inject({ method: 'POST', url: '/api/v1/members/merge', headers: s.headers, payload });

  it('refuses two records with different CCCDs, and a reader without the write permission', async () => {
    const res = await merge({ keepId: ids.duc, mergeId: ids.hoa, reason: 'Nghi trùng hồ sơ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.mergeId).toMatch(/CCCD khác nhau/);
    expect((await merge({ keepId: ids.duc, mergeId: ids.ducNoMarks, reason: 'Nghi trùng hồ sơ' }, viewer)).statusCode).toBe(403);
  });

  it('keeps both histories, fills the empty fields, hides the merged record from the quality lists', async () => {
    const res = await merge({ keepId: ids.duc, mergeId: ids.ducNoMarks, reason: 'Cùng một người, nhập hai lần khi chuyển sinh hoạt' });
    expect(res.statusCode).toBe(200);
    const kept = res.json();
    expect(kept.partyCardNo).toBe('123456');
    expect(kept.posts.map((p: { code: string }) => p.code).sort()).toEqual(['mass_head', 'secretary']);
    expect(kept.relatives.map((r: { fullName: string }) => r.fullName)).toEqual(['Lê Thị Mai']);
    // The kept record's history stands; the other record's earlier, non-overlapping period joins it.
    expect(kept.transfers.map((t: { orgName: string; fromDate: string }) => [t.orgName, t.fromDate])).toEqual([
      ['Chi bộ QA', '2020-01-01'],
      ['Chi bộ QB', '2010-01-01'],
    ]);
    const merged = await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => ({
      row: await tx
        .selectFrom('member')
        .selectAll()
        .where('id', '=', ids.ducNoMarks as string)
        .executeTakeFirstOrThrow(),
      periods: await tx
        .selectFrom('member_transfer')
        .selectAll()
        .where('member_id', '=', ids.ducNoMarks as string)
        .execute(),
    }));
    expect(merged.row.merged_into).toBe(ids.duc);
    expect(merged.periods.map((p) => p.from_date)).toEqual(['2020-01-01']);

    const log = (await get('/api/v1/audit?action=member.merge', auditor)).json().items;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ entityId: ids.duc });
    expect(log[0].detail).toMatchObject({
      mergeId: ids.ducNoMarks,
      filled: ['partyCardNo'],
      moved: { transfers: 1, posts: 1, relatives: 1 },
    });
    expect(log[0].detail.periodsLeftOnMergedRecord).toHaveLength(1);

    const total = (await get(`/api/v1/quality?orgId=${await orgId('X16702')}`)).json().total;
    expect(total).toEqual(figures(7, 2, 1, 3, 1, 1, 1));
    const missing = (await get(`/api/v1/quality/members?orgId=${await orgId('X16702')}&issue=missing_cccd`)).json();
    expect(missing.items.map((m: { id: string }) => m.id)).not.toContain(ids.ducNoMarks);
    const again = await merge({ keepId: ids.duc, mergeId: ids.ducNoMarks, reason: 'Gộp lại lần nữa' });
    expect(again.json().error.fields.mergeId).toMatch(/đã được gộp/);
  });
});
