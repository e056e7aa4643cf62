// Issue #4 point 1 (and the programme side of point 9): programmes for a term and for a year, their
// items checked against who may run which kind on whom (domain.md §2), approval with revisions kept,
// amendments, optimistic concurrency, scope and audit.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../helpers/factories.ts';

let ctx: TestDb;
let app: FastifyInstance;
let officer: Session;
let leader: Session;
let stranger: Session;
let commune: { id: string; path: string };
let grassroots: string;
let cell: string;
let member: string;

async function addOrg(code: string, name: string, kind: string, parentCode: string, ubkt = false) {
  const parent = await orgByCode(ctx, parentCode);
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const r = await tx
      .insertInto('org_unit')
      .values({
        parent_id: parent.id,
        code,
        name,
        kind,
        path: `${parent.path}.${code}`,
        province_code: parent.province_code,
        has_committee: kind !== 'cell',
        has_inspection_committee: ubkt,
        valid_from: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  });
}

async function addMember(orgId: string, fullName: string) {
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const o = await tx.selectFrom('org_unit').select(['path', 'province_code']).where('id', '=', orgId).executeTakeFirstOrThrow();
    const r = await tx
      .insertInto('member')
      .values({ org_id: orgId, org_path: o.path, province_code: o.province_code, full_name: fullName, sort_key: fullName, status: 'full' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  });
}

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, as: Session, payload?: unknown) =>
  app.inject({ method, url, headers: as.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

async function newProgramme(extra: Record<string, unknown> = {}) {
  const res = await call('POST', '/api/v1/programmes', officer, {
    orgId: commune.id,
    bodyType: 'ubkt',
    period: 'year',
    yearFrom: 2026,
    title: 'Chương trình kiểm tra, giám sát năm 2026 của Ủy ban Kiểm tra Đảng ủy xã Đô Lương',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const addItem = (programmeId: string, body: Record<string, unknown>, as: Session = officer) =>
  call('POST', `/api/v1/programmes/${programmeId}/items`, as, {
    kind: 'inspection.ktgs_duty',
    subjectOrgId: grassroots,
    topic: 'Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát năm 2025',
    periodFrom: '2026-03-01',
    periodTo: '2026-04-30',
    leadName: 'Đồng chí Phó Chủ nhiệm',
    ...body,
  });

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  const x = await orgByCode(ctx, 'X17662');
  commune = { id: x.id, path: x.path };
  grassroots = await addOrg('DL_PG_CS1', 'Đảng bộ Trường THPT Đô Lương 1', 'grassroots', 'X17662');
  cell = await addOrg('DL_PG_CB1', 'Chi bộ Xóm Tân Sơn', 'cell', 'X17662');
  member = await addMember(cell, 'Trần Thị Hoa');
  officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true }));
  leader = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'X17662' }], totp: true }));
  stranger = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'T01' }], totp: true }));
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('creating programmes', () => {
  it('creates a yearly programme of the commune UBKT as a draft, listed by organisation and year', async () => {
    const p = await newProgramme();
    expect(p).toMatchObject({ status: 'draft', revision: 0, yearFrom: 2026, yearTo: 2026, bodyType: 'ubkt', items: [] });
    const list = await call('GET', `/api/v1/programmes?orgId=${commune.id}&year=2026`, officer);
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(p.id);
    const other = await call('GET', `/api/v1/programmes?orgId=${commune.id}&year=2027`, officer);
    expect(other.json().items.map((x: { id: string }) => x.id)).not.toContain(p.id);
  });

  it('creates a term programme 2025–2030 and refuses a term longer than five years', async () => {
    const p = await newProgramme({ period: 'term', yearFrom: 2025, yearTo: 2030 });
    expect(p).toMatchObject({ period: 'term', yearFrom: 2025, yearTo: 2030 });
    const res = await call('POST', '/api/v1/programmes', officer, { ...p, orgId: commune.id, yearTo: 2032 });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toContain('yearTo');
  });

  it('refuses a chi bộ as the body of a commune, and an UBKT where there is none (Điều lệ Đảng, Điều 31)', async () => {
    const asCell = await call('POST', '/api/v1/programmes', officer, {
      orgId: commune.id,
      bodyType: 'cell',
      period: 'year',
      yearFrom: 2026,
      title: 'Chương trình năm 2026',
    });
    expect(asCell.statusCode).toBe(400);
    expect(asCell.json().error.fields.bodyType).toMatch(/Chỉ chi bộ/);
    const noUbkt = await call('POST', '/api/v1/programmes', officer, {
      orgId: grassroots,
      bodyType: 'ubkt',
      period: 'year',
      yearFrom: 2026,
      title: 'Chương trình năm 2026',
    });
    expect(noUbkt.json().error.fields.bodyType).toMatch(/không có Ủy ban Kiểm tra.*Điều 31/);
  });
});

