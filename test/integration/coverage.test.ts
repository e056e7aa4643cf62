// Issue #4 points 2 and 8: coverage against the targets of domain.md §7 computed from the database for a
// subtree and a year, the planner's proposals with reasons, the dashboard's due and overdue counts, scope.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageView, DashboardView, ProposalsView } from '../../common/coverage.ts';
import { vietnameseSortKey } from '../../common/vn-name.ts';
import { inTransaction, type Tx } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../helpers/factories.ts';

let ctx: TestDb;
let app: FastifyInstance;
let leader: Session;
let national: Session;
let otherProvince: Session;
let cellUser: Session;

interface Org {
  id: string;
  path: string;
}
const org: Record<string, Org> = {};
const members: Record<string, string[]> = {};
let seq = 0;

const system = <T>(fn: (tx: Tx) => Promise<T>) => inTransaction(ctx.database.db, SYSTEM_SCOPE, fn);

async function addOrg(key: string, code: string, name: string, kind: 'grassroots' | 'cell', parent: Org) {
  const path = `${parent.path}.${code}`;
  const r = await system((tx) =>
    tx
      .insertInto('org_unit')
      .values({ parent_id: parent.id, code, name, kind, path, province_code: '40', valid_from: null })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  org[key] = { id: r.id, path };
}

/** `n` members named "Nguyễn Văn <key> <i>"; the first is the cell's secretary when `secretaries` ≥ 1, the second its deputy. */
async function addMembers(key: string, n: number, secretaries = 0, sensitive: Record<number, string[]> = {}) {
  const o = org[key] as Org;
  members[key] = [];
  for (let i = 1; i <= n; i++) {
    const fullName = `Nguyễn Văn ${key.toUpperCase()} ${String(i).padStart(2, '0')}`;
    const id = await system(async (tx) => {
      const m = await tx
        .insertInto('member')
        .values({ org_id: o.id, org_path: o.path, full_name: fullName, sort_key: vietnameseSortKey(fullName), province_code: '40' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const posts = [
        ...(i <= secretaries
          ? [{ code: i === 1 ? 'secretary' : 'deputy_secretary', title: i === 1 ? 'Bí thư Chi bộ' : 'Phó Bí thư Chi bộ' }]
          : []),
      ].map((p) => ({ ...p, member_id: m.id, category: 'party', org_id: o.id, from_date: '2020-01-01', sensitive_areas: [] as string[] }));
      if (sensitive[i])
        posts.push({
          member_id: m.id,
          category: 'state',
          code: 'land_officer',
          title: 'Công chức địa chính',
          org_id: null as never,
          from_date: '2021-01-01',
          sensitive_areas: sensitive[i] as string[],
        });
      if (posts.length) await tx.insertInto('post').values(posts).execute();
      return m.id;
    });
    members[key]?.push(id);
  }
}

interface CaseInput {
  body: string;
  kind: string;
  subjectOrg?: string;
  subjectMember?: [string, number];
  status?: 'open' | 'closed' | 'cancelled';
  step?: string;
  notifiedOn?: string | null;
  closedOn?: string | null;
  dueOn?: string | null;
  year?: number;
  itemId?: string | null;
}

async function addCase(c: CaseInput): Promise<string> {
  const body = org[c.body] as Org;
  const subjectOrg = c.subjectOrg ? (org[c.subjectOrg] as Org) : null;
  const memberOrg = c.subjectMember ? (org[c.subjectMember[0]] as Org) : null;
  const memberId = c.subjectMember ? (members[c.subjectMember[0]]?.[c.subjectMember[1] - 1] as string) : null;
  const n = ++seq;
  return system(async (tx) => {
    const r = await tx
      .insertInto('inspection_case')
      .values({
        body_org_id: body.id,
        body_type: 'ubkt',
        scope_path: body.path,
        province_code: '40',
        year: c.year ?? 2025,
        seq: n,
        code: `KT-${String(n).padStart(3, '0')}`,
        kind: c.kind,
        programme_item_id: c.itemId ?? null,
        subject_org_id: subjectOrg?.id ?? null,
        subject_member_id: memberId,
        subject_path: (subjectOrg ?? memberOrg)?.path as string,
        subject_name: c.subjectOrg ?? `Đảng viên ${n}`,
        topic: 'Chủ đề',
        step: c.step ?? 'closed',
        status: c.status ?? 'closed',
        notified_on: c.notifiedOn ?? null,
        closed_on: c.closedOn ?? null,
        due_on: c.dueOn ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  });
}

async function addProgramme(
  body: string,
  status: 'draft' | 'approved',
  items: { kind: string; subjectOrg?: string; subjectMember?: [string, number] }[],
) {
  const b = org[body] as Org;
  return system(async (tx) => {
    const p = await tx
      .insertInto('programme')
      .values({
        org_id: b.id,
        body_type: 'ubkt',
        scope_path: b.path,
        period: 'year',
        year_from: 2025,
        year_to: 2025,
        title: 'Chương trình 2025',
        status,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids: string[] = [];
    for (const [i, it] of items.entries()) {
      const subjectOrg = it.subjectOrg ? (org[it.subjectOrg] as Org) : null;
      const memberOrg = it.subjectMember ? (org[it.subjectMember[0]] as Org) : null;
      const r = await tx
        .insertInto('programme_item')
        .values({
          programme_id: p.id,
          scope_path: b.path,
          year: 2025,
          seq: i + 1,
          kind: it.kind,
          subject_org_id: subjectOrg?.id ?? null,
          subject_member_id: it.subjectMember ? (members[it.subjectMember[0]]?.[it.subjectMember[1] - 1] as string) : null,
          subject_path: (subjectOrg ?? memberOrg)?.path as string,
          subject_name: it.subjectOrg ?? 'Đảng viên',
          topic: `Nội dung ${i + 1}`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(r.id);
    }
    return ids;
  });
}

const get = (as: Session, url: string) => app.inject({ method: 'GET', url, headers: as.headers });

let planA = '';
let planB = '';

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  const commune = await orgByCode(ctx, 'X17662');
  org.x = { id: commune.id, path: commune.path };
  // Đô Lương: đảng bộ cơ sở G with cells C1 (20 members) and C2 (10), and chi bộ cơ sở B (5) directly under the commune.
  await addOrg('g', 'CV_G', 'Đảng bộ Trường THPT Đô Lương', 'grassroots', org.x);
  await addOrg('c1', 'CV_C1', 'Chi bộ Giáo viên 1', 'cell', org.g as Org);
  await addOrg('c2', 'CV_C2', 'Chi bộ Giáo viên 2', 'cell', org.g as Org);
  await addOrg('b', 'CV_B', 'Chi bộ Bưu điện', 'grassroots', org.x);
  await addMembers('c1', 20, 2);
  await addMembers('c2', 10, 1, { 3: ['land'] });
  await addMembers('b', 5, 1);

  // Plan: the commune's thematic supervision of C2's secretary (done below), G's finance inspection of C2 (not done);
  // a draft programme does not count.
  planA = (await addProgramme('x', 'approved', [{ kind: 'supervision.thematic', subjectMember: ['c2', 1] }]))[0] as string;
  planB = (await addProgramme('g', 'approved', [{ kind: 'inspection.finance', subjectOrg: 'c2' }]))[0] as string;
  await addProgramme('g', 'draft', [{ kind: 'inspection.finance', subjectOrg: 'c1' }]);

  await addCase({ body: 'x', kind: 'inspection.signs', subjectMember: ['c1', 3], notifiedOn: '2025-03-10' });
  await addCase({ body: 'c1', kind: 'inspection.compliance', subjectMember: ['c1', 4], notifiedOn: '2025-04-01' });
  await addCase({ body: 'c1', kind: 'inspection.compliance', subjectMember: ['c1', 5], closedOn: '2025-05-01' });
  await addCase({ body: 'g', kind: 'inspection.ktgs_duty', subjectOrg: 'c1', closedOn: '2025-06-01' });
  await addCase({ body: 'x', kind: 'supervision.thematic', subjectMember: ['c2', 1], notifiedOn: '2025-07-01', itemId: planA });
  await addCase({ body: 'x', kind: 'inspection.signs', subjectOrg: 'b', status: 'cancelled', notifiedOn: '2025-08-01' });
  // Given in 2024 (history only) and concluded in January 2026 (next year's coverage).
  await addCase({ body: 'c2', kind: 'inspection.compliance', subjectMember: ['c2', 2], notifiedOn: '2024-05-05', year: 2024 });
  await addCase({ body: 'x', kind: 'supervision.regular', subjectOrg: 'g', notifiedOn: '2026-01-05' });

  leader = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'X17662' }], totp: true }));
  national = await login(app, await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'TW' }] }));
  otherProvince = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'T01' }], totp: true }));
  cellUser = await login(app, await createUser(ctx, { roles: [{ role: 'cell_secretary', orgCode: 'CV_C1' }], totp: true }));
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('coverage of a commune for 2025 (domain.md §7)', () => {
  let cov: CoverageView;
  beforeAll(async () => {
    const res = await get(leader, `/api/v1/coverage?orgId=${org.x?.id}&year=2025`);
    expect(res.statusCode).toBe(200);
    cov = res.json();
  });

  it('≥ 10 % of organisations inspected or supervised (nghị quyết; Quy định 296-QĐ/TW): C1 of 4, cancelled and next year’s cases left out', () => {
    expect(cov.orgsCovered).toMatchObject({ numerator: 1, denominator: 4, share: 0.25, met: true, missing: 0 });
    expect(cov.orgsCovered.text).toBe('Tổ chức đảng được kiểm tra, giám sát: 1/4 tổ chức đảng (25 %; chỉ tiêu 10 %)');
  });
  it('≥ 10 % of members inspected or supervised (nghị quyết; Quy định 296-QĐ/TW): 4 of 35, the 2024 case left out', () => {
    expect(cov.membersCovered).toMatchObject({ numerator: 4, denominator: 35, met: true, missing: 0 });
  });
  it('≥ 10 % of cell secretaries and deputies covered by thematic work (nghị quyết): 1 of 4', () => {
    expect(cov.leadersThematic).toMatchObject({ numerator: 1, denominator: 4, share: 0.25, met: true });
  });
  it('each cell inspects ≥ 10 % of its members (Điều lệ Đảng, Điều 30): C1 did 2 of 20, C2 and B none', () => {
    expect(cov.cellMembersInspected).toMatchObject({ numerator: 1, denominator: 3, met: false, failingCellsTotal: 2 });
    expect(cov.cellMembersInspected.failingCells.map((c) => [c.name, c.members, c.covered, c.needed])).toEqual([
      ['Chi bộ Bưu điện', 5, 0, 1],
      ['Chi bộ Giáo viên 2', 10, 0, 1],
    ]);
  });
  it('the đảng ủy cơ sở’s UBKT inspects KTGS duty and party finance in each subordinate cell yearly (Điều lệ Đảng, Điều 32)', () => {
    expect(cov.cellKtgsDuty).toMatchObject({ numerator: 1, denominator: 2, met: false });
    expect(cov.cellKtgsDuty.failingCells.map((c) => c.name)).toEqual(['Chi bộ Giáo viên 2']);
    expect(cov.cellFinance).toMatchObject({ numerator: 0, denominator: 2, met: false, missing: 2 });
  });
  it('100 % of planned work done (nghị quyết; Quy định 296-QĐ/TW): 1 of 2 approved items, the draft left out, work on signs apart', () => {
    expect(cov.planDone).toMatchObject({ planned: 2, done: 1, numerator: 1, denominator: 2, met: false, notDoneTotal: 1 });
    expect(cov.planDone.notDone).toEqual([{ id: planB, subjectName: 'c2', kind: 'inspection.finance', topic: 'Nội dung 1' }]);
    expect(cov.planDone.unplannedDone).toBe(4);
  });
  it('a subtree: the đảng bộ cơ sở G alone', async () => {
    const g = (await get(leader, `/api/v1/coverage?orgId=${org.g?.id}&year=2025`)).json();
    expect(g.orgsCovered).toMatchObject({ numerator: 1, denominator: 2 });
    expect(g.membersCovered).toMatchObject({ numerator: 4, denominator: 30 });
    expect(g.planDone).toMatchObject({ planned: 1, done: 0 });
  });
  it('another year counts that year’s results: 2024 has only C2’s member', async () => {
    const y = (await get(leader, `/api/v1/coverage?orgId=${org.x?.id}&year=2024`)).json();
    expect(y.membersCovered).toMatchObject({ numerator: 1, denominator: 35 });
    expect(y.orgsCovered).toMatchObject({ numerator: 0 });
  });
  it('member counts follow the registry at once (roll-up kept by triggers): a member who leaves is no longer counted', async () => {
    const id = members.b?.[4] as string;
    await system((tx) => tx.updateTable('member').set({ status: 'left', left_on: '2025-09-01' }).where('id', '=', id).execute());
    const after = (await get(leader, `/api/v1/coverage?orgId=${org.b?.id}&year=2025`)).json();
    expect(after.membersCovered).toMatchObject({ denominator: 4 });
    await system((tx) => tx.updateTable('member').set({ status: 'full', left_on: null }).where('id', '=', id).execute());
    const back = (await get(leader, `/api/v1/coverage?orgId=${org.b?.id}&year=2025`)).json();
    expect(back.membersCovered).toMatchObject({ denominator: 5 });
  });
});

