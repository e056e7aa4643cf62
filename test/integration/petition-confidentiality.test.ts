// Issue #6, point 4 (domain.md §5: the denouncer's identity is confidential, visible only to those who must
// know, every reading logged): the sender's name, phone, address, e-mail and id number are in no answer of
// the officers' API — list, detail, messages, the audit log's API — nor in any audit row; only the petition
// custodian reads them, after stating a reason, and each reading (and each refused attempt) is audited.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PetitionDetail } from '../../common/petition-api.ts';
import { inTransaction } from '../../server/src/db/context.ts';
import { registerPetition } from '../../server/src/modules/petitions/intake.service.ts';
import { systemActor } from '../../server/src/platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { newReceipt } from '../../server/src/platform/portal/receipt.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../helpers/factories.ts';
import { pdf, upload } from './cases.fixtures.ts';

let ctx: TestDb;
let app: FastifyInstance;
let officer: Session;
let custodian: Session;
let viewer: Session;
let auditor: Session;
let commune: string;
let letter: PetitionDetail;
let portalId: string;

const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const SENDER = {
  name: 'Cao Thanh Quý',
  address: 'Khối 2, thị trấn Đông Sơn',
  phone: '0912 345 678',
  email: 'quy.cao@example.vn',
  idNumber: '040199012345',
};
/** Pieces of the identity that must never leak (also the phone without its spaces). */
const SECRETS = [SENDER.name, 'Cao Thanh', SENDER.address, 'Khối 2', SENDER.phone, '0912345678', SENDER.email, SENDER.idNumber];

