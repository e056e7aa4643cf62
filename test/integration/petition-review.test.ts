// Review of issue #6 (petitions and the portal): defects found after the change, each pinned by a test.
// - A letter registered with a name only (every portal letter) can be tied to the registry, so screening can
//   compute the competent body (domain.md §5) instead of answering "undetermined" for ever.
// - A part split from a portal letter has no receipt: nobody follows it on the portal, so it is not offered
//   as a conversation and a message or an answer is not posted where no sender will ever read it.
// - Reading the thread of a marked letter is a marked read.
// - Malformed queries and portal requests answer 400 in Vietnamese naming the field.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PetitionDetail } from '../../common/petition-api.ts';
import { solveChallenge } from '../../common/portal-pow.ts';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../helpers/factories.ts';
import { addMember, addOrg } from './cases.fixtures.ts';

let ctx: TestDb;
let app: FastifyInstance;
let officer: Session;
let marked: Session;
let admin: Session;
let commune: string;
let cell: string;
let member: string;

const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const SENDER = { name: 'Cao Thanh Quý', address: 'Số 7 ngõ Hòe Nhai, khối 2', phone: '0912 345 678' };
const named = { sender: 'named', addressKnown: true, specific: true, verifiable: true };

beforeAll(async () => {
  ctx = await testContext({ KTGS_PORTAL_POW_DIFFICULTY: '1', KTGS_PORTAL_SUBMIT_PER_HOUR: '1000', KTGS_PORTAL_LOOKUP_PER_HOUR: '1000' });
  app = await buildApp(ctx, { logger: false });
  commune = (await orgByCode(ctx, 'X17662')).id;
  cell = (await addOrg(ctx, 'PV_CB01', 'Chi bộ Thôn Nam', 'X17662', 'cell')).id;
  officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true }));
  marked = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], clearance: 1, totp: true }));
  admin = await login(app, await createUser(ctx, { roles: [{ role: 'admin', orgCode: 'TW' }], totp: true }));
  member = await addMember(app, officer, cell, { fullName: 'Hoàng Văn Lực', gender: 'male', birthDate: '1971-01-01' });
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

