// Issue #5 points 1–4, 6, 7: discipline matters opened from a case or directly; the rules' assessment
// (authority, forms, limitation, postponement); the meeting's ballots; the decision refused when the rules
// forbid it, else recorded with its effective date and tasks; the registry's guard; history, publication and
// counts; scope, marks, versions and audit.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisciplineDecision, DisciplineStats, MatterDetail, MemberDiscipline, PublishedList } from '../../common/discipline-api.ts';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../helpers/factories.ts';
import { addMember, addOrg } from './cases.fixtures.ts';

let ctx: TestDb;
let app: FastifyInstance;
let leader: Session;
let officer: Session;
let outsider: Session;
let commune: string;
let cell: string;
let cell2: string;

const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
function yearsAgo(n: number, from = today): string {
  return `${Number(from.slice(0, 4)) - n}${from.slice(4)}`;
}

async function post(url: string, payload: unknown, as: Session = leader) {
  return app.inject({ method: 'POST', url, headers: as.headers, payload: payload as Record<string, unknown> });
}
async function patch(url: string, payload: unknown, as: Session = leader) {
  return app.inject({ method: 'PATCH', url, headers: as.headers, payload: payload as Record<string, unknown> });
}
async function get(url: string, as: Session = leader) {
  return app.inject({ method: 'GET', url, headers: as.headers });
}
function ok<T = MatterDetail>(res: { statusCode: number; body: string; json(): unknown }): T {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

let n = 0;
async function member(extra: Record<string, unknown> = {}, orgId = cell) {
  n += 1;
  return addMember(app, officer, orgId, { fullName: `Nguyễn Văn Kỷ ${n}`, gender: 'male', birthDate: '1970-01-01', ...extra });
}
/** A matter opened directly on a court judgment, decided by the commune's UBKT unless told otherwise. */
async function openDirect(subjectMemberId: string, extra: Record<string, unknown> = {}, as = leader) {
  return ok(
    await post(
      '/api/v1/discipline/matters',
      {
        source: 'court',
        sourceRef: 'Bản án số 12/2025/HS-ST của Tòa án nhân dân khu vực',
        bodyOrgId: commune,
        bodyType: 'ubkt',
        subjectMemberId,
        ...extra,
      },
      as,
    ),
  );
}
async function violation(
  m: { id: string; version: number },
  occurredOn: string,
  deservedForm: string,
  extra: Record<string, unknown> = {},
) {
  return ok(
    await post(`/api/v1/discipline/matters/${m.id}/violations`, {
      occurredOn,
      description: 'Vi phạm quy định về quản lý đất đai tại địa phương',
      ruleViolated: 'Quy định 69-QĐ/TW, Điều 30',
      deservedForm,
      version: m.version,
      ...extra,
    }),
  );
}
async function meeting(m: { id: string; version: number }, ballots: { form: string; votes: number }[], officialMembers = 7, present = 7) {
  return post(`/api/v1/discipline/matters/${m.id}/meetings`, { heldOn: today, officialMembers, present, ballots, version: m.version });
}
async function decide(m: { id: string; version: number; meetings: { id: string }[] }, extra: Record<string, unknown> = {}) {
  return post(`/api/v1/discipline/matters/${m.id}/decision`, {
    meetingId: m.meetings.at(-1)?.id,
    decidedOn: today,
    version: m.version,
    ...extra,
  });
}
async function auditActions(entityId: string) {
  const rows = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).orderBy('seq').execute(),
  );
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  commune = (await orgByCode(ctx, 'X17662')).id;
  cell = (await addOrg(ctx, 'KL_CB01', 'Chi bộ Xóm Bắc', 'X17662', 'cell')).id;
  cell2 = (await addOrg(ctx, 'KL_CB02', 'Chi bộ Xóm Nam', 'X17662', 'cell')).id;
  leader = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'T40' }], totp: true, clearance: 2 }));
  officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'T40' }], totp: true }));
  outsider = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'T01' }], totp: true, clearance: 3 }));
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('opening a matter (issue #5 point 1)', () => {
  it('from a case whose conclusion proposes discipline: subject and body come from the case', async () => {
    const subject = await member();
    const c = ok<{ id: string; code: string }>(
      await post('/api/v1/cases', {
        kind: 'inspection.signs',
        bodyOrgId: commune,
        bodyType: 'ubkt',
        subjectMemberId: subject,
        topic: 'Việc chấp hành quy định về quản lý đất đai',
        grounds: 'Đơn phản ánh có nội dung cụ thể về việc cấp đất sai quy định tại xóm.',
      }),
    );
    // Without a conclusion proposing discipline the case is no ground for a matter.
    const refused = await post('/api/v1/discipline/matters', { source: 'case', caseId: c.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.caseId).toMatch(/không đề nghị xem xét, xử lý kỷ luật/);
    await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .updateTable('inspection_case')
        .set({ propose_discipline: true, violation_found: true, concluded_on: today })
        .where('id', '=', c.id)
        .execute(),
    );
    const m = ok(await post('/api/v1/discipline/matters', { source: 'case', caseId: c.id }));
    expect(m).toMatchObject({
      source: 'case',
      caseId: c.id,
      caseCode: c.code,
      subjectMemberId: subject,
      bodyOrgId: commune,
      bodyType: 'ubkt',
    });
    expect(m.code).toMatch(/^\d{2}\/\d{4}\/KL$/);
    expect(m.status).toBe('open');
    expect(m.subjectFacts).toMatchObject({ probationary: false, holdsPost: false, committeeOf: [] });
    expect(await auditActions(m.id)).toEqual(['discipline.matter_create']);
  });

  it('directly on a court judgment, which must be cited; numbered per body and year', async () => {
    const subject = await member();
    const missing = await post('/api/v1/discipline/matters', {
      source: 'court',
      bodyOrgId: commune,
      bodyType: 'ubkt',
      subjectMemberId: subject,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.sourceRef).toBeTruthy();
    const a = await openDirect(subject);
    const b = await openDirect(await member());
    const seq = (code: string) => Number(code.split('/')[0]);
    expect(seq(b.code)).toBe(seq(a.code) + 1);
    expect(a.assessment.competent.allowed).toBe(false); // no violation yet: nothing to judge
  });
});

describe('the rules applied (domain.md §4)', () => {
  it('a violation six years old deserving reprimand is time-barred (5 years, Quy định 69-QĐ/TW): the decision is refused', async () => {
    const m0 = await openDirect(await member());
    const m1 = await violation(m0, yearsAgo(6), 'reprimand');
    expect(m1.violations[0]).toMatchObject({ limitationEndsOn: yearsAgo(1), timeBarred: true });
    const m2 = ok(await meeting(m1, [{ form: 'reprimand', votes: 6 }]));
    expect(m2.meetings[0]!.outcomeForm).toBe('reprimand');
    const res = await decide(m2);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.decidedOn).toMatch(/hết thời hiệu/);
    expect(ok(await get(`/api/v1/discipline/matters/${m0.id}`)).status).toBe('open');
  });

  it('one six years old deserving warning is within its 10 years: decided, with effective date and tasks', async () => {
    const m0 = await openDirect(await member());
    const m1 = await violation(m0, yearsAgo(6), 'warning');
    expect(m1.violations[0]).toMatchObject({ limitationEndsOn: yearsAgo(-4), timeBarred: false });
    expect(m1.assessment).toMatchObject({ proposedForm: 'warning', competent: { allowed: true } });
    const m2 = ok(await meeting(m1, [{ form: 'warning', votes: 5 }]));
    const d = ok(await decide(m2)).decision!;
    expect(d).toMatchObject({ form: 'warning', decidedOn: today, effectiveOn: today, status: 'in_force' });
    expect(d.tasks.length).toBeGreaterThan(0);
    for (const t of d.tasks) expect(t.dueOn >= today).toBe(true);
    expect(d.tasks.map((t: { kind: string }) => t.kind)).toContain('administrative_discipline');
    const after = ok(await get(`/api/v1/discipline/matters/${m0.id}`));
    expect(after.status).toBe('decided');
    expect(await auditActions(d.id)).toEqual(['discipline.decide']);
  });

  it('a later violation before the end restarts the period; one after it does not revive it', async () => {
    const m0 = await openDirect(await member());
    const m1 = await violation(m0, '2018-03-10', 'reprimand');
    const m2 = await violation(m1, '2022-05-20', 'reprimand');
    const [v1, v2] = m2.violations;
    expect(v1).toMatchObject({ seq: 1, limitationEndsOn: '2027-05-20', restartedBySeq: 2, timeBarred: false });
    expect(v2).toMatchObject({ seq: 2, limitationEndsOn: '2027-05-20', timeBarred: false });
    const other = await openDirect(await member());
    const o1 = await violation(other, '2015-01-10', 'reprimand');
    const o2 = await violation(o1, '2021-02-01', 'reprimand');
    expect(o2.violations[0]).toMatchObject({ limitationEndsOn: '2020-01-10', restartedBySeq: null, timeBarred: true });
  });

  it('a probationary member cannot be removed from a post (Quy định 69-QĐ/TW, Điều 7): refused at the vote', async () => {
    const subject = await member({ status: 'probationary', admittedOn: '2025-06-01' });
    ok<unknown>(await post(`/api/v1/members/${subject}/posts`, { code: 'civil_servant', fromDate: '2025-01-01' }, officer));
    const m0 = await openDirect(subject);
    expect(m0.subjectFacts).toMatchObject({ probationary: true, holdsPost: true });
    const m1 = await violation(m0, yearsAgo(1), 'removal');
    expect(m1.assessment.formsOpen).toEqual(['reprimand', 'warning']);
    expect(m1.assessment.proposedFormProblem).toMatch(/dự bị/);
    const res = await meeting(m1, [{ form: 'removal', votes: 7 }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.ballots).toMatch(/dự bị/);
  });

  it('a chi bộ cannot expel (Điều lệ Đảng, Điều 36): the assessment says so and the decision is refused', async () => {
    const m0 = await openDirect(await member(), { bodyOrgId: cell, bodyType: 'cell' });
    const m1 = await violation(m0, yearsAgo(1), 'expulsion');
    expect(m1.assessment.competent.allowed).toBe(false);
    expect(m1.assessment.competent.reason).toBeTruthy();
    const m2 = ok(await meeting(m1, [{ form: 'expulsion', votes: 6 }]));
    expect(m2.meetings[0]!.outcomeForm).toBe('expulsion');
    const res = await decide(m2);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.bodyOrgId).toBe(m1.assessment.competent.reason);
  });

  it('ballots are counted down from the heaviest form; absent members count in the body', async () => {
    const m0 = await openDirect(await member());
    const m1 = await violation(m0, yearsAgo(1), 'warning');
    // 9 official members, 7 present: warning 3 (needs 5) fails; reprimand 2 + 3 = 5 > 9/2 reaches.
    const m2 = ok(
      await meeting(
        m1,
        [
          { form: 'warning', votes: 3 },
          { form: 'reprimand', votes: 2 },
        ],
        9,
        7,
      ),
    );
    expect(m2.meetings[0]).toMatchObject({ officialMembers: 9, present: 7, outcomeForm: 'reprimand' });
    expect(m2.meetings[0]!.outcomeExplanation.length).toBeGreaterThan(10);
    const tooMany = await meeting(m2, [{ form: 'warning', votes: 8 }], 9, 7);
    expect(tooMany.statusCode).toBe(400);
    // A second meeting replaces the first: the decision follows the last one.
    const m3 = ok(await meeting(m2, [{ form: 'warning', votes: 6 }], 9, 8));
    const stale = await decide({ ...m3, meetings: m3.meetings.slice(0, 1) });
    expect(stale.statusCode).toBe(400);
    expect(ok(await decide(m3)).decision?.form).toBe('warning');
  });

  it('consideration is postponed for a member raising a child under 12 months', async () => {
    const m0 = await openDirect(await member({ gender: 'female' }), { subjectFacts: { childBornOn: today } });
    expect(m0.assessment.postponement.postpone).toBe(true);
    const m1 = await violation(m0, yearsAgo(1), 'reprimand');
    const m2 = ok(await meeting(m1, [{ form: 'reprimand', votes: 7 }]));
    const res = await decide(m2);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.decidedOn).toMatch(/hoãn/);
  });
});