function expectNoIdentity(what: string, text: string) {
  for (const s of SECRETS) expect(text.includes(s), `${what} contains "${s}"`).toBe(false);
}
async function call(method: 'GET' | 'POST', url: string, payload?: unknown, as: Session = officer) {
  return app.inject({ method, url, headers: as.headers, payload: payload as Record<string, unknown> | undefined });
}
async function auditRows(action: string, entityId: string) {
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).orderBy('seq').execute(),
  );
}

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  commune = (await orgByCode(ctx, 'X17662')).id;
  officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true }));
  custodian = await login(app, await createUser(ctx, { roles: [{ role: 'petition_custodian', orgCode: 'X17662' }], totp: true }));
  viewer = await login(app, await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'X17662' }] }));
  auditor = await login(app, await createUser(ctx, { roles: [{ role: 'auditor', orgCode: 'TW' }], totp: true }));
  const res = await call('POST', '/api/v1/petitions', {
    bodyOrgId: commune,
    kind: 'denunciation',
    channel: 'post',
    receivedOn: today,
    subjectName: 'Võ Văn Hải',
    subjectPosition: 'Chủ tịch Ủy ban nhân dân xã',
    title: 'Tố cáo việc giao đất trái thẩm quyền',
    content: 'Ông Võ Văn Hải đã ký quyết định giao 3 lô đất ven quốc lộ cho doanh nghiệp của người thân khi chưa có đấu giá.',
    senderIdentity: 'named',
    senderAddressKnown: true,
    sender: SENDER,
  });
  expect(res.statusCode).toBe(200);
  letter = res.json();
  // A letter from the portal, with a message from its sender.
  portalId = await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const r = await registerPetition(ctx, tx, systemActor(null, 'Cổng tiếp nhận đơn'), SYSTEM_SCOPE, {
      bodyOrgId: commune,
      kind: 'feedback',
      channel: 'portal',
      receivedOn: today,
      subjectName: 'Võ Văn Hải',
      title: 'Phản ánh việc thu tiền đóng góp xây dựng nhà văn hóa',
      content: 'Thôn thu mỗi hộ 500 nghìn đồng đóng góp xây nhà văn hóa nhưng không công khai chi tiêu, người dân không được biết.',
      senderIdentity: 'named',
      senderAddressKnown: true,
      sender: SENDER,
      // As the portal registers it: the sender follows it with a receipt (any key: it is not looked up here).
      receipt: newReceipt(randomBytes(32)).stored,
    });
    await tx
      .insertInto('petition_message')
      .values({ petition_id: r.id, scope_path: r.scopePath, author: 'sender', body: 'Tôi bổ sung danh sách các hộ đã đóng tiền.' })
      .execute();
    return r.id;
  });
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('the sender’s identity in the officers’ answers (issue #6, point 4)', () => {
  it('is in no list, detail, message thread or audit answer, for an officer or the custodian', async () => {
    expect(letter.senderContactOnRecord).toBe(true);
    const list = await call('GET', '/api/v1/petitions?pageSize=200');
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([letter.id, portalId]));
    expect(list.json().items.find((i: { id: string }) => i.id === portalId)).toMatchObject({ unreadMessages: 1, fromPortal: true });
    // The handler opens the letter: the sender's message is read.
    const detail = await call('GET', `/api/v1/petitions/${portalId}`);
    expect(detail.json()).toMatchObject({ unreadMessages: 0, messages: [{ author: 'sender', authorName: null }] });
    const reply = await call('POST', `/api/v1/petitions/${portalId}/messages`, { body: 'Cảm ơn, chúng tôi đã nhận được danh sách.' });
    expect(reply.json().items.map((m: { author: string }) => m.author)).toEqual(['sender', 'officer']);
    const messages = await call('GET', `/api/v1/petitions/${portalId}/messages`);
    const notPortal = await call('POST', `/api/v1/petitions/${letter.id}/messages`, { body: 'Xin chào' });
    expect(notPortal.json().error.fields.body).toMatch(/cổng tiếp nhận trực tuyến/);
    const custodianList = await call('GET', '/api/v1/petitions?pageSize=200', undefined, custodian);
    const custodianDetail = await call('GET', `/api/v1/petitions/${letter.id}`, undefined, custodian);
    const audit = await call('GET', '/api/v1/audit?pageSize=200', undefined, auditor);
    expect(audit.statusCode).toBe(200);
    expect(audit.json().items.some((e: { entityId: string }) => e.entityId === letter.id)).toBe(true);
    for (const [what, res] of Object.entries({
      list,
      detail,
      letterDetail: await call('GET', `/api/v1/petitions/${letter.id}`),
      reply,
      messages,
      custodianList,
      custodianDetail,
      audit,
    })) {
      expect(res.statusCode, what).toBe(200);
      expectNoIdentity(what, res.body);
    }
  });

  it('is readable by the custodian only, after a reason, and every reading is audited with it', async () => {
    for (const who of [officer, viewer]) {
      const refused = await call('POST', `/api/v1/petitions/${letter.id}/identity`, { reason: 'Cần liên hệ để xác minh nội dung' }, who);
      expect(refused.statusCode).toBe(403);
      expectNoIdentity('refusal', refused.body);
    }
    expect(await auditRows('petition.identity_refused', letter.id)).toHaveLength(2);

    const short = await call('POST', `/api/v1/petitions/${letter.id}/identity`, { reason: 'xem' }, custodian);
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.reason).toMatch(/ít nhất 10 ký tự/);

    const reasons = ['Mời người tố cáo đến làm việc theo kế hoạch xác minh', 'Gửi thông báo kết quả giải quyết cho người tố cáo'];
    for (const reason of reasons) {
      const read = await call('POST', `/api/v1/petitions/${letter.id}/identity`, { reason }, custodian);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json()).toMatchObject({ senderIdentity: 'named', contact: SENDER });
    }
    const entries = await auditRows('petition.identity_read', letter.id);
    expect(entries.map((e) => (e.detail as { reason: string }).reason)).toEqual(reasons);
    expect(entries.every((e) => e.actor_id !== null)).toBe(true);
  });

  it('is in no row of the audit table, nor in the letter’s columns other than the sealed value', async () => {
    const rows = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      sql<{ row: string }>`SELECT row_to_json(a)::text AS row FROM audit_log a`.execute(tx),
    );
    expect(rows.rows.length).toBeGreaterThan(5);
    expectNoIdentity('audit_log', rows.rows.map((r) => r.row).join('\n'));
    const petitions = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      sql<{ row: string }>`SELECT (to_jsonb(p) - 'sender_enc')::text AS row FROM petition p`.execute(tx),
    );
    expectNoIdentity('petition', petitions.rows.map((r) => r.row).join('\n'));
  });

  it('answers a portal letter also as a message the sender reads with the receipt', async () => {
    const p = (await call('GET', `/api/v1/petitions/${portalId}`)).json() as PetitionDetail;
    const s = await call('POST', `/api/v1/petitions/${portalId}/screening`, {
      version: p.version,
      sender: 'named',
      addressKnown: true,
      specific: false,
      verifiable: false,
    });
    expect(s.json()).toMatchObject({ status: 'refused', screening: { result: { ground: 'not_specific' } } });
    const answered = await call('POST', `/api/v1/petitions/${portalId}/answer`, {
      version: s.json().version,
      answer: 'Nội dung phản ánh chưa cụ thể; đề nghị bổ sung chứng từ thu tiền để được xem xét.',
      answeredOn: today,
    });
    expect(answered.json()).toMatchObject({ status: 'answered' });
    const answer = answered.json().messages.at(-1);
    expect(answer).toMatchObject({ author: 'officer', body: expect.stringContaining('chưa cụ thể') });
    // A file sent with the officer's message (what the sender may download), apart from the letter's own files.
    const sent = await upload(
      app,
      officer,
      `/api/v1/petitions/${portalId}/files`,
      { messageId: answer.id },
      { name: 'huong-dan.pdf', data: pdf('x') },
    );
    expect(sent.json().messages.at(-1).files).toHaveLength(1);
    expect(sent.json().files).toHaveLength(0);
    const foreign = await upload(
      app,
      officer,
      `/api/v1/petitions/${portalId}/files`,
      { messageId: answered.json().messages[0].id },
      {
        name: 'x.pdf',
        data: pdf('y'),
      },
    );
    expect(foreign.json().error.fields.messageId).toMatch(/không phải tin nhắn của cán bộ/);
  });
});
