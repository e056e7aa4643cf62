// Issue #6, points 1, 5, 6, 7, 8 through the officers' API: letters registered from every channel about a
// member, an organisation or a name only; field errors; the inbox's filters, search, paging and clocks; scope;
// versions; the one extension; the pre-congress rule; topic corrections; links and the cluster; attachments;
// deadline rules; and an accepted denunciation followed through its inspection to the answer.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PetitionDetail, PetitionList } from '../../common/petition-api.ts';
import { inTransaction } from '../../server/src/db/context.ts';
import { DEFAULTS_ONLY } from '../../server/src/domain/calendar/workdays.ts';
import { petitionDeadline } from '../../server/src/domain/petitions/deadlines.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../helpers/factories.ts';
import { addMember, addOrg, pdf, upload } from './cases.fixtures.ts';

let ctx: TestDb;
let app: FastifyInstance;
let officer: Session;
let leader: Session;
let province: Session;
let admin: Session;
let commune: string;
let provinceOrg: string;
let cell: string;
let grassroots: string;
let subject: string;

const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

async function call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, as: Session = officer) {
  return app.inject({ method, url, headers: as.headers, payload: payload as Record<string, unknown> | undefined });
}
function ok<T = PetitionDetail>(res: { statusCode: number; body: string; json(): unknown }): T {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

let n = 0;
function letter(extra: Record<string, unknown> = {}) {
  n += 1;
  return {
    bodyOrgId: commune,
    kind: 'denunciation',
    channel: 'post',
    receivedOn: daysAgo(3),
    subjectMemberId: subject,
    title: `Tố cáo sai phạm trong cấp giấy chứng nhận đất số ${n}`,
    content: `Lá thư số ${n}: đồng chí đã ký xác nhận hồ sơ đất cho người nhà tại thửa ${n * 17} khi chưa đủ điều kiện, nhận tiền chênh lệch ${n * 3} triệu đồng.`,
    senderIdentity: 'named',
    senderAddressKnown: true,
    sender: { name: 'Trần Thị Mai', address: 'Xóm 3, thôn Đông', phone: '0912 000 111' },
    ...extra,
  };
}
const register = async (extra: Record<string, unknown> = {}, as = officer) =>
  ok(await call('POST', '/api/v1/petitions', letter(extra), as));
const list = async (query: string, as = officer) => ok<PetitionList>(await call('GET', `/api/v1/petitions?${query}`, undefined, as));

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  commune = (await orgByCode(ctx, 'X17662')).id;
  provinceOrg = (await orgByCode(ctx, 'T40')).id;
  cell = (await addOrg(ctx, 'PT_CB01', 'Chi bộ Thôn Đông', 'X17662', 'cell')).id;
  grassroots = (await addOrg(ctx, 'PT_DB01', 'Đảng bộ Trường Trung học phổ thông Đông Sơn', 'X17662', 'grassroots')).id;
  officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true }));
  leader = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'X17662' }], totp: true }));
  province = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'T40' }], totp: true }));
  admin = await login(app, await createUser(ctx, { roles: [{ role: 'admin', orgCode: 'TW' }], totp: true }));
  subject = await addMember(app, officer, cell, { fullName: 'Nguyễn Văn Thắng', gender: 'male', birthDate: '1975-05-05' });
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('registering letters from every channel (issue #6, point 1)', () => {
  it('registers by post, in person, forwarded and from the press, about a member, an organisation or a name only', async () => {
    const byPost = await register();
    expect(byPost).toMatchObject({ channel: 'post', subjectName: 'Nguyễn Văn Thắng', subjectMemberId: subject, status: 'received' });
    expect(byPost.code).toMatch(/^\d{2}\/\d{4}\/ĐT$/);
    expect(byPost.senderContactOnRecord).toBe(true);
    expect(byPost.clock.state).toBe('on_track');
    // Domain.md §5: 90 working days from receipt at this level, counted on the work calendar.
    expect(byPost.deadline).toMatchObject({ resolveWorkingDays: 90, maxExtensionWorkingDays: 30 });

    const inPerson = await register({ channel: 'in_person', subjectMemberId: null, subjectOrgId: cell });
    expect(inPerson).toMatchObject({ channel: 'in_person', subjectName: 'Chi bộ Thôn Đông', subjectOrgId: cell });

    const forwarded = await register({
      channel: 'forwarded',
      sourceName: 'Ban Tiếp công dân tỉnh',
      sourceRef: 'Phiếu chuyển số 12/PC-BTCD',
      subjectMemberId: null,
      subjectName: 'Lê Văn Bình',
      subjectPosition: 'Trưởng thôn Tây',
    });
    expect(forwarded).toMatchObject({ sourceName: 'Ban Tiếp công dân tỉnh', subjectName: 'Lê Văn Bình', subjectMemberId: null });

    const press = await register({ channel: 'press', sourceName: 'Báo Nghệ An', senderIdentity: 'anonymous', sender: null });
    expect(press).toMatchObject({ channel: 'press', senderIdentity: 'anonymous', senderContactOnRecord: false });
    expect(JSON.stringify([byPost, inPerson, forwarded, press])).not.toContain('Trần Thị Mai');
  });

  it('answers 400 naming the field: no subject, a forwarded letter without its source, a future date, an unknown member', async () => {
    const noSubject = await call('POST', '/api/v1/petitions', letter({ subjectMemberId: null }));
    expect(noSubject.statusCode).toBe(400);
    expect(noSubject.json().error.fields.subjectName).toMatch(/đảng viên, tổ chức đảng hoặc ghi tên/);
    const noSource = await call('POST', '/api/v1/petitions', letter({ channel: 'forwarded' }));
    expect(noSource.statusCode).toBe(400);
    expect(noSource.json().error.fields.sourceName).toMatch(/cơ quan chuyển đơn/);
    const future = await call('POST', '/api/v1/petitions', letter({ receivedOn: '2999-01-01' }));
    expect(future.json().error.fields.receivedOn).toMatch(/sau ngày hôm nay/);
    const ancient = await call('POST', '/api/v1/petitions', letter({ receivedOn: '1900-01-01' }));
    expect(ancient.json().error.fields.receivedOn).toMatch(/trước năm 2000/);
    const unknown = await call('POST', '/api/v1/petitions', letter({ subjectMemberId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.json().error.fields.subjectMemberId).toMatch(/không tồn tại/);
  });
});

describe('the inbox (issue #6, points 5, 9)', () => {
  it('filters by status, kind, clock and folded text, and pages', async () => {
    const feedback = await register({ kind: 'feedback', title: 'Phản ánh việc thu phí vệ sinh sai quy định' });
    const kinds = await list('kind=feedback&pageSize=200');
    expect(kinds.items.map((i) => i.id)).toContain(feedback.id);
    expect(new Set(kinds.items.map((i) => i.kind))).toEqual(new Set(['feedback']));
    const received = await list('status=received&open=true&pageSize=200');
    expect(received.items.every((i) => i.status === 'received')).toBe(true);

    // Written without diacritics, the search still finds "Nguyễn Văn Thắng".
    const found = await list(`q=${encodeURIComponent('nguyen van thang')}&pageSize=200`);
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.every((i) => i.subjectName === 'Nguyễn Văn Thắng')).toBe(true);

    const first = await list('pageSize=1&page=1');
    const second = await list('pageSize=1&page=2');
    expect(first.items).toHaveLength(1);
    expect(first.total).toBeGreaterThanOrEqual(2);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });

  it('colours the clock: overdue past the deadline, escalated five working days after it (domain.md §5, §10)', async () => {
    const old = await register({ receivedOn: '2024-01-03', title: 'Tố cáo việc lấn chiếm đất công từ năm 2023' });
    expect(old.clock.state).toBe('escalated');
    expect(old.clock.workingDaysLeft).toBeLessThan(-5);
    // A receipt whose 90 working days ended a day or two ago, before the level above is told.
    let receivedOn = daysAgo(120);
    for (let back = 120; back < 200; back++) {
      const d = petitionDeadline({ kind: 'denunciation', level: 'commune', receivedOn: daysAgo(back) }, DEFAULTS_ONLY);
      if (d.dueOn < today && d.escalateOn > today) {
        receivedOn = daysAgo(back);
        break;
      }
    }
    const late = await register({ receivedOn, title: 'Tố cáo việc chậm chi trả tiền bồi thường' });
    expect(late.clock.state).toBe('overdue');
    const overdue = await list('clock=overdue&pageSize=200');
    expect(overdue.items.map((i) => i.id)).toEqual(expect.arrayContaining([old.id, late.id]));
    const escalated = await list('clock=escalated&pageSize=200');
    expect(escalated.items.map((i) => i.id)).toContain(old.id);
    expect(escalated.items.map((i) => i.id)).not.toContain(late.id);
    const onTrack = await list('clock=on_track&pageSize=200');
    expect(onTrack.items.map((i) => i.id)).not.toContain(old.id);
    const byDue = await list('sort=due_asc&open=true&pageSize=1');
    expect(byDue.items[0]?.id).toBe(old.id);
  });

  it('keeps a province letter from a commune officer, while the province sees the commune letters', async () => {
    const mine = await register({ title: 'Tố cáo cán bộ xã nhận hối lộ khi cấp phép xây dựng' });
    const theirs = await register({ bodyOrgId: provinceOrg, title: 'Tố cáo cán bộ tỉnh vi phạm quy định đấu thầu' }, province);
    expect((await list('pageSize=200')).items.map((i) => i.id)).not.toContain(theirs.id);
    expect((await call('GET', `/api/v1/petitions/${theirs.id}`)).statusCode).toBe(404);
    expect((await list('pageSize=200', province)).items.map((i) => i.id)).toContain(mine.id);
    const byOrg = await list(`orgId=${commune}&pageSize=200`, province);
    expect(byOrg.items.map((i) => i.id)).not.toContain(theirs.id);
  });
});

describe('versions, topic, extension, pre-congress (issue #6, points 5, 7)', () => {
  it('refuses a stale version with 409 and lets the classifier learn the corrected topic', async () => {
    const p = await register();
    const fixed = ok(await call('PATCH', `/api/v1/petitions/${p.id}/topic`, { version: p.version, topic: 'personnel' }));
    expect(fixed).toMatchObject({ topic: 'personnel', topicMethod: 'officer', version: p.version + 1 });
    const stale = await call('PATCH', `/api/v1/petitions/${p.id}/topic`, { version: p.version, topic: 'finance' });
    expect(stale.statusCode).toBe(409);
    const model = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('petition_topic_model').select('labelled').executeTakeFirst(),
    );
    expect(model?.labelled).toBeGreaterThanOrEqual(1);
  });

  it('extends once, by at most 30 working days at grassroots (Quy định 296-QĐ/TW)', async () => {
    const p = await register({ bodyOrgId: grassroots });
    expect(p.deadline).toMatchObject({ resolveWorkingDays: 90, maxExtensionWorkingDays: 30, confirmed: true });
    const tooLong = await call('POST', `/api/v1/petitions/${p.id}/extension`, {
      version: p.version,
      workingDays: 31,
      reason: 'Cần xác minh thêm',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields.workingDays).toMatch(/không quá 30 ngày làm việc/);
    const ext = ok(
      await call('POST', `/api/v1/petitions/${p.id}/extension`, { version: p.version, workingDays: 30, reason: 'Cần xác minh thêm' }),
    );
    expect(ext.deadline).toMatchObject({ extensionDays: 30, extensionReason: 'Cần xác minh thêm', dueOn: p.deadline?.latestDueOn });
    const again = await call('POST', `/api/v1/petitions/${p.id}/extension`, { version: ext.version, workingDays: 5, reason: 'Lần nữa' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.workingDays).toMatch(/một lần/);
  });

  it('passes a letter received just before the congress to the new committee (Hướng dẫn 07-HD/UBKTTW)', async () => {
    const p = await register({ receivedOn: daysAgo(1) });
    const opens = new Date(Date.parse(`${today}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    const r = ok(
      await call('POST', `/api/v1/petitions/${p.id}/pre-congress`, { version: p.version, congressOpensOn: opens, relatedToCongress: true }),
    );
    expect(r.passedToNewCommittee).toBe(true);
    expect(r.clock.state).toBe('passed_to_new_committee');
    expect(r.preCongress).toMatchObject({ passToNewCommittee: true, windowWorkingDays: 30 });
  });
});

describe('links, attachments, deadline rules', () => {
  it('links a copy as a duplicate, shows the cluster, and drops a rejected link from the counts', async () => {
    const a = await register({
      content:
        'Ông Nguyễn Văn Thắng, trưởng ban địa chính, đã lập hồ sơ khống để cấp đất cho em trai tại thửa 215 tờ bản đồ số 8, nhận 50 triệu đồng.',
    });
    const b = await register({
      content:
        'Ông Nguyễn Văn Thắng, trưởng ban địa chính, đã lập hồ sơ khống để cấp đất cho em trai tại thửa 215 tờ bản đồ số 8, nhận 50 triệu đồng.',
    });
    expect(b.duplicates).toBe(1);
    expect(b.links[0]).toMatchObject({ petitionId: a.id, relation: 'duplicate', linkStatus: 'suggested', direction: 'outgoing' });
    const fromA = ok(await call('GET', `/api/v1/petitions/${a.id}`));
    expect(fromA.links[0]).toMatchObject({ petitionId: b.id, direction: 'incoming' });
    expect(fromA.cluster.map((c) => c.petitionId)).toEqual([b.id]);
    const rejected = ok(await call('PUT', `/api/v1/petitions/${a.id}/links/${b.id}`, { status: 'rejected', from: 'suggested' }));
    expect(rejected).toMatchObject({ duplicates: 0, cluster: [] });
    // A second officer who still saw it suggested does not silently overwrite the rejection.
    const stale = await call('PUT', `/api/v1/petitions/${b.id}/links/${a.id}`, { status: 'confirmed', from: 'suggested' });
    expect(stale.statusCode).toBe(409);
    const c = await register();
    const manual = ok(await call('POST', `/api/v1/petitions/${c.id}/links`, { otherId: a.id, relation: 'related' }));
    expect(manual.links).toContainEqual(expect.objectContaining({ petitionId: a.id, origin: 'officer', linkStatus: 'confirmed' }));
    expect(manual.related).toBe(1);
    const self = await call('POST', `/api/v1/petitions/${c.id}/links`, { otherId: c.id, relation: 'related' });
    expect(self.json().error.fields.otherId).toBeDefined();
  });

  it('attaches a file by its content and gives it back only as a download', async () => {
    const p = await register();
    const res = await upload(app, officer, `/api/v1/petitions/${p.id}/files`, {}, { name: 'bien-ban.pdf', data: pdf('bien ban') });
    const d = ok(res);
    expect(d.files).toHaveLength(1);
    const file = await call('GET', `/api/v1/petitions/${p.id}/files/${d.files[0]?.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const html = await upload(
      app,
      officer,
      `/api/v1/petitions/${p.id}/files`,
      {},
      { name: 'x.html', data: Buffer.from('<html><script>1</script></html>') },
    );
    expect(html.statusCode).toBe(400);
    expect(html.json().error.fields.file).toMatch(/không được chấp nhận/);
  });

  it('reads the deadline rules, and only a national administrator changes one', async () => {
    const rules = ok<{ items: { kind: string; level: string; resolveWorkingDays: number; overridden: boolean }[] }>(
      await call('GET', '/api/v1/petitions/deadline-rules'),
    );
    expect(rules.items).toContainEqual(expect.objectContaining({ kind: 'denunciation', level: 'grassroots', resolveWorkingDays: 90 }));
    const body = { resolveWorkingDays: 20, maxExtensionWorkingDays: 10 };
    expect((await call('PUT', '/api/v1/petitions/deadline-rules/recommendation/commune', body)).statusCode).toBe(403);
    const set = ok<typeof rules>(await call('PUT', '/api/v1/petitions/deadline-rules/recommendation/commune', body, admin));
    expect(set.items).toContainEqual(
      expect.objectContaining({ kind: 'recommendation', level: 'commune', resolveWorkingDays: 20, overridden: true }),
    );
    const p = await register({ kind: 'recommendation' });
    expect(p.deadline).toMatchObject({ resolveWorkingDays: 20, maxExtensionWorkingDays: 10 });
  });
});

describe('an accepted denunciation opens an inspection whose conclusion feeds the answer (issue #6, point 8)', () => {
  it('screens, opens the inspection on signs, concludes it, resolves and answers', async () => {
    let p = await register({ title: 'Tố cáo việc nhận tiền hỗ trợ tái định cư sai đối tượng' });
    const facts = { sender: 'named', addressKnown: true, specific: true, verifiable: true, takeOver: true };
    p = ok(await call('POST', `/api/v1/petitions/${p.id}/screening`, { version: p.version, ...facts }));
    expect(p).toMatchObject({ status: 'accepted', screening: { result: { outcome: 'accept', ground: 'taken_over_by_higher_level' } } });
    const early = await call('POST', `/api/v1/petitions/${p.id}/answer`, {
      version: p.version,
      answer: 'Trả lời người gửi đơn.',
      answeredOn: today,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.status).toMatch(/kết quả giải quyết trước/);

    p = ok(await call('POST', `/api/v1/petitions/${p.id}/case`, { version: p.version }));
    expect(p.status).toBe('in_progress');
    const caseId = p.case?.id as string;
    let c = ok<{ id: string; version: number; kind: string; code: string; bodyType: string }>(
      await call('GET', `/api/v1/cases/${caseId}`, undefined, leader),
    );
    expect(c).toMatchObject({ kind: 'inspection.signs', bodyType: 'ubkt', code: p.case?.code });
    const unresolved = await call('POST', `/api/v1/petitions/${p.id}/resolution`, {
      version: p.version,
      resolution: 'Đã giải quyết xong nội dung đơn.',
      resolvedOn: today,
    });
    expect(unresolved.json().error.fields.resolution).toMatch(/chưa có kết luận/);

    const post = (url: string, body: Record<string, unknown>) =>
      call('POST', `/api/v1/cases/${caseId}${url}`, { ...body, version: c.version }, leader);
    c = ok(await post('/decision', { decidedOn: today, decisionNo: '15-QĐ/UBKT' }));
    for (const seat of [
      { fullName: 'Hoàng Văn Bảo', role: 'leader', position: 'Phó Chủ nhiệm Ủy ban Kiểm tra' },
      { fullName: 'Phạm Thị Hạnh', role: 'member' },
      { fullName: 'Nguyễn Thị Thu', role: 'secretary' },
    ])
      c = ok(await post('/team', seat));
    for (const to of ['handover', 'explanation', 'verification', 'subject_meeting', 'results_report', 'conclusion'])
      c = ok(await post('/advance', { to, on: today }));
    c = ok(
      await post('/conclusion', {
        findings: 'Đồng chí Nguyễn Văn Thắng có vi phạm trong việc xác nhận hồ sơ hỗ trợ tái định cư.',
        violationFound: true,
        concludedOn: today,
      }),
    );

    p = ok(await call('GET', `/api/v1/petitions/${p.id}`));
    expect(p.case).toMatchObject({ id: caseId, violationFound: true, concludedOn: today });
    expect(p.suggestedAnswer).toContain(c.code);
    expect(p.suggestedAnswer).toContain('có vi phạm');
    expect(p.suggestedAnswer).not.toContain('Trần Thị Mai');
    p = ok(
      await call('POST', `/api/v1/petitions/${p.id}/resolution`, {
        version: p.version,
        resolution: 'Đã kiểm tra, kết luận có vi phạm.',
        resolvedOn: today,
      }),
    );
    expect(p.status).toBe('resolved');
    p = ok(await call('POST', `/api/v1/petitions/${p.id}/answer`, { version: p.version, answer: p.suggestedAnswer, answeredOn: today }));
    expect(p).toMatchObject({ status: 'answered', answeredOn: today, clock: { state: 'stopped' } });
    const actions = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select('action').where('entity_id', '=', p.id).orderBy('seq').execute(),
    );
    expect(actions.map((a) => a.action)).toEqual([
      'petition.register',
      'petition.screen',
      'petition.case_open',
      'petition.resolve',
      'petition.answer',
    ]);
  });
});
