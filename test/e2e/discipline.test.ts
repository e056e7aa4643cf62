// Issue #5 point 7, in a real browser: a commune's UBKT leader opens a discipline matter against a
// member of an organisation below the commune, adds a violation, records the secret vote (7 official
// members, 6 present, 4 ballots for a warning → warning, more than half of the official members;
// Quy định 69-QĐ/TW), records the decision, generates the decision as DOCX and reads in it the member's
// name, the form, the number and the place-and-date line in the Party's format.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs, partyDateLine, shot, vietnamToday } from './documents.ts';
import { launchBrowser, type RunningServer, startServer } from './server-harness.ts';
import { apiFromPage, chooseOption, completeFirstSignIn, demoProvince, signIn, submitModal } from './steps.ts';

// Generous: CI runs the browser beside a busy database on two cores.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

interface Org {
  id: string;
  name: string;
  kind: string;
}
interface MemberItem {
  id: string;
  fullName: string;
  status: string;
  orgId: string;
  orgName: string;
}

/** The matter page's alerts, so that a refusal says why in the failure. */
const alerts = (page: Page) =>
  page
    .locator('.ant-alert-error, .ant-message-error')
    .allTextContents()
    .then((t) => t.join(' '));

describe('discipline in the browser: the vote, the decision and its DOCX', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let commune: Org;
  let member: MemberItem;
  let matterId = '';
  let provinceLeader = { username: '', password: '' };

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
    const { province, communes } = await demoProvince(admin);
    // A commune of the demo data with full members in organisations below it (server/src/seed/demo.ts).
    for (const c of communes) {
      const found = await apiFromPage<{ items: MemberItem[] }>(admin, 'GET', `/api/v1/members?orgId=${c.id}&status=full&pageSize=20`);
      const below = found.items.find((m) => m.orgId !== c.id);
      if (below) {
        commune = c;
        member = below;
        break;
      }
    }
    expect(member, 'no demo commune with a member below it').toBeDefined();
    const username = `kyluat.${Date.now() % 1_000_000}`;
    const created = await apiFromPage<{ oneTimePassword: string }>(admin, 'POST', '/api/v1/users', {
      username,
      fullName: 'Trần Văn Kỷ',
      roles: [{ role: 'ubkt_leader', orgId: commune.id }],
    });
    // The province's UBKT resolves complaints about the commune's decisions (the level above).
    provinceLeader = { username: `kyluat.tinh.${Date.now() % 1_000_000}`, password: '' };
    provinceLeader.password = (
      await apiFromPage<{ oneTimePassword: string }>(admin, 'POST', '/api/v1/users', {
        username: provinceLeader.username,
        fullName: 'Lê Thị Khiếu Nại',
        roles: [{ role: 'ubkt_leader', orgId: province.id }],
      })
    ).oneTimePassword;
    await admin.close();

    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    await signIn(page, server.url, username, created.oneTimePassword);
    await completeFirstSignIn(page, created.oneTimePassword, 'Ky-luat-nghiem-minh-Do-Luong-2026');
  }, 120_000);

  it('opens a matter directly on a court judgment and adds a violation in the page', async () => {
    const m = await apiFromPage<{ id: string; code: string }>(page, 'POST', '/api/v1/discipline/matters', {
      source: 'court',
      sourceRef: 'Bản án số 12/2026/HS-ST của Tòa án nhân dân khu vực 5',
      bodyOrgId: commune.id,
      bodyType: 'ubkt',
      subjectMemberId: member.id,
      subjectFacts: { probationary: false, holdsPost: false },
    });
    matterId = m.id;
    // The discipline menu is a group: open it when its pages are not shown yet.
    const item = page.getByTestId('app-menu').getByText('Xem xét, thi hành kỷ luật');
    if (!(await item.isVisible())) await page.getByTestId('app-menu').getByText('Kỷ luật', { exact: true }).click();
    await item.click();
    await page.waitForURL((u) => u.pathname === '/ky-luat');
    await poll(() => page.getByTestId('discipline-table').textContent()).toContain(member.fullName);
    await page.getByTestId('discipline-table').getByText(m.code).click();
    await page.waitForURL((u) => u.pathname === `/ky-luat/${matterId}`);
    await poll(() => page.getByTestId('matter-header').textContent()).toContain(member.fullName);

    await page.getByTestId('violation-add').click();
    await page.getByTestId('violation-date').click();
    await page.keyboard.type('01/06/2025');
    await page.keyboard.press('Enter');
    await page.getByTestId('violation-description').fill('Sử dụng xe công vào việc riêng trong nhiều tháng');
    await page.getByTestId('violation-rule').fill('Quy định 37-QĐ/TW về những điều đảng viên không được làm');
    await chooseOption(page, 'violation-form', 'Cảnh cáo');
    await submitModal(page, 'violation-submit');
    await poll(async () => `${await page.getByTestId('violation-table').textContent()} ${await alerts(page)}`).toContain('01/06/2025');
    // The limitation period of a warning-level violation: ten years, to the same calendar day.
    await poll(() => page.getByTestId('violation-limit-1').textContent()).toContain('01/06/2035');
  }, 90_000);

  it('records the vote: 7 official members, 6 present, 4 for a warning → warning', async () => {
    await page.getByTestId('meeting-record').click();
    await page.getByTestId('meeting-official').fill('7');
    await page.getByTestId('meeting-present').fill('6');
    await page.getByTestId('ballot-warning').fill('4');
    await submitModal(page, 'meeting-submit');
    await poll(
      async () =>
        `${await page
          .getByTestId('meeting-outcome')
          .textContent()
          .catch(() => '')} ${await alerts(page)}`,
    ).toContain('Cảnh cáo');
    await shot(page, 'discipline-meeting');
  }, 60_000);

  it('records the decision, generates the DOCX, downloads it and reads the name, form, number and date line', async () => {
    await page.getByTestId('decision-record').click();
    await submitModal(page, 'decision-submit');
    await poll(async () => `${await page.getByTestId('decision-card').count()} ${await alerts(page)}`).toMatch(/^1/);

    await page.getByTestId('decision-generate').click();
    await poll(() => page.getByTestId('decision-number').textContent()).toMatch(/^\d+-QĐ\/UBKTĐU$/);
    const number = ((await page.getByTestId('decision-number').textContent()) ?? '').trim();
    const download = page.getByTestId('decision-download');
    await poll(() => download.count()).toBe(1);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const chunks: Buffer[] = [];
    for await (const c of await file.createReadStream()) chunks.push(c as Buffer);
    const paragraphs = await docxParagraphs(Buffer.concat(chunks));
    const text = paragraphs.join('\n');

    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain(`Số ${number}`);
    expect(text).toContain(`về việc thi hành kỷ luật đối với đồng chí ${member.fullName}`);
    expect(text).toContain(`bằng hình thức CẢNH CÁO đối với đồng chí ${member.fullName}`);
    expect(text).toContain('có mặt 6; 4 phiếu cảnh cáo');
    const dateLine = paragraphs.find((p) => p.includes(partyDateLine(vietnamToday())));
    expect(dateLine, `no paragraph holds "${partyDateLine(vietnamToday())}"`).toBeDefined();
    expect(dateLine).toMatch(/^\S.*, ngày \d{2} tháng \d{1,2} năm \d{4}$/);
    await shot(page, 'discipline-decision');
  }, 90_000);

  it('records the announcement (the effect ends a year later) and publishes the result internally', async () => {
    await page.getByTestId('decision-announce').click();
    await submitModal(page, 'decision-announce-submit');
    await poll(() => page.getByTestId('decision-announce').count()).toBe(0);
    const { year, month, day } = vietnamToday();
    const pad = (n: number) => String(n).padStart(2, '0');
    // Quy định 69-QĐ/TW: one year after its announcement a warning ends its effect (domain.md §4).
    await poll(() => page.getByTestId('decision-card').textContent()).toContain(`${pad(day)}/${pad(month)}/${year + 1}`);
    await page.getByTestId('decision-publish').click();
    await poll(() => page.getByTestId('decision-publish').getAttribute('aria-checked')).toBe('true');
    const published = await apiFromPage<{ items: { subjectName: string }[] }>(page, 'GET', '/api/v1/discipline/published');
    expect(published.items.map((i) => i.subjectName)).toContain(member.fullName);
  }, 60_000);

  it('the province receives the member’s complaint, within a month of the announcement, and keeps the decision', async () => {
    const matter = await apiFromPage<{ decision: { id: string } }>(page, 'GET', `/api/v1/discipline/matters/${matterId}`);
    const province = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const p = await province.newPage();
    await signIn(p, server.url, provinceLeader.username, provinceLeader.password);
    await completeFirstSignIn(p, provinceLeader.password, 'Khieu-nai-dung-cap-Nghe-An-2026');
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const filed = await apiFromPage<{ id: string; status: string }>(p, 'POST', '/api/v1/discipline/complaints', {
      decisionId: matter.decision.id,
      complainantMemberId: member.id,
      complainantName: member.fullName,
      filedOn: today,
      decisionReceivedOn: today,
      content: 'Tôi không đồng ý với hình thức cảnh cáo vì vi phạm đã được khắc phục ngay khi phát hiện.',
    });
    // Điều lệ Đảng, Điều 39: within one month (30 working days) of the announcement, to the level above.
    expect(filed.status).toBe('accepted');
    await p.goto(`${server.url}/ky-luat/khieu-nai/${filed.id}`);
    await poll(() => p.getByTestId('complaint-resolver').textContent()).toContain('Nghệ An');
    await poll(() => p.getByTestId('complaint-pending-note').textContent()).toBeTruthy();
    await chooseOption(p, 'complaint-resolve-outcome', 'Giữ nguyên hình thức kỷ luật');
    await p.getByTestId('complaint-resolve-note').fill('Quyết định kỷ luật đúng quy định; giữ nguyên hình thức cảnh cáo.');
    await p.getByTestId('complaint-resolve-submit').click();
    await poll(() => p.getByTestId('complaint-status').textContent()).toContain('Đã giải quyết');
    await shot(p, 'discipline-complaint');
    await province.close();
  }, 90_000);
});
