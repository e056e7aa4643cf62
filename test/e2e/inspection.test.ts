// Issue #4 point 10, in a real browser: a commune's UBKT leader plans an inspection in the year's
// programme, approves it, opens its case from the plan item, runs it step by step to the conclusion
// notice, downloads the notice as DOCX and finds in its text the case number, the subject and the
// place-and-date line in the Party's format; then closes the case.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs, partyDateLine, shot, vietnamToday } from './documents.ts';
import { launchBrowser, type RunningServer, startServer } from './server-harness.ts';
import { apiFromPage, chooseOption, completeFirstSignIn, demoProvince, signIn, submitModal } from './steps.ts';

// Generous: CI runs the browser beside a busy database on two cores.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });
const KTGS_DUTY = 'Kiểm tra tổ chức đảng cấp dưới thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng';

interface Org {
  id: string;
  name: string;
  kind: string;
  code: string;
}

describe('inspection in the browser: plan an item, run its case, download the conclusion notice', () => {
  let server: RunningServer;
  let browser: Browser;
  let leaderContext: BrowserContext;
  let page: Page;
  let commune: Org;
  let subject: Org;
  let caseCode = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the administrator gives a commune UBKT leader an account; the leader signs in with 2FA', async () => {
    const admin = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(admin, server.url, server.admin.username, server.admin.password);
    await completeFirstSignIn(admin, server.admin.password, 'Song-Lam-xanh-trong-2026');
    // The demo province's first communes hold organisations below them (server/src/seed/demo.ts).
    const { communes } = await demoProvince(admin);
    for (const c of communes) {
      const below = (await apiFromPage<{ items: Org[] }>(admin, 'GET', `/api/v1/orgs?parentId=${c.id}`)).items;
      const grassroots = below.find((o) => o.kind === 'grassroots');
      if (grassroots) {
        commune = c;
        subject = grassroots;
        break;
      }
    }
    expect(subject).toBeDefined();
    const username = `ubkt.${Date.now() % 1_000_000}`;
    const created = await apiFromPage<{ oneTimePassword: string }>(admin, 'POST', '/api/v1/users', {
      username,
      fullName: 'Hoàng Văn Kiểm',
      roles: [{ role: 'ubkt_leader', orgId: commune.id }],
    });
    await admin.close();

    leaderContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page = await leaderContext.newPage();
    await signIn(page, server.url, username, created.oneTimePassword);
    await completeFirstSignIn(page, created.oneTimePassword, 'Kiem-tra-giam-sat-Do-Luong-2026');
  }, 120_000);

  it('plans an inspection of a subordinate organisation in the year programme and approves it', async () => {
    const { year } = vietnamToday();
    await page.getByTestId('app-menu').getByText('Chương trình, kế hoạch').click();
    await page.waitForURL((u) => u.pathname === '/kiem-tra-giam-sat/chuong-trinh');
    await page.getByTestId('programme-create').click();
    await poll(() => page.getByTestId('programme-org').textContent()).toContain(commune.name);
    await page.getByTestId('programme-title').fill(`Chương trình kiểm tra, giám sát năm ${year} của Ủy ban Kiểm tra`);
    await submitModal(page, 'programme-save');
    await page.waitForURL(/\/kiem-tra-giam-sat\/chuong-trinh\/[0-9a-f-]{36}$/);

    await page.getByTestId('item-add').click();
    await chooseOption(page, 'item-kind', KTGS_DUTY);
    await chooseOption(page, 'item-subject-org', subject.name, subject.name);
    await page.getByTestId('item-topic').fill('Việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng năm nay');
    await submitModal(page, 'item-save');
    await poll(() => page.getByTestId('programme-items').textContent()).toContain(subject.name);

    await page.getByTestId('programme-approve').click();
    await page.getByTestId('programme-decision-no').fill('01-QĐ/UBKTĐU');
    await submitModal(page, 'programme-approve-confirm');
    // The status, or the refusal the page shows (so that a failure says why).
    const statusOrRefusal = async () =>
      `${await page.getByTestId('programme-status').textContent()} ${await page
        .locator('.ant-alert-error')
        .allTextContents()
        .then((t) => t.join(' '))}`;
    await poll(statusOrRefusal).toContain('Đã phê duyệt');
    await shot(page, 'inspection-programme');
  }, 90_000);

  it('opens the case from the plan item and runs it step by step to the conclusion notice', async () => {
    await page.getByTestId('item-open-case-1').click();
    await page.waitForURL(/\/kiem-tra-giam-sat\/cuoc\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop() as string;
    await poll(() => page.getByTestId('case-subject').textContent()).toContain(subject.name);
    caseCode = ((await page.getByTestId('case-code').textContent()) ?? '').trim();
    expect(caseCode).toMatch(/\d+\/\d{4}\//);

    await page.getByTestId('case-decision').click();
    await submitModal(page, 'case-decision-submit');
    await poll(() => page.getByTestId('case-decision-submit').count()).toBe(0);
    // The team: its leader, named; the subject and the subject's relatives could not sit (tested by the API suite).
    const detail = await apiFromPage<{ version: number }>(page, 'GET', `/api/v1/cases/${caseId}`);
    await apiFromPage(page, 'POST', `/api/v1/cases/${caseId}/team`, {
      fullName: 'Nguyễn Thị Thanh Tra',
      position: 'Phó Chủ nhiệm Ủy ban Kiểm tra',
      role: 'leader',
      version: detail.version,
    });
    await page.reload();

    for (const step of ['handover', 'self_report', 'verification', 'results_report', 'conclusion']) {
      const next = page.getByTestId(`case-advance-${step}`);
      await poll(() => next.isEnabled().catch(() => false)).toBe(true);
      await next.click();
      await submitModal(page, 'case-advance-submit');
      await poll(() => page.getByTestId(`case-advance-${step}`).count()).toBe(0);
    }

    await page.getByTestId('case-conclusion').click();
    await page
      .getByTestId('conclusion-findings')
      .fill('Tổ chức đảng đã thực hiện đầy đủ nhiệm vụ kiểm tra, giám sát theo chương trình; không phát hiện vi phạm.');
    await submitModal(page, 'conclusion-submit');
    await poll(() =>
      page
        .getByTestId('case-conclusion-view')
        .textContent()
        .catch(() => ''),
    ).toContain('không có vi phạm');

    await page.getByTestId('case-advance-notice').click();
    await submitModal(page, 'case-advance-submit');
    await poll(() => page.getByTestId('case-advance-closed').count()).toBe(1);
    await shot(page, 'inspection-case');
  }, 120_000);

  it('generates the conclusion notice, downloads it, and reads the case number, the subject and the date line', async () => {
    await page.getByTestId('doc-generate-conclusion_notice').click();
    const download = page.getByTestId('doc-download-conclusion_notice').first();
    await poll(() => download.count()).toBe(1);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const paragraphs = await docxParagraphs(Buffer.concat(chunks));
    const text = paragraphs.join('\n');

    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toMatch(/Số \d+-TB\//);
    expect(text).toContain(caseCode);
    expect(text).toContain(subject.name);
    const dateLine = paragraphs.find((p) => p.includes(partyDateLine(vietnamToday())));
    expect(dateLine, `no paragraph holds "${partyDateLine(vietnamToday())}"`).toBeDefined();
    // The place comes first: "<địa danh>, ngày … tháng … năm …".
    expect(dateLine).toMatch(/^\S.*, ngày \d{2} tháng \d{1,2} năm \d{4}$/);
  }, 90_000);

  it('closes the case: no requirement was set, so nothing is left to remediate', async () => {
    await page.getByTestId('case-advance-closed').click();
    await submitModal(page, 'case-advance-submit');
    // The status, or the refusal the form shows (so that a failure says why).
    await poll(
      async () =>
        `${await page.getByTestId('case-status').first().textContent()} ${await page
          .locator('.ant-alert-error, .ant-message-error')
          .allTextContents()
          .then((t) => t.join(' '))}`,
    ).toContain('Đã kết thúc');
  }, 60_000);

  it('counts the organisation as inspected this year on the dashboard (domain.md §7)', async () => {
    const { year } = vietnamToday();
    await page.getByTestId('app-menu').getByText('Bảng điều hành').click();
    await page.waitForURL((u) => u.pathname === '/kiem-tra-giam-sat');
    const d = await apiFromPage<{ coverage: { orgsCovered: { numerator: number; denominator: number } }; cases: { total: number } }>(
      page,
      'GET',
      `/api/v1/inspection/dashboard?orgId=${commune.id}&year=${year}`,
    );
    expect(d.coverage.orgsCovered.numerator).toBe(1);
    expect(d.cases.total).toBe(1);
    const share = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(
      Math.round((1000 * d.coverage.orgsCovered.numerator) / d.coverage.orgsCovered.denominator) / 10,
    );
    await poll(() => page.getByTestId('figure-orgs').textContent()).toContain(share);
    await page.getByTestId('chart-coverage').locator('canvas, svg').first().waitFor();
    await shot(page, 'inspection-dashboard', false);
  }, 60_000);
});
