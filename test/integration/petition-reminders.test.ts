// Deadline reminders of petitions (issue #6 point 5: "reminders before and escalation after"; domain.md §5:
// deadlines in working days, §10). The handlers of the receiving body are warned from the letter's reminder
// day, told on the due day and when it is overdue; from the escalation day the UBKT leaders of the level above
// are told, once. Nobody outside the body's scope hears of it, and no text names the sender.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { runReminders } from '../../server/src/modules/notifications/reminders.ts';
import { registerPetition } from '../../server/src/modules/petitions/intake.service.ts';
import { systemActor } from '../../server/src/platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, orgByCode, type TestUser } from '../helpers/factories.ts';
import { addOrg } from './cases.fixtures.ts';

let ctx: TestDb;
let commune: { id: string; path: string };
let cell: { id: string; path: string };
let officer: TestUser;
let communeLeader: TestUser;
let provinceLeader: TestUser;
let provinceOfficer: TestUser;
let centralLeader: TestUser;
let siblingOfficer: TestUser;
let cellSecretary: TestUser;
let clearedOfficer: TestUser;

const SENDER = { name: 'Cao Thanh Quý', address: 'khối 2, phường Vinh Tân', phone: '0912 345 678', email: 'quy.cao@example.vn' };

async function register(bodyOrgId: string, extra: Record<string, unknown> = {}) {
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    registerPetition(ctx, tx, systemActor(), SYSTEM_SCOPE, {
      bodyOrgId,
      kind: 'feedback',
      channel: 'post',
      // Friday 20/11/2026: 30 working days for feedback (the configurable default of domain.md §5).
      receivedOn: '2026-11-20',
      subjectName: 'Trần Văn Bình',
      subjectPosition: 'Phó Chủ tịch UBND xã',
      title: 'Phản ánh việc thu tiền đóng góp xây dựng nhà văn hóa xóm',
      content:
        'Năm 2026, ông Trần Văn Bình chỉ đạo thu tiền đóng góp xây dựng nhà văn hóa xóm 3 với mức 500.000 đồng mỗi hộ nhưng không công khai thu chi.',
      senderIdentity: 'named',
      senderAddressKnown: true,
      sender: SENDER,
      ...extra,
    }),
  );
}

const row = (id: string) =>
  inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .selectFrom('petition')
      .select(['due_on', 'remind_on', 'escalate_on', 'escalated_on', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
  );

async function noticesOf(user: TestUser, petitionId: string) {
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .selectFrom('notification')
      .select(['kind', 'title', 'body', 'link', 'dedupe_key'])
      .where('user_id', '=', user.id)
      .where('dedupe_key', 'like', `pet:${petitionId}:%`)
      .orderBy('created_at')
      .execute(),
  );
}
const kinds = async (u: TestUser, id: string) => (await noticesOf(u, id)).map((n) => n.kind);

beforeAll(async () => {
  ctx = await testContext();
  commune = await orgByCode(ctx, 'X17662');
  cell = await addOrg(ctx, 'RM_CB01', 'Chi bộ Xóm 3', 'X17662', 'cell');
  const province = await orgByCode(ctx, 'T40');
  const sibling = (await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .selectFrom('org_unit')
      .select('code')
      .where('kind', '=', 'commune')
      .where('code', '!=', 'X17662')
      .where('parent_id', '=', province.id)
      .executeTakeFirstOrThrow(),
  )) as { code: string };
  officer = await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }] });
  communeLeader = await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'X17662' }] });
  clearedOfficer = await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], clearance: 1 });
  provinceLeader = await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'T40' }] });
  provinceOfficer = await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'T40' }] });
  centralLeader = await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'TW' }] });
  siblingOfficer = await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: sibling.code }] });
  cellSecretary = await createUser(ctx, { roles: [{ role: 'cell_secretary', orgCode: 'RM_CB01' }] });
});
afterAll(async () => {
  await ctx?.close();
});

