// Mapping rows to the shared types, and the status of one committee's period (who reported, who not),
// used by the list, the compilation and the compiled document alike.
import { vietnamDateOf } from '../../../../common/dates.ts';
import {
  type PeriodStatus,
  REPORT_STATUSES,
  type ReportStatus,
  type SupervisionArea,
  type SupervisionPeriod,
  type SupervisionReport,
} from '../../../../common/supervision.ts';
import type { Tx } from '../../db/context.ts';
import {
  calendarYearsFor,
  periodRange,
  reportDueOn,
  reportOpensOn,
  SUPERVISION_DUE_DEFAULTS,
  type SupervisionDueConfig,
} from '../../domain/supervision/periods.ts';
import { overlapsPeriod, reportRequired, reportStatus } from '../../domain/supervision/status.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { CalendarService } from '../calendar/calendar.service.ts';
import { supervisionClock } from './supervision.clock.ts';
import * as repo from './supervision.repository.ts';

export const today = () => vietnamDateOf(supervisionClock.now());

/** The committee's own due dates, or the platform defaults. */
export async function dueConfigOf(tx: Tx, bodyOrgId: string): Promise<SupervisionDueConfig> {
  const s = await repo.findSetting(tx, bodyOrgId);
  if (!s) return SUPERVISION_DUE_DEFAULTS;
  return {
    dueWorkingDays: { half: s.half_due_working_days, year: s.year_due_working_days },
    opensMonthsBeforeEnd: s.opens_months_before_end,
  };
}

export async function toArea(tx: Tx, a: repo.AreaRow): Promise<SupervisionArea> {
  // Organisations outside the reader's scope are left out rather than named.
  const orgs = await repo.orgsByIds(tx, a.subject_org_ids);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return {
    id: a.id,
    bodyOrgId: a.body_org_id,
    bodyOrgName: a.body_org_name,
    userId: a.user_id,
    memberId: a.member_id,
    holderName: a.holder_name,
    area: a.area,
    fields: a.fields,
    subjectOrgs: a.subject_org_ids.flatMap((id) => {
      const o = byId.get(id);
      return o ? [{ id: o.id, name: o.name }] : [];
    }),
    fromDate: a.from_date,
    toDate: a.to_date,
    version: a.version,
  };
}

/** What the audit digests of an assignment: its terms, not the names of the organisations. */
export function auditArea(a: repo.AreaRow) {
  return {
    userId: a.user_id,
    memberId: a.member_id,
    holderName: a.holder_name,
    area: a.area,
    fields: a.fields,
    subjectOrgIds: a.subject_org_ids,
    fromDate: a.from_date,
    toDate: a.to_date,
  };
}

export function toReport(r: repo.ReportRow, a: repo.AreaRow, compiled: boolean): SupervisionReport {
  return {
    id: r.id,
    areaId: r.area_id,
    bodyOrgId: a.body_org_id,
    holderName: a.holder_name,
    area: a.area,
    fields: a.fields,
    year: r.year,
    period: r.period as SupervisionPeriod,
    content: r.content,
    findings: r.findings,
    proposals: r.proposals,
    signsOfViolation: r.signs_of_violation,
    submittedAt: new Date(r.submitted_at).toISOString(),
    submittedByName: r.submitted_by_name,
    updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
    dueOn: r.due_on,
    late: r.late,
    compiled,
    version: r.version,
  };
}

export interface PeriodDetail extends PeriodStatus {
  areas: repo.AreaRow[];
  reports: repo.ReportRow[];
}

/** Every assignment running during the period with its status; the due date on the working calendar. */
export async function periodStatus(
  ctx: AppContext,
  tx: Tx,
  org: { id: string; name: string },
  year: number,
  period: SupervisionPeriod,
): Promise<PeriodDetail> {
  const range = periodRange(year, period);
  const cal = await new CalendarService(ctx).load(calendarYearsFor(year), tx);
  const config = await dueConfigOf(tx, org.id);
  const dueOn = reportDueOn(year, period, cal, config);
  const day = today();
  const all = await repo.listAreas(tx, { bodyOrgId: org.id });
  const reports = await repo.reportsFor(
    tx,
    all.map((a) => a.id),
    year,
    period,
  );
  const byArea = new Map(reports.map((r) => [r.area_id, r]));
  const areas = all
    .filter((a) => byArea.has(a.id) || overlapsPeriod({ fromDate: a.from_date, toDate: a.to_date }, range))
    .sort((a, b) => a.holder_name.localeCompare(b.holder_name, 'vi'));
  const rows = areas.map((a) => {
    const r = byArea.get(a.id) ?? null;
    const required = reportRequired({ fromDate: a.from_date, toDate: a.to_date }, range);
    return {
      areaId: a.id,
      holderName: a.holder_name,
      userId: a.user_id,
      area: a.area,
      fields: a.fields,
      fromDate: a.from_date,
      toDate: a.to_date,
      status: reportStatus({ required, report: r, dueOn, today: day }),
      report: r
        ? {
            id: r.id,
            submittedAt: new Date(r.submitted_at).toISOString(),
            late: r.late,
            signsOfViolation: r.signs_of_violation,
            version: r.version,
          }
        : null,
    };
  });
  const counts = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
  for (const row of rows) counts[row.status]++;
  const c = await repo.findCompilation(tx, org.id, year, period);
  return {
    org: { id: org.id, name: org.name },
    year,
    period,
    periodStart: range.start,
    periodEnd: range.end,
    opensOn: reportOpensOn(year, period, config),
    dueOn,
    compilation: c
      ? {
          compiledAt: new Date(c.compiled_at).toISOString(),
          compiledByName: c.compiled_by_name,
          reportsCount: c.reports_count,
          missingCount: c.missing_count,
        }
      : null,
    rows,
    counts,
    areas,
    reports,
  };
}
