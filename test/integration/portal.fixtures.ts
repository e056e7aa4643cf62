// Shared set-up of the public portal's tests (portal-*.test.ts): a test database and an app with the portal
// settings the tests rely on, the log the app writes, multipart forms, sample files, and the calls a sender
// makes (solve a challenge, send a letter, follow it), bound to that app and its receiving body.
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { solveChallenge } from '../../common/portal-pow.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { newReceipt } from '../../server/src/platform/portal/receipt.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { orgByCode } from '../helpers/factories.ts';

export type Upload = { name: string; data: Buffer; type?: string };
export function form(field: string, json: unknown, files: Upload[] = []) {
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

export const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
/** A real 1×1 PNG. */
export function png(): Buffer {
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

export const SENDER = {
  name: 'Cao Thanh Quý',
  address: 'Số 7 ngõ Hòe Nhai, khối 2',
  phone: '0912 345 678',
  email: 'quy.cao@example.vn',
};

/** Every value of the rows as text (bytes read as latin1, so an address in a file or a hash shows too). */
export function asText(rows: Record<string, unknown>[]): string {
  return rows
    .map((r) =>
      Object.values(r)
        .map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v instanceof Date ? v.toISOString() : JSON.stringify(v)))
        .join('|'),
    )
    .join('\n');
}
/** A receipt no letter has: a wrong code or a wrong secret. */
export const fresh = () => newReceipt(randomBytes(32)).receipt;

/**
 * One test file's database and app. Call `open()` in beforeAll and `close()` in afterAll; the helpers
 * default to this app and to the commune X17662 as the receiving body, and may be destructured.
 */
export function portalHarness() {
  let ctx: TestDb | undefined;
  let app: FastifyInstance | undefined;
  let bodyOrgId = '';
  /** What the app logged, to check it keeps no address, receipt or sender. */
  const logLines: string[] = [];
  const theApp = () => {
    if (!app) throw new Error('portalHarness: open() first');
    return app;
  };

  async function open() {
    // A low difficulty keeps the suite fast; generous hourly limits, except in the test of the limits.
    ctx = await testContext({
      KTGS_PORTAL_POW_DIFFICULTY: '3',
      KTGS_PORTAL_SUBMIT_PER_HOUR: '1000',
      KTGS_PORTAL_LOOKUP_PER_HOUR: '1000',
      LOG_LEVEL: 'info',
    });
    app = await buildApp(ctx, { logStream: { write: (line) => void logLines.push(line) } });
    bodyOrgId = (await orgByCode(ctx, 'X17662')).id;
    return { ctx, app };
  }
  async function close() {
    await app?.close();
    await ctx?.close();
  }

  async function solved(on = theApp()) {
    const c = (await on.inject({ method: 'GET', url: '/api/v1/portal/challenge?action=submit' })).json();
    return { challenge: c.challenge as string, nonce: await solveChallenge(c.challenge, c.difficulty) };
  }
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
  async function submit(body: Record<string, unknown>, files: Upload[] = [], ip = '198.51.100.10', on = theApp()) {
    const m = form('petition', body, files);
    return on.inject({ method: 'POST', url: '/api/v1/portal/petitions', remoteAddress: ip, ...m });
  }
  async function send(body: Record<string, unknown> = {}, files: Upload[] = [], ip = '198.51.100.10', on = theApp()) {
    return submit({ pow: await solved(on), ...letter(body) }, files, ip, on);
  }
  async function status(code: string, secret: string, ip = '198.51.100.20', on = theApp()) {
    const payload = { pow: await solved(on), receiptCode: code, secret };
    return on.inject({ method: 'POST', url: '/api/v1/portal/status', remoteAddress: ip, payload });
  }

  return { open, close, logLines, solved, letter, submit, send, status };
}
