// The web UI in headless Chromium against `ktgs serve`, beyond admin-flow.test.ts: the organisation
// tree (search, add, edit, stale edit refused), user maintenance (edit, password and 2FA resets),
// and signing in with a recovery code.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, startServer } from './server-harness.ts';
import { chooseOption, completeFirstSignIn, confirmDialog, signIn } from './steps.ts';

const NEW_PASSWORD = 'Mot-cau-mat-khau-dai-2025';
// A save is a round trip and a re-render: give the page more than expect.poll's default second.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

describe('web UI: organisations, users, recovery codes', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let recoveryCodes: string[] = [];
  const officer = { username: `can.bo.${Date.now() % 100_000}`, password: '' };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses a wrong password, then takes the first administrator through password and 2FA enrolment', async () => {
    await admin.goto(server.url);
    await admin.waitForURL((u) => u.pathname === '/dang-nhap');
    await admin.getByTestId('login-username').fill(server.admin.username);
    await admin.getByTestId('login-password').fill('khong-phai-mat-khau');
    await admin.getByTestId('login-submit').click();
    await poll(() => admin.getByTestId('login-error').textContent()).toBeTruthy();

    await signIn(admin, server.url, server.admin.username, server.admin.password);
    const first = await completeFirstSignIn(admin, server.admin.password, NEW_PASSWORD);
    expect(first.recoveryCodes).toHaveLength(10);
    recoveryCodes = first.recoveryCodes;
    await poll(() => admin.locator('h2').first().textContent()).toContain('Xin chào');
  }, 60_000);

  it('finds a commune without diacritics, adds a unit under it and edits it; a stale edit is refused', async () => {
    await admin.goto(`${server.url}/to-chuc`);
    await admin.getByTestId('org-tree').waitFor();
    await admin.getByTestId('org-search').fill('phuong');
    await admin.getByTestId('org-search-results').locator('button').first().click();
    await poll(() => admin.getByTestId('org-details').textContent()).toContain('Đảng bộ xã, phường, đặc khu');

    await admin.getByTestId('org-add-child').click();
    await admin.getByTestId('org-code').fill(`E2E_${Date.now() % 1_000_000}`);
    await admin.getByTestId('org-name').fill('Đảng bộ Trường Tiểu học Kiểm thử');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await poll(() => admin.getByTestId('org-details').textContent()).toContain('Đảng bộ Trường Tiểu học Kiểm thử');
    expect(await admin.getByTestId('org-details').textContent()).toContain('Tổ chức cơ sở đảng');

    await admin.getByTestId('org-edit').click();
    // Someone else saves the same unit first.
    await admin.evaluate(async () => {
      const csrf = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('ktgs_csrf='))
          ?.slice(10) ?? '',
      );
      const found = await (await fetch('/api/v1/orgs/search?q=kiem%20thu')).json();
      const org = found.items[0];
      await fetch(`/api/v1/orgs/${org.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ name: 'Đảng bộ Trường Tiểu học Kiểm thử (đã sửa)', version: org.version }),
      });
    });
    await admin.getByTestId('org-name').fill('Tên của tôi');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await poll(() => admin.getByTestId('org-form-error').textContent()).toContain('Bản ghi đã được người khác sửa. Vui lòng tải lại.');
    // The form now holds what the other person saved, with its new version.
    await poll(() => admin.getByTestId('org-name').inputValue()).toBe('Đảng bộ Trường Tiểu học Kiểm thử (đã sửa)');
    await admin.getByRole('button', { name: 'Hủy', exact: true }).click();
  }, 60_000);

  it('creates an officer who enrols 2FA; the administrator edits them and resets their password and 2FA', async () => {
    await admin.goto(`${server.url}/quan-tri/nguoi-dung`);
    await admin.getByTestId('user-add').click();
    await admin.getByTestId('user-username').fill(officer.username);
    await admin.getByTestId('user-fullname').fill('Phạm Văn Cán Bộ');
    await chooseOption(admin, 'user-role-0', 'Cán bộ Ủy ban Kiểm tra');
    await chooseOption(admin, 'user-role-org-0', 'Nghệ An', 'nghe an');
    await admin.getByTestId('user-form-submit').click();
    officer.password = (await admin.getByTestId('one-time-password').textContent()) ?? '';
    expect(officer.password.length).toBeGreaterThanOrEqual(12);
    await admin.getByRole('button', { name: 'Tôi đã lưu, đóng lại' }).click();

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, officer.username, officer.password);
    await completeFirstSignIn(page, officer.password, NEW_PASSWORD);
    await context.close();

    await admin.reload();
    const row = admin.getByTestId('users-table').locator('tr', { hasText: officer.username });
    await poll(() => row.textContent()).toContain('Đã bật');
    await admin.getByTestId(`user-edit-${officer.username}`).click();
    await chooseOption(admin, 'user-clearance', 'Tối mật');
    await admin.getByTestId('user-form-submit').click();
    await poll(() => row.textContent()).toContain('Tối mật');

    await admin.getByTestId(`user-reset-password-${officer.username}`).click();
    await confirmDialog(admin, 'Đặt lại mật khẩu');
    const fresh = (await admin.getByTestId('one-time-password').textContent()) ?? '';
    expect(fresh.length).toBeGreaterThanOrEqual(12);
    expect(fresh).not.toBe(officer.password);
    await admin.getByRole('button', { name: 'Tôi đã lưu, đóng lại' }).click();

    await admin.getByTestId(`user-reset-totp-${officer.username}`).click();
    await confirmDialog(admin, 'Đặt lại xác thực hai lớp');
    await poll(() => row.textContent()).toContain('Chưa bật');
  }, 90_000);

  it('signs the administrator out, and back in with a recovery code instead of the 6-digit code', async () => {
    await admin.goto(server.url);
    await admin.getByTestId('user-menu').click();
    await admin.getByText('Đăng xuất', { exact: true }).click();
    await admin.waitForURL((u) => u.pathname === '/dang-nhap');
    await signIn(admin, server.url, server.admin.username, NEW_PASSWORD);
    await admin.waitForURL((u) => u.pathname === '/xac-thuc-hai-lop');
    await admin.getByTestId('use-recovery-code').click();
    await admin.getByTestId('recovery-code-input').fill(recoveryCodes[0] ?? '');
    await admin.getByTestId('totp-submit').click();
    await admin.waitForURL((u) => u.pathname === '/');
  }, 60_000);
});