describe('the planner (issue 4 point 2): longest without inspection or supervision first, sensitive posts first, with reasons', () => {
  it('proposes for each gap, in order, saying why', async () => {
    const res = await get(leader, `/api/v1/coverage/proposals?orgId=${org.x?.id}&year=2025`);
    expect(res.statusCode).toBe(200);
    const body: ProposalsView = res.json();
    expect(body.partial).toBe(false);
    type Gap = ProposalsView['gaps'][number];
    const gaps = Object.fromEntries(body.gaps.map((g) => [g.targetId, g])) as Record<string, Gap>;
    const gap = (id: string) => gaps[id] as Gap;
    expect(Object.keys(gaps)).toEqual(['cellMembersInspected', 'cellKtgsDuty', 'cellFinance']);
    // C2 never inspected its members: among those never covered, the one in a land post comes first.
    const cells = gap('cellMembersInspected').proposals;
    expect(cells.map((p) => p.subjectId)).toEqual([members.b?.[0], members.c2?.[2]]);
    expect(cells[1]?.reason).toBe(
      'Chưa từng được kiểm tra, giám sát; giữ chức vụ trong lĩnh vực đất đai, tài nguyên, môi trường; Chi bộ Giáo viên 2 chưa kiểm tra đủ 10 % đảng viên trong năm 2025',
    );
    expect(cells[1]?.bodyOrgId).toBe(org.c2?.id);
    // Finance: C2 was never covered, C1 was (its KTGS duty, 2025): C2 first; each proposed to G.
    expect(gap('cellFinance').proposals.map((p) => [p.name, p.bodyOrgId, p.reason])).toEqual([
      ['Chi bộ Giáo viên 2', org.g?.id, 'Chưa từng được kiểm tra, giám sát; chưa được kiểm tra tài chính đảng trong năm 2025'],
      ['Chi bộ Giáo viên 1', org.g?.id, 'Chưa được kiểm tra, giám sát từ năm 2025; chưa được kiểm tra tài chính đảng trong năm 2025'],
    ]);
    expect(gap('cellFinance').text).toBe('Chi bộ trực thuộc được kiểm tra tài chính đảng: cần thêm 2, đề xuất 2');
  });
  it('limits the list, not the count', async () => {
    const body: ProposalsView = (await get(leader, `/api/v1/coverage/proposals?orgId=${org.x?.id}&year=2025&limit=1`)).json();
    const finance = body.gaps.find((g) => g.targetId === 'cellFinance');
    expect(finance).toMatchObject({ total: 2, missing: 2 });
    expect(finance?.proposals).toHaveLength(1);
  });
});

