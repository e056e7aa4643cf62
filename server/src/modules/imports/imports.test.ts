// Imports through the API: good files (XLSX and CSV), bad rows, duplicates, a failure half way, a
// re-import, scope, organisations and posts, the template round trip and the XLSX report.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDb, testContext } from '../../../../test/helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../../../../test/helpers/factories.ts';
import { inTransaction } from '../../db/context.ts';
import { SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import { buildApp } from '../../platform/http/app.ts';

let ctx: TestDb;
let app: FastifyInstance;
let importer: Session;

const MEMBER_HEADERS = [
  'Họ và tên*',
  'Giới tính',
  'Ngày sinh',
  'Số CCCD',
  'Số thẻ đảng viên',
  'Mã chi bộ*',
  'Tình trạng',
  'Ngày vào Đảng',
  'Ngày chính thức',
];

/** A valid CCCD for a birth year and gender (province 001, Hà Nội). */
function cccd(year: number, gender: 'Nam' | 'Nữ', serial: number): string {
  const digit = (year >= 2000 ? 2 : 0) + (gender === 'Nữ' ? 1 : 0);
  return `001${digit}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

async function xlsx(headers: string[], rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dữ liệu');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(kind: string, fileName: string, data: Buffer, session = importer) {
  const boundary = `----ktgs${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: `/api/v1/imports/${kind}`,
    headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

const q = <T>(fn: (tx: Parameters<Parameters<typeof inTransaction>[2]>[0]) => Promise<T>) =>
  inTransaction(ctx.database.db, SYSTEM_SCOPE, fn);
const memberCount = () => q(async (tx) => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM member`.execute(tx)).rows[0]?.n));

const GOOD = [
  ['Nguyễn Văn An', 'Nam', '05/03/1985', cccd(1985, 'Nam', 1), 'TD0001', 'IMP_CB_A', 'Chính thức', '19/05/2010', '19/05/2011'],
  ['Trần Thị Bích', 'Nữ', '12/11/1990', cccd(1990, 'Nữ', 2), '', 'IMP_CB_A', 'Dự bị', '02/09/2025', ''],
  ['Lê Đức Cường', 'Nam', '01/01/1970', '', 'TD0003', 'IMP_CB_B', '', '03/02/1995', ''],
];

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  importer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true }));
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('imports', () => {
  it('imports organisations (children before their parent in the file) and refuses a wrong placement', async () => {
    const headers = ['Mã tổ chức*', 'Tên tổ chức*', 'Loại*', 'Mã tổ chức cấp trên*', 'Có cấp ủy', 'Có Ủy ban Kiểm tra', 'Hiệu lực từ ngày'];
    const rows = [
      ['IMP_CB_A', 'Chi bộ Thôn A', 'Chi bộ', 'IMP_DU', '', '', ''],
      ['IMP_CB_B', 'Chi bộ Thôn B', 'Chi bộ', 'IMP_DU', '', '', ''],
      ['IMP_DU', 'Đảng bộ cơ sở Nhập thử', 'Tổ chức cơ sở đảng', 'X17662', 'Có', 'Có', '01/07/2025'],
    ];
    const res = await upload('orgs', 'to-chuc.xlsx', await xlsx(headers, rows));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'applied', created: 3, errorCount: 0 });
    const commune = await orgByCode(ctx, 'X17662');
    expect((await orgByCode(ctx, 'IMP_CB_A')).path).toBe(`${commune.path}.IMP_DU.IMP_CB_A`);

    const bad = await upload('orgs', 'sai.xlsx', await xlsx(headers, [['IMP_CB_X', 'Chi bộ sai cấp', 'Chi bộ', 'X17662', '', 'Có', '']]));
    const errors = bad.json().errors as { row: number; field: string; message: string }[];
    expect(bad.json().status).toBe('rejected');
    expect(errors.find((e) => e.field === 'Loại')?.message).toMatch(/Dòng 2, cột "Loại": Chi bộ không thể trực thuộc/);
    const again = await upload('orgs', 'to-chuc.xlsx', await xlsx(headers, rows));
    expect(again.json()).toMatchObject({ status: 'unchanged', unchanged: 3 });
  });

  it('imports a good XLSX and a CSV (semicolons, BOM); each new member gets an opening cell period', async () => {
    const res = await upload('members', 'dang-vien.xlsx', await xlsx(MEMBER_HEADERS, GOOD));
    expect(res.json()).toMatchObject({ status: 'applied', rowsTotal: 3, created: 3, updated: 0, errors: [] });
    const csv = `\uFEFFho va ten;Gioi tinh;Ngay sinh;So CCCD;Ma chi bo;Tinh trang\nPhạm Thu Hà;Nữ;7/8/1992;${cccd(1992, 'Nữ', 4)};IMP_CB_B;Chính thức\n`;
    const res2 = await upload('members', 'them.csv', Buffer.from(csv));
    expect(res2.json()).toMatchObject({ status: 'applied', created: 1 });
    const periods = await q((tx) =>
      tx
        .selectFrom('member_transfer as t')
        .innerJoin('member as m', 'm.id', 't.member_id')
        .select(['m.full_name', 't.from_date', 't.to_date'])
        .execute(),
    );
    expect(periods).toHaveLength(4);
    expect(periods.find((p) => p.full_name === 'Nguyễn Văn An')).toMatchObject({ from_date: '2010-05-19', to_date: null });
  });

  it('re-importing the same file changes nothing: same rows, same versions, status unchanged', async () => {
    const before = await q((tx) => tx.selectFrom('member').select(['id', 'version', 'updated_at']).orderBy('id').execute());
    const res = await upload('members', 'dang-vien.xlsx', await xlsx(MEMBER_HEADERS, GOOD));
    expect(res.json()).toMatchObject({ status: 'unchanged', created: 0, updated: 0, unchanged: 3 });
    const after = await q((tx) => tx.selectFrom('member').select(['id', 'version', 'updated_at']).orderBy('id').execute());
    expect(after).toEqual(before);
  });

  it('rejects a file with bad rows, naming every error by row and column, and writes nothing', async () => {
    const count = await memberCount();
    const rows: (string | number)[][] = [
      ['', 'Nam', '01/01/1980', '', '', 'IMP_CB_A', '', '', ''],
      ['Võ Văn Dũng', 'Nam', '31/02/1980', '', '', 'IMP_CB_A', '', '', ''],
      ['Đỗ Thị Em', 'Nữ', '01/01/1980', cccd(1980, 'Nam', 7), '', 'IMP_CB_A', '', '', ''],
      ['Hồ Văn Phúc', 'Trai', '01/01/1980', '', '', 'KHONG_CO', 'Tạm', '', ''],
      ['Bùi Văn Giang', 'Nam', '01/01/1981', cccd(1985, 'Nam', 1), '', 'IMP_CB_A', '', '', ''],
      ['Mai Văn Hải', 'Nam', '01/01/1982', 1082000123, '', 'IMP_CB_A', '', '', ''],
      ['Nguyễn Văn An', 'Nam', '05/03/1985', cccd(1985, 'Nam', 99), '', 'IMP_CB_A', '', '', ''],
      ['Tạ Văn Khoa', 'Nam', '01/01/1983', cccd(1983, 'Nam', 8), '', 'IMP_CB_A', 'Dự bị', '01/01/2020', '01/01/2019'],
      ['Tạ Văn Long', 'Nam', '01/01/1984', cccd(1984, 'Nam', 9), '', 'X00004', '', '', ''],
      ['Tạ Văn Minh', 'Nam', '01/01/1984', cccd(1984, 'Nam', 9), '', 'IMP_CB_A', '', '', ''],
    ];
    const res = await upload('members', 'loi.xlsx', await xlsx(MEMBER_HEADERS, rows));
    const body = res.json();
    expect(body.status).toBe('rejected');
    const at = (row: number, field: string) =>
      body.errors.filter((e: { row: number; field: string }) => e.row === row && e.field === field);
    expect(at(2, 'Họ và tên')[0].message).toBe('Dòng 2, cột "Họ và tên": bắt buộc, không được để trống.');
    expect(at(3, 'Ngày sinh')[0].message).toMatch(/"31\/02\/1980" không phải ngày hợp lệ/);
    expect(at(4, 'Số CCCD')[0].message).toMatch(/Giới tính không khớp/);
    expect(at(5, 'Giới tính')[0].message).toMatch(/"Trai" không hợp lệ/);
    expect(at(5, 'Tình trạng')[0].message).toMatch(/"Tạm" không hợp lệ/);
    expect(at(5, 'Mã chi bộ')[0].message).toMatch(/"KHONG_CO" không tồn tại hoặc ngoài phạm vi/);
    expect(at(6, 'Số CCCD')[0].message).toMatch(/Năm sinh không khớp/);
    expect(at(7, 'Số CCCD')[0].message).toMatch(/định dạng cột là Văn bản/);
    expect(at(8, 'Họ và tên')[0].message).toMatch(/trùng họ tên và ngày sinh với đảng viên đã có nhưng khác số CCCD/);
    expect(at(9, 'Ngày chính thức')[0].message).toMatch(/sau ngày vào Đảng/);
    expect(at(10, 'Mã chi bộ')[0].message).toMatch(/"X00004" không tồn tại hoặc ngoài phạm vi/);
    expect(at(11, 'Số CCCD')[0].message).toMatch(/trùng số CCCD với dòng 10/);
    expect(await memberCount()).toBe(count);

    const report = await app.inject({ method: 'GET', url: `/api/v1/imports/${body.id}/report`, headers: importer.headers });
    expect(report.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    expect(header.at(-1)).toBe('Lỗi');
    const errCol = header.length;
    expect(String(ws.getRow(3).getCell(errCol).value)).toMatch(/31\/02\/1980/);
    expect(ws.getRow(3).getCell(2).value).toBe('Võ Văn Dũng');
  });

  it('moves a member whose cell code changed: closes the open period the day before, opens one today', async () => {
    const moved = GOOD.map((r) => (r[0] === 'Nguyễn Văn An' ? [...r.slice(0, 5), 'IMP_CB_B', ...r.slice(6)] : r));
    const res = await upload('members', 'chuyen.xlsx', await xlsx(MEMBER_HEADERS, moved));
    expect(res.json()).toMatchObject({ status: 'applied', updated: 1, unchanged: 2 });
    const rows = await q((tx) =>
      tx
        .selectFrom('member_transfer as t')
        .innerJoin('member as m', 'm.id', 't.member_id')
        .innerJoin('org_unit as o', 'o.id', 't.org_id')
        .select(['o.code', 't.from_date', 't.to_date', 'm.version'])
        .where('m.full_name', '=', 'Nguyễn Văn An')
        .orderBy('t.from_date')
        .execute(),
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(rows.map((r) => [r.code, r.to_date === null])).toEqual([
      ['IMP_CB_A', false],
      ['IMP_CB_B', true],
    ]);
    expect(rows[1]?.from_date).toBe(today);
    expect(rows[0]?.version).toBe(2);
  });

  it('a failure half way (a database error on the last row) rolls everything back', async () => {
    await ctx.database.admin(async (c) => {
      await c.query(`CREATE FUNCTION imp_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.full_name = 'Trần Thất Bại' THEN RAISE EXCEPTION 'giả lập lỗi'; END IF; RETURN NEW; END $$`);
      await c.query('CREATE TRIGGER imp_test_fail BEFORE INSERT ON member FOR EACH ROW EXECUTE FUNCTION imp_test_fail()');
    });
    const count = await memberCount();
    const rows = [
      ['Lý Văn Một', 'Nam', '01/01/1975', cccd(1975, 'Nam', 11), '', 'IMP_CB_A', '', '', ''],
      ['Lý Văn Hai', 'Nam', '01/01/1976', cccd(1976, 'Nam', 12), '', 'IMP_CB_A', '', '', ''],
      ['Trần Thất Bại', 'Nam', '01/01/1977', cccd(1977, 'Nam', 13), '', 'IMP_CB_A', '', '', ''],
    ];
    const res = await upload('members', 'giua-chung.xlsx', await xlsx(MEMBER_HEADERS, rows));
    await ctx.database.admin((c) => c.query('DROP TRIGGER imp_test_fail ON member; DROP FUNCTION imp_test_fail()'));
    expect(res.statusCode).toBe(500);
    expect(await memberCount()).toBe(count);
    const list = await app.inject({ method: 'GET', url: '/api/v1/imports', headers: importer.headers });
    expect(list.json().items[0]).toMatchObject({ fileName: 'giua-chung.xlsx', status: 'rejected', created: 0 });
  });

  it('imports posts by CCCD or party card, with sensitive areas; a re-import is unchanged', async () => {
    const headers = [
      'Số CCCD',
      'Số thẻ đảng viên',
      'Chức vụ*',
      'Tên chức vụ cụ thể',
      'Mã đơn vị công tác',
      'Nơi công tác',
      'Lĩnh vực nhạy cảm',
      'Từ ngày*',
      'Đến ngày',
    ];
    const rows = [
      [
        cccd(1985, 'Nam', 1),
        '',
        'Bí thư',
        'Bí thư Chi bộ Thôn B',
        'IMP_CB_B',
        '',
        'Công tác cán bộ; tai chinh, ngan hang',
        '01/10/2025',
        '',
      ],
      ['', 'TD0003', 'civil_servant', '', '', 'UBND xã', '', '01/01/2020', '31/12/2024'],
    ];
    const file = await xlsx(headers, rows);
    const res = await upload('posts', 'chuc-vu.xlsx', file);
    expect(res.json()).toMatchObject({ status: 'applied', created: 2 });
    const post = await q((tx) => tx.selectFrom('post').selectAll().where('code', '=', 'secretary').executeTakeFirstOrThrow());
    expect(post).toMatchObject({ is_head: true, category: 'party', title: 'Bí thư Chi bộ Thôn B' });
    expect([...post.sensitive_areas].sort()).toEqual(['finance', 'personnel']);
    expect((await upload('posts', 'chuc-vu.xlsx', file)).json()).toMatchObject({ status: 'unchanged', unchanged: 2 });
    const bad = await upload(
      'posts',
      'sai.xlsx',
      await xlsx(headers, [[cccd(1999, 'Nam', 5), '', 'Vua', '', '', '', 'Thể thao', '01/01/2020', '']]),
    );
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['Chức vụ', 'Lĩnh vực nhạy cảm']);
  });

  it('the template round trip: a filled template imports; missing headers are one clear error', async () => {
    const t = await app.inject({ method: 'GET', url: '/api/v1/imports/templates/members', headers: importer.headers });
    expect(t.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('Hướng dẫn');
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    const row = ws.getRow(2);
    row.getCell(4).value = cccd(1985, 'Nữ', 42);
    row.getCell(5).value = 'TD0042';
    row.getCell(6).value = 'IMP_CB_A';
    const res = await upload('members', 'mau.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.json()).toMatchObject({ status: 'applied', created: 1 });

    const noHeader = await upload('members', 'thieu.csv', Buffer.from('Họ tên,Ngày sinh\nA,01/01/1980\n'));
    expect(noHeader.json().errors).toHaveLength(1);
    expect(noHeader.json().errors[0].message).toMatch(/thiếu cột bắt buộc "Họ và tên\*", "Mã chi bộ\*"; có cột không thuộc mẫu "Họ tên"/);
  });

  it('refuses other file types, and users without the import permission', async () => {
    const res = await upload('members', 'a.pdf', Buffer.from('%PDF-1.4'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Chỉ nhận tệp Excel \(.xlsx\) hoặc CSV/);
    const viewer = await login(app, await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'X17662' }] }));
    expect((await upload('members', 'a.csv', Buffer.from('x'), viewer)).statusCode).toBe(403);
  });
});
