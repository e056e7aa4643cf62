// Issue #4 point 5: remediation after a conclusion (Quy định 296-QĐ/TW: the body follows each
// requirement until it is done, with evidence). Owner, due date, status, evidence; who may do what.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../common/dates.ts';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session, type TestUser } from '../helpers/factories.ts';
import { addCase, addCell, addItem, PDF, uploadFile } from './remediation.fixtures.ts';

let ctx: TestDb;
let app: FastifyInstance;
let officer: Session;
let viewer: Session;
let foreign: Session;
let ownerUser: TestUser;
let owner: Session;
let bystander: Session;
let cell: { id: string; path: string };
let kase: { id: string; scopePath: string; code: string };

const FAR = '2099-12-31';

async function get(s: Session, url: string) {
  return app.inject({ method: 'GET', url, headers: s.headers });
}
async function patch(s: Session, id: string, payload: Record<string, unknown>) {
  return app.inject({ method: 'PATCH', url: `/api/v1/remediation/${id}`, headers: s.headers, payload });
}
async function versionOf(id: string) {
  return (await get(officer, `/api/v1/remediation/${id}`)).json().version as number;
}

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  cell = await addCell(ctx, 'DL_RM01', 'Chi bộ Xóm Tràng Sơn', 'X17662');
  await addCell(ctx, 'DL_RM02', 'Chi bộ Xóm Đông Sơn', 'X17662');
  officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true }));
  viewer = await login(app, await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'T40' }] }));
  foreign = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'T01' }], totp: true }));
  // The cell's secretary answers for the requirement; their role sits on the cell, below the commune
  // UBKT that owns the case, so the case itself is outside their scope.
  ownerUser = await createUser(ctx, { roles: [{ role: 'cell_secretary', orgCode: 'DL_RM01' }] });
  owner = await login(app, ownerUser);
  bystander = await login(app, await createUser(ctx, { roles: [{ role: 'cell_secretary', orgCode: 'DL_RM02' }] }));
  kase = await addCase(ctx, { bodyCode: 'X17662', subject: { ...cell, name: 'Chi bộ Xóm Tràng Sơn' } });
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('listing', () => {
  it('marks overdue and due-soon items and filters the overdue ones (Vietnam date, working days)', async () => {
    const late = await addItem(ctx, kase, { dueOn: '2020-01-10' });
    const today = await addItem(ctx, kase, { dueOn: todayInVietnam() });
    const far = await addItem(ctx, kase, { dueOn: FAR });
    const all = await get(officer, `/api/v1/remediation?caseId=${kase.id}`);
    expect(all.statusCode).toBe(200);
    const state = Object.fromEntries(all.json().items.map((i: { id: string; dueState: string }) => [i.id, i.dueState]));
    expect(state).toMatchObject({ [late]: 'overdue', [today]: 'due_soon', [far]: 'on_track' });
    expect(all.json().today).toBe(todayInVietnam());
    const overdue = await get(officer, `/api/v1/remediation?caseId=${kase.id}&overdue=true`);
    expect(overdue.json().items.map((i: { id: string }) => i.id)).toEqual([late]);
    const byOrg = await get(viewer, `/api/v1/remediation?orgId=${cell.id}`);
    // The filter is by the body that owns the case (the commune UBKT), not by the subject's cell.
    expect(byOrg.json().total).toBe(0);
    const commune = await orgByCode(ctx, 'X17662');
    const byCommune = await get(viewer, `/api/v1/remediation?orgId=${commune.id}&overdue=true`);
    expect(byCommune.json().items.map((i: { id: string }) => i.id)).toContain(late);
    const province = await orgByCode(ctx, 'T40');
    expect((await get(viewer, `/api/v1/remediation?orgId=${province.id}`)).json().total).toBeGreaterThanOrEqual(3);
  });

  it('lists the case items for readers, and answers 404 to another province', async () => {
    const res = await get(viewer, `/api/v1/cases/${kase.id}/remediation`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThanOrEqual(3);
    expect((await get(foreign, `/api/v1/cases/${kase.id}/remediation`)).statusCode).toBe(404);
    const id = res.json().items[0].id;
    expect((await get(foreign, `/api/v1/remediation/${id}`)).statusCode).toBe(404);
    expect((await patch(foreign, id, { version: 1, status: 'cancelled', cancelledReason: 'Không còn cần thiết' })).statusCode).toBe(404);
    const foreignList = await get(foreign, `/api/v1/remediation?caseId=${kase.id}`);
    expect(foreignList.json().items).toEqual([]);
  });
});

describe('reporting done', () => {
  it('refuses done without evidence, naming the field; accepts it with a PDF; refuses a stale version', async () => {
    const id = await addItem(ctx, kase, { dueOn: FAR });
    const noEvidence = await patch(officer, id, { version: 1, status: 'done', resultNote: 'Đã thu hồi 1.650 m² đất' });
    expect(noEvidence.statusCode).toBe(400);
    expect(Object.keys(noEvidence.json().error.fields)).toEqual(['evidence']);

    const up = await uploadFile(app, officer, `/api/v1/remediation/${id}/evidence`, 'Quyết định thu hồi đất.pdf', PDF, {
      note: 'Bản chụp quyết định',
    });
    expect(up.statusCode).toBe(200);
    expect(up.json().evidenceCount).toBe(1);
    expect(up.json().evidence[0]).toMatchObject({
      fileName: 'Quyết định thu hồi đất.pdf',
      mime: 'application/pdf',
      note: 'Bản chụp quyết định',
    });
    const version = up.json().version as number;
    expect(version).toBe(2);

    const stale = await patch(officer, id, { version: 1, status: 'done', resultNote: 'Đã thu hồi 1.650 m² đất' });
    expect(stale.statusCode).toBe(409);
    const noNote = await patch(officer, id, { version, status: 'done' });
    expect(noNote.json().error.fields).toHaveProperty('resultNote');
    const done = await patch(officer, id, { version, status: 'done', resultNote: 'Đã thu hồi 1.650 m² đất' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneOn: todayInVietnam(), dueState: null, resultNote: 'Đã thu hồi 1.650 m² đất' });

    const file = await get(viewer, `/api/v1/remediation-evidence/${up.json().evidence[0].id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await get(foreign, `/api/v1/remediation-evidence/${up.json().evidence[0].id}/file`)).statusCode).toBe(404);

    const audit = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('seq').execute(),
    );
    expect(audit.map((a) => a.action)).toEqual(['remediation.evidence_add', 'remediation.done']);
  });

  it.each([
    ['HTML', 'trang.html', Buffer.from('<!doctype html><html><script>alert(1)</script></html>')],
    ['EXE', 'baocao.pdf.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)])],
  ])('refuses an %s file as evidence, whatever its name', async (_kind, name, data) => {
    const id = await addItem(ctx, kase, { dueOn: FAR });
    const res = await uploadFile(app, officer, `/api/v1/remediation/${id}/evidence`, name, data);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('file');
    expect((await get(officer, `/api/v1/remediation/${id}`)).json().evidenceCount).toBe(0);
  });
});

describe('who may change an item', () => {
  it('lets the owner user outside the body see their item, add evidence and report it done, but not move or cancel it', async () => {
    const id = await addItem(ctx, kase, { dueOn: FAR, ownerUserId: ownerUser.id, ownerName: 'Đồng chí Bí thư Chi bộ Xóm Tràng Sơn' });
    const mine = await get(owner, '/api/v1/remediation?ownerMe=true');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(mine.json().items[0]).toMatchObject({ canManage: false, canReport: true });
    // Without ownerMe the owner's own scope (the cell) holds no case of the commune UBKT.
    expect((await get(owner, `/api/v1/remediation?caseId=${kase.id}`)).json().items).toEqual([]);
    const ofCase = await get(owner, `/api/v1/cases/${kase.id}/remediation`);
    expect(ofCase.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await get(bystander, `/api/v1/remediation/${id}`)).statusCode).toBe(404);
    expect((await get(bystander, `/api/v1/cases/${kase.id}/remediation`)).statusCode).toBe(404);

    const move = await patch(owner, id, { version: 1, status: 'open', dueOn: '2099-06-01', reason: 'Xin lùi hạn' });
    expect(move.statusCode).toBe(403);
    const cancel = await patch(owner, id, { version: 1, status: 'cancelled', cancelledReason: 'Không thực hiện được' });
    expect(cancel.statusCode).toBe(403);
    const up = await uploadFile(app, owner, `/api/v1/remediation/${id}/evidence`, 'bien-ban.pdf', PDF);
    expect(up.statusCode).toBe(200);
    const done = await patch(owner, id, { version: up.json().version, status: 'done', resultNote: 'Chi bộ đã kiểm điểm, báo cáo kết quả' });
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('done');
    const reopen = await patch(owner, id, { version: done.json().version, status: 'open', reason: 'Minh chứng chưa đủ' });
    expect(reopen.statusCode).toBe(403);
  });

  it('lets a reader only read', async () => {
    const id = await addItem(ctx, kase, { dueOn: FAR });
    expect((await get(viewer, `/api/v1/remediation/${id}`)).json()).toMatchObject({ canManage: false, canReport: false });
    expect((await patch(viewer, id, { version: 1, status: 'cancelled', cancelledReason: 'Không còn cần thiết' })).statusCode).toBe(403);
    expect((await uploadFile(app, viewer, `/api/v1/remediation/${id}/evidence`, 'a.pdf', PDF)).statusCode).toBe(403);
  });

  it('lets the officer move the due date (to the next working day), cancel and reopen, each with a reason', async () => {
    const id = await addItem(ctx, kase, { dueOn: FAR });
    const noReason = await patch(officer, id, { version: 1, status: 'open', dueOn: '2099-06-01' });
    expect(noReason.json().error.fields).toHaveProperty('reason');
    // 6 June 2099 is a Saturday: a deadline on a day off lands on the next working day (domain.md §10).
    const moved = await patch(officer, id, { version: 1, status: 'open', dueOn: '2099-06-06', reason: 'Chờ kết quả đo đạc lại' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().dueOn).toBe('2099-06-08');
    const past = await patch(officer, id, { version: moved.json().version, status: 'open', dueOn: '2020-01-01', reason: 'Nhầm hạn' });
    expect(past.json().error.fields).toHaveProperty('dueOn');
    const cancelled = await patch(officer, id, {
      version: moved.json().version,
      status: 'cancelled',
      cancelledReason: 'Nội dung đã được xử lý trong kết luận khác',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledReason: 'Nội dung đã được xử lý trong kết luận khác' });
    const doneFromCancelled = await patch(officer, id, { version: cancelled.json().version, status: 'done', resultNote: 'Xong việc' });
    expect(doneFromCancelled.json().error.fields).toHaveProperty('status');
    const reopened = await patch(officer, id, { version: cancelled.json().version, status: 'open', reason: 'Hủy nhầm yêu cầu' });
    expect(reopened.json()).toMatchObject({ status: 'open', cancelledReason: null });
    expect(await versionOf(id)).toBe(4);
  });

  it('hides an item marked above the reader’s clearance', async () => {
    const id = await addItem(ctx, kase, { dueOn: FAR, secrecy: 2 });
    expect((await get(officer, `/api/v1/remediation/${id}`)).statusCode).toBe(404);
    const list = await get(officer, `/api/v1/remediation?caseId=${kase.id}`);
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('refuses changes once the case is closed', async () => {
    const closed = await addCase(ctx, {
      bodyCode: 'X17662',
      subject: { ...cell, name: 'Chi bộ Xóm Tràng Sơn' },
      status: 'closed',
      step: 'closed',
    });
    const id = await addItem(ctx, closed, { dueOn: FAR });
    const res = await patch(officer, id, { version: 1, status: 'cancelled', cancelledReason: 'Không còn cần thiết' });
    expect(res.statusCode).toBe(409);
  });
});
