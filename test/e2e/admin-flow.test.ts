// Issue #2 point 10, in a real browser: the first administrator signs in, sets a password, enrols
// 2FA with a code computed here, creates an auditor; the auditor signs in the same way and finds the
// audit entry of their own creation, then verifies the chain.
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, startServer } from './server-harness.ts';
import { chooseOption } from './steps.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  // A clean stop is part of the contract (SIGTERM: requests finish, the database closes).
  if (server) expect(await server.stop()).toBe(0);
});

const NEW_PASSWORD = 'Hoa-sen-nở-giữa-hồ-2026';

async function signInFirstTime(page: Page, username: string, oneTimePassword: string) {
  await page.goto(server.url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(oneTimePassword);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('new-password').waitFor();
  await page.getByTestId('current-password').fill(oneTimePassword);
  await page.getByTestId('new-password').fill(NEW_PASSWORD);
  await page.getByTestId('confirm-password').fill(NEW_PASSWORD);
  await page.getByTestId('password-submit').click();
  const secretEl = page.getByTestId('totp-secret');
  await secretEl.waitFor();
  expect(await page.getByTestId('totp-qr').isVisible()).toBe(true);
  const secret = ((await secretEl.textContent()) ?? '').replace(/\s+/g, '');
  await page.getByTestId('totp-code').fill(await generate({ secret }));
  await page.getByTestId('totp-confirm').click();
  const codes = page.getByTestId('recovery-codes');
  await codes.waitFor();
  expect((await codes.textContent())?.match(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/g)).toHaveLength(10);
  await page.getByTestId('recovery-codes-saved').click();
  await page.getByTestId('app-menu').waitFor();
}

describe('administration in the browser', () => {
  it('first sign-in, 2FA enrolment, creating an auditor who then sees the audit entry', async () => {
    const page = await browser.newPage();
    await signInFirstTime(page, server.admin.username, server.admin.password);
    await expect.poll(() => page.locator('body').textContent()).toContain('Kiểm tra, giám sát');

    await page.goto(`${server.url}/quan-tri/nguoi-dung`);
    await page.getByTestId('user-add').click();
    await page.getByTestId('user-username').fill('kiem.toan');
    await page.getByTestId('user-fullname').fill('Lê Thị Kiểm Toán');
    await chooseOption(page, 'user-role-0', 'Kiểm toán nhật ký');
    await chooseOption(page, 'user-role-org-0', 'Đô Lương', 'do luong');
    await page.getByTestId('user-form-submit').click();
    const otp = page.getByTestId('one-time-password');
    await otp.waitFor();
    const auditorPassword = ((await otp.textContent()) ?? '').trim();
    expect(auditorPassword).toMatch(/^[A-Za-z0-9]{16}$/);

    const auditorContext = await browser.newContext();
    const auditor = await auditorContext.newPage();
    await signInFirstTime(auditor, 'kiem.toan', auditorPassword);
    await auditor.goto(`${server.url}/quan-tri/nhat-ky`);
    const table = auditor.getByTestId('audit-table');
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain('Tạo người dùng');
    expect(await table.textContent()).toContain('quantri');
    await auditor.getByTestId('audit-verify').click();
    await expect.poll(() => auditor.getByTestId('audit-verify-result').textContent(), { timeout: 15_000 }).toContain('toàn vẹn');
  }, 180_000);
});
