// Walks the web UI like an administrator and saves screenshots of the main pages.
// Usage: BASE=http://localhost:3105 KTGS_USER=admin KTGS_PASSWORD=… OUT=/tmp/shots node test/e2e/screenshots.ts
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchBrowser } from './server-harness.ts';
import { completeFirstSignIn } from './steps.ts';

const BASE = process.env.BASE ?? 'http://localhost:3105';
const OUT = process.env.OUT ?? '/tmp/shots';
const USER = process.env.KTGS_USER ?? 'admin';
const PASSWORD = process.env.KTGS_PASSWORD ?? 'MotLan-123456';
const NEW_PASSWORD = 'Mat-khau-moi-rat-dai-2025';

await mkdir(OUT, { recursive: true });
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
const problems: string[] = [];
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
});
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

let n = 0;
async function shot(name: string, p: Page = page) {
  await p.waitForTimeout(400);
  n++;
  await p.screenshot({ path: `${OUT}/${String(n).padStart(2, '0')}-${name}.png`, fullPage: true });
  console.log('shot', name, p.url());
}

await page.goto(`${BASE}/`);
await page.getByTestId('login-username').waitFor();
await page.getByTestId('login-username').fill(USER);
await page.getByTestId('login-password').fill('sai-mat-khau');
await page.getByTestId('login-submit').click();
await page.getByTestId('login-error').waitFor();
await shot('login-error');
await page.getByTestId('login-password').fill(PASSWORD);
await page.getByTestId('login-submit').click();
await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));

await completeFirstSignIn(page, PASSWORD, NEW_PASSWORD, (name) => shot(name));
await page.waitForURL((u) => u.pathname === '/');
await shot('home');

await page.goto(`${BASE}/kiem-tra-giam-sat`);
await page.getByTestId('module-not-ready').waitFor();
await shot('module-not-ready');

await page.goto(`${BASE}/to-chuc`);
await page.getByTestId('org-tree').waitFor();
await page.locator('.ant-tree-treenode').nth(1).waitFor();
await page.locator('.ant-tree-switcher').nth(1).click();
await page.waitForTimeout(600);
await page.locator('.ant-tree-node-content-wrapper').nth(2).click();
await page.getByTestId('org-details').waitFor();
await shot('org-tree');
if (await page.getByTestId('org-edit').isVisible()) {
  await page.getByTestId('org-edit').click();
  await shot('org-edit');
  await page.keyboard.press('Escape');
}
await page.getByTestId('org-search').fill('hoan kiem');
await page.getByTestId('org-search-results').waitFor();
await page.waitForTimeout(600);
await shot('org-search');

await page.goto(`${BASE}/quan-tri/nguoi-dung`);
await page.getByTestId('users-table').waitFor();
await shot('users');
await page.getByTestId('user-add').click();
const auditor = `kiem.toan.${Date.now() % 100000}`;
await page.getByTestId('user-username').fill(auditor);
await page.getByTestId('user-fullname').fill('Lê Văn Cán Bộ');
await page.getByTestId('user-role-0').click();
await page.locator('.ant-select-item-option', { hasText: 'Kiểm toán nhật ký' }).click();
await page.waitForTimeout(400);
await page.getByTestId('user-role-org-0').click();
await page.locator('.ant-select-item-option:visible').first().click();
await shot('user-create');
await page.getByTestId('user-form-submit').click();
await page.getByTestId('one-time-password').waitFor();
const auditorPassword = (await page.getByTestId('one-time-password').textContent()) ?? '';
await shot('one-time-password');
await page.keyboard.press('Escape');

// An administrator does not read the audit log (permission audit.read): the new auditor does.
const auditContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
const auditPage = await auditContext.newPage();
await auditPage.goto(`${BASE}/dang-nhap`);
await auditPage.getByTestId('login-username').fill(auditor);
await auditPage.getByTestId('login-password').fill(auditorPassword);
await auditPage.getByTestId('login-submit').click();
await auditPage.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
await completeFirstSignIn(auditPage, auditorPassword, NEW_PASSWORD);
await auditPage.goto(`${BASE}/quan-tri/nhat-ky`);
await auditPage.getByTestId('audit-table').waitFor();
await auditPage.getByTestId('audit-verify').click();
await auditPage.getByTestId('audit-verify-result').locator('.ant-alert').waitFor();
await shot('audit', auditPage);

await page.goto(`${BASE}/tai-khoan/ma-truy-cap`);
await page.getByTestId('token-create').click();
await page.getByTestId('token-name').fill('Phần mềm báo cáo');
await page.getByRole('button', { name: 'Tạo mã', exact: true }).click();
await page.getByTestId('token-secret').waitFor();
await shot('token-created');
await page.keyboard.press('Escape');
await shot('tokens');

await page.goto(`${BASE}/tai-khoan/xac-thuc-hai-lop`);
await shot('totp-status');
await page.getByTestId('user-menu').click();
await shot('user-menu');

const small = await browser.newPage({ viewport: { width: 390, height: 800 }, locale: 'vi-VN' });
await small.goto(`${BASE}/dang-nhap`);
await small.getByTestId('login-username').waitFor();
await shot('login-mobile', small);

await browser.close();
console.log(problems.length ? `console problems:\n${problems.join('\n')}` : 'no console errors or warnings');
