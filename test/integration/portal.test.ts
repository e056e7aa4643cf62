// The public portal's API and its defences (issue #6, points 2 and 10): a letter sent without an account
// behind a proof-of-work, a receipt code and secret that alone open it, the same answer for a wrong code and
// a wrong secret, guessing slowed and limited per address, no network address kept anywhere, the sender's
// identity never shown, attachments checked by content and only ever downloaded. PGlite and PostgreSQL.
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { solveChallenge } from '../../common/portal-pow.ts';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { storeFile } from '../../server/src/platform/files/files.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { newReceipt } from '../../server/src/platform/portal/receipt.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode } from '../helpers/factories.ts';
import { addOrg } from './cases.fixtures.ts';

let ctx: TestDb;
let app: FastifyInstance;
let bodyOrgId: string;
const logLines: string[] = [];

beforeAll(async () => {
  // A low difficulty keeps the suite fast; generous hourly limits, except in the test of the limits.
  ctx = await testContext({
    KTGS_PORTAL_POW_DIFFICULTY: '3',
    KTGS_PORTAL_SUBMIT_PER_HOUR: '1000',
    KTGS_PORTAL_LOOKUP_PER_HOUR: '1000',
    LOG_LEVEL: 'info',
  });
  app = await buildApp(ctx, { logStream: { write: (line) => void logLines.push(line) } });
  bodyOrgId = (await orgByCode(ctx, 'X17662')).id;
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

type File = { name: string; data: Buffer; type?: string };
function form(field: string, json: unknown, files: File[] = []) {
  const boundary = `----ktgs${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${JSON.stringify(json)}\r\n`),
  ];
  for (const f of files)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
/** A real 1×1 PNG. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([len, Buffer.from(type), data, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function solved(on = app) {
  const c = (await on.inject({ method: 'GET', url: '/api/v1/portal/challenge?action=submit' })).json();
  return { challenge: c.challenge as string, nonce: await solveChallenge(c.challenge, c.difficulty) };
}

const SENDER = { name: 'Cao Thanh Quý', address: 'Số 7 ngõ Hòe Nhai, khối 2', phone: '0912 345 678', email: 'quy.cao@example.vn' };
function letter(extra: Record<string, unknown> = {}) {
  return {
    bodyOrgId,
    kind: 'denunciation',
    subjectName: 'Nguyễn Văn Hùng',
    subjectPosition: 'Chủ tịch UBND xã',
    title: 'Tố cáo việc cấp đất sai quy định',
    content: 'Ông Nguyễn Văn Hùng ký giao 2.000 m² đất công cho người nhà không qua đấu giá vào tháng 3 năm 2026.',
    anonymous: false,
    sender: SENDER,
    ...extra,
  };
}

async function submit(body: Record<string, unknown>, files: File[] = [], ip = '198.51.100.10', on = app) {
  const m = form('petition', body, files);
  return on.inject({ method: 'POST', url: '/api/v1/portal/petitions', remoteAddress: ip, ...m });
}
async function send(body: Record<string, unknown> = {}, files: File[] = [], ip = '198.51.100.10', on = app) {
  return submit({ pow: await solved(on), ...letter(body) }, files, ip, on);
}
async function status(code: string, secret: string, ip = '198.51.100.20', on = app) {
  const payload = { pow: await solved(on), receiptCode: code, secret };
  return on.inject({ method: 'POST', url: '/api/v1/portal/status', remoteAddress: ip, payload });
}
/** Every value of the rows as text (bytes read as latin1, so an address in a file or a hash shows too). */
function asText(rows: Record<string, unknown>[]): string {
  return rows
    .map((r) =>
      Object.values(r)
        .map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v instanceof Date ? v.toISOString() : JSON.stringify(v)))
        .join('|'),
    )
    .join('\n');
}
const fresh = () => newReceipt(randomBytes(32)).receipt;

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

describe('attachments', () => {
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), randomBytes(200)]);
  const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

  it('refuses an executable, an HTML page and an SVG drawing, naming the file, and registers nothing', async () => {
    const before = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .selectFrom('petition')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    for (const [name, data] of [
      ['cong-van.exe', exe],
      ['trang.html', html],
      ['hinh.svg', svg],
    ] as const) {
      const res = await send({}, [
        { name: 'ok.pdf', data: pdf('ok') },
        { name, data },
      ]);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.file).toContain(`"${name}" không được chấp nhận`);
    }
    const after = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .selectFrom('petition')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a sixth file', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `tep-${i}.pdf`, data: pdf(`tep ${i}`) }));
    const res = await send({}, six);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.file).toMatch(/tối đa 5 tệp/);
  });

  it('refuses a file over 10 MB and more than 25 MB in all, naming the file', async () => {
    const big = await send({}, [{ name: 'ban-scan-lon.pdf', data: Buffer.concat([pdf('lon'), Buffer.alloc(10 * 1024 * 1024)]) }]);
    expect(big.statusCode).toBe(400);
    expect(big.json().error.fields.file).toBe('Tệp "ban-scan-lon.pdf" quá lớn: tối đa 10 MB mỗi tệp.');
    const nine = (i: number) => ({ name: `phan-${i}.pdf`, data: Buffer.concat([pdf(`phan ${i}`), Buffer.alloc(9 * 1024 * 1024)]) });
    const many = await send({}, [nine(1), nine(2), nine(3)]);
    expect(many.statusCode).toBe(400);
    expect(many.json().error.fields.file).toMatch(/Tổng dung lượng tệp đính kèm tối đa 25 MB/);
  });

  it('serves a PDF and a PNG only to the holder of code and secret, always as a download', async () => {
    const files = [
      { name: 'chung-cu.pdf', data: pdf('chung cu') },
      { name: 'anh.png', data: png() },
      { name: 'ghi-chu.html', data: Buffer.from('Ghi chú: họp ngày 5/3, có 7 người dự.') },
    ];
    const receipt = (await send({ title: 'Tố cáo có kèm chứng cứ ảnh' }, files)).json();
    const st = await status(receipt.receiptCode, receipt.secret);
    expect(st.statusCode, st.body).toBe(200);
    const list = st.json().files as { id: string; fileName: string; size: number }[];
    expect(list.map((f) => f.fileName).sort()).toEqual(['anh.png', 'chung-cu.pdf', 'ghi-chu.html.txt']);

    for (const f of list) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/portal/files/${f.id}`,
        remoteAddress: '198.51.100.21',
        payload: { receiptCode: receipt.receiptCode, secret: receipt.secret },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain('sandbox');
      expect(res.rawPayload.length).toBe(f.size);
    }
    const png1 = list.find((f) => f.fileName === 'anh.png') as { id: string };
    const wrong = await app.inject({
      method: 'POST',
      url: `/api/v1/portal/files/${png1.id}`,
      remoteAddress: '198.51.100.22',
      payload: { receiptCode: receipt.receiptCode, secret: fresh().secret },
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.headers['content-disposition']).toBeUndefined();
    // Another letter's receipt does not open this letter's file.
    const other = (await send({ title: 'Đơn khác để thử tải tệp' })).json();
    const cross = await app.inject({
      method: 'POST',
      url: `/api/v1/portal/files/${png1.id}`,
      remoteAddress: '198.51.100.23',
      payload: { receiptCode: other.receiptCode, secret: other.secret },
    });
    expect(cross.statusCode).toBe(404);
  });
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