describe('petition reminders (issue #6 point 5)', () => {
  it('warns the handlers 5 working days ahead, tells them on the due day and when overdue, then the level above once', async () => {
    const p = await register(commune.id);
    // 30 working days from 20/11/2026 = 04/01/2027 (1/1/2027 is a holiday, Bộ luật Lao động 2019, Điều 112);
    // reminded 5 working days before (25/12/2026), escalated 5 working days after (11/01/2027).
    expect(await row(p.id)).toMatchObject({
      due_on: '2027-01-04',
      remind_on: '2026-12-25',
      escalate_on: '2027-01-11',
      escalated_on: null,
    });
    const handlers = [officer, communeLeader, clearedOfficer];

    await runReminders(ctx, '2026-12-24');
    for (const u of handlers) expect(await noticesOf(u, p.id)).toEqual([]);

    const warned = await runReminders(ctx, '2026-12-25');
    expect(warned.petitionsChecked).toBeGreaterThanOrEqual(1);
    for (const u of handlers) expect(await kinds(u, p.id)).toEqual(['petition.before']);
    const [before] = await noticesOf(officer, p.id);
    expect(before?.title).toBe(`Đơn ${p.code} sắp đến hạn giải quyết ngày 04 tháng 01 năm 2027 (còn 5 ngày làm việc)`);
    expect(before?.body).toContain('Phản ánh việc thu tiền đóng góp');
    expect(before?.link).toBe(`/don-thu/${p.id}`);

    await runReminders(ctx, '2027-01-04');
    for (const u of handlers) expect(await kinds(u, p.id)).toEqual(['petition.before', 'petition.due']);
    expect((await noticesOf(officer, p.id))[1]?.title).toBe(`Hôm nay là hạn giải quyết đơn ${p.code} (ngày 04 tháng 01 năm 2027)`);

    await runReminders(ctx, '2027-01-05');
    for (const u of handlers) expect(await kinds(u, p.id)).toEqual(['petition.before', 'petition.due', 'petition.overdue']);
    expect(await noticesOf(provinceLeader, p.id)).toEqual([]);
    expect((await row(p.id)).escalated_on).toBeNull();

    // 11/01/2027: five working days after the deadline, the province's UBKT leaders are told, once.
    const escalated = await runReminders(ctx, '2027-01-11');
    expect(escalated.petitionsEscalated).toBe(1);
    expect(await kinds(provinceLeader, p.id)).toEqual(['petition.escalation']);
    const [report] = await noticesOf(provinceLeader, p.id);
    expect(report?.title).toBe(`Báo cáo cấp trên: đơn ${p.code} của ${p.bodyName} quá hạn giải quyết (hạn ngày 04 tháng 01 năm 2027)`);
    const marked = await row(p.id);
    expect(marked.escalated_on).toBe('2027-01-11');
    const audits = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select(['detail']).where('action', '=', 'petition.escalate').where('entity_id', '=', p.id).execute(),
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]?.detail).toMatchObject({ code: p.code, dueOn: '2027-01-04', notified: 1 });

    // Idempotent: the same day again and the days after send nothing new and do not escalate again.
    const again = await runReminders(ctx, '2027-01-11');
    expect(again.created).toBe(0);
    expect(again.petitionsEscalated).toBe(0);
    await runReminders(ctx, '2027-01-20');
    expect(await kinds(provinceLeader, p.id)).toEqual(['petition.escalation']);
    for (const u of handlers) expect(await kinds(u, p.id)).toEqual(['petition.before', 'petition.due', 'petition.overdue']);
    expect((await row(p.id)).escalated_on).toBe('2027-01-11');
    // The job's bookkeeping does not make an officer's open form stale.
    expect((await row(p.id)).version).toBe(1);

    // Nobody outside the body's scope, nor the province's officers, nor the centre (not the level above).
    for (const u of [provinceOfficer, centralLeader, siblingOfficer, cellSecretary]) expect(await noticesOf(u, p.id)).toEqual([]);
  });

  it('reports a chi bộ letter to the UBKT leaders of the commune above it; its secretary handles it', async () => {
    const p = await register(cell.id, { kind: 'recommendation' });
    const r = await row(p.id);
    await runReminders(ctx, r.escalate_on as string);
    expect(await kinds(cellSecretary, p.id)).toEqual(['petition.overdue']);
    expect(await kinds(communeLeader, p.id)).toEqual(['petition.escalation']);
    for (const u of [officer, provinceLeader, siblingOfficer]) expect(await noticesOf(u, p.id)).toEqual([]);
  });

  it('names no sender in any notice, and tells a marked letter only to those cleared for it, by its code alone', async () => {
    const marked = await register(commune.id, { secrecy: 1, title: 'Phản ánh việc bổ nhiệm cán bộ không đúng quy trình' });
    await runReminders(ctx, '2027-01-12');
    expect(await noticesOf(officer, marked.id)).toEqual([]);
    expect(await noticesOf(provinceLeader, marked.id)).toEqual([]);
    const cleared = await noticesOf(clearedOfficer, marked.id);
    expect(cleared.map((n) => n.kind)).toEqual(['petition.overdue']);
    expect(cleared[0]?.body).toBe(`Đơn ${marked.code} (tài liệu có độ mật: xem chi tiết trong hệ thống)`);
    expect(cleared[0]?.body).not.toContain('bổ nhiệm');

    const all = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('notification').select(['title', 'body']).where('kind', 'like', 'petition.%').execute(),
    );
    expect(all.length).toBeGreaterThan(5);
    const text = JSON.stringify(all);
    for (const secret of [SENDER.name, SENDER.phone, SENDER.address, SENDER.email, 'Cao Thanh', '0912']) expect(text).not.toContain(secret);
  });

  it('says nothing once the clock stops (forwarded) or the letter waits for the new committee', async () => {
    const forwarded = await register(commune.id);
    const waiting = await register(commune.id);
    await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      await tx.updateTable('petition').set({ status: 'forwarded', screening_outcome: 'forward' }).where('id', '=', forwarded.id).execute();
      await tx.updateTable('petition').set({ passed_to_new_committee: true }).where('id', '=', waiting.id).execute();
    });
    await runReminders(ctx, '2027-01-13');
    for (const p of [forwarded, waiting]) {
      expect(await noticesOf(officer, p.id)).toEqual([]);
      expect(await noticesOf(provinceLeader, p.id)).toEqual([]);
      expect((await row(p.id)).escalated_on).toBeNull();
    }
  });
});
