// The public portal (issue #6, points 2 and 10), following a letter: the receipt code and secret alone open
// it, with the same answer for a wrong code and a wrong secret; the officers' replies shown without their
// names and the sender's answers taken; the sender's identity never shown; guessing slowed and limited per
// address. PGlite and PostgreSQL.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { storeFile } from '../../server/src/platform/files/files.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import type { TestDb } from '../helpers/db.ts';
import { createUser, login } from '../helpers/factories.ts';
import { asText, form, fresh, pdf, portalHarness, SENDER } from './portal.fixtures.ts';

const portal = portalHarness();
const { send, status } = portal;
let ctx: TestDb;
let app: FastifyInstance;

beforeAll(async () => {
  ({ ctx, app } = await portal.open());
});
afterAll(async () => {
  await portal.close();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('following a letter', () => {
  it('opens with the right pair only; a wrong secret, a wrong code and a malformed code tell nothing', async () => {
    const receipt = (await send({ title: 'Tố cáo để theo dõi' })).json();
    const ok = await status(receipt.receiptCode, receipt.secret, '198.51.100.30');
    expect(ok.statusCode, ok.body).toBe(200);
    const s = ok.json();
    expect(s).toMatchObject({
      status: 'received',
      statusLabel: 'Đã tiếp nhận',
      title: 'Tố cáo để theo dõi',
      kind: 'denunciation',
      messages: [],
    });
    expect(s.statusNote).toMatch(/tiếp nhận/);
    expect(s.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const v of [SENDER.name, SENDER.phone, SENDER.address, SENDER.email]) expect(ok.body).not.toContain(v);

    const wrongSecret = await status(receipt.receiptCode, fresh().secret, '198.51.100.31');
    const wrongCode = await status(fresh().code, receipt.secret, '198.51.100.32');
    expect(wrongSecret.statusCode).toBe(404);
    expect(wrongCode.statusCode).toBe(404);
    expect(wrongSecret.json()).toEqual(wrongCode.json());
    expect(wrongSecret.body).not.toContain('Tố cáo để theo dõi');
    const malformed = await status('1234 5678', receipt.secret, '198.51.100.33');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toMatch(/^Mã tiếp nhận không đúng/);
    expect(Object.keys(malformed.json())).toEqual(Object.keys(wrongCode.json()));
  });

  it('shows an officer reply without any officer name, and takes the sender’s answer with a file', async () => {
    const receipt = (await send({ title: 'Tố cáo chờ trả lời' })).json();
    const officer = await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true });
    const officerRow = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('app_user').select(['id', 'full_name', 'username']).where('id', '=', officer.id).executeTakeFirstOrThrow(),
    );
    const internal = await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      const p = await tx
        .selectFrom('petition')
        .select(['id', 'scope_path'])
        .where('title', '=', 'Tố cáo chờ trả lời')
        .executeTakeFirstOrThrow();
      const m = await tx
        .insertInto('petition_message')
        .values({
          petition_id: p.id,
          scope_path: p.scope_path,
          author: 'officer',
          author_user_id: officer.id,
          body: 'Đề nghị ông cung cấp thêm bản sao quyết định giao đất.',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const sent = await storeFile(tx, {
        scopePath: p.scope_path,
        fileName: 'huong-dan.pdf',
        mime: 'application/pdf',
        data: pdf('huong dan'),
        createdBy: officer.id,
      });
      const kept = await storeFile(tx, {
        scopePath: p.scope_path,
        fileName: 'phieu-xu-ly.pdf',
        mime: 'application/pdf',
        data: pdf('noi bo'),
        createdBy: officer.id,
      });
      await tx
        .insertInto('petition_file')
        .values([
          { petition_id: p.id, scope_path: p.scope_path, file_id: sent.id, message_id: m.id, source: 'officer', created_by: officer.id },
          { petition_id: p.id, scope_path: p.scope_path, file_id: kept.id, message_id: null, source: 'officer', created_by: officer.id },
        ])
        .execute();
      return kept.id;
    });

    const st = await status(receipt.receiptCode, receipt.secret, '198.51.100.40');
    expect(st.statusCode, st.body).toBe(200);
    const reply = st.json().messages[0];
    expect(reply).toMatchObject({ author: 'officer', body: 'Đề nghị ông cung cấp thêm bản sao quyết định giao đất.' });
    expect(reply.files.map((f: { fileName: string }) => f.fileName)).toEqual(['huong-dan.pdf']);
    for (const v of [officerRow.id, officerRow.full_name, officerRow.username, 'phieu-xu-ly']) expect(st.body).not.toContain(v);
    const hidden = await app.inject({
      method: 'POST',
      url: `/api/v1/portal/files/${internal}`,
      remoteAddress: '198.51.100.41',
      payload: { receiptCode: receipt.receiptCode, secret: receipt.secret },
    });
    expect(hidden.statusCode).toBe(404);

    const answer = form('message', { receiptCode: receipt.receiptCode, secret: receipt.secret, body: 'Tôi gửi kèm bản sao quyết định.' }, [
      { name: 'quyet-dinh.pdf', data: pdf('quyet dinh') },
    ]);
    const posted = await app.inject({ method: 'POST', url: '/api/v1/portal/messages', remoteAddress: '198.51.100.42', ...answer });
    expect(posted.statusCode, posted.body).toBe(200);
    const thread = posted.json().messages as { author: string; body: string; files: { fileName: string }[] }[];
    expect(thread.map((m) => m.author)).toEqual(['officer', 'sender']);
    expect(thread[1]?.files.map((f) => f.fileName)).toEqual(['quyet-dinh.pdf']);

    const forged = form('message', { receiptCode: receipt.receiptCode, secret: fresh().secret, body: 'Tin giả mạo.' }, [
      { name: 'x.pdf', data: pdf('x') },
    ]);
    const refused = await app.inject({ method: 'POST', url: '/api/v1/portal/messages', remoteAddress: '198.51.100.43', ...forged });
    expect(refused.statusCode).toBe(404);
    const count = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('petition_message').select('body').where('body', '=', 'Tin giả mạo.').execute(),
    );
    expect(count).toHaveLength(0);

    // The officers' own screens show the letter, not who sent it (the identity needs the custodian's reading).
    const session = await login(app, officer);
    const row = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('petition').selectAll().where('title', '=', 'Tố cáo chờ trả lời').executeTakeFirstOrThrow(),
    );
    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/petitions?q=${encodeURIComponent('chờ trả lời')}`,
      headers: session.headers,
    });
    const detail = await app.inject({ method: 'GET', url: `/api/v1/petitions/${row.id}`, headers: session.headers });
    for (const res of [list, detail]) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toContain('Tố cáo chờ trả lời');
      for (const v of [SENDER.name, SENDER.phone, SENDER.address, SENDER.email]) expect(res.body).not.toContain(v);
    }
    // Whatever the screens: no column but the sealed one holds the identity.
    const text = asText([{ ...row, sender_enc: null }]);
    for (const v of [SENDER.name, SENDER.phone, SENDER.address, SENDER.email]) expect(text).not.toContain(v);
  });
});

describe('guessing receipts', () => {
  it('slows an address down exponentially after each wrong pair, on that code too, but not other addresses', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T03:00:00Z'));
    const timed = await buildApp({ ...ctx, config: { ...ctx.config, logLevel: 'silent' } }, { logger: false });
    try {
      const target = fresh();
      const waits: number[] = [];
      for (let i = 0; i < 3; i++) {
        const miss = await status(target.code, target.secret, '192.0.2.66', timed);
        expect(miss.statusCode).toBe(404);
        const early = await status(fresh().code, target.secret, '192.0.2.66', timed);
        expect(early.statusCode).toBe(429);
        expect(early.json().error.message).toMatch(/nhập sai nhiều lần/);
        waits.push(Number(early.headers['retry-after']));
        if (i < 2) vi.setSystemTime(Date.now() + waits[i]! * 1000 + 10);
      }
      expect(waits).toEqual([1, 2, 4]);
      // Another address is not held up by this one's failures…
      const other = await status(fresh().code, target.secret, '192.0.2.77', timed);
      expect(other.statusCode).toBe(404);
      // …but the code that was guessed at is, whoever asks next.
      const sameCode = await status(target.code, target.secret, '192.0.2.88', timed);
      expect(sameCode.statusCode).toBe(429);
    } finally {
      await timed.close();
    }
  });

  it('limits requests per address and overall', async () => {
    const tight = await buildApp(
      { ...ctx, config: { ...ctx.config, logLevel: 'silent', portal: { ...ctx.config.portal, lookupPerAddress: 2, lookupOverall: 4 } } },
      { logger: false },
    );
    try {
      // Malformed codes: counted, refused (400), and no failure streak to mix up with the hourly limits.
      const ask = (ip: string) => status('1234', 'x', ip, tight);
      expect((await ask('192.0.2.1')).statusCode).toBe(400);
      expect((await ask('192.0.2.1')).statusCode).toBe(400);
      const limited = await ask('192.0.2.1');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.message).toMatch(/Bạn đã gửi quá nhiều yêu cầu/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3000);
      expect((await ask('192.0.2.2')).statusCode).toBe(400);
      expect((await ask('192.0.2.3')).statusCode).toBe(400);
      const overall = await ask('192.0.2.4');
      expect(overall.statusCode).toBe(429);
      expect(overall.json().error.message).toMatch(/Cổng tiếp nhận đang nhận quá nhiều yêu cầu/);
    } finally {
      await tight.close();
    }
  });
});