describe('items of a programme', () => {
  it('numbers the items and names the subject as planned', async () => {
    const p = await newProgramme();
    const a = await addItem(p.id, {});
    expect(a.statusCode, a.body).toBe(200);
    const b = await addItem(p.id, {
      kind: 'supervision.thematic',
      subjectOrgId: null,
      subjectMemberId: member,
      topic: 'Giám sát việc tu dưỡng, rèn luyện',
    });
    expect(b.statusCode, b.body).toBe(200);
    expect([a.json().seq, b.json().seq]).toEqual([1, 2]);
    expect(b.json()).toMatchObject({ subjectType: 'member', subjectName: 'Trần Thị Hoa', year: 2026, case: null });
  });

  it('refuses an inspection of KTGS duty on a member, with the reason (Điều lệ Đảng, Điều 32; Quy định 296-QĐ/TW)', async () => {
    const p = await newProgramme();
    const res = await addItem(p.id, { subjectOrgId: null, subjectMemberId: member });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.kind).toMatch(/không đối với đảng viên.*Điều 32/);
  });

  it('refuses a compliance inspection decided by the UBKT (Điều lệ Đảng, Điều 30)', async () => {
    const p = await newProgramme();
    const res = await addItem(p.id, { kind: 'inspection.compliance' });
    expect(res.json().error.fields.kind).toMatch(/Điều 30/);
  });

  it('refuses the body inspecting itself, naming the subject field', async () => {
    const p = await newProgramme();
    const res = await addItem(p.id, { subjectOrgId: commune.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.subjectOrgId).toMatch(/không tự kiểm tra/);
  });

  it('refuses a member who sits on the provincial committee: the higher level inspects them (Điều lệ Đảng, Điều 32)', async () => {
    const upper = await addMember(cell, 'Lê Văn Quang');
    const province = await orgByCode(ctx, 'T40');
    await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .insertInto('post')
        .values({
          member_id: upper,
          category: 'party',
          code: 'committee_member',
          title: 'Tỉnh ủy viên',
          org_id: province.id,
          from_date: '2025-10-01',
        })
        .execute(),
    );
    const p = await newProgramme();
    const res = await addItem(p.id, { kind: 'supervision.thematic', subjectOrgId: null, subjectMemberId: upper });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.subjectMemberId).toMatch(/cấp ủy viên cấp trên/);
  });

  it('lets a chi bộ plan regular supervision of its own members, not thematic supervision while small and without a chi ủy (Quy định 296-QĐ/TW)', async () => {
    const secretary = await login(app, await createUser(ctx, { roles: [{ role: 'cell_secretary', orgCode: 'DL_PG_CB1' }], totp: true }));
    const created = await call('POST', '/api/v1/programmes', secretary, {
      orgId: cell,
      bodyType: 'cell',
      period: 'year',
      yearFrom: 2026,
      title: 'Chương trình kiểm tra, giám sát năm 2026 của Chi bộ Xóm Tân Sơn',
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const body = { subjectOrgId: null, subjectMemberId: member, topic: 'Giám sát việc thực hiện nhiệm vụ đảng viên' };
    const regular = await addItem(id, { ...body, kind: 'supervision.regular' }, secretary);
    expect(regular.statusCode, regular.body).toBe(200);
    const thematic = await addItem(id, { ...body, kind: 'supervision.thematic' }, secretary);
    expect(thematic.json().error.fields.kind).toMatch(/chi ủy.*296-QĐ\/TW/);
  });

  it('refuses a period outside the programme year, and two subjects at once', async () => {
    const p = await newProgramme();
    const late = await addItem(p.id, { periodFrom: '2027-01-05', periodTo: '2027-02-01' });
    expect(Object.keys(late.json().error.fields)).toContain('year');
    const both = await addItem(p.id, { subjectMemberId: member });
    expect(Object.keys(both.json().error.fields)).toContain('subjectOrgId');
  });

  it('cancels an item with a reason, keeps it, and shows the case run from it', async () => {
    const p = await newProgramme();
    const one = (await addItem(p.id, {})).json();
    const two = (await addItem(p.id, { topic: 'Kiểm tra việc thi hành kỷ luật trong Đảng năm 2025' })).json();
    const cancelled = await call('POST', `/api/v1/programme-items/${one.id}/cancel`, officer, {
      reason: 'Đối tượng đã được cấp trên kiểm tra trong năm',
      version: one.version,
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledReason: 'Đối tượng đã được cấp trên kiểm tra trong năm' });
    await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .insertInto('inspection_case')
        .values({
          body_org_id: commune.id,
          body_type: 'ubkt',
          scope_path: commune.path,
          year: 2026,
          seq: 901,
          code: '901/2026',
          kind: two.kind,
          programme_item_id: two.id,
          subject_org_id: grassroots,
          subject_path: `${commune.path}.DL_PG_CS1`,
          subject_name: two.subjectName,
          topic: two.topic,
          step: 'decision',
        })
        .execute(),
    );
    const got = (await call('GET', `/api/v1/programmes/${p.id}`, officer)).json();
    expect(got.itemCount).toBe(1);
    expect(got.items.map((i: { status: string }) => i.status)).toEqual(['cancelled', 'planned']);
    expect(got.items[1].case).toMatchObject({ code: '901/2026', step: 'decision', status: 'open' });
    const refused = await call('POST', `/api/v1/programme-items/${two.id}/cancel`, officer, {
      reason: 'Không còn cần thiết',
      version: two.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/901\/2026/);
  });
});

