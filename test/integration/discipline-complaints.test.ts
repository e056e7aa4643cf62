// Issue #5 point 5: complaints about discipline (Điều lệ Đảng, Điều 39; domain.md §5) — filed with the
// level above the deciding body, accepted or refused with every ground, resolved with the effect on
// the decision; scope, clearance of the resolver, versions. Decisions are fixtures written directly.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session, type TestUser } from '../helpers/factories.ts';

let ctx: TestDb;
let app: FastifyInstance;
let officer: Session; // UBKT officer of Nghệ An: receives complaints about communes' decisions
let leader: Session; // UBKT leader of Nghệ An: resolves them
let leaderUser: TestUser;
let communeOfficer: Session; // Đô Lương's own officer: not the level above its own decisions
let central: Session; // UBKT Trung ương officer
let otherProvince: Session;
let cellPath: string;
let seq = 0;

async function addCell(code: string, parentCode: string) {
  const parent = await orgByCode(ctx, parentCode);
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const r = await tx
      .insertInto('org_unit')
      .values({
        parent_id: parent.id,
        code,
        name: `Chi bộ ${code}`,
        kind: 'grassroots',
        path: `${parent.path}.${code}`,
        province_code: parent.province_code,
        valid_from: null,
      })
      .returning(['id', 'path'])
      .executeTakeFirstOrThrow();
    return r;
  });
}

