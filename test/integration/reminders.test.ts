// Reminders in the app (domain.md §3: "overdue steps are warned before they fall due and escalated
// when they pass"; issue #4 point 5: reminders reach the owner). Fixed dates around Tết 2026
// (16–20/02/2026, Bộ luật Lao động 2019, Điều 112) so that working days differ from calendar days.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { runReminders } from '../../server/src/modules/notifications/reminders.ts';
import { remindersRun } from '../../server/src/ops/commands.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, type TestUser } from '../helpers/factories.ts';
import { addCase, addCell, addItem, addStep, addTeamMember } from './remediation.fixtures.ts';

let ctx: TestDb;
let app: FastifyInstance;
let cell: { id: string; path: string };
let creator: TestUser;
let teamLeader: TestUser;
let teamMember: TestUser;
let communeLeader: TestUser;
let provinceLeader: TestUser;
let owner: TestUser;

async function noticesOf(user: TestUser, keyPrefix = '') {
  const rows = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .selectFrom('notification')
      .select(['kind', 'dedupe_key', 'title', 'body', 'link'])
      .where('user_id', '=', user.id)
      .orderBy('created_at')
      .execute(),
  );
  return rows.filter((r) => r.dedupe_key.startsWith(keyPrefix));
}

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  cell = await addCell(ctx, 'DL_NV01', 'Chi bộ Xóm Yên Lạc', 'X17662');
  creator = await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true });
  teamLeader = await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true });
  teamMember = await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true });
  communeLeader = await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'X17662' }], totp: true });
  provinceLeader = await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'T40' }], totp: true });
  owner = await createUser(ctx, { roles: [{ role: 'cell_secretary', orgCode: 'DL_NV01' }] });
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

async function newCase(secrecy = 0) {
  const c = await addCase(ctx, { bodyCode: 'X17662', subject: { ...cell, name: 'Chi bộ Xóm Yên Lạc' }, createdBy: creator.id, secrecy });
  await addTeamMember(ctx, c, teamLeader.id, 'leader');
  await addTeamMember(ctx, c, teamMember.id, 'member');
  return c;
}

describe('remediation reminders', () => {
  it('warns the owner 5 working days ahead, counting across Tết, on the due day, then overdue with escalation', async () => {
    const c = await newCase();
    const item = await addItem(ctx, c, { dueOn: '2026-02-24', ownerUserId: owner.id });
    const key = `rem:${item}:`;
    // 9/02 → 24/02 is 6 working days (10, 11, 12, 13, 23, 24 February: Tết 16–20 and weekends skipped).
    await runReminders(ctx, '2026-02-09');
    expect(await noticesOf(owner, key)).toEqual([]);
    // 10/02: five working days ahead, although fourteen calendar days.
    await runReminders(ctx, '2026-02-10');
    const before = await noticesOf(owner, key);
    expect(before.map((n) => n.kind)).toEqual(['remediation.before']);
    expect(before[0]?.title).toContain('24/02/2026');
    expect(before[0]?.title).toContain('còn 5 ngày làm việc');
    expect(before[0]?.body).toContain(c.code);
    expect(before[0]?.link).toBe(`/kiem-tra-giam-sat/cuoc/${c.id}`);

    await runReminders(ctx, '2026-02-24');
    expect((await noticesOf(owner, key)).map((n) => n.kind)).toEqual(['remediation.before', 'remediation.due']);

    await runReminders(ctx, '2026-02-25');
    expect((await noticesOf(owner, key)).map((n) => n.kind)).toEqual(['remediation.before', 'remediation.due', 'remediation.overdue']);
    for (const u of [creator, teamLeader, communeLeader])
      expect((await noticesOf(u, key)).map((n) => n.kind)).toEqual(['remediation.escalation']);
    // The nearest UBKT leaders are told (the commune's); the province's and a plain team member are not.
    expect(await noticesOf(provinceLeader, key)).toEqual([]);
    expect(await noticesOf(teamMember, key)).toEqual([]);
  });

  it('creates nothing new when run twice on the same day; the audit log records the run that sent reminders, not the empty ones', async () => {
    const c = await newCase();
    await addItem(ctx, c, { dueOn: '2026-03-02', ownerUserId: owner.id });
    const runs = () =>
      inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
        tx.selectFrom('audit_log').select(['detail']).where('action', '=', 'reminders.run').orderBy('seq', 'desc').execute(),
      );
    const first = await runReminders(ctx, '2026-03-03');
    expect(first.created).toBeGreaterThan(0);
    const audited = await runs();
    expect(audited[0]?.detail).toMatchObject({ created: first.created });
    const again = await runReminders(ctx, '2026-03-03');
    expect(again.created).toBe(0);
    const viaCommand = await remindersRun(ctx, { date: '2026-03-03' });
    expect(viaCommand.created).toBe(0);
    await expect(remindersRun(ctx, { date: '2026-02-30' })).rejects.toThrow(/Ngày không hợp lệ/);
    expect(await runs()).toHaveLength(audited.length);
  });

  it('tells nobody about a marked case above their clearance, and nothing about items already done', async () => {
    const marked = await newCase(1);
    const secretItem = await addItem(ctx, marked, { dueOn: '2026-04-01', ownerUserId: owner.id, secrecy: 1 });
    const c = await newCase();
    const doneItem = await addItem(ctx, c, { dueOn: '2026-04-01', ownerUserId: owner.id });
    await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.updateTable('remediation_item').set({ status: 'done', done_on: '2026-03-30' }).where('id', '=', doneItem).execute(),
    );
    await runReminders(ctx, '2026-04-02');
    for (const u of [owner, creator, communeLeader]) {
      expect(await noticesOf(u, `rem:${secretItem}:`)).toEqual([]);
      expect(await noticesOf(u, `rem:${doneItem}:`)).toEqual([]);
    }
  });
});

