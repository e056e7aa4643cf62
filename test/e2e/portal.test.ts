// Issue #6 points 2, 9 and 10, in a real browser on a phone's screen: a citizen opens the public portal
// (/cong-khai) without any account, sends a denunciation with a PDF, receives the receipt code and the
// secret (shown once, kept nowhere), follows the letter with both and sees it received; the commune's
// UBKT officer replies; following again, the citizen reads the reply, without the officer's name. A
// wrong secret shows a neutral message and nothing of the letter. The letter names its subject only as
// written: the officer ties it to the member of the commune's registry (screening cannot find the competent
// body from a name, domain.md §5) and screens it.
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG_KIND_LABELS } from '../../common/orgs.ts';
import { shot } from './documents.ts';
import { launchBrowser, type RunningServer, startServer } from './server-harness.ts';
import { apiFromPage, chooseOption, completeFirstSignIn, demoProvince, signIn, submitModal } from './steps.ts';

// Generous: CI runs the browser beside a busy database on two cores.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

interface PortalBody {
  id: string;
  name: string;
  level: string;
}
interface OrgPost {
  code: string;
  title: string;
  memberId: string;
  fullName: string;
}

/** A small but well-formed one-page PDF (objects, cross-reference table, trailer), as a scanner makes. */
function smallPdf(text: string): Buffer {
  const content = `BT /F1 14 Tf 24 120 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Another well-formed receipt code (Luhn check digit), differing from `code` in its first group. */
function otherCode(code: string): string {
  const digits = code.replace(/\D/g, '');
  const body = `${digits[0] === '9' ? '1' : '9'}${digits.slice(1, 15)}`;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    let d = Number(body[14 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** What the page keeps where it outlives the page: storage, the address bar and the history entry. */
const kept = (page: Page) =>
  page.evaluate(() =>
    JSON.stringify([{ ...localStorage }, { ...sessionStorage }, window.history.state, window.location.href, document.cookie]),
  );

describe('the public portal on a phone: submit with an attachment, follow, read the reply', () => {
  let server: RunningServer;
  let browser: Browser;
  let citizen: BrowserContext;
  let page: Page;
  let officerPage: Page;
  let body: PortalBody;
  /** A member of the commune's party committee, whom the commune manages: the letter is about them. */
  let subject: OrgPost;
  const officerName = 'Phạm Thị Tiếp Dân';
  const title = `Tố cáo giao đất công ích trái phép tại thôn Trung ${Date.now() % 100_000}`;
  let code = '';
  let secret = '';

  beforeAll(async () => {
    // A light proof-of-work: the test exercises the page's solver, not the phone's patience.
    process.env.KTGS_PORTAL_POW_DIFFICULTY = '10';
    server = await startServer();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the administrator gives the commune UBKT an officer; the officer signs in with 2FA', async () => {
    // The bodies of the demo province (searched by the name of the body above them).
    const res = await fetch(`${server.url}/api/v1/portal/bodies?q=${encodeURIComponent('nghe an')}`);
    expect(res.status, 'GET /api/v1/portal/bodies').toBe(200);
    const bodies = ((await res.json()) as { items: PortalBody[] }).items;

    const admin = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(admin, server.url, server.admin.username, server.admin.password);
    await completeFirstSignIn(admin, server.admin.password, 'Song-Lam-xanh-trong-2026');
    // A commune's UBKT (the level that handles most letters; `level` starts with the kind's label), one of the
    // demo province, whose communes have committee members their own committee manages
    // (server/src/seed/demo-plan.ts): the letter is about one of them.
    const { communes } = await demoProvince(admin);
    const candidates = bodies.filter((b) => b.level.startsWith(ORG_KIND_LABELS.commune) && communes.some((c) => c.id === b.id));
    for (const b of candidates) {
      const posts = (await apiFromPage<{ items: OrgPost[] }>(admin, 'GET', `/api/v1/orgs/${b.id}/posts`)).items;
      const member = posts.find((p) => p.code === 'committee_member');
      if (member) {
        body = b;
        subject = member;
        break;
      }
    }
    expect(body, `no demo commune with a committee member among the bodies: ${bodies.map((b) => b.level).join(', ')}`).toBeDefined();
    const username = `tiepdan.${Date.now() % 1_000_000}`;
    const created = await apiFromPage<{ oneTimePassword: string }>(admin, 'POST', '/api/v1/users', {
      username,
      fullName: officerName,
      roles: [{ role: 'ubkt_officer', orgId: body.id }],
    });
    await admin.close();
    officerPage = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(officerPage, server.url, username, created.oneTimePassword);
    await completeFirstSignIn(officerPage, created.oneTimePassword, 'Tiep-nhan-don-thu-Nghe-An-2026');
  }, 120_000);

  it('a citizen on a phone sends a denunciation with a PDF and receives the code and the secret', async () => {
    citizen = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    page = await citizen.newPage();
    await page.goto(`${server.url}/cong-khai`);
    await page.getByTestId('portal-submit-link').click();
    await page.waitForURL((u) => u.pathname === '/cong-khai/gui-don');

    await page.getByTestId('portal-kind-denunciation').click();
    await chooseOption(page, 'portal-body', body.name, body.name);
    // The citizen knows the name, not the registry: the letter carries the name only.
    await page.getByTestId('portal-subject-name').fill(subject.fullName);
    await page.getByTestId('portal-subject-position').fill('Trưởng phòng Kinh tế xã');
    await page.getByTestId('portal-title').fill(title);
    await page
      .getByTestId('portal-content')
      .fill(
        `Tháng 3 năm 2026, ${subject.fullName} ký quyết định giao 500 m² đất công ích tại thôn Trung cho em vợ mà không qua đấu giá. Nhiều hộ trong thôn biết việc này; tôi gửi kèm bản chụp quyết định.`,
      );
    await page.getByTestId('portal-files-input').setInputFiles([
      { name: 'quyet-dinh-giao-dat.pdf', mimeType: 'application/pdf', buffer: smallPdf('Quyet dinh giao dat so 45') },
      { name: 'cai-dat.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00') },
    ]);
    // A file the portal does not take is marked before anything is sent, and sending waits until it goes.
    await poll(() => page.getByTestId('portal-files-file-1').textContent()).toContain('Loại tệp không được nhận');
    await page.getByTestId('portal-submit').click();
    await poll(() => page.getByTestId('portal-submit-error').textContent()).toContain('tệp đính kèm chưa hợp lệ');
    await page.getByRole('button', { name: 'Bỏ tệp cai-dat.exe' }).click();
    await poll(() => page.getByTestId('portal-files-list').textContent()).not.toContain('cai-dat.exe');
    await poll(() => page.getByTestId('portal-files-list').textContent()).toContain('quyet-dinh-giao-dat.pdf');
    await page.getByTestId('portal-identity-named').click();
    await page.getByTestId('portal-sender-name').fill('Trần Thị Hoa');
    await page.getByTestId('portal-sender-address').fill('Xóm 2, thôn Trung, xã Đô Lương, tỉnh Nghệ An');
    await page.getByTestId('portal-sender-phone').fill('0912 345 678');
    await shot(page, 'portal-form');

    await page.getByTestId('portal-submit').click();
    await page.getByTestId('receipt-code').waitFor({ timeout: 60_000 });
    code = ((await page.getByTestId('receipt-code').textContent()) ?? '').trim();
    secret = ((await page.getByTestId('receipt-secret').textContent()) ?? '').trim();
    expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(secret).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}-[0-9A-Z]$/);
    expect(await page.getByTestId('portal-receipt-info').textContent()).toMatch(/ngày \d{1,2} tháng \d{1,2} năm \d{4}/);
    await shot(page, 'portal-receipt');
    // Shown once and kept nowhere: not in storage, not in the address, not in the history entry.
    const trace = await kept(page);
    expect(trace).not.toContain(secret);
    expect(trace).not.toContain(code.replace(/ /g, ''));
    expect(trace).not.toContain(code);
    // Moving on needs the citizen to say the codes are saved.
    await expect(page.getByTestId('receipt-follow').isDisabled()).resolves.toBe(true);
    await page.getByTestId('receipt-saved').click();
    await page.getByTestId('receipt-follow').click();
    await page.waitForURL((u) => u.pathname === '/cong-khai/theo-doi');
  }, 120_000);

  it('follows the letter with the code and the secret: received, with its attachment', async () => {
    await page.getByTestId('follow-code').fill(code);
    await page.getByTestId('follow-secret').fill(secret);
    await page.getByTestId('follow-submit').click();
    await poll(() => page.getByTestId('portal-status-label').textContent()).toBe('Đã tiếp nhận');
    const details = (await page.getByTestId('portal-status-details').textContent()) ?? '';
    expect(details).toContain(title);
    expect(details).toContain(body.name);
    expect(details).toMatch(/ngày \d{1,2} tháng \d{1,2} năm \d{4}/);
    // The attachment comes back as a download, never opened in the page.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /quyet-dinh-giao-dat\.pdf/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('quyet-dinh-giao-dat.pdf');
    const saved = await download.path();
    expect(fs.readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await kept(page)).not.toContain(secret);
    await shot(page, 'portal-status');
  }, 90_000);

  it('the officer replies through the API and the citizen, following again, reads the reply', async () => {
    const found = await apiFromPage<{ items: { id: string; title: string; fromPortal: boolean }[] }>(
      officerPage,
      'GET',
      `/api/v1/petitions?q=${encodeURIComponent(title)}`,
    );
    const petition = found.items.find((p) => p.title === title);
    expect(petition, 'the portal letter in the officer list').toBeDefined();
    expect(petition?.fromPortal).toBe(true);
    const reply = 'Ủy ban kiểm tra đã nhận đơn và đang xác minh. Đề nghị bà cung cấp thêm tên người làm chứng nếu có.';
    await apiFromPage(officerPage, 'POST', `/api/v1/petitions/${petition?.id}/messages`, { body: reply });

    await page.getByTestId('follow-refresh').click();
    await poll(() => page.getByTestId('portal-messages').textContent()).toContain(reply);
    await expect(page.getByTestId('portal-message-officer').first().textContent()).resolves.toContain('Cán bộ giải quyết đơn');
    // The portal never names the officer.
    expect(await page.locator('body').textContent()).not.toContain(officerName);

    // The citizen answers in the thread.
    await page.getByTestId('portal-reply-body').fill('Người làm chứng là ông Lê Văn Nam, trưởng thôn Trung.');
    await page.getByTestId('portal-reply-send').click();
    await poll(() => page.getByTestId('portal-messages').textContent()).toContain('ông Lê Văn Nam');
    await shot(page, 'portal-reply');

    // "Thoát" forgets both codes: the empty form again.
    await page.getByTestId('follow-exit').click();
    await page.getByTestId('follow-form').waitFor();
    await expect(page.getByTestId('follow-code').inputValue()).resolves.toBe('');
    await expect(page.getByTestId('follow-secret').inputValue()).resolves.toBe('');
    expect(await page.getByTestId('portal-status').count()).toBe(0);
  }, 120_000);

  it('a wrong secret shows a neutral message and nothing of the letter, the same as a wrong code', async () => {
    const lookUp = async (c: string, sec: string): Promise<string> => {
      for (let attempt = 1; ; attempt++) {
        // A fresh page each time, so that the message read is this look-up's own.
        await page.goto(`${server.url}/cong-khai/theo-doi`);
        await page.getByTestId('follow-code').fill(c);
        await page.getByTestId('follow-secret').fill(sec);
        await page.getByTestId('follow-submit').click();
        await page.getByTestId('follow-error').waitFor({ timeout: 30_000 });
        const m = ((await page.getByTestId('follow-error').textContent()) ?? '').trim();
        // A failed look-up slows the next one down (the throttle's growing delay): wait it out as a person would.
        const slowed = ((await page.getByTestId('follow-submit').textContent()) ?? '').includes('chờ');
        if (!slowed || attempt === 4) return m;
        await poll(() => page.getByTestId('follow-submit').textContent()).not.toContain('chờ');
      }
    };
    const wrongSecret = await lookUp(code, `${secret.slice(0, -1)}${secret.endsWith('Z') ? 'Y' : 'Z'}`);
    expect(wrongSecret.length).toBeGreaterThan(0);
    expect(await page.getByTestId('portal-status').count()).toBe(0);
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).not.toContain(title);
    expect(text).not.toContain(subject.fullName);
    await shot(page, 'portal-wrong-secret');
    // Neutral: a code that exists with a wrong secret reads exactly like a code that does not exist.
    const wrongCode = await lookUp(otherCode(code), secret);
    expect(wrongCode).toBe(wrongSecret);
    expect(await page.getByTestId('portal-status').count()).toBe(0);
  }, 120_000);

  it('the officer ties the letter, which names its subject only, to the member of the registry, then screens it', async () => {
    const o = officerPage;
    const errors = () =>
      o
        .locator('.ant-alert-error, .ant-message-error')
        .allTextContents()
        .then((t) => t.join(' '));
    const outcome = (testId: string) => async () =>
      `${await o
        .getByTestId(testId)
        .textContent()
        .catch(() => '')} ${await errors()}`;
    const found = await apiFromPage<{ items: { id: string; code: string; title: string }[] }>(
      o,
      'GET',
      `/api/v1/petitions?q=${encodeURIComponent(title)}`,
    );
    const letter = found.items.find((p) => p.title === title) as { id: string; code: string };
    await o.goto(`${server.url}/don-thu`);
    await o.getByTestId(`petition-row-${letter.code}`).getByRole('link', { name: letter.code }).click();
    await o.waitForURL((u) => u.pathname === `/don-thu/${letter.id}`);

    // A name is not enough to find the competent body (domain.md §5): the page says so next to the name…
    const prompt = o.getByTestId('petition-subject-prompt');
    await poll(() => prompt.textContent().catch(() => '')).toContain(
      `Chỉ có tên: ${subject.fullName} — xác định đảng viên hoặc tổ chức đảng trong cơ sở dữ liệu để phân loại`,
    );
    // …and the screening rule, given every other answer, cannot decide.
    await o.getByTestId('screening-specific').getByText('Có', { exact: true }).click();
    await o.getByTestId('screening-verifiable').getByText('Có', { exact: true }).click();
    await poll(outcome('screening-preview-outcome')).toContain('Cần xác định cấp có thẩm quyền');
    await prompt.scrollIntoViewIfNeeded();
    await shot(o, 'petition-subject-prompt', false);

    // The officer opens the choice: the members named as in the letter are listed at once.
    await prompt.getByTestId('subject-open').click();
    const suggestion = o.getByTestId(`subject-suggestion-${subject.memberId}`);
    await poll(() => suggestion.textContent().catch(() => '')).toContain(subject.fullName);
    await suggestion.click();
    await poll(() => o.getByTestId('subject-member').textContent()).toContain(subject.fullName);
    await shot(o, 'petition-subject-modal', false);
    await submitModal(o, 'subject-submit');

    await poll(() => o.getByTestId('petition-subject').textContent()).toBe(subject.fullName);
    expect(await o.getByTestId('petition-subject').getByRole('link').getAttribute('href')).toBe(`/dang-vien/${subject.memberId}`);
    await poll(() => prompt.count()).toBe(0);
    expect(await o.getByTestId('subject-change').count()).toBe(1);
    await shot(o, 'petition-subject-tied', false);
    // The answers stay; the rule now knows whose committee manages the member: the commune's, which received it.
    await poll(outcome('screening-preview-outcome')).toContain('Thụ lý giải quyết');
    expect(await o.getByTestId('screening-preview-outcome').textContent()).not.toContain('Cần xác định cấp có thẩm quyền');
    expect(await o.getByTestId('screening-preview-ground').textContent()).toBe('Thuộc thẩm quyền, đủ điều kiện giải quyết');
    await o.getByTestId('screening-submit').click();
    await poll(outcome('screening-result-outcome')).toContain('Thụ lý giải quyết');
    await poll(() => o.locator('[data-testid=petition-status]').first().textContent()).toBe('Đã thụ lý');
    // Once screened, the subject is settled: no control to change it any more.
    expect(await o.getByTestId('subject-change').count()).toBe(0);
    await shot(o, 'petition-subject-screened');
  }, 120_000);
});