/** A member disciplined by `bodyCode`'s committee, with the matter and the decision, as B's module would write them. */
async function decision(opts: { form: string; bodyCode?: string; announcedOn?: string | null; createdBy?: string; secrecy?: number }) {
  const body = await orgByCode(ctx, opts.bodyCode ?? 'X17662');
  seq += 1;
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const name = `Trần Văn Số ${seq}`;
    const member = await tx
      .insertInto('member')
      .values({
        org_id: (await tx.selectFrom('org_unit').select('id').where('path', '=', cellPath).executeTakeFirstOrThrow()).id,
        org_path: cellPath,
        full_name: name,
        sort_key: name,
        province_code: '40',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const matter = await tx
      .insertInto('discipline_matter')
      .values({
        body_org_id: body.id,
        body_type: 'committee',
        scope_path: body.path,
        province_code: body.province_code,
        year: 2026,
        seq,
        code: `KL-${seq}`,
        source: 'other',
        subject_member_id: member.id,
        subject_path: cellPath,
        subject_name: name,
        subject_facts: JSON.stringify({ probationary: false, holdsPost: true }),
        status: 'decided',
        mitigating: [],
        aggravating: [],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const d = await tx
      .insertInto('discipline_decision')
      .values({
        matter_id: matter.id,
        scope_path: body.path,
        subject_member_id: member.id,
        form: opts.form,
        decided_on: '2026-01-20',
        announced_on: opts.announcedOn === undefined ? '2026-01-26' : opts.announcedOn,
        effective_on: '2026-01-20',
        number_text: `Số ${seq}-QĐ/ĐU`,
        secrecy: opts.secrecy ?? 0,
        created_by: opts.createdBy ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: d.id, memberId: member.id, name };
  });
}

function file(body: Record<string, unknown>, as: Session = officer) {
  return app.inject({ method: 'POST', url: '/api/v1/discipline/complaints', headers: as.headers, payload: body });
}
function resolve(id: string, body: Record<string, unknown>, as: Session = leader) {
  return app.inject({ method: 'POST', url: `/api/v1/discipline/complaints/${id}/resolve`, headers: as.headers, payload: body });
}
async function decisionRow(id: string) {
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx.selectFrom('discipline_decision').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  );
}
const filing = (d: { id: string; name: string; memberId: string }, extra: Record<string, unknown> = {}) => ({
  decisionId: d.id,
  complainantMemberId: d.memberId,
  complainantName: d.name,
  filedOn: '2026-02-10',
  decisionReceivedOn: '2026-01-26',
  content: 'Tôi không đồng ý với hình thức kỷ luật vì vi phạm đã được khắc phục.',
  ...extra,
});
const grounds = (res: { json(): { grounds: { code: string }[] } }) => res.json().grounds.map((g) => g.code);

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  cellPath = (await addCell('DLKN_CB01', 'X17662')).path;
  officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'T40' }], totp: true }));
  leaderUser = await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'T40' }], totp: true });
  leader = await login(app, leaderUser);
  communeOfficer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true }));
  central = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'TW' }], totp: true }));
  otherProvince = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'T01' }], totp: true }));
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('filing a complaint (Điều lệ Đảng, Điều 39; domain.md §5)', () => {
  it('accepts a complaint on the 30th working day after the announcement, counting across Tết, with the level above as resolver', async () => {
    const d = await decision({ form: 'warning' });
    // Announced Monday 26/01/2026; Tết Bính Ngọ is 16–20/02: the 30th working day is 16/03/2026.
    const res = await file(filing(d, { filedOn: '2026-03-16' }));
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.status).toBe('accepted');
    expect(c.grounds).toEqual([]);
    expect(c.resolverOrgName).toBe((await orgByCode(ctx, 'T40')).name);
    expect(c.isFinalLevel).toBe(false);
    expect(c.dueOn > '2026-03-16').toBe(true);
    const row = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('discipline_complaint').select(['scope_path', 'status']).where('id', '=', c.id).executeTakeFirstOrThrow(),
    );
    expect(row.scope_path).toBe((await orgByCode(ctx, 'T40')).path);
  });

  it('refuses one filed on the 31st working day as late, and keeps it recorded with the ground', async () => {
    const d = await decision({ form: 'warning' });
    const res = await file(filing(d, { filedOn: '2026-03-17' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('refused');
    expect(grounds(res)).toEqual(['late']);
    expect(res.json().grounds[0].text).toContain('30 ngày làm việc');
    expect(res.json().dueOn).toBeNull();
    const again = await app.inject({ method: 'GET', url: `/api/v1/discipline/complaints/${res.json().id}`, headers: officer.headers });
    expect(again.json().status).toBe('refused');
  });

  it('refuses a complaint made on behalf of someone else (not the disciplined member)', async () => {
    const d = await decision({ form: 'reprimand' });
    const other = await decision({ form: 'reprimand' });
    const res = await file(filing(d, { complainantMemberId: other.memberId, complainantName: other.name }));
    expect(grounds(res)).toEqual(['on_behalf']);
  });

  it('refuses a complaint sent to several levels at once, and one skipping a level', async () => {
    const d = await decision({ form: 'warning' });
    expect(grounds(await file(filing(d, { sentToSeveralLevels: true })))).toEqual(['several_levels']);
    const tw = await orgByCode(ctx, 'TW');
    const skip = await file(filing(d, { addressedOrgId: tw.id }));
    expect(grounds(skip)).toEqual(['skipped_level']);
    // The refusal keeps the facts it turned on, on the record itself.
    const kept = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('discipline_complaint').select('filing_facts').where('id', '=', skip.json().id).executeTakeFirstOrThrow(),
    );
    expect(kept.filing_facts).toMatchObject({ addressedOrgId: tw.id, skipsLevel: true, sentToSeveralLevels: false });
  });

  it('refuses a complaint made before the written decision was received, and lists every ground at once', async () => {
    const d = await decision({ form: 'warning' });
    const before = await file(filing(d, { decisionReceivedOn: null }));
    expect(grounds(before)).toContain('not_yet_received');
    const many = await file(filing(d, { filedOn: '2026-04-20', courtSentenceInForce: true, sentToSeveralLevels: true }));
    expect(grounds(many).sort()).toEqual(['court_sentence', 'late', 'several_levels']);
  });

  it('is received only by the level above: the deciding commune cannot take a complaint about its own decision', async () => {
    const d = await decision({ form: 'warning' });
    const res = await file(filing(d), communeOfficer);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('Nghệ An');
  });

  it('final levels: UBKT Trung ương for a provincial warning, Ban Bí thư for an expulsion (Điều lệ Đảng, Điều 39)', async () => {
    const warn = await decision({ form: 'warning', bodyCode: 'T40' });
    const r1 = await file(filing(warn), central);
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json()).toMatchObject({ resolverBodyType: 'central_ubkt', isFinalLevel: true });
    // A provincial expulsion goes to UBKT Trung ương first; the final level is the Ban Bí thư.
    const prov = await decision({ form: 'expulsion', bodyCode: 'T40' });
    const r2 = await file(filing(prov), central);
    expect(r2.json()).toMatchObject({ resolverBodyType: 'central_ubkt', isFinalLevel: false });
    expect(r2.json().resolverExplanation).toMatch(/cuối cùng .*Ban Bí thư/);
    const top = await decision({ form: 'expulsion', bodyCode: 'TW' });
    const r3 = await file(filing(top), central);
    expect(r3.statusCode, r3.body).toBe(200);
    expect(r3.json()).toMatchObject({ resolverBodyType: 'secretariat', isFinalLevel: true });
    // The province cannot receive complaints about its own decisions.
    expect((await file(filing(warn), officer)).statusCode).toBe(403);
  });
});

