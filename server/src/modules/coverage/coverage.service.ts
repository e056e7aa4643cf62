// Coverage against the targets of domain.md §7, the planner's proposals, and the inspection dashboard
// (issue #4 points 2 and 8). Reads only: access first, then the facts from SQL, then the pure rules.
import {
  CASE_KIND_LABELS,
  CASE_STATUS_LABELS,
  type CaseKind,
  type CaseStatus,
  STEP_LABELS,
  type StepCode,
  stepLabel,
} from '../../../../common/cases.ts';
import {
  type CoverageQuery,
  type CoverageView,
  DASHBOARD_TOP,
  type DashboardView,
  DUE_SOON_WORKING_DAYS,
  LIST_CAP,
  type ProposalsView,
} from '../../../../common/coverage.ts';
import { todayInVietnam } from '../../../../common/dates.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { addWorkingDays } from '../../domain/calendar/workdays.ts';
import { type CellIndicator, type CoverageReport, computeCoverage } from '../../domain/coverage/coverage.ts';
import { describeGap, proposeSubjects } from '../../domain/coverage/planner.ts';
import { DEFAULT_TARGETS } from '../../domain/coverage/targets.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, requireScope, type Scope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { auditMarkedReads } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { CalendarService } from '../calendar/calendar.service.ts';
import * as repo from './coverage.repository.ts';
import { coverageHistory, type LoadedFacts, loadFacts } from './coverage-facts.ts';
import * as dash from './dashboard.repository.ts';

/** Members the planner considers at most; above it the longest uncovered are taken (`partial`). */
export const CANDIDATE_CAP = 20_000;

function cellView(ind: CellIndicator) {
  return { ...ind, failingCells: ind.failingCells.slice(0, LIST_CAP), failingCellsTotal: ind.failingCells.length };
}

function coverageView(root: repo.OrgRow, report: CoverageReport, loaded: LoadedFacts): CoverageView {
  const notDone = report.planDone.notDone.map((id) => {
    const i = loaded.planItems.get(id);
    return { id, subjectName: i?.subject_name ?? '', kind: i?.kind ?? '', topic: i?.topic ?? '' };
  });
  return {
    orgId: root.id,
    orgName: root.name,
    year: report.year,
    targetsVersion: report.targetsVersion,
    orgsCovered: report.orgsCovered,
    membersCovered: report.membersCovered,
    leadersThematic: report.leadersThematic,
    cellMembersInspected: cellView(report.cellMembersInspected),
    cellKtgsDuty: cellView(report.cellKtgsDuty),
    cellFinance: cellView(report.cellFinance),
    planDone: { ...report.planDone, notDone: notDone.slice(0, LIST_CAP), notDoneTotal: notDone.length },
  };
}

function counts<K extends string>(
  rows: dash.CaseCountRow[],
  key: (r: dash.CaseCountRow) => K,
  label: (k: K) => string,
  order: readonly K[],
) {
  const by = new Map<K, number>();
  for (const r of rows) by.set(key(r), (by.get(key(r)) ?? 0) + r.n);
  return [...by.entries()]
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([k, count]) => ({ key: k, label: label(k), count }));
}