describe('approval and amendments', () => {
  it('approves as revision 1, refuses edits while approved, and keeps revision 1 beside the amended revision 2', async () => {
    const p = await newProgramme();
    const item = (await addItem(p.id, {})).json();
    const byOfficer = await call('POST', `/api/v1/programmes/${p.id}/approve`, officer, { version: p.version });
    expect(byOfficer.statusCode).toBe(403);
    const approved = await call('POST', `/api/v1/programmes/${p.id}/approve`, leader, { decisionNo: '05-QĐ/UBKT', version: p.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', revision: 1, decisionNo: '05-QĐ/UBKT' });

    const edit = await call('PATCH', `/api/v1/programme-items/${item.id}`, officer, { topic: 'Nội dung khác hẳn', version: item.version });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.message).toMatch(/hãy mở điều chỉnh chương trình/);
    expect((await addItem(p.id, {})).statusCode).toBe(400);

    const amending = await call('POST', `/api/v1/programmes/${p.id}/amend`, officer, {
      reason: 'Bổ sung theo chỉ đạo của Ban Thường vụ',
      version: approved.json().version,
    });
    expect(amending.json()).toMatchObject({ status: 'amending', revision: 1, amendReason: 'Bổ sung theo chỉ đạo của Ban Thường vụ' });
    const edited = await call('PATCH', `/api/v1/programme-items/${item.id}`, officer, {
      topic: 'Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát năm 2025 và quý I năm 2026',
      version: item.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await addItem(p.id, { kind: 'inspection.finance', topic: 'Kiểm tra thu, nộp đảng phí' })).statusCode).toBe(200);
    const again = await call('POST', `/api/v1/programmes/${p.id}/approve`, leader, {
      decisionNo: '09-QĐ/UBKT',
      version: amending.json().version,
    });
    expect(again.json()).toMatchObject({ status: 'approved', revision: 2, amendReason: null });
    expect(again.json().revisions.map((r: { revision: number; reason: string | null }) => [r.revision, r.reason])).toEqual([
      [1, null],
      [2, 'Bổ sung theo chỉ đạo của Ban Thường vụ'],
    ]);

    const r1 = (await call('GET', `/api/v1/programmes/${p.id}/revisions/1`, officer)).json();
    const r2 = (await call('GET', `/api/v1/programmes/${p.id}/revisions/2`, officer)).json();
    expect(r1.decisionNo).toBe('05-QĐ/UBKT');
    expect(r1.snapshot.items.map((i: { topic: string }) => i.topic)).toEqual([
      'Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát năm 2025',
    ]);
    expect(r2.snapshot.items).toHaveLength(2);
    expect(r2.snapshot.items[0].topic).toMatch(/quý I năm 2026/);
    expect((await call('GET', `/api/v1/programmes/${p.id}/revisions/3`, officer)).statusCode).toBe(404);
  });

  it('opens the case of an approved item through the cases API and shows it on the item', async () => {
    const p = await newProgramme();
    const item = (await addItem(p.id, {})).json();
    const early = await call('POST', '/api/v1/cases', officer, { programmeItemId: item.id });
    expect(early.statusCode).toBe(400);
    await call('POST', `/api/v1/programmes/${p.id}/approve`, leader, { version: p.version });
    const opened = await call('POST', '/api/v1/cases', officer, { programmeItemId: item.id });
    expect(opened.statusCode, opened.body).toBe(200);
    const got = (await call('GET', `/api/v1/programmes/${p.id}`, officer)).json();
    expect(got.items[0].case).toMatchObject({ id: opened.json().id, code: opened.json().code, status: 'open' });
  });

  it('refuses to approve an empty programme', async () => {
    const p = await newProgramme();
    const res = await call('POST', `/api/v1/programmes/${p.id}/approve`, leader, { version: p.version });
    expect(res.statusCode).toBe(400);
  });

  it('answers 409 to a write made on a stale version', async () => {
    const p = await newProgramme();
    const item = (await addItem(p.id, {})).json();
    const first = await call('PATCH', `/api/v1/programme-items/${item.id}`, officer, { leadName: 'Đồng chí A', version: item.version });
    expect(first.statusCode).toBe(200);
    const second = await call('PATCH', `/api/v1/programme-items/${item.id}`, officer, { leadName: 'Đồng chí B', version: item.version });
    expect(second.statusCode).toBe(409);
    const renamed = await call('PATCH', `/api/v1/programmes/${p.id}`, officer, { title: 'Chương trình đã đổi tên', version: p.version });
    expect(renamed.statusCode).toBe(200);
    const stale = await call('POST', `/api/v1/programmes/${p.id}/approve`, leader, { version: p.version });
    expect(stale.statusCode).toBe(409);
  });
});

describe('scope and audit', () => {
  it("hides a programme from another province's officer (404) and from their lists", async () => {
    const p = await newProgramme();
    const item = (await addItem(p.id, {})).json();
    expect((await call('GET', `/api/v1/programmes/${p.id}`, stranger)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/programme-items/${item.id}`, stranger, { leadName: 'X', version: item.version })).statusCode).toBe(
      404,
    );
    const list = await call('GET', '/api/v1/programmes?year=2026', stranger);
    expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(p.id);
    const created = await call('POST', '/api/v1/programmes', stranger, {
      orgId: commune.id,
      bodyType: 'ubkt',
      period: 'year',
      yearFrom: 2026,
      title: 'Chương trình của tỉnh khác',
    });
    expect(created.statusCode).toBe(400);
  });

  it('writes an audit entry for every write', async () => {
    const p = await newProgramme();
    const item = (await addItem(p.id, {})).json();
    const ok = await call('POST', `/api/v1/programmes/${p.id}/approve`, leader, { version: p.version });
    await call('POST', `/api/v1/programmes/${p.id}/amend`, leader, { reason: 'Điều chỉnh thời gian', version: ok.json().version });
    await call('PATCH', `/api/v1/programme-items/${item.id}`, leader, { periodTo: '2026-05-15', version: item.version });
    const rows = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .selectFrom('audit_log')
        .select(['action', 'entity_id', 'scope_path'])
        .where('entity_id', 'in', [p.id, item.id])
        .orderBy('seq')
        .execute(),
    );
    expect(rows.map((r) => r.action)).toEqual([
      'programme.create',
      'programme.item_add',
      'programme.approve',
      'programme.amend',
      'programme.item_update',
    ]);
    expect(new Set(rows.map((r) => r.scope_path))).toEqual(new Set([commune.path]));
  });
});
