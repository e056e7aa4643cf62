// What a person does in the web UI, shared by the end-to-end tests and the screenshot walk.

import { generate } from 'otplib';
import type { Page } from 'playwright-core';

export async function signIn(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/dang-nhap`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
}

export interface FirstSignIn {
  totpSecret: string | null;
  recoveryCodes: string[];
}

/** The steps the server asks for at a first sign-in: a new password, then 2FA enrolment. */
export async function completeFirstSignIn(
  page: Page,
  oneTimePassword: string,
  newPassword: string,
  shot: (name: string) => Promise<void> = async () => {},
): Promise<FirstSignIn> {
  const out: FirstSignIn = { totpSecret: null, recoveryCodes: [] };
  if (page.url().includes('/doi-mat-khau')) {
    await shot('password-change');
    await page.getByTestId('current-password').fill(oneTimePassword);
    await page.getByTestId('new-password').fill(newPassword);
    await page.getByTestId('confirm-password').fill(newPassword);
    await page.getByTestId('password-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/doi-mat-khau'));
  }
  if (page.url().includes('/xac-thuc-hai-lop/dang-ky')) {
    await page.getByTestId('totp-qr').waitFor();
    out.totpSecret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    await shot('totp-enrol');
    await page.getByTestId('totp-code').fill(await generate({ secret: out.totpSecret }));
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('recovery-codes').waitFor();
    out.recoveryCodes = (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map((s) => s.trim());
    await shot('recovery-codes');
    await page.getByTestId('recovery-codes-saved').click();
  }
  await page.waitForURL((u) => u.pathname === '/');
  return out;
}

/**
 * Clicks a confirmation dialog's button and waits for the dialog to go; a click lost while the dialog was
 * still opening (seen under load) is repeated. A dialog whose action is running ignores a second click.
 */
export async function confirmDialog(page: Page, button: string): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm');
  await dialog.getByRole('button', { name: button }).click();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch {
      await dialog
        .getByRole('button', { name: button })
        .click({ timeout: 2_000 })
        .catch(() => undefined);
    }
  }
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
}

export interface DemoOrg {
  id: string;
  name: string;
  kind: string;
  code: string;
}

/** The demo province (Nghệ An, server/src/seed/demo.ts) and the organisations directly under it, read as the signed-in user. */
export async function demoProvince(page: Page): Promise<{ province: DemoOrg; communes: DemoOrg[] }> {
  const found = await apiFromPage<{ items: DemoOrg[] }>(page, 'GET', '/api/v1/orgs/search?q=nghe%20an');
  const province = found.items.find((o) => o.kind === 'province') as DemoOrg;
  const children = await apiFromPage<{ items: DemoOrg[] }>(page, 'GET', `/api/v1/orgs?parentId=${province.id}`);
  return { province, communes: children.items.filter((o) => o.kind === 'commune') };
}

/** A write through the signed-in page, as the web client sends it (cookie and CSRF header). */
export function apiFromPage<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([m, p, b]) => {
      const csrf = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('ktgs_csrf='))
          ?.slice('ktgs_csrf='.length) ?? '',
      );
      const res = await fetch(p as string, {
        method: m as string,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      const data = await res.json();
      if (!res.ok) throw new Error(`${m} ${p}: ${res.status} ${JSON.stringify(data)}`);
      return data;
    },
    [method, path, body] as const,
  ) as Promise<T>;
}

/**
 * Chooses the option titled `title` in the antd select with this test id (typing `typed` first for a
 * searching select), and makes sure it took: on a busy machine a click can land while the list is still
 * opening, and an open list covers the buttons beneath it.
 */
export async function chooseOption(page: Page, testId: string, title: string, typed?: string): Promise<void> {
  const select = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (typed) await page.keyboard.type(typed);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: title }).first();
    await option.waitFor({ timeout: 15_000 });
    await option.click();
    const closed = await page
      .locator('.ant-select-dropdown:visible')
      .waitFor({ state: 'hidden', timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (!closed) await page.keyboard.press('Escape');
    if (((await select.textContent()) ?? '').includes(title)) return;
    if (attempt === 3) throw new Error(`"${title}" could not be chosen in ${testId}`);
  }
}

/**
 * Clicks a modal form's OK button and waits for the modal to close. On a busy machine a click can land
 * before the form is ready and be lost: it is repeated (a form already saving ignores it, its button
 * shows loading). A refusal or a field the form marks ends the wait with its text.
 */
export async function submitModal(page: Page, testId: string): Promise<void> {
  const submit = page.getByTestId(testId);
  for (let attempt = 1; attempt <= 3; attempt++) {
    await submit.click();
    const closed = await submit.waitFor({ state: 'detached', timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (closed) return;
    const problems = await page.locator('.ant-modal .ant-alert-error, .ant-modal .ant-form-item-explain-error').allTextContents();
    if (problems.length > 0) throw new Error(`${testId}: ${problems.join(' | ')}`);
  }
  throw new Error(`${testId}: the form did not close`);
}