export class CoverageService {
  private readonly ctx: AppContext;
  private readonly calendar: CalendarService;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
    this.calendar = new CalendarService(ctx);
  }

  /** The organisation asked about, if the actor may read inspection work there. */
  private async root(tx: Tx, scope: Scope, orgId: string): Promise<repo.OrgRow> {
    const org = await repo.findOrg(tx, orgId);
    if (!org) throw notFound('Tổ chức');
    assertVisible(scope, { path: org.path, secrecy: org.secrecy }, 'Tổ chức');
    return org;
  }

  private run<T>(actor: Actor, fn: (tx: Tx, scope: Scope) => Promise<T>): Promise<T> {
    const scope = requireScope(actor, 'inspection.read');
    return inTransaction(this.ctx.database.db, scope, (tx) => fn(tx, scope));
  }

  async coverage(actor: Actor, q: CoverageQuery): Promise<CoverageView> {
    return this.run(actor, async (tx, scope) => {
      const root = await this.root(tx, scope, q.orgId);
      const loaded = await loadFacts(tx, root, q.year);
      return coverageView(root, computeCoverage(loaded.facts, DEFAULT_TARGETS), loaded);
    });
  }

  async proposals(actor: Actor, q: CoverageQuery & { limit: number }): Promise<ProposalsView> {
    return this.run(actor, async (tx, scope) => {
      const root = await this.root(tx, scope, q.orgId);
      const loaded = await loadFacts(tx, root, q.year, CANDIDATE_CAP);
      const history = await coverageHistory(tx, root, q.year);
      const gaps = proposeSubjects(loaded.facts, DEFAULT_TARGETS, history).map((g) => ({
        targetId: g.targetId,
        label: g.label,
        missing: g.missing,
        shortfall: g.shortfall,
        total: g.proposals.length,
        text: describeGap(g),
        proposals: g.proposals.slice(0, q.limit).map((p) => ({ ...p, kinds: [...p.kinds] })),
      }));
      return { orgId: root.id, year: q.year, gaps, partial: loaded.partial };
    });
  }

  async dashboard(actor: Actor, q: CoverageQuery, today = todayInVietnam()): Promise<DashboardView> {
    const scope = requireScope(actor, 'inspection.read');
    const db = this.ctx.database.db;
    // Two read-only transactions at once (a server gives each its connection): the coverage facts and
    // the lists. Each checks the organisation against the scope; row-level security holds in both.
    const [{ root, coverage }, lists] = await Promise.all([
      inTransaction(db, scope, async (tx) => {
        const root = await this.root(tx, scope, q.orgId);
        const loaded = await loadFacts(tx, root, q.year);
        return { root, coverage: coverageView(root, computeCoverage(loaded.facts, DEFAULT_TARGETS), loaded) };
      }),
      inTransaction(db, scope, async (tx) => {
        const root = await this.root(tx, scope, q.orgId);
        const y = Number(today.slice(0, 4));
        const dueSoonUntil = addWorkingDays(today, DUE_SOON_WORKING_DAYS, await this.calendar.load([y, y + 1], tx));
        const caseRows = await dash.caseCounts(tx, root.path, q.year);
        const overdueSteps = await dash.openSteps(tx, root.path, null, dayBefore(today), DASHBOARD_TOP);
        const dueSteps = await dash.openSteps(tx, root.path, today, dueSoonUntil, DASHBOARD_TOP);
        const lateCases = await dash.overdueCases(tx, root.path, today, DASHBOARD_TOP);
        const lateRemediation = await dash.overdueRemediation(tx, root.path, today, DASHBOARD_TOP);
        // What the lists show of marked cases and requirements is a confidential read.
        const shownCases = new Map(
          [...overdueSteps.rows, ...dueSteps.rows].map((s) => [s.case_id, { id: s.case_id, path: s.path, secrecy: s.secrecy }]),
        );
        for (const c of lateCases.rows) shownCases.set(c.id, { id: c.id, path: c.path, secrecy: c.secrecy });
        await auditMarkedReads(tx, actor, 'inspection_case', [...shownCases.values()]);
        await auditMarkedReads(tx, actor, 'remediation_item', lateRemediation.rows);
        return { dueSoonUntil, caseRows, overdueSteps, dueSteps, lateCases, lateRemediation };
      }),
    ]);
    const { dueSoonUntil, caseRows, overdueSteps, dueSteps, lateCases, lateRemediation } = lists;
    const step = (s: dash.StepRow) => ({
      caseId: s.case_id,
      code: s.code,
      subjectName: s.subject_name,
      step: s.step,
      stepLabel: stepLabel(s.kind as CaseKind, s.step as StepCode),
      dueOn: s.due_on,
    });
    return {
      orgId: root.id,
      orgName: root.name,
      year: q.year,
      today,
      dueSoonUntil,
      coverage,
      cases: {
        total: caseRows.reduce((n, r) => n + r.n, 0),
        byStep: counts(
          caseRows,
          (r) => r.step as StepCode,
          (k) => STEP_LABELS[k],
          Object.keys(STEP_LABELS) as StepCode[],
        ),
        byKind: counts(
          caseRows,
          (r) => r.kind as CaseKind,
          (k) => CASE_KIND_LABELS[k],
          Object.keys(CASE_KIND_LABELS) as CaseKind[],
        ),
        byStatus: counts(
          caseRows,
          (r) => r.status as CaseStatus,
          (k) => CASE_STATUS_LABELS[k],
          Object.keys(CASE_STATUS_LABELS) as CaseStatus[],
        ),
      },
      stepsDue: { count: dueSteps.count, items: dueSteps.rows.map(step) },
      stepsOverdue: { count: overdueSteps.count, items: overdueSteps.rows.map(step) },
      casesOverdue: {
        count: lateCases.count,
        items: lateCases.rows.map((c) => ({ caseId: c.id, code: c.code, subjectName: c.subject_name, dueOn: c.due_on })),
      },
      remediationOverdue: {
        count: lateRemediation.count,
        items: lateRemediation.rows.map((r) => ({
          id: r.id,
          caseId: r.case_id,
          caseCode: r.case_code,
          requirement: r.requirement,
          ownerName: r.owner_name,
          dueOn: r.due_on,
        })),
      },
    };
  }
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
