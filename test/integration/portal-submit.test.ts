// The public portal (issue #6, points 2 and 10), sending a letter: without an account, behind a
// proof-of-work that cannot be forged, replayed or used late; a receipt code and secret handed back; no
// network address kept anywhere, nor in the log; the receiving bodies and the API described in public; a
// form refused over a real connection without leaving the upload hanging. PGlite and PostgreSQL.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import type { TestDb } from '../helpers/db.ts';
import { orgByCode } from '../helpers/factories.ts';
import { addOrg } from './cases.fixtures.ts';
import { asText, form, pdf, portalHarness, SENDER } from './portal.fixtures.ts';

const portal = portalHarness();
const { logLines, solved, letter, submit, send } = portal;
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

describe('submitting a letter', () => {
  it('is refused without a proof-of-work, with a forged one and with one already used', async () => {
    const missing = await submit(letter());
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.pow).toMatch(/chống spam/);

    const pow = await solved();
    const [, nonce, , expires, mac] = pow.challenge.split('.');
    const forged = await submit({ ...letter(), pow: { challenge: `p1.${nonce}.1.${expires}.${mac}`, nonce: pow.nonce } });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.fields.pow).toBe('Mã xác minh chống gửi tự động không hợp lệ.');

    const first = await submit({ ...letter(), pow });
    expect(first.statusCode).toBe(200);
    const replayed = await submit({ ...letter(), pow });
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json().error.fields.pow).toMatch(/đã được dùng/);
  });

  it('refuses an expired challenge', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T02:00:00Z'));
    const timed = await buildApp({ ...ctx, config: { ...ctx.config, logLevel: 'silent' } }, { logger: false });
    try {
      const pow = await solved(timed);
      vi.setSystemTime(new Date('2026-11-20T02:11:00Z'));
      const late = await submit({ ...letter(), pow }, [], '198.51.100.11', timed);
      expect(late.statusCode).toBe(400);
      expect(late.json().error.fields.pow).toMatch(/hết hạn/);
    } finally {
      await timed.close();
    }
  });

  it('hands out a 16-digit code and a 26-character secret, and keeps no address anywhere (nor in the log)', async () => {
    const ip = '203.0.113.57';
    const res = await send({}, [{ name: 'bien-ban.pdf', data: pdf('bien ban') }], ip);
    expect(res.statusCode, res.body).toBe(200);
    const receipt = res.json();
    expect(receipt.receiptCode).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(receipt.secret.replaceAll('-', '')).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(receipt.bodyName).toBe((await orgByCode(ctx, 'X17662')).name);

    const db = await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      const petitions = await tx.selectFrom('petition').selectAll().where('channel', '=', 'portal').execute();
      const ids = petitions.map((p) => p.id);
      const files = await tx.selectFrom('petition_file').selectAll().where('petition_id', 'in', ids).execute();
      const stored = await tx
        .selectFrom('stored_file')
        .selectAll()
        .where(
          'id',
          'in',
          files.map((f) => f.file_id),
        )
        .execute();
      const audit = await tx.selectFrom('audit_log').selectAll().execute();
      return { petitions, files, stored, audit };
    });
    const mine = db.petitions.find(
      (p) => p.title === letter().title && p.sender_identity === 'named' && db.files.some((f) => f.petition_id === p.id),
    );
    expect(mine).toBeDefined();
    expect(mine?.channel).toBe('portal');
    expect(mine?.receipt_code_hash?.length).toBe(32);
    expect(mine?.sender_address_known).toBe(true);
    for (const rows of [db.petitions, db.files, db.stored, db.audit] as Record<string, unknown>[][]) {
      const text = asText(rows);
      expect(text).not.toContain(ip);
      expect(text).not.toContain(receipt.receiptCode.replaceAll(' ', ''));
      expect(text).not.toContain(receipt.secret.replaceAll('-', ''));
      expect(text).not.toContain(SENDER.phone);
    }
    const log = logLines.join('');
    expect(log).toContain('/api/v1/portal/petitions');
    for (const secret of [ip, receipt.receiptCode, receipt.secret, SENDER.name, SENDER.phone, letter().content])
      expect(log).not.toContain(secret);
  });

  it('registers a letter without a name as anonymous and drops a contact given with it', async () => {
    const res = await send({ anonymous: true, sender: SENDER, title: 'Phản ánh việc thu tiền sai quy định', kind: 'feedback' });
    expect(res.statusCode, res.body).toBe(200);
    const bare = await send({ anonymous: true, sender: null, title: 'Phản ánh việc thu tiền lần hai', kind: 'feedback' });
    expect(bare.statusCode, bare.body).toBe(200);
    const rows = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('petition').selectAll().where('title', 'like', 'Phản ánh việc thu tiền%').execute(),
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.sender_identity).toBe('anonymous');
      expect(r.sender_enc).toBeNull();
      expect(r.sender_address_known).toBe(false);
    }
  });

  it('names the field that is wrong, and accepts letters only for a body with an inspection committee', async () => {
    const noName = await send({ sender: { name: '' } });
    expect(noName.statusCode).toBe(400);
    expect(Object.keys(noName.json().error.fields)).toContain('sender.name');
    // A grassroots organisation without an inspection committee: its letters go to the commune's.
    const cell = await addOrg(ctx, 'PT_CS01', 'Đảng bộ Trường Tiểu học Đông Sơn', 'X17662');
    const wrongBody = await send({ bodyOrgId: cell.id });
    expect(wrongBody.statusCode).toBe(400);
    expect(wrongBody.json().error.fields.bodyOrgId).toMatch(/Cơ quan nhận đơn/);
  });
});