async function call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, as: Session = officer) {
  return app.inject({ method, url, headers: as.headers, payload: payload as Record<string, unknown> | undefined });
}
function ok<T = PetitionDetail>(res: { statusCode: number; body: string; json(): unknown }): T {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

function form(field: string, raw: string) {
  const boundary = `----ktgs${randomBytes(8).toString('hex')}`;
  const payload = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${raw}\r\n--${boundary}--\r\n`);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
async function solved() {
  const c = (await app.inject({ method: 'GET', url: '/api/v1/portal/challenge?action=submit' })).json();
  return { challenge: c.challenge as string, nonce: await solveChallenge(c.challenge, c.difficulty) };
}
let n = 0;
/** A letter sent on the portal (name only, as the portal takes it); answers its id on the officers' side. */
async function portalLetter(): Promise<{ id: string; receiptCode: string; secret: string }> {
  n += 1;
  const letter = {
    pow: await solved(),
    bodyOrgId: commune,
    kind: 'denunciation',
    subjectName: 'Hoàng Văn Lực',
    title: `Tố cáo việc thu quỹ sai quy định lần ${n}`,
    content: `Lần ${n}: ông Hoàng Văn Lực thu quỹ của các hộ trong thôn ${n * 13} nghìn đồng mỗi hộ mà không có chủ trương, mã ${n * 7907}.`,
    anonymous: false,
    sender: SENDER,
  };
  const r = ok<{ receiptCode: string; secret: string }>(
    await app.inject({
      method: 'POST',
      url: '/api/v1/portal/petitions',
      remoteAddress: `198.51.100.${n}`,
      ...form('petition', JSON.stringify(letter)),
    }),
  );
  const row = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx.selectFrom('petition').select('id').where('title', '=', letter.title).executeTakeFirstOrThrow(),
  );
  return { id: row.id, ...r };
}
async function portalStatus(receiptCode: string, secret: string) {
  return ok<{ messages: { author: string; body: string }[] }>(
    await app.inject({
      method: 'POST',
      url: '/api/v1/portal/status',
      remoteAddress: '203.0.113.9',
      payload: { pow: await solved(), receiptCode, secret },
    }),
  );
}
const audits = (entityId: string) =>
  inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('seq').execute(),
  );

describe('a letter registered with a name only is tied to the registry before screening (domain.md §5)', () => {
  it('a portal letter about a member found in the registry is screened on the member’s organisation, no longer “undetermined”', async () => {
    const { id } = await portalLetter();
    const p = ok(await call('GET', `/api/v1/petitions/${id}`));
    expect(p).toMatchObject({ subjectMemberId: null, subjectOrgId: null, subjectName: 'Hoàng Văn Lực' });
    const before = ok<{ outcome: string }>(
      await call('POST', `/api/v1/petitions/${id}/screening-preview`, { version: p.version, ...named }),
    );
    expect(before.outcome).toBe('undetermined');

    const s = ok(await call('PATCH', `/api/v1/petitions/${id}/subject`, { version: p.version, subjectMemberId: member }));
    expect(s).toMatchObject({ subjectMemberId: member, subjectName: 'Hoàng Văn Lực', version: p.version + 1 });
    // Quy định 296-QĐ/TW: a chi bộ resolves denunciations about the members it holds — forwarded there.
    const screened = ok(await call('POST', `/api/v1/petitions/${id}/screening`, { version: s.version, ...named }));
    expect(screened).toMatchObject({ status: 'forwarded', forward: { orgId: cell } });
    expect((await audits(id)).map((a) => a.action)).toContain('petition.subject');

    // A decision rests on the subject it was taken about: no change afterwards; a stale version is a conflict.
    const late = await call('PATCH', `/api/v1/petitions/${id}/subject`, { version: screened.version, subjectOrgId: cell });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields.subjectMemberId).toMatch(/đã được phân loại/);
    const stale = await call('PATCH', `/api/v1/petitions/${id}/subject`, { version: p.version, subjectOrgId: cell });
    expect(stale.statusCode).toBe(409);
  });

  it('answers 400 naming the field: neither or both subjects, an unknown member', async () => {
    const { id } = await portalLetter();
    const p = ok(await call('GET', `/api/v1/petitions/${id}`));
    const neither = await call('PATCH', `/api/v1/petitions/${id}/subject`, { version: p.version });
    expect(neither.json().error.fields.subjectMemberId).toMatch(/Chọn một đối tượng/);
    const both = await call('PATCH', `/api/v1/petitions/${id}/subject`, {
      version: p.version,
      subjectMemberId: member,
      subjectOrgId: cell,
    });
    expect(both.statusCode).toBe(400);
    const unknown = await call('PATCH', `/api/v1/petitions/${id}/subject`, {
      version: p.version,
      subjectMemberId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.json().error.fields.subjectMemberId).toMatch(/không tồn tại/);
  });
});

describe('the part split from a portal letter is followed by no one', () => {
  it('is not a portal conversation: a message or the answer is refused or kept off a thread no sender reads', async () => {
    const { id, receiptCode, secret } = await portalLetter();
    const p = ok(await call('GET', `/api/v1/petitions/${id}`));
    const s = ok(await call('PATCH', `/api/v1/petitions/${id}/subject`, { version: p.version, subjectOrgId: cell }));
    const split = ok(
      await call('POST', `/api/v1/petitions/${id}/screening`, { version: s.version, ...named, mixedComplaintAndDenunciation: true }),
    );
    expect(split.screening?.result.outcome).toBe('split');
    expect(split.fromPortal).toBe(true);
    const part = ok(await call('GET', `/api/v1/petitions/${split.parts[0]?.id}`));
    expect(part).toMatchObject({ channel: 'portal', parentId: id, status: 'refused', fromPortal: false });

    const toPart = await call('POST', `/api/v1/petitions/${part.id}/messages`, { body: 'Đề nghị ông làm đơn tố cáo riêng.' });
    expect(toPart.statusCode).toBe(400);
    expect(toPart.json().error.fields.body).toMatch(/nhắn tin trên đơn gốc/);
    // On the letter the sender follows, the guidance reaches them.
    ok(await call('POST', `/api/v1/petitions/${id}/messages`, { body: 'Đề nghị ông làm đơn tố cáo riêng.' }));
    const answered = ok(
      await call('POST', `/api/v1/petitions/${part.id}/answer`, {
        version: part.version,
        answer: 'Nội dung tố cáo không giải quyết trong đơn này.',
        answeredOn: today,
      }),
    );
    expect(answered).toMatchObject({ status: 'answered', messages: [] });
    const seen = await portalStatus(receiptCode, secret);
    expect(seen.messages.map((m) => m.body)).toEqual(['Đề nghị ông làm đơn tố cáo riêng.']);
  });
});

describe('audit of the thread', () => {
  it('reading the thread of a marked letter is a marked read (every marked read audited)', async () => {
    const p = ok(
      await call(
        'POST',
        '/api/v1/petitions',
        {
          bodyOrgId: commune,
          kind: 'denunciation',
          channel: 'post',
          receivedOn: today,
          subjectMemberId: member,
          title: 'Tố cáo lãnh đạo xã (đơn mật)',
          content: 'Nội dung tố cáo cụ thể về việc sử dụng ngân sách xã sai mục đích trong năm 2026.',
          senderIdentity: 'named',
          senderAddressKnown: true,
          secrecy: 1,
        },
        marked,
      ),
    );
    const before = (await audits(p.id)).filter((a) => a.action === 'secret.read').length;
    ok<{ items: unknown[] }>(await call('GET', `/api/v1/petitions/${p.id}/messages`, undefined, marked));
    expect((await audits(p.id)).filter((a) => a.action === 'secret.read')).toHaveLength(before + 1);
  });
});

describe('malformed requests answer 400 in Vietnamese naming the field', () => {
  const english = /Invalid|Too (big|small)|expected/;
  it.each([
    ['page=abc', 'page'],
    ['pageSize=9999', 'pageSize'],
    ['sort=x', 'sort'],
    [`q=${'a'.repeat(201)}`, 'q'],
  ])('the inbox with %s', async (query, field) => {
    const r = await call('GET', `/api/v1/petitions?${query}`);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields[field]).toBeDefined();
    expect(r.json().error.message).not.toMatch(english);
  });

  it('a deadline rule out of bounds', async () => {
    const r = await call(
      'PUT',
      '/api/v1/petitions/deadline-rules/denunciation/commune',
      { resolveWorkingDays: 0, maxExtensionWorkingDays: 999 },
      admin,
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toMatchObject({ resolveWorkingDays: expect.stringMatching(/từ 1 đến 720/) });
    expect(JSON.stringify(r.json())).not.toMatch(english);
  });

  it('the portal: a long body search, a reply that is not an object, a receipt code too long', async () => {
    const bodies = await app.inject({ method: 'GET', url: `/api/v1/portal/bodies?q=${'a'.repeat(101)}` });
    expect(bodies.statusCode).toBe(400);
    expect(bodies.json().error.message).not.toMatch(english);
    for (const raw of ['null', '[1]', '"x"']) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/portal/messages', remoteAddress: '192.0.2.7', ...form('message', raw) });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.fields.message).toMatch(/mã tiếp nhận và mã bí mật/);
    }
    const long = await app.inject({
      method: 'POST',
      url: '/api/v1/portal/status',
      remoteAddress: '192.0.2.8',
      payload: { pow: await solved(), receiptCode: '1'.repeat(41), secret: 'x' },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields.receiptCode).toMatch(/16 chữ số/);
  });
});
