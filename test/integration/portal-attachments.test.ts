// The public portal (issue #6, points 2 and 10), a letter's attachments: checked by their content, not
// their name (no executable, HTML page or SVG drawing), limited in number and size, and served only to the
// holder of the letter's code and secret, always as a download. PGlite and PostgreSQL.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import type { TestDb } from '../helpers/db.ts';
import { fresh, pdf, png, portalHarness } from './portal.fixtures.ts';

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