describe('resolving a complaint', () => {
  async function accepted(form = 'warning', opts: { createdBy?: string } = {}) {
    const d = await decision({ form, ...opts });
    const res = await file(filing(d));
    expect(res.json().status).toBe('accepted');
    return { d, c: res.json() };
  }

  it('makes the discipline lighter: the decision is marked changed by the complaint', async () => {
    const { d, c } = await accepted('warning');
    const res = await resolve(c.id, {
      outcome: 'lighter',
      outcomeForm: 'reprimand',
      outcomeNote: 'Vi phạm đã được khắc phục kịp thời.',
      resolvedOn: '2026-04-01',
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'resolved', outcome: 'lighter', outcomeForm: 'reprimand', decisionStatus: 'changed' });
    const row = await decisionRow(d.id);
    expect(row.status).toBe('changed');
    expect(row.changed_by_complaint_id).toBe(c.id);
    // The form in force is the lighter one; the first decided is kept.
    expect(row).toMatchObject({ form: 'reprimand', original_form: 'warning' });
    // "Lighter" with a heavier form is refused.
    const { c: c2 } = await accepted('warning');
    const bad = await resolve(c2.id, {
      outcome: 'lighter',
      outcomeForm: 'expulsion',
      outcomeNote: 'x',
      resolvedOn: '2026-04-01',
      version: c2.version,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('annuls a wrongful decision only with the apology and the restored rights (Quy định 117-QĐ/TW)', async () => {
    const { d, c } = await accepted('reprimand');
    const missing = await resolve(c.id, { outcome: 'annulled', outcomeNote: 'Kỷ luật oan.', resolvedOn: '2026-04-01', version: c.version });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toHaveProperty('apologyNote');
    expect((await decisionRow(d.id)).status).toBe('in_force');
    const res = await resolve(c.id, {
      outcome: 'annulled',
      outcomeNote: 'Kỷ luật oan.',
      resolvedOn: '2026-04-01',
      apologyNote: 'Đảng ủy xã đã xin lỗi đồng chí tại hội nghị chi bộ ngày 05/04/2026.',
      restoredRightsNote: 'Khôi phục quyền ứng cử vào cấp ủy.',
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await decisionRow(d.id);
    expect(row).toMatchObject({
      status: 'annulled',
      changed_by_complaint_id: c.id,
      restored_rights_note: 'Khôi phục quyền ứng cử vào cấp ủy.',
    });
    expect(row.apology_note).toContain('xin lỗi');
    const audit = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).orderBy('seq').execute(),
    );
    expect(audit.map((a) => a.action)).toEqual(['discipline_complaint.file', 'discipline_complaint.resolve']);
  });

  it('refuses a stale version with 409, and a second resolution', async () => {
    const { c } = await accepted('warning');
    const body = { outcome: 'kept', outcomeNote: 'Giữ nguyên.', resolvedOn: '2026-04-01', version: c.version + 1 };
    expect((await resolve(c.id, body)).statusCode).toBe(409);
    expect((await resolve(c.id, { ...body, version: c.version })).statusCode).toBe(200);
    expect((await resolve(c.id, { ...body, version: c.version + 1 })).statusCode).toBe(409);
  });

  it('does not let whoever recorded the decision resolve the complaint about it', async () => {
    const { c } = await accepted('warning', { createdBy: leaderUser.id });
    const res = await resolve(c.id, { outcome: 'kept', outcomeNote: 'Giữ nguyên.', resolvedOn: '2026-04-01', version: c.version });
    expect(res.statusCode).toBe(403);
  });

  it('an officer without discipline.decide cannot resolve', async () => {
    const { c } = await accepted('warning');
    const res = await resolve(c.id, { outcome: 'kept', outcomeNote: 'Giữ nguyên.', resolvedOn: '2026-04-01', version: c.version }, officer);
    expect(res.statusCode).toBe(403);
  });
});

describe('scope', () => {
  it('another province sees neither the complaint (404) nor it in its list', async () => {
    const d = await decision({ form: 'warning' });
    const c = (await file(filing(d))).json();
    const res = await app.inject({ method: 'GET', url: `/api/v1/discipline/complaints/${c.id}`, headers: otherProvince.headers });
    expect(res.statusCode).toBe(404);
    const list = await app.inject({ method: 'GET', url: '/api/v1/discipline/complaints', headers: otherProvince.headers });
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    expect(
      (await resolve(c.id, { outcome: 'kept', outcomeNote: 'x', resolvedOn: '2026-04-01', version: 1 }, otherProvince)).statusCode,
    ).toBe(404);
    const own = await app.inject({ method: 'GET', url: '/api/v1/discipline/complaints?status=accepted', headers: officer.headers });
    expect(own.json().items.map((i: { id: string }) => i.id)).toContain(c.id);
  });

  it('a decision of another province cannot be complained about here (404)', async () => {
    const d = await decision({ form: 'warning' });
    const res = await file(filing(d), otherProvince);
    expect(res.statusCode).toBe(404);
  });
});
