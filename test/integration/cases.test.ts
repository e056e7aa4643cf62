// Issue #4 points 3 and 9: cases opened only by a body that may (domain.md §2), teams without the subject or
// the subject's relatives, steps as the procedure's state machine with due dates in working days, one
// extension, optimistic versions, scope and secrecy marks.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../helpers/factories.ts';
import { addMember, addOrg, addRelative, pdf, upload } from './cases.fixtures.ts';

let ctx: TestDb;
let app: FastifyInstance;
let leader: Session;
let officer: Session;
let outsider: Session;
let commune: string;
let subject: string;
let spouseMember: string;
let sonMember: string;
let teamLeader: string;
let teamMember: string;

const GROUNDS = 'Đơn phản ánh có nội dung cụ thể về việc cấp đất sai quy định tại xóm.';

async function post(url: string, payload: unknown, as: Session = leader) {
  return app.inject({ method: 'POST', url, headers: as.headers, payload: payload as Record<string, unknown> });
}
async function get(url: string, as: Session = leader) {
  return app.inject({ method: 'GET', url, headers: as.headers });
}
function signs(extra: Record<string, unknown> = {}) {
  return {
    kind: 'inspection.signs',
    bodyOrgId: commune,
    bodyType: 'ubkt',
    subjectMemberId: subject,
    topic: 'Việc thực hiện nhiệm vụ đảng viên trong quản lý đất đai',
    grounds: GROUNDS,
    ...extra,
  };
}
async function open(extra: Record<string, unknown> = {}, as: Session = leader) {
  const res = await post('/api/v1/cases', signs(extra), as);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json();
}

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  commune = (await orgByCode(ctx, 'X17662')).id;
  const cell = await addOrg(ctx, 'CT_CB01', 'Chi bộ Xóm Đông', 'X17662');
  const cell2 = await addOrg(ctx, 'CT_CB02', 'Chi bộ Xóm Tây', 'X17662');
  leader = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'T40' }], totp: true, clearance: 2 }));
  officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'T40' }], totp: true }));
  outsider = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'T01' }], totp: true, clearance: 3 }));
  // CCCDs with the structure of Thông tư 59/2021/TT-BCA (Nghệ An 040; century and sex digit; year).
  subject = await addMember(app, officer, cell.id, {
    fullName: 'Trần Văn Hùng',
    gender: 'male',
    birthDate: '1975-03-03',
    cccd: '040075001111',
  });
  await addRelative(app, officer, subject, { relation: 'spouse', fullName: 'Lê Thị Mai', birthDate: '1978-05-05', cccd: '040178002222' });
  await addRelative(app, officer, subject, { relation: 'child', fullName: 'Trần Văn Nam', birthDate: '2000-01-01' });
  spouseMember = await addMember(app, officer, cell2.id, {
    fullName: 'Lê Thị Mai',
    gender: 'female',
    birthDate: '1978-05-05',
    cccd: '040178002222',
  });
  sonMember = await addMember(app, officer, cell2.id, { fullName: 'Trần Văn Nam', gender: 'male', birthDate: '2000-01-01' });
  teamLeader = await addMember(app, officer, cell2.id, { fullName: 'Phạm Văn Long', gender: 'male', birthDate: '1970-08-08' });
  teamMember = await addMember(app, officer, cell2.id, { fullName: 'Hoàng Thị Lan', gender: 'female', birthDate: '1985-09-09' });
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('opening a case: who may run which kind on whom (domain.md §2)', () => {
  it('refuses an inspection on signs decided by the party committee, naming the body (Điều lệ Đảng, Điều 32)', async () => {
    const res = await post('/api/v1/cases', signs({ bodyType: 'committee' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.bodyType).toMatch(/Ủy ban Kiểm tra tiến hành/);
  });

  it('refuses a KTGS-duty inspection of a member, naming the subject (Điều lệ Đảng, Điều 32, khoản 3)', async () => {
    const res = await post('/api/v1/cases', signs({ kind: 'inspection.ktgs_duty' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.subjectMemberId).toMatch(/đối với tổ chức đảng, không đối với đảng viên/);
  });

  it('refuses an organisation inspecting itself', async () => {
    const res = await post('/api/v1/cases', signs({ subjectMemberId: undefined, subjectOrgId: commune }));
    expect(res.json().error.fields.subjectOrgId).toMatch(/không tự kiểm tra/);
  });

  it('refuses an inspection on signs without its grounds (Quy định 296-QĐ/TW)', async () => {
    const res = await post('/api/v1/cases', signs({ grounds: undefined }));
    expect(res.json().error.fields.grounds).toMatch(/căn cứ/);
  });

  it('refuses a secrecy mark above the creator’s clearance (Luật Bảo vệ bí mật nhà nước 2018)', async () => {
    const res = await post('/api/v1/cases', signs({ secrecy: 2 }), officer);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.secrecy).toBeDefined();
  });

  it('numbers cases per body and year and opens them at the first step of their kind', async () => {
    const a = await open();
    const b = await open();
    expect(a.code).toMatch(/^\d{2}\/2026\/KT$/);
    expect(Number(b.code.slice(0, 2))).toBe(Number(a.code.slice(0, 2)) + 1);
    expect(a).toMatchObject({ step: 'decision', status: 'open', bodyOrgName: expect.any(String), subjectName: 'Trần Văn Hùng' });
    expect(a.steps).toHaveLength(1);
  });
});

describe('the team: neither the subject nor a recorded relative sits on it (Quy định 296-QĐ/TW)', () => {
  let c: { id: string; version: number; team: { id: string; fullName: string }[] };
  beforeAll(async () => {
    c = await open();
  });
  const seat = async (body: Record<string, unknown>) => post(`/api/v1/cases/${c.id}/team`, { version: c.version, ...body });

  it('refuses the subject', async () => {
    const res = await seat({ memberId: subject, role: 'member' });
    expect(res.json().error.fields.memberId).toMatch(/là đối tượng kiểm tra, giám sát/);
  });

  it('refuses a member whose CCCD is that of the subject’s recorded spouse', async () => {
    const res = await seat({ memberId: spouseMember, role: 'member' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.memberId).toMatch(/Lê Thị Mai có quan hệ gia đình với đối tượng/);
  });

  it('refuses by name and birth date a relative recorded without a CCCD, in the registry or named', async () => {
    const member = await seat({ memberId: sonMember, role: 'member' });
    expect(member.json().error.fields.memberId).toMatch(/quan hệ gia đình/);
    const named = await seat({ fullName: 'TRẦN VĂN NAM', birthDate: '2000-01-01', role: 'secretary' });
    expect(named.json().error.fields.fullName).toMatch(/quan hệ gia đình/);
    const otherNam = await seat({ fullName: 'Trần Văn Nam', birthDate: '1999-01-01', role: 'secretary' });
    expect(otherNam.statusCode).toBe(200);
    c = otherNam.json();
  });

  it('seats one leader, refuses a second, and withdraws a seat', async () => {
    const first = await seat({ memberId: teamLeader, role: 'leader', position: 'Phó Chủ nhiệm UBKT' });
    expect(first.statusCode).toBe(200);
    c = first.json();
    const second = await seat({ memberId: teamMember, role: 'leader' });
    expect(second.json().error.fields.role).toMatch(/một Trưởng đoàn/);
    const named = c.team.find((s: { fullName: string }) => s.fullName === 'Trần Văn Nam');
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/v1/cases/${c.id}/team/${named?.id}?version=${c.version}`,
      headers: leader.headers,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().team.map((s: { fullName: string }) => s.fullName)).toEqual(['Phạm Văn Long']);
  });
});

describe('steps: the procedure of domain.md §3 as a state machine', () => {
  it('moves only along the procedure; the handover waits for the decision and a leader', async () => {
    let c = await open({ openedOn: '2026-03-02' });
    expect(c.nextSteps).toEqual([
      expect.objectContaining({ step: 'handover', allowed: false, reason: expect.stringMatching(/quyết định/) }),
    ]);
    const skip = await post(`/api/v1/cases/${c.id}/advance`, { to: 'verification', on: '2026-03-02', version: c.version });
    expect(skip.json().error.fields.to).toMatch(/theo trình tự/);
    const early = await post(`/api/v1/cases/${c.id}/advance`, { to: 'handover', on: '2026-03-02', version: c.version });
    expect(early.json().error.fields.to).toMatch(/Chưa ghi nhận quyết định/);
    c = (await post(`/api/v1/cases/${c.id}/decision`, { decidedOn: '2026-03-02', decisionNo: '15-QĐ/UBKT', version: c.version })).json();
    c = (await post(`/api/v1/cases/${c.id}/team`, { memberId: teamMember, role: 'member', version: c.version })).json();
    const noLeader = await post(`/api/v1/cases/${c.id}/advance`, { to: 'handover', on: '2026-03-02', version: c.version });
    expect(noLeader.json().error.fields.to).toMatch(/Trưởng đoàn/);
  });

  it('counts step deadlines in working days across Tết Bính Ngọ (Bộ luật Lao động 2019, Điều 112)', async () => {
    // Default calendar 2026: Tết is Monday 16/2 (last day of the lunar year) to Friday 20/2; 14–15 and 21–22/2 are weekends.
    // Opened Friday 13/2: the decision step's 5 working days are 23, 24, 25, 26, 27/2.
    let c = await open({ openedOn: '2026-02-13' });
    expect(c.steps[0]).toMatchObject({ step: 'decision', startedOn: '2026-02-13', dueOn: '2026-02-27' });
    // The overall limit is 90 calendar days from the decision at a lower level (Quy định 296-QĐ/TW; domain.md §3).
    c = (await post(`/api/v1/cases/${c.id}/decision`, { decidedOn: '2026-02-13', version: c.version })).json();
    expect(c.dueOn).toBe('2026-05-14');
    c = (await post(`/api/v1/cases/${c.id}/team`, { memberId: teamLeader, role: 'leader', version: c.version })).json();
    // The handover's 3 working days from Friday 13/2: 23, 24, 25/2.
    const res = await post(`/api/v1/cases/${c.id}/advance`, {
      to: 'handover',
      on: '2026-02-13',
      note: 'Đã giao quyết định',
      version: c.version,
    });
    expect(res.statusCode).toBe(200);
    c = res.json();
    expect(c.steps.map((s: { step: string; dueOn: string; completedOn: string | null }) => [s.step, s.dueOn, s.completedOn])).toEqual([
      ['decision', '2026-02-27', '2026-02-13'],
      ['handover', '2026-02-25', null],
    ]);

    // One extension of at most 30 days at a lower level, with a reason; a second is refused (Quy định 296-QĐ/TW).
    const reason = 'Đối tượng đi công tác dài ngày, cần thêm thời gian xác minh.';
    const tooLong = await post(`/api/v1/cases/${c.id}/extend`, { days: 45, reason, version: c.version });
    expect(tooLong.json().error.fields.days).toMatch(/không quá 30 ngày/);
    const ext = await post(`/api/v1/cases/${c.id}/extend`, { days: 30, reason, version: c.version });
    expect(ext.statusCode).toBe(200);
    expect(ext.json()).toMatchObject({ dueOn: '2026-06-13', limit: { extensionDays: 30, extensionReason: reason } });
    const again = await post(`/api/v1/cases/${c.id}/extend`, { days: 10, reason, version: ext.json().version });
    expect(again.json().error.fields.days).toMatch(/không được gia hạn thêm/);

    // A write with the version read before someone else's save is refused.
    const stale = await post(`/api/v1/cases/${c.id}/advance`, { to: 'explanation', on: '2026-02-24', version: c.version });
    expect(stale.statusCode).toBe(409);
  });

  it('suspends only during execution; a suspended case does not move until resumed; cancels with a reason', async () => {
    let c = await open({ openedOn: '2026-03-02' });
    const reason = 'Đối tượng ốm điều trị dài ngày tại bệnh viện.';
    const atDecision = await post(`/api/v1/cases/${c.id}/suspend`, { reason, version: c.version });
    expect(atDecision.json().error.fields.reason).toMatch(/giai đoạn tiến hành/);
    c = (await post(`/api/v1/cases/${c.id}/decision`, { decidedOn: '2026-03-02', version: c.version })).json();
    c = (await post(`/api/v1/cases/${c.id}/team`, { memberId: teamLeader, role: 'leader', version: c.version })).json();
    c = (await post(`/api/v1/cases/${c.id}/advance`, { to: 'handover', on: '2026-03-03', version: c.version })).json();
    c = (await post(`/api/v1/cases/${c.id}/suspend`, { reason, version: c.version })).json();
    expect(c.status).toBe('suspended');
    expect(c.nextSteps.every((n: { allowed: boolean }) => !n.allowed)).toBe(true);
    const moved = await post(`/api/v1/cases/${c.id}/advance`, { to: 'explanation', on: '2026-03-10', version: c.version });
    expect(moved.json().error.fields.to).toMatch(/tạm dừng/);
    c = (await post(`/api/v1/cases/${c.id}/resume`, { reason: 'Đối tượng đã ra viện, tiếp tục làm việc.', version: c.version })).json();
    expect(c.status).toBe('open');
    c = (await post(`/api/v1/cases/${c.id}/cancel`, { reason: 'Cấp trên đã thụ lý cùng nội dung.', version: c.version })).json();
    expect(c.status).toBe('cancelled');
    expect(c.actions.extend.allowed).toBe(false);
  });
});

describe('supervision that finds signs of violation (domain.md §2)', () => {
  it('concludes on signs, never on discipline, and turns into an inspection on signs of the same subject (Quy định 296-QĐ/TW)', async () => {
    let c = await open({ kind: 'supervision.thematic', grounds: undefined, openedOn: '2026-03-02' });
    expect(c.code).toMatch(/\/2026\/GS$/);
    const early = await post(`/api/v1/cases/${c.id}/escalate`, {});
    expect(early.json().error.fields.violationFound).toBeDefined();
    c = (await post(`/api/v1/cases/${c.id}/decision`, { decidedOn: '2026-03-02', version: c.version })).json();
    c = (await post(`/api/v1/cases/${c.id}/team`, { memberId: teamLeader, role: 'leader', version: c.version })).json();
    for (const [to, on] of [
      ['handover', '2026-03-03'],
      ['self_report', '2026-03-05'],
      ['verification', '2026-03-12'],
      ['results_report', '2026-03-26'],
      ['conclusion', '2026-04-02'],
    ])
      c = (await post(`/api/v1/cases/${c.id}/advance`, { to, on, version: c.version })).json();
    expect(c.step).toBe('conclusion');
    const conclusion = {
      findings: 'Đồng chí có biểu hiện vi phạm quy định về quản lý đất đai.',
      violationFound: true,
      concludedOn: '2026-04-03',
      version: c.version,
    };
    const discipline = await post(`/api/v1/cases/${c.id}/conclusion`, { ...conclusion, proposeDiscipline: true });
    expect(discipline.json().error.fields.proposeDiscipline).toMatch(/Giám sát không đề nghị kỷ luật/);
    c = (await post(`/api/v1/cases/${c.id}/conclusion`, conclusion)).json();
    const res = await post(`/api/v1/cases/${c.id}/escalate`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'inspection.signs', subjectMemberId: subject, step: 'decision', bodyType: 'ubkt' });
    expect(res.json().grounds).toContain(`cuộc ${c.code}`);
  });
});

describe('scope and secrecy marks', () => {
  it('another province neither reads the case nor finds it', async () => {
    const c = await open();
    expect((await get(`/api/v1/cases/${c.id}`, outsider)).statusCode).toBe(404);
    const list = await get('/api/v1/cases?pageSize=200', outsider);
    expect(list.json().items).toEqual([]);
    const inProvince = await get('/api/v1/cases?pageSize=200', officer);
    expect(inProvince.json().items.map((i: { id: string }) => i.id)).toContain(c.id);
  });

  it('a case marked above the reader’s clearance does not exist for them; reading it is audited', async () => {
    const c = await open({ secrecy: 2 });
    expect((await get(`/api/v1/cases/${c.id}`, officer)).statusCode).toBe(404);
    const list = await get('/api/v1/cases?pageSize=200', officer);
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    expect((await get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
    const reads = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).execute(),
    );
    expect(reads.map((r) => r.action)).toEqual(expect.arrayContaining(['case.create', 'secret.read']));
    // Its files inherit the mark: hidden from the officer, and each download by the leader is audited.
    const up = await upload(
      app,
      leader,
      `/api/v1/cases/${c.id}/attachments`,
      { title: 'Biên bản làm việc', kind: 'minutes' },
      { name: 'bb.pdf', data: pdf('mật') },
    );
    const attachment = up.json().attachments[0];
    expect(attachment.stepId).toBe(c.steps[0].id);
    expect((await get(`/api/v1/case-attachments/${attachment.id}/file`, officer)).statusCode).toBe(404);
    expect((await get(`/api/v1/case-attachments/${attachment.id}/file`)).statusCode).toBe(200);
    const downloads = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select('action').where('entity_id', '=', attachment.id).execute(),
    );
    expect(downloads.map((r) => r.action)).toEqual(['case.attachment.add', 'case.attachment.download']);
  });

  it('filters the list by organisation subtree, kind, step and status, with counts', async () => {
    const res = await get(`/api/v1/cases?orgId=${commune}&kind=inspection.signs&step=decision&status=open&pageSize=2`, officer);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(2);
    expect(body.total).toBeGreaterThan(2);
    expect(body.items.every((i: { step: string; status: string }) => i.step === 'decision' && i.status === 'open')).toBe(true);
    // The counts are by status, over the other filters.
    expect(body.counts.open).toBe(body.total);
    const all = await get(`/api/v1/cases?orgId=${commune}&pageSize=1`, officer);
    expect(all.json().counts.cancelled).toBe(1);
    expect(all.json().counts.suspended).toBe(0);
    const other = await get(`/api/v1/cases?orgId=${(await orgByCode(ctx, 'X16681')).id}`, officer);
    expect(other.json().total).toBe(0);
  });
});
