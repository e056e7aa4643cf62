// Issue #4 point 10: an inspection on signs of violation run through the API from its opening and decision
// to closed remediation (domain.md §3), on both database modes; the audit chain still verifies.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../helpers/factories.ts';
import { addMember, addOrg, pdf, upload } from './cases.fixtures.ts';

let ctx: TestDb;
let app: FastifyInstance;
let leader: Session;
let auditor: Session;
let commune: string;
let subject: string;
let teamLeader: string;
let teamMember: string;

interface Detail {
  id: string;
  version: number;
  step: string;
  status: string;
  steps: { id: string; step: string; completedOn: string | null }[];
  nextSteps: { step: string; allowed: boolean; reason: string | null }[];
  attachments: { id: string; stepId: string; title: string }[];
  [k: string]: unknown;
}

async function post(url: string, payload: unknown, as: Session = leader) {
  return app.inject({ method: 'POST', url, headers: as.headers, payload: payload as Record<string, unknown> });
}
async function ok(res: { statusCode: number; body: string; json(): unknown }): Promise<Detail> {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode}: ${res.body}`);
  return res.json() as Detail;
}

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  commune = (await orgByCode(ctx, 'X17662')).id;
  const cell = await addOrg(ctx, 'CF_CB01', 'Chi bộ Khối Cơ quan', 'X17662');
  leader = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'T40' }], totp: true }));
  auditor = await login(app, await createUser(ctx, { roles: [{ role: 'auditor', orgCode: 'TW' }], totp: true }));
  const officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'T40' }], totp: true }));
  subject = await addMember(app, officer, cell.id, { fullName: 'Đinh Văn Tuấn', gender: 'male', birthDate: '1972-02-02' });
  teamLeader = await addMember(app, officer, cell.id, { fullName: 'Nguyễn Văn Bảo', gender: 'male', birthDate: '1968-06-06' });
  teamMember = await addMember(app, officer, cell.id, { fullName: 'Võ Thị Hạnh', gender: 'female', birthDate: '1984-04-04' });
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('an inspection on signs of violation, from opening to closed remediation', () => {
  it('runs every step with its minutes, concludes with two requirements, and closes only when both are done', async () => {
    let c = await ok(
      await post('/api/v1/cases', {
        kind: 'inspection.signs',
        bodyOrgId: commune,
        bodyType: 'ubkt',
        subjectMemberId: subject,
        topic: 'Việc chấp hành quy định về những điều đảng viên không được làm',
        grounds: 'Đơn tố cáo có nội dung cụ thể về việc nhận tiền hỗ trợ tái định cư sai đối tượng.',
        openedOn: '2026-03-02',
      }),
    );
    c = await ok(await post(`/api/v1/cases/${c.id}/decision`, { decidedOn: '2026-03-02', decisionNo: '21-QĐ/UBKT', version: c.version }));
    expect(c.dueOn).toBe('2026-05-31');
    for (const seat of [
      { memberId: teamLeader, role: 'leader', position: 'Phó Chủ nhiệm Ủy ban Kiểm tra' },
      { memberId: teamMember, role: 'member' },
      { fullName: 'Nguyễn Thị Thu', role: 'secretary', position: 'Cán bộ Ủy ban Kiểm tra' },
    ])
      c = await ok(await post(`/api/v1/cases/${c.id}/team`, { ...seat, version: c.version }));
    expect(c.teamProblems).toEqual([]);

    const attach = async (title: string, kind: string) => {
      const res = await upload(
        app,
        leader,
        `/api/v1/cases/${c.id}/attachments`,
        { title, kind },
        { name: `${title}.pdf`, data: pdf(title) },
      );
      c = await ok(res);
      const open = c.steps.find((s) => !s.completedOn);
      expect(c.attachments.find((a) => a.title === title)?.stepId).toBe(open?.id);
    };
    await attach('Quyết định và kế hoạch kiểm tra', 'document');
    const run: [string, string, string][] = [
      ['handover', '2026-03-04', 'Biên bản triển khai quyết định'],
      ['explanation', '2026-03-10', 'Báo cáo giải trình của đối tượng'],
      ['verification', '2026-03-20', 'Biên bản làm việc với người tố cáo'],
      ['subject_meeting', '2026-04-10', 'Biên bản hội nghị chi bộ'],
      ['results_report', '2026-04-17', 'Báo cáo kết quả kiểm tra'],
      ['conclusion', '2026-04-24', 'Biên bản họp Ủy ban Kiểm tra'],
    ];
    for (const [to, on, title] of run) {
      c = await ok(await post(`/api/v1/cases/${c.id}/advance`, { to, on, version: c.version }));
      expect(c.step).toBe(to);
      await attach(title, to === 'explanation' || to === 'results_report' ? 'report' : 'minutes');
    }
    expect(c.attachments).toHaveLength(7);

    // The notice waits for the conclusion (domain.md §3, step 7).
    expect(c.nextSteps.find((n) => n.step === 'notice')).toMatchObject({ allowed: false });
    c = await ok(
      await post(`/api/v1/cases/${c.id}/conclusion`, {
        findings: 'Đồng chí Đinh Văn Tuấn có vi phạm trong việc xác nhận hồ sơ hỗ trợ tái định cư.',
        violationFound: true,
        concludedOn: '2026-04-27',
        proposeDiscipline: true,
        disciplineNote: 'Đề nghị xem xét thi hành kỷ luật bằng hình thức khiển trách.',
        requirements: [
          {
            requirement: 'Nộp lại khoản hỗ trợ đã nhận sai quy định',
            ownerMemberId: subject,
            ownerName: 'Đinh Văn Tuấn',
            dueOn: '2026-06-30',
          },
          { requirement: 'Chi bộ tổ chức kiểm điểm, báo cáo kết quả', ownerName: 'Chi bộ Khối Cơ quan', dueOn: '2026-07-31' },
        ],
        version: c.version,
      }),
    );
    expect(c.remediation).toEqual({ open: 2, done: 0, cancelled: 0 });
    c = await ok(await post(`/api/v1/cases/${c.id}/advance`, { to: 'notice', on: '2026-04-28', version: c.version }));
    c = await ok(await post(`/api/v1/cases/${c.id}/advance`, { to: 'remediation', on: '2026-05-05', version: c.version }));
    expect(c.notifiedOn).toBe('2026-05-05');

    // Quy định 296-QĐ/TW (domain.md §3, step 8): followed up until each required item is done, with evidence.
    const early = await post(`/api/v1/cases/${c.id}/advance`, { to: 'closed', on: '2026-05-06', version: c.version });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.to).toMatch(/Còn 2 yêu cầu khắc phục chưa hoàn thành/);
    expect(c.nextSteps.find((n) => n.step === 'closed')?.reason).toMatch(/Còn 2 yêu cầu/);

    // The discipline module (issue #5) finds the cases proposing discipline.
    const proposed = await app.inject({ method: 'GET', url: '/api/v1/cases?proposeDiscipline=true', headers: leader.headers });
    expect(proposed.json().items.map((i: { id: string }) => i.id)).toEqual([c.id]);

    const items = await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/remediation`, headers: leader.headers });
    expect(items.statusCode).toBe(200);
    const list = items.json().items as { id: string; version: number }[];
    expect(list).toHaveLength(2);
    for (const item of list) {
      const ev = await upload(
        app,
        leader,
        `/api/v1/remediation/${item.id}/evidence`,
        { note: 'Biên lai, biên bản' },
        { name: 'minh-chung.pdf', data: pdf(item.id) },
      );
      expect(ev.statusCode).toBe(200);
      const done = await app.inject({
        method: 'PATCH',
        url: `/api/v1/remediation/${item.id}`,
        headers: leader.headers,
        payload: {
          version: ev.json().version,
          status: 'done',
          doneOn: '2026-06-15',
          resultNote: 'Đã thực hiện xong, có minh chứng kèm theo.',
        },
      });
      expect(done.statusCode).toBe(200);
    }

    c = await ok(await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: leader.headers }));
    expect(c.remediation).toEqual({ open: 0, done: 2, cancelled: 0 });
    c = await ok(await post(`/api/v1/cases/${c.id}/advance`, { to: 'closed', on: '2026-07-01', version: c.version }));
    expect(c).toMatchObject({ status: 'closed', step: 'closed', closedOn: '2026-07-01', nextSteps: [] });

    // Each file comes back as a download, as it was stored.
    const first = c.attachments[0] as { id: string; title: string };
    const file = await app.inject({ method: 'GET', url: `/api/v1/case-attachments/${first.id}/file`, headers: leader.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.rawPayload.equals(pdf(first.title))).toBe(true);

    const actions = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).execute(),
    );
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(['case.create', 'case.decision', 'case.team.add', 'case.advance', 'case.conclusion']),
    );
    const verify = await post('/api/v1/audit/verify', {}, auditor);
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
