// Issue #4 point 6: committee members' regular supervision (Quy định 296-QĐ/TW; domain.md §7): areas
// and fields assigned to each committee member, six-month and yearly reports sent in the app, missing
// reports listed for the UBKT, which compiles them for the standing committee.
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { supervisionClock } from '../../server/src/modules/supervision/supervision.clock.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session, type TestUser } from '../helpers/factories.ts';

let ctx: TestDb;
let app: FastifyInstance;
let officer: Session;
let otherProvince: Session;
let memberA: TestUser;
let memberB: TestUser;
let sessionA: Session;
let sessionB: Session;
let commune: { id: string; path: string };
let cell: string;
let areaA: { id: string; version: number };
let areaB: { id: string; version: number };
let reportA: { id: string; version: number };

const realNow = supervisionClock.now;
/** Stands the supervision rules on a given Việt Nam day (10:00 local time). */
const onDay = (day: string) => {
  supervisionClock.now = () => new Date(`${day}T03:00:00Z`);
};

const REPORT = {
  year: 2026,
  period: 'half',
  content: 'Dự sinh hoạt chi bộ Xóm 1 và Xóm 2 hằng tháng; theo dõi việc thực hiện nghị quyết về đất đai của xã.',
  findings: 'Chi bộ Xóm 1 sinh hoạt đều.\nChi bộ Xóm 2 chậm triển khai nghị quyết.',
  proposals: 'Đề nghị Đảng ủy nhắc nhở Chi bộ Xóm 2.',
  signsOfViolation: false,
  version: 0,
};

const get = (url: string, as: Session) => app.inject({ method: 'GET', url, headers: as.headers });
const post = (url: string, as: Session, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url, headers: as.headers, payload });
const status = (as: Session = officer) => get(`/api/v1/supervision-reports?orgId=${commune.id}&year=2026&period=half`, as);