describe('the public lists', () => {
  it('finds receiving bodies by name without diacritics, and offers no cell or inactive body', async () => {
    const commune = await orgByCode(ctx, 'X17662');
    const folded = commune.name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    const res = await app.inject({ method: 'GET', url: `/api/v1/portal/bodies?q=${encodeURIComponent(folded)}` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; name: string; level: string }[];
    expect(items.length).toBeLessThanOrEqual(50);
    expect(items.map((i) => i.id)).toContain(commune.id);
    // Communes of the same name are told apart by their province, which the search also matches.
    const province = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('org_unit').select('name').where('id', '=', commune.parent_id).executeTakeFirstOrThrow(),
    );
    expect(items.find((i) => i.id === commune.id)?.level).toBe(`Đảng bộ xã, phường, đặc khu · ${province.name}`);
    const both = await app.inject({
      method: 'GET',
      url: `/api/v1/portal/bodies?q=${encodeURIComponent(`${folded} ${province.name.split(' ').slice(-1)[0]}`)}`,
    });
    expect(both.json().items.map((i: { id: string }) => i.id)).toContain(commune.id);
    const all = (await app.inject({ method: 'GET', url: '/api/v1/portal/bodies' })).json().items as { level: string }[];
    expect(all).toHaveLength(50);
    expect(all.every((i) => i.level !== 'Chi bộ')).toBe(true);
  });

  it('is described in the OpenAPI document, with the code and secret in no URL', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const portal = Object.entries(doc.paths as Record<string, Record<string, { parameters?: { name: string }[] }>>).filter(([p]) =>
      p.startsWith('/api/v1/portal/'),
    );
    expect(portal.map(([p]) => p).sort()).toEqual([
      '/api/v1/portal/bodies',
      '/api/v1/portal/challenge',
      '/api/v1/portal/files/{fileId}',
      '/api/v1/portal/messages',
      '/api/v1/portal/petitions',
      '/api/v1/portal/status',
    ]);
    const params = portal.flatMap(([, ops]) => Object.values(ops).flatMap((op) => (op.parameters ?? []).map((x) => x.name)));
    expect(params.filter((n) => /code|secret/i.test(n))).toEqual([]);
  });

  it('issues challenges at the configured difficulty', async () => {
    const c = (await app.inject({ method: 'GET', url: '/api/v1/portal/challenge?action=status' })).json();
    expect(c.difficulty).toBe(3);
    expect(Date.parse(c.expiresAt)).toBeGreaterThan(Date.now());
  });
});

describe('over a real connection', () => {
  it('refuses a form with a bad proof-of-work without keeping its files or leaving the upload hanging', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const big = { name: 'lon.pdf', data: Buffer.concat([pdf('lon'), randomBytes(8 * 1024 * 1024)]) };
    const m = form('petition', { ...letter(), pow: { challenge: 'p1.x.3.1.y', nonce: '1' } }, [big, big]);
    // The body is handed over piece by piece: by the time the answer comes, the server has read it all
    // (a server that answers and stops reading leaves a browser stuck until its upload times out).
    let sent = 0;
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (offset >= m.payload.length) return c.close();
        const piece = new Uint8Array(m.payload.subarray(offset, offset + 65_536));
        offset += piece.length;
        sent += piece.length;
        c.enqueue(piece);
      },
    });
    const res = await fetch(`${address}/api/v1/portal/petitions`, {
      method: 'POST',
      headers: m.headers,
      body,
      duplex: 'half',
    } as RequestInit);
    expect(sent).toBe(m.payload.length);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.pow).toBeDefined();
    const m2 = form('petition', { ...letter(), pow: await solved() }, [{ name: 'a.pdf', data: pdf('a') }]);
    const ok = await fetch(`${address}/api/v1/portal/petitions`, { method: 'POST', headers: m2.headers, body: new Uint8Array(m2.payload) });
    expect(ok.status).toBe(200);
  });
});