describe('the registry, the profile, publication and counts (issue #5 points 4, 6)', () => {
  it('refuses transfer and a new post while the matter is open; allows them after the decision', async () => {
    const subject = await member({ admittedOn: '2000-05-19' });
    const m0 = await openDirect(subject);
    const version = ok<{ version: number }>(await get(`/api/v1/members/${subject}`, officer)).version;
    const transfer = await post(`/api/v1/members/${subject}/transfer`, { toOrgId: cell2, date: today, version }, officer);
    expect(transfer.statusCode).toBe(400);
    expect(transfer.json().error.fields.toOrgId).toMatch(/đang trong thời gian bị xem xét, xử lý kỷ luật/);
    const appoint = await post(`/api/v1/members/${subject}/posts`, { code: 'department_head', fromDate: today }, officer);
    expect(appoint.statusCode).toBe(400);
    expect(appoint.json().error.fields.code).toMatch(/bổ nhiệm/);
    // The registry's check answers in any scope, and leaves the caller's transaction as unprivileged as it was.
    const probe = await inTransaction(ctx.database.db, { system: false, paths: ['TW.T01'], clearance: 0 }, async (tx) => {
      const { rows } = await sql<{
        under: boolean;
        system: boolean;
      }>`SELECT ktgs_member_under_discipline(${subject}::uuid) AS under`.execute(tx);
      const after = await sql<{ system: boolean }>`SELECT ktgs_is_system() AS system`.execute(tx);
      return { under: rows[0]?.under, system: after.rows[0]?.system };
    });
    expect(probe).toEqual({ under: true, system: false });
    const history = ok<MemberDiscipline>(await get(`/api/v1/members/${subject}/discipline`));
    expect(history).toMatchObject({ underConsideration: true, decisions: [] });

    const m1 = await violation(m0, yearsAgo(1), 'reprimand');
    const decided = ok(await decide(ok(await meeting(m1, [{ form: 'reprimand', votes: 5 }]))));
    ok<unknown>(await post(`/api/v1/members/${subject}/posts`, { code: 'department_head', fromDate: today }, officer));
    const v2 = ok<{ version: number }>(await get(`/api/v1/members/${subject}`, officer)).version;
    ok<unknown>(await post(`/api/v1/members/${subject}/transfer`, { toOrgId: cell2, date: today, version: v2 }, officer));
    const after = ok<MemberDiscipline>(await get(`/api/v1/members/${subject}/discipline`));
    expect(after.underConsideration).toBe(false);
    expect(after.decisions).toMatchObject([{ id: decided.decision?.id, form: 'reprimand', status: 'in_force', current: true }]);
  });

  it('the imports keep the same rule: a file that moves the member or gives them a post is refused on that row', async () => {
    const card = `KL${Date.now() % 1_000_000}`;
    const subject = await member({ partyCardNo: card, admittedOn: '2001-05-19' });
    await openDirect(subject);
    const upload = (kind: string, csv: string) => {
      const boundary = `----ktgs${Math.random().toString(16).slice(2)}`;
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${kind}.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        Buffer.from(csv),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return app.inject({
        method: 'POST',
        url: `/api/v1/imports/${kind}`,
        headers: { ...officer.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    };
    const moved = await upload(
      'members',
      `Họ và tên;Ngày sinh;Số thẻ đảng viên;Mã chi bộ\nNguyễn Văn Kỷ ${n};01/01/1970;${card};KL_CB02\n`,
    );
    expect(moved.json()).toMatchObject({ status: 'rejected', errors: [{ row: 2, field: 'Mã chi bộ' }] });
    expect(moved.json().errors[0].message).toMatch(/đang trong thời gian bị xem xét, xử lý kỷ luật/);
    const appointed = await upload('posts', `Số thẻ đảng viên;Chức vụ;Từ ngày\n${card};department_head;01/01/2026\n`);
    expect(appointed.json()).toMatchObject({ status: 'rejected', errors: [{ row: 2, field: 'Chức vụ' }] });
    expect(appointed.json().errors[0].message).toMatch(/bổ nhiệm/);
  });

  it('announcement sets the end of the effect; publication and counts', async () => {
    const subject = await member();
    const m1 = await violation(await openDirect(subject), yearsAgo(1), 'warning');
    const d = ok(await decide(ok(await meeting(m1, [{ form: 'warning', votes: 6 }])))).decision!;
    expect(d.effectEndsOn).toBeNull();
    const d2 = ok<DisciplineDecision>(
      await patch(`/api/v1/discipline/decisions/${d.id}`, { announcedOn: today, publishInternally: true, version: d.version }),
    );
    expect(d2).toMatchObject({ announcedOn: today, effectEndsOn: yearsAgo(-1), publishInternally: true });
    const task = d2.tasks[0]!;
    const d3 = ok<DisciplineDecision>(
      await patch(`/api/v1/discipline/decisions/${d.id}`, { tasks: [{ id: task.id, doneOn: today }], version: d2.version }),
    );
    expect(d3.tasks.find((t) => t.id === task.id)?.doneOn).toBe(today);
    const stale = await patch(`/api/v1/discipline/decisions/${d.id}`, { publishInternally: false, version: d2.version });
    expect(stale.statusCode).toBe(409);

    const published = ok<PublishedList>(await get(`/api/v1/discipline/published?orgId=${commune}`, officer));
    expect(published.items.map((i: { id: string }) => i.id)).toContain(d.id);
    expect(ok<PublishedList>(await get('/api/v1/discipline/published', outsider)).items).toEqual([]);
    const stats = ok<DisciplineStats>(await get(`/api/v1/discipline/stats?orgId=${commune}&year=${today.slice(0, 4)}`));
    expect(stats.total).toBeGreaterThanOrEqual(1);
    expect(stats.byForm.warning).toBeGreaterThanOrEqual(1);
    expect(stats.byLevel.commune).toBe(stats.total - (stats.byLevel.cell ?? 0));
    expect(stats.bySubject.member + stats.bySubject.org).toBe(stats.total);
    expect(await auditActions(d.id)).toEqual(['discipline.decide', 'discipline.decision_update', 'discipline.decision_update']);
  });
});

describe('committee members, the list and closing without discipline', () => {
  it('a committee member is recorded as such at opening and counted apart; a matter closed without discipline frees the registry', async () => {
    const year = today.slice(0, 4);
    const before = ok<DisciplineStats>(await get(`/api/v1/discipline/stats?orgId=${commune}&year=${year}`));
    const subject = await member({ admittedOn: '2001-02-03' });
    ok<unknown>(
      await post(`/api/v1/members/${subject}/posts`, { code: 'committee_member', orgId: commune, fromDate: '2020-10-01' }, officer),
    );
    const m0 = await openDirect(subject);
    expect(m0.subjectFacts.committeeOf).toMatchObject([{ orgPath: 'TW.T40.X17662', code: 'committee_member' }]);
    const listed = ok<{ items: { id: string }[] }>(await get(`/api/v1/discipline/matters?orgId=${commune}&status=open&pageSize=200`));
    expect(listed.items.map((i) => i.id)).toContain(m0.id);
    const m1 = await violation(m0, yearsAgo(2), 'reprimand');
    // The UBKT does not discipline a committee member of its own level (Điều lệ Đảng, Điều 36): the committee does.
    expect(m1.assessment.competent).toMatchObject({ allowed: false, reason: expect.stringMatching(/cấp ủy viên cùng cấp/) });
    const m2 = ok(await patch(`/api/v1/discipline/matters/${m0.id}`, { bodyType: 'committee', version: m1.version }));
    expect(m2.assessment.competent.allowed).toBe(true);
    ok(await decide(ok(await meeting(m2, [{ form: 'reprimand', votes: 4 }]))));
    const after = ok<DisciplineStats>(await get(`/api/v1/discipline/stats?orgId=${commune}&year=${year}`));
    expect(after.committeeMembers.total).toBe(before.committeeMembers.total + 1);
    expect(after.committeeMembers.byForm.reprimand).toBe((before.committeeMembers.byForm.reprimand ?? 0) + 1);
    expect(after.total).toBe(before.total + 1);

    const other = await member({ admittedOn: '2001-02-03' });
    const o = await openDirect(other);
    const noReason = await patch(`/api/v1/discipline/matters/${o.id}`, { status: 'no_discipline', version: o.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.statusReason).toBeTruthy();
    const closed = ok(
      await patch(`/api/v1/discipline/matters/${o.id}`, {
        status: 'no_discipline',
        statusReason: 'Qua thẩm tra, vi phạm chưa đến mức phải xử lý kỷ luật.',
        version: o.version,
      }),
    );
    expect(closed.status).toBe('no_discipline');
    expect(ok<MemberDiscipline>(await get(`/api/v1/members/${other}/discipline`)).underConsideration).toBe(false);
  });
});

describe('scope, marks, versions', () => {
  it('an organisation: reprimand or warning by the directly superior committee; dissolution needs the level above (domain.md §4)', async () => {
    const m = ok(
      await post('/api/v1/discipline/matters', {
        source: 'state_notice',
        sourceRef: 'Thông báo số 45/TB-UBND về sai phạm quản lý quỹ của chi bộ',
        bodyOrgId: commune,
        bodyType: 'committee',
        subjectOrgId: cell2,
      }),
    );
    expect(m.assessment.formsOpen).toEqual(['reprimand', 'warning', 'dissolution']);
    const withWarning = await violation(m, yearsAgo(1), 'warning');
    expect(withWarning.assessment.competent).toMatchObject({ allowed: true });
    const dissolve = await violation(withWarning, yearsAgo(1), 'dissolution');
    // The commune is the cell's direct superior: dissolving it is for the level above.
    expect(dissolve.assessment.competent).toMatchObject({ allowed: false });
    const voted = ok(await meeting(dissolve, [{ form: 'dissolution', votes: 7 }]));
    const refused = await decide(voted);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toHaveProperty('bodyOrgId');
  });

  it('another province neither reads the matter nor opens one in ours', async () => {
    const m = await openDirect(await member());
    expect((await get(`/api/v1/discipline/matters/${m.id}`, outsider)).statusCode).toBe(404);
    expect(ok<{ items: unknown[] }>(await get('/api/v1/discipline/matters?pageSize=200', outsider)).items).toEqual([]);
    const res = await post(
      '/api/v1/discipline/matters',
      { source: 'court', sourceRef: 'Bản án số 1/2025', bodyOrgId: commune, bodyType: 'ubkt', subjectMemberId: m.subjectMemberId },
      outsider,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.bodyOrgId).toBeTruthy();
  });

  it('a stale version is refused with 409 and changes nothing', async () => {
    const m0 = await openDirect(await member());
    const m1 = ok(await patch(`/api/v1/discipline/matters/${m0.id}`, { mitigating: ['honest'], version: m0.version }));
    expect(m1.assessment.mitigating).toEqual([{ code: 'honest', label: expect.stringMatching(/Thành khẩn/) }]);
    const stale = await patch(`/api/v1/discipline/matters/${m0.id}`, { aggravating: ['repeated'], version: m0.version });
    expect(stale.statusCode).toBe(409);
    const v = await post(`/api/v1/discipline/matters/${m0.id}/violations`, {
      occurredOn: yearsAgo(1),
      description: 'Vi phạm quy định',
      ruleViolated: 'Điều lệ Đảng',
      deservedForm: 'reprimand',
      version: m0.version,
    });
    expect(v.statusCode).toBe(409);
    const now = ok(await get(`/api/v1/discipline/matters/${m0.id}`));
    expect(now).toMatchObject({ aggravating: [], violations: [], version: m1.version });
    expect(await auditActions(m0.id)).toEqual(['discipline.matter_create', 'discipline.matter_update']);
  });

  it('a matter marked above the reader’s clearance does not exist for them; reading it is audited', async () => {
    const m = await openDirect(await member(), { secrecy: 1 });
    expect((await get(`/api/v1/discipline/matters/${m.id}`, officer)).statusCode).toBe(404);
    ok(await get(`/api/v1/discipline/matters/${m.id}`));
    expect(await auditActions(m.id)).toEqual(['discipline.matter_create', 'secret.read']);
  });
});