async function addCell(code: string, name: string) {
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const r = await tx
      .insertInto('org_unit')
      .values({
        parent_id: commune.id,
        code,
        name,
        kind: 'grassroots',
        path: `${commune.path}.${code}`,
        province_code: '40',
        valid_from: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  });
}

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  commune = await orgByCode(ctx, 'X17662');
  cell = await addCell('SV_CB01', 'Chi bộ Xóm 1');
  officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true }));
  otherProvince = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'T01' }], totp: true }));
  memberA = await createUser(ctx, { roles: [{ role: 'committee_member', orgCode: 'X17662' }] });
  memberB = await createUser(ctx, { roles: [{ role: 'committee_member', orgCode: 'X17662' }] });
  sessionA = await login(app, memberA);
  sessionB = await login(app, memberB);
});
afterEach(() => {
  supervisionClock.now = realNow;
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('assigning areas and fields to committee members', () => {
  it('the UBKT assigns each committee member an area, fields and organisations of the commune; audited', async () => {
    const candidates = await get(`/api/v1/supervision-areas/candidates?orgId=${commune.id}`, officer);
    expect(
      candidates
        .json()
        .items.map((c: { userId: string }) => c.userId)
        .sort(),
    ).toEqual([memberA.id, memberB.id].sort());
    const a = await post('/api/v1/supervision-areas', officer, {
      bodyOrgId: commune.id,
      userId: memberA.id,
      holderName: 'Nguyễn Văn Hùng',
      area: 'Các chi bộ Xóm 1 đến Xóm 5',
      fields: ['Công tác cán bộ', 'Đất đai, tài nguyên'],
      subjectOrgIds: [cell],
      fromDate: '2025-07-01',
    });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ holderName: 'Nguyễn Văn Hùng', subjectOrgs: [{ id: cell, name: 'Chi bộ Xóm 1' }], version: 1 });
    areaA = a.json();
    const b = await post('/api/v1/supervision-areas', officer, {
      bodyOrgId: commune.id,
      userId: memberB.id,
      holderName: 'Trần Thị Mai',
      area: 'Khối cơ quan xã',
      fields: ['Tài chính, ngân sách'],
      fromDate: '2025-07-01',
    });
    expect(b.statusCode).toBe(200);
    areaB = b.json();
    const audit = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select(['action', 'scope_path']).where('entity_id', '=', areaA.id).execute(),
    );
    expect(audit).toEqual([{ action: 'supervision.area_create', scope_path: commune.path }]);
  });

  it.each([
    ['a user who is not a committee member there', () => ({ userId: 'officer' }), 'userId'],
    ['nobody', () => ({ userId: null }), 'userId'],
    ['an organisation outside the commune', () => ({ subjectOrgIds: [commune.id, 'other'] }), 'subjectOrgIds'],
    ['an end before the start', () => ({ toDate: '2025-01-01' }), 'toDate'],
  ])('refuses %s, naming the field', async (_what, change, field) => {
    const t01 = await orgByCode(ctx, 'T01');
    const officerUser = await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }] });
    const c = change() as Record<string, unknown>;
    if (c.userId === 'officer') c.userId = officerUser.id;
    if (Array.isArray(c.subjectOrgIds)) c.subjectOrgIds = [cell, t01.id];
    const res = await post('/api/v1/supervision-areas', officer, {
      bodyOrgId: commune.id,
      userId: memberA.id,
      area: 'Địa bàn thử',
      fromDate: '2025-07-01',
      ...c,
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toContain(field);
  });

  it('links the assignment to the member record of the registry, whose name it takes', async () => {
    const member = await post('/api/v1/members', officer, { orgId: cell, fullName: 'Hoàng Văn Thái' });
    expect(member.statusCode).toBe(200);
    const res = await post('/api/v1/supervision-areas', officer, {
      bodyOrgId: commune.id,
      userId: memberA.id,
      memberId: member.json().id,
      area: 'Chi bộ Xóm 1',
      fromDate: '2026-09-01',
    });
    expect(res.json()).toMatchObject({ memberId: member.json().id, holderName: 'Hoàng Văn Thái' });
  });

  it('a committee member sees their own areas; cannot assign', async () => {
    const mine = await get('/api/v1/supervision-areas?mine=true', sessionA);
    expect(
      mine
        .json()
        .items.map((a: { area: string }) => a.area)
        .sort(),
    ).toEqual(['Chi bộ Xóm 1', 'Các chi bộ Xóm 1 đến Xóm 5']);
    const minesB = await get('/api/v1/supervision-areas?mine=true', sessionB);
    expect(minesB.json().items.map((a: { id: string }) => a.id)).toEqual([areaB.id]);
    const refused = await post('/api/v1/supervision-areas', sessionA, {
      bodyOrgId: commune.id,
      userId: memberA.id,
      area: 'Tự phân',
      fromDate: '2025-07-01',
    });
    expect(refused.statusCode).toBe(403);
  });

  it('edits with the version read: a stale version is 409', async () => {
    const ok = await app.inject({
      method: 'PATCH',
      url: `/api/v1/supervision-areas/${areaB.id}`,
      headers: officer.headers,
      payload: { fields: ['Tài chính, ngân sách', 'Mua sắm tài sản công'], version: areaB.version },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/v1/supervision-areas/${areaB.id}`,
      headers: officer.headers,
      payload: { area: 'Khác', version: areaB.version },
    });
    expect(stale.statusCode).toBe(409);
    areaB = ok.json();
  });
});

describe('six-month reports (due 10 working days after 30/6: 14/7/2026, platform default)', () => {
  it('refuses a report before the period nears its end', async () => {
    onDay('2026-05-20');
    const res = await post(`/api/v1/supervision-areas/${areaA.id}/reports`, sessionA, REPORT);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.period).toMatch(/từ ngày 01\/06\/2026/);
  });

  it('the assigned member sends the report on time; nobody sends it for someone else’s area', async () => {
    onDay('2026-07-10');
    const res = await post(`/api/v1/supervision-areas/${areaA.id}/reports`, sessionA, REPORT);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ holderName: 'Nguyễn Văn Hùng', dueOn: '2026-07-14', late: false, version: 1 });
    reportA = res.json();
    const forOther = await post(`/api/v1/supervision-areas/${areaB.id}/reports`, sessionA, REPORT);
    expect(forOther.statusCode).toBe(403);
    const byOfficer = await post(`/api/v1/supervision-areas/${areaB.id}/reports`, officer, REPORT);
    expect(byOfficer.statusCode).toBe(403);
  });

  it('before the due date the other member is "not yet due", and the period cannot be compiled yet', async () => {
    onDay('2026-07-10');
    const s = (await status()).json();
    expect(s.dueOn).toBe('2026-07-14');
    expect(Object.fromEntries(s.rows.map((r: { holderName: string; status: string }) => [r.holderName, r.status]))).toEqual({
      'Nguyễn Văn Hùng': 'on_time',
      'Trần Thị Mai': 'not_due',
    });
    const early = await post('/api/v1/supervision-reports/compilations', officer, { orgId: commune.id, year: 2026, period: 'half' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.period).toMatch(/Chưa đến hạn báo cáo \(14\/07\/2026\) và còn 1 cấp ủy viên chưa gửi/);
    // Nobody was assigned for the first half of 2025 (the assignments start on 1/7/2025).
    const empty = await post('/api/v1/supervision-reports/compilations', officer, { orgId: commune.id, year: 2025, period: 'half' });
    expect(empty.json().error.fields.orgId).toMatch(/chưa phân công/);
  });

  it('after the due date the member who did not report is listed as missing', async () => {
    onDay('2026-07-20');
    const s = (await status()).json();
    expect(s.counts).toMatchObject({ on_time: 1, missing: 1 });
    expect(s.rows.find((r: { holderName: string }) => r.holderName === 'Trần Thị Mai')).toMatchObject({ status: 'missing', report: null });
  });

  it('a correction before compilation replaces the report with a version check, keeping the first date', async () => {
    onDay('2026-07-20');
    const again = await post(`/api/v1/supervision-areas/${areaA.id}/reports`, sessionA, REPORT);
    expect(again.statusCode).toBe(409);
    const fixed = await post(`/api/v1/supervision-areas/${areaA.id}/reports`, sessionA, {
      ...REPORT,
      proposals: 'Đề nghị Ủy ban Kiểm tra giám sát chuyên đề Chi bộ Xóm 2.\u0007',
      signsOfViolation: true,
      version: reportA.version,
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ version: 2, late: false, signsOfViolation: true });
    const stale = await post(`/api/v1/supervision-areas/${areaA.id}/reports`, sessionA, { ...REPORT, version: reportA.version });
    expect(stale.statusCode).toBe(409);
    const read = await get(`/api/v1/supervision-reports/${reportA.id}`, officer);
    expect(read.json().proposals).toMatch(/giám sát chuyên đề/);
    const mine = await get(`/api/v1/supervision-areas/${areaA.id}/reports?year=2026`, sessionA);
    expect(mine.json().items).toMatchObject([{ id: reportA.id, period: 'half', version: 2 }]);
  });

  it('a late first report is marked late (yearly 2025: due 15/1/2026, after the New Year holiday)', async () => {
    onDay('2026-07-21');
    const late = await post(`/api/v1/supervision-areas/${areaB.id}/reports`, sessionB, { ...REPORT, year: 2025, period: 'year' });
    expect(late.statusCode).toBe(200);
    expect(late.json()).toMatchObject({ late: true, dueOn: '2026-01-15' });
    const s = (await get(`/api/v1/supervision-reports?orgId=${commune.id}&year=2025&period=year`, officer)).json();
    expect(s.rows.find((r: { holderName: string }) => r.holderName === 'Trần Thị Mai')).toMatchObject({ status: 'late' });
  });
});

describe('compilation for the standing committee', () => {
  it('downloads a DOCX in the Party format with each member’s section and the missing list', async () => {
    onDay('2026-07-20');
    const res = await get(`/api/v1/supervision-reports/compiled?orgId=${commune.id}&year=2026&period=half`, officer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    for (const s of [
      'ĐẢNG ỦY XÃ ĐÔ LƯƠNG',
      'ỦY BAN KIỂM TRA',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Đô Lương, ngày 20 tháng 7 năm 2026',
      'BÁO CÁO TỔNG HỢP',
      'kết quả giám sát thường xuyên của cấp ủy viên 6 tháng đầu năm 2026',
      '1. Đồng chí Nguyễn Văn Hùng',
      'Chi bộ Xóm 2 chậm triển khai nghị quyết.',
      'III. CẤP ỦY VIÊN CHƯA GỬI BÁO CÁO',
      '1. Đồng chí Trần Thị Mai (địa bàn: Khối cơ quan xã) — quá hạn.',
      'Ban Thường vụ Đảng ủy xã Đô Lương',
      'T/M ỦY BAN KIỂM TRA',
      'CHỦ NHIỆM',
      'Times New Roman',
    ])
      expect(xml).toContain(s);
    // A control character pasted into a report would make the file unreadable in Word: the docx package drops it.
    expect(xml).toContain('giám sát chuyên đề Chi bộ Xóm 2.<');
    expect(xml.includes('\u0007')).toBe(false);
    const audit = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select('action').where('action', 'like', 'supervision.%').execute(),
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['supervision.report_submit', 'supervision.report_update', 'supervision.compiled_download']),
    );
  });

  it('after compilation the period is closed to corrections', async () => {
    onDay('2026-07-20');
    const done = await post('/api/v1/supervision-reports/compilations', officer, { orgId: commune.id, year: 2026, period: 'half' });
    expect(done.statusCode).toBe(200);
    expect(done.json().compilation).toMatchObject({ reportsCount: 1, missingCount: 1 });
    const twice = await post('/api/v1/supervision-reports/compilations', officer, { orgId: commune.id, year: 2026, period: 'half' });
    expect(twice.statusCode).toBe(409);
    const fix = await post(`/api/v1/supervision-areas/${areaA.id}/reports`, sessionA, { ...REPORT, version: 2 });
    expect(fix.statusCode).toBe(409);
    expect((await get(`/api/v1/supervision-reports/${reportA.id}`, sessionA)).json().compiled).toBe(true);
  });
});

describe('scope', () => {
  it('another province sees nothing of it', async () => {
    expect((await status(otherProvince)).statusCode).toBe(404);
    expect((await get(`/api/v1/supervision-reports/${reportA.id}`, otherProvince)).statusCode).toBe(404);
    expect((await get('/api/v1/supervision-areas', otherProvince)).json().items).toEqual([]);
    const docx = await get(`/api/v1/supervision-reports/compiled?orgId=${commune.id}&year=2026&period=half`, otherProvince);
    expect(docx.statusCode).toBe(404);
    const assign = await post('/api/v1/supervision-areas', otherProvince, {
      bodyOrgId: commune.id,
      userId: memberA.id,
      area: 'Ngoài tỉnh',
      fromDate: '2025-07-01',
    });
    // The commune does not exist for them: refused without saying more.
    expect(assign.statusCode).toBe(400);
    expect(assign.json().error.fields.bodyOrgId).toMatch(/ngoài phạm vi/);
  });
});

describe("a committee's own due dates (Quy định 296-QĐ/TW fixes the rhythm, not the day: defaults are configurable)", () => {
  it('the UBKT sets them with a version; new due dates follow, a report keeps the date it was sent under', async () => {
    const url = `/api/v1/supervision-settings/${commune.id}`;
    const defaults = (await get(url, officer)).json();
    expect(defaults).toMatchObject({
      halfDueWorkingDays: 10,
      yearDueWorkingDays: 10,
      opensMonthsBeforeEnd: 1,
      isDefault: true,
      version: 0,
    });
    const put = (as: Session, body: Record<string, unknown>) => app.inject({ method: 'PUT', url, headers: as.headers, payload: body });
    const saved = await put(officer, { halfDueWorkingDays: 5, yearDueWorkingDays: 15, opensMonthsBeforeEnd: 2, version: 0 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, version: 1 });
    expect((await put(officer, { halfDueWorkingDays: 7, yearDueWorkingDays: 15, opensMonthsBeforeEnd: 2, version: 0 })).statusCode).toBe(
      409,
    );
    expect((await put(sessionA, { halfDueWorkingDays: 1, yearDueWorkingDays: 1, opensMonthsBeforeEnd: 1, version: 1 })).statusCode).toBe(
      403,
    );
    const bad = await put(officer, { halfDueWorkingDays: 61, yearDueWorkingDays: 15, opensMonthsBeforeEnd: 2, version: 1 });
    expect(Object.keys(bad.json().error.fields)).toContain('halfDueWorkingDays');
    onDay('2026-07-20');
    // Tuesday 30/6/2026 + 5 working days = Tuesday 7/7; reports open from 1/5.
    expect((await status()).json()).toMatchObject({ dueOn: '2026-07-07', opensOn: '2026-05-01' });
    expect((await get(`/api/v1/supervision-reports/${reportA.id}`, officer)).json()).toMatchObject({ dueOn: '2026-07-14', late: false });
    expect((await get(url, otherProvince)).statusCode).toBe(404);
  });
});
