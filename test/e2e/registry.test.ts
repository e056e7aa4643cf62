// Issue #3 point 9, in a real browser: the first administrator creates a grassroots organisation and
// a cell, imports a small XLSX of members built here, sees it applied (and a second upload of the same
// file change nothing), then finds a member by typing the name without diacritics and opens the profile.
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, startServer } from './server-harness.ts';
import { apiFromPage, completeFirstSignIn, signIn } from './steps.ts';

const NEW_PASSWORD = 'Song-Hong-chay-ra-bien-2026';
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

const suffix = String(Date.now() % 1_000_000);
const GRASSROOTS = { code: `E2E_DB_${suffix}`, name: 'Đảng bộ Trường Trung học Kiểm thử' };
const CELL = { code: `E2E_CB_${suffix}`, name: 'Chi bộ Tổ Kiểm thử Nhập liệu' };

// CCCD: birth-registration province (001 Hà Nội, 079 TP Hồ Chí Minh…), gender-and-century digit
// (0 man / 1 woman born 1900–1999), two digits of the birth year, six more digits (common/cccd.ts).
const ROWS = [
  ['Nguyễn Đức Thượng', 'Nam', '05/03/1985', '001085246810', 'Chính thức', '19/05/2010', '19/05/2011'],
  ['Trần Thị Hồng Nhung', 'Nữ', '11/11/1990', '079190135790', 'Chính thức', '03/02/2015', '03/02/2016'],
  ['Lê Minh Ánh', 'Nữ', '21/07/1998', '001198112233', 'Dự bị', '10/01/2025', ''],
  ['Phạm Quốc Bảo', 'Nam', '02/09/1978', '036078445566', 'Chính thức', '02/09/2000', '02/09/2001'],
];

/** The members template's columns (GET /api/v1/imports/templates/members), four rows, one sheet. */
async function membersXlsx(cellCode: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đảng viên');
  ws.addRow(['Họ và tên*', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Mã chi bộ*', 'Tình trạng', 'Ngày vào Đảng', 'Ngày chính thức']);
  for (const [name, gender, born, cccd, status, admitted, confirmed] of ROWS) {
    ws.addRow([name, gender, born, cccd, cellCode, status, admitted, confirmed]);
  }
  // Identifiers and dates stay text, as the template asks (leading zeros, dd/mm/yyyy).
  for (const c of [3, 4, 7, 8]) ws.getColumn(c).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('registry in the browser: import members, find one without diacritics', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs the first administrator in and creates a grassroots organisation with a cell', async () => {
    await signIn(page, server.url, server.admin.username, server.admin.password);
    await completeFirstSignIn(page, server.admin.password, NEW_PASSWORD);
    const found = await apiFromPage<{ items: { id: string; kind: string }[] }>(page, 'GET', '/api/v1/orgs/search?q=phuong');
    const commune = found.items.find((o) => o.kind === 'commune');
    expect(commune).toBeDefined();
    const grassroots = await apiFromPage<{ id: string }>(page, 'POST', '/api/v1/orgs', {
      parentId: commune?.id,
      ...GRASSROOTS,
      kind: 'grassroots',
      hasCommittee: true,
    });
    await apiFromPage(page, 'POST', '/api/v1/orgs', { parentId: grassroots.id, ...CELL, kind: 'cell' });
  }, 90_000);

  it('uploads an XLSX of members on the import page and sees it applied; the same file again changes nothing', async () => {
    const file = {
      name: 'dang-vien-kiem-thu.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await membersXlsx(CELL.code),
    };
    await page.getByTestId('app-menu').getByText('Nhập dữ liệu').click();
    await page.waitForURL((u) => u.pathname === '/nhap-du-lieu');
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(file);
    const result = page.getByTestId('import-result');
    await poll(() => result.getAttribute('data-status').catch(() => null)).toBe('applied');
    expect(await page.getByTestId('import-created').textContent()).toContain(String(ROWS.length));
    await poll(() => page.getByTestId('import-runs').textContent()).toContain('dang-vien-kiem-thu.xlsx');

    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(file);
    await poll(() => result.getAttribute('data-status').catch(() => null)).toBe('unchanged');
  }, 90_000);

  it('finds "Nguyễn Đức Thượng" by typing "nguyen duc thuong" and opens the profile', async () => {
    await page.getByTestId('app-menu').getByText('Đảng viên', { exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/dang-vien');
    await page.getByTestId('member-search').fill('nguyen duc thuong');
    const row = page.getByTestId('members-table').locator('tr', { hasText: CELL.name });
    await poll(() =>
      row
        .first()
        .textContent()
        .catch(() => ''),
    ).toContain('Nguyễn Đức Thượng');
    expect(await row.first().textContent()).toContain('05/03/1985');
    expect(await row.first().textContent()).toContain('••••••••6810');

    await row.first().getByTestId('member-link').click();
    await page.waitForURL((u) => u.pathname.startsWith('/dang-vien/'));
    await poll(() => page.locator('h2').first().textContent()).toBe('Nguyễn Đức Thượng');
    expect(await page.getByTestId('member-header').textContent()).toContain(CELL.name);
    expect(await page.getByTestId('member-details').textContent()).toContain('19/05/2010');
    await poll(() => page.getByTestId('member-timeline').textContent()).toContain(`Sinh hoạt tại ${CELL.name}`);
  }, 90_000);
});