describe('case step reminders', () => {
  it('warns the creator and the team before a step falls due, and escalates to the UBKT leaders after', async () => {
    const c = await newCase();
    const step = await addStep(ctx, c, 'verification', '2026-05-12');
    const key = `step:${step}:`;
    // 4/05 → 12/05 is 6 working days; 5/05 is 5 (30/4 and 1/5 are already behind).
    await runReminders(ctx, '2026-05-04');
    expect(await noticesOf(creator, key)).toEqual([]);
    await runReminders(ctx, '2026-05-05');
    for (const u of [creator, teamLeader, teamMember]) expect((await noticesOf(u, key)).map((n) => n.kind)).toEqual(['step.before']);
    expect((await noticesOf(creator, key))[0]?.title).toContain('Thẩm tra, xác minh');
    expect(await noticesOf(communeLeader, key)).toEqual([]);

    await runReminders(ctx, '2026-05-13');
    for (const u of [creator, teamLeader, teamMember])
      expect((await noticesOf(u, key)).map((n) => n.kind)).toEqual(['step.before', 'step.overdue']);
    expect((await noticesOf(communeLeader, key)).map((n) => n.kind)).toEqual(['step.escalation']);
    expect(await noticesOf(provinceLeader, key)).toEqual([]);
  });
});

describe('notifications API', () => {
  it('shows each user only their own notifications, and marks only their own read', async () => {
    const ownerSession = await login(app, owner);
    const leaderSession = await login(app, communeLeader);
    const mine = await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: ownerSession.headers });
    expect(mine.statusCode).toBe(200);
    const ownRows = await noticesOf(owner);
    expect(mine.json().total).toBe(ownRows.length);
    expect(mine.json().unread).toBe(ownRows.length);
    expect(mine.json().items.every((n: { kind: string }) => n.kind.startsWith('remediation.') && n.kind !== 'remediation.escalation')).toBe(
      true,
    );

    const theirs = await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: leaderSession.headers });
    const theirId = theirs.json().items[0].id as string;
    expect(mine.json().items.map((n: { id: string }) => n.id)).not.toContain(theirId);
    const steal = await app.inject({ method: 'POST', url: `/api/v1/notifications/${theirId}/read`, headers: ownerSession.headers });
    expect(steal.statusCode).toBe(404);

    const readOne = await app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${mine.json().items[0].id}/read`,
      headers: ownerSession.headers,
    });
    expect(readOne.json().unread).toBe(ownRows.length - 1);
    const all = await app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: ownerSession.headers });
    expect(all.json()).toEqual({ unread: 0, marked: ownRows.length - 1 });
    const unreadOnly = await app.inject({ method: 'GET', url: '/api/v1/notifications?unreadOnly=true', headers: ownerSession.headers });
    expect(unreadOnly.json()).toMatchObject({ items: [], unread: 0 });
    // The leader's notices are untouched.
    const leaderAfter = await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: leaderSession.headers });
    expect(leaderAfter.json().unread).toBe(theirs.json().unread);
  });
});