describe('dashboard (issue 4 point 8)', () => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  let late: string;
  beforeAll(async () => {
    late = await addCase({
      body: 'g',
      kind: 'inspection.signs',
      subjectMember: ['c1', 6],
      status: 'open',
      step: 'verification',
      dueOn: '2020-03-01',
    });
    const soon = await addCase({
      body: 'g',
      kind: 'inspection.signs',
      subjectMember: ['c1', 7],
      status: 'open',
      step: 'explanation',
      dueOn: '2099-01-01',
    });
    const later = await addCase({
      body: 'x',
      kind: 'supervision.thematic',
      subjectOrg: 'b',
      status: 'open',
      step: 'verification',
      dueOn: '2099-01-01',
    });
    const suspended = await addCase({ body: 'x', kind: 'inspection.signs', subjectOrg: 'g', status: 'open', step: 'handover' });
    await system(async (tx) => {
      const step = (caseId: string, path: string, s: string, due: string, completed: string | null = null) =>
        tx
          .insertInto('case_step')
          .values({ case_id: caseId, scope_path: path, step: s, started_on: '2020-01-01', due_on: due, completed_on: completed })
          .execute();
      await step(late, org.g?.path as string, 'decision', '2020-01-05', '2020-01-04');
      await step(late, org.g?.path as string, 'verification', '2020-02-01');
      await step(soon, org.g?.path as string, 'explanation', today);
      await step(later, org.x?.path as string, 'verification', '2099-01-01');
      await step(suspended, org.x?.path as string, 'handover', '2020-01-01');
      await tx.updateTable('inspection_case').set({ status: 'suspended' }).where('id', '=', suspended).execute();
      const req = (seqNo: number, due: string, status: 'open' | 'done') =>
        tx
          .insertInto('remediation_item')
          .values({
            case_id: late,
            scope_path: org.g?.path as string,
            seq: seqNo,
            requirement: `Yêu cầu ${seqNo}`,
            owner_name: 'Chi bộ Giáo viên 1',
            due_on: due,
            status,
            done_on: status === 'done' ? '2020-05-01' : null,
          })
          .execute();
      await req(1, '2020-04-01', 'open');
      await req(2, '2099-04-01', 'open');
      await req(3, '2020-04-01', 'done');
    });
  });

  it('counts steps overdue and due within 3 working days, cases past their limit, remediation overdue, with links', async () => {
    const res = await get(leader, `/api/v1/inspection/dashboard?orgId=${org.x?.id}&year=2025`);
    expect(res.statusCode).toBe(200);
    const d: DashboardView = res.json();
    expect(d.today).toBe(today);
    expect(d.stepsOverdue).toMatchObject({ count: 1, items: [{ caseId: late, step: 'verification', dueOn: '2020-02-01' }] });
    expect(d.stepsDue.count).toBe(1);
    expect(d.stepsDue.items[0]).toMatchObject({ step: 'explanation', dueOn: today });
    expect(d.casesOverdue).toMatchObject({ count: 1, items: [{ caseId: late, dueOn: '2020-03-01' }] });
    expect(d.remediationOverdue).toMatchObject({ count: 1, items: [{ caseId: late, requirement: 'Yêu cầu 1', dueOn: '2020-04-01' }] });
    expect(d.coverage.membersCovered).toMatchObject({ numerator: 4, denominator: 35 });
  });
  it('counts cases by step, kind and status: the year’s cases and those still open', async () => {
    const d: DashboardView = (await get(leader, `/api/v1/inspection/dashboard?orgId=${org.x?.id}&year=2025`)).json();
    const by = (list: { key: string; count: number }[]) => Object.fromEntries(list.map((x) => [x.key, x.count]));
    // 2025: 7 cases (one cancelled) + 4 open or suspended; the 2024 case is left out.
    expect(d.cases.total).toBe(11);
    expect(by(d.cases.byStatus)).toEqual({ open: 3, suspended: 1, cancelled: 1, closed: 6 });
    expect(by(d.cases.byStep)).toMatchObject({ verification: 2, explanation: 1, handover: 1, closed: 7 });
    expect(by(d.cases.byKind)['inspection.signs']).toBe(5);
  });
  it('a subtree sees only its own: C1’s secretary sees no case of G or the commune', async () => {
    const d: DashboardView = (await get(cellUser, `/api/v1/inspection/dashboard?orgId=${org.c1?.id}&year=2025`)).json();
    expect(d.stepsOverdue.count).toBe(0);
    expect(d.remediationOverdue.count).toBe(0);
    expect(d.cases.byStatus.map((x) => [x.key, x.count])).toEqual([['closed', 2]]);
  });
});

describe('scope', () => {
  it('another province sees nothing: 404 on coverage, proposals and dashboard', async () => {
    for (const url of ['/api/v1/coverage', '/api/v1/coverage/proposals', '/api/v1/inspection/dashboard']) {
      const res = await get(otherProvince, `${url}?orgId=${org.x?.id}&year=2025`);
      expect(res.statusCode, url).toBe(404);
    }
  });
  it('a cell secretary cannot look above the cell', async () => {
    expect((await get(cellUser, `/api/v1/coverage?orgId=${org.g?.id}&year=2025`)).statusCode).toBe(404);
  });
  it('a national user reads any subtree, the national root included', async () => {
    const res = await get(national, `/api/v1/coverage?orgId=${org.x?.id}&year=2025`);
    expect(res.json().membersCovered).toMatchObject({ numerator: 4, denominator: 35 });
    const tw = await orgByCode(ctx, 'TW');
    const root = await get(national, `/api/v1/inspection/dashboard?orgId=${tw.id}&year=2025`);
    expect(root.statusCode).toBe(200);
    expect(root.json().coverage.membersCovered.denominator).toBeGreaterThanOrEqual(35);
  });
  it('refuses a bad year with the field named, and an anonymous caller', async () => {
    const bad = await get(leader, `/api/v1/coverage?orgId=${org.x?.id}&year=abc`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/Năm không hợp lệ/);
    const anon = await app.inject({ method: 'GET', url: `/api/v1/coverage?orgId=${org.x?.id}&year=2025` });
    expect(anon.statusCode).toBe(401);
  });
});
