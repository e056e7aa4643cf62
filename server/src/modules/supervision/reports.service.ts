// Committee members' six-month and yearly supervision reports (domain.md §7): sent by the member the
// area is assigned to, dated and marked late on the working calendar, correctable until the UBKT
// compiles the period; who has not reported is listed for the UBKT, which compiles for the standing committee.

import { formatVnDate } from '../../../../common/dates.ts';
import type { PeriodQuery, PeriodStatus, ReportSubmit, SupervisionReport } from '../../../../common/supervision.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { calendarYearsFor, reportDueOn } from '../../domain/supervision/periods.ts';
import { isLate, submitProblem } from '../../domain/supervision/status.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWritable, requireScope, type Scope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { CalendarService } from '../calendar/calendar.service.ts';
import { compiledDocx } from './compiled.docx.ts';
import * as repo from './supervision.repository.ts';
import { dueConfigOf, periodStatus, today, toReport } from './supervision.view.ts';

const CLOSED = 'Ủy ban Kiểm tra đã chốt tổng hợp báo cáo kỳ này: không gửi hoặc sửa báo cáo được nữa.';

export class SupervisionReportService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  private run<T>(scope: Scope, fn: (tx: Tx) => Promise<T>) {
    return inTransaction(this.ctx.database.db, scope, fn);
  }

  private auditView(r: repo.ReportRow) {
    return { content: r.content, findings: r.findings, proposals: r.proposals, signsOfViolation: r.signs_of_violation };
  }

  /** A first report (version 0) or a correction (the version read) by the member the area is assigned to. */
  async submit(actor: Actor, areaId: string, input: ReportSubmit): Promise<SupervisionReport> {
    const scope = requireScope(actor, 'supervision.report');
    return this.run(scope, async (tx) => {
      const area = await repo.findArea(tx, areaId);
      if (!area) throw notFound('Phân công giám sát');
      assertVisible(scope, { path: area.scope_path }, 'Phân công giám sát');
      if (!actor.userId || area.user_id !== actor.userId)
        throw forbidden('Chỉ cấp ủy viên được phân công địa bàn này mới gửi báo cáo giám sát của địa bàn.');
      const year = Number(input.year);
      const config = await dueConfigOf(tx, area.body_org_id);
      const problem = submitProblem(
        { year, period: input.period, today: today(), assignment: { fromDate: area.from_date, toDate: area.to_date } },
        config,
      );
      if (problem) throw invalid('period', problem);
      if (await repo.findCompilation(tx, area.body_org_id, year, input.period)) throw conflict(CLOSED);
      const values = {
        content: input.content,
        findings: input.findings || null,
        proposals: input.proposals || null,
        signs_of_violation: input.signsOfViolation ?? false,
      };
      const existing = await repo.reportOf(tx, area.id, year, input.period);
      let id: string;
      if (input.version === 0) {
        if (existing) throw conflict('Báo cáo kỳ này đã được gửi. Tải lại trang để xem và sửa báo cáo đã gửi.');
        const cal = await new CalendarService(this.ctx).load(calendarYearsFor(year), tx);
        const dueOn = reportDueOn(year, input.period, cal, config);
        const inserted = await repo.insertReport(tx, {
          ...values,
          area_id: area.id,
          scope_path: area.scope_path,
          year,
          period: input.period,
          submitted_by: actor.userId,
          due_on: dueOn,
          late: isLate(today(), dueOn),
        });
        if (!inserted) throw conflict('Báo cáo kỳ này vừa được gửi từ nơi khác. Tải lại trang để xem.');
        id = inserted;
      } else {
        if (!existing) throw conflict('Báo cáo này không còn như khi bạn mở. Tải lại trang rồi thử lại.');
        if (!(await repo.updateReport(tx, existing.id, input.version, { ...values, updated_by: actor.userId }))) throw conflict();
        id = existing.id;
      }
      const saved = await repo.findReport(tx, id);
      if (!saved) throw notFound('Báo cáo');
      await appendAudit(tx, actor, {
        action: existing ? 'supervision.report_update' : 'supervision.report_submit',
        entityType: 'supervision_report',
        entityId: id,
        scopePath: area.scope_path,
        before: existing ? this.auditView(existing) : undefined,
        after: this.auditView(saved),
        detail: { year, period: input.period, late: saved.late, signsOfViolation: saved.signs_of_violation },
      });
      return toReport(saved, area, false);
    });
  }

  /** Read by the UBKT and the committee (inspection.read), or by its author. */
  async get(actor: Actor, id: string): Promise<SupervisionReport> {
    const scope = requireScope(actor, 'inspection.read');
    return this.run(scope, async (tx) => {
      const r = await repo.findReport(tx, id);
      if (!r) throw notFound('Báo cáo');
      assertVisible(scope, { path: r.scope_path }, 'Báo cáo');
      const area = await repo.findArea(tx, r.area_id);
      if (!area) throw notFound('Báo cáo');
      const compiled = Boolean(await repo.findCompilation(tx, area.body_org_id, r.year, r.period));
      return toReport(r, area, compiled);
    });
  }

  /** The reports sent under one assignment for a year (both periods): what the member's own page shows. */
  async ofArea(actor: Actor, areaId: string, year: number): Promise<SupervisionReport[]> {
    const scope = requireScope(actor, 'inspection.read');
    return this.run(scope, async (tx) => {
      const area = await repo.findArea(tx, areaId);
      if (!area) throw notFound('Phân công giám sát');
      assertVisible(scope, { path: area.scope_path }, 'Phân công giám sát');
      const out: SupervisionReport[] = [];
      for (const period of ['half', 'year'] as const) {
        const r = await repo.reportOf(tx, area.id, year, period);
        if (r) out.push(toReport(r, area, Boolean(await repo.findCompilation(tx, area.body_org_id, year, period))));
      }
      return out;
    });
  }

  private async org(tx: Tx, scope: Scope, orgId: string) {
    const org = await repo.findOrg(tx, orgId);
    if (!org) throw notFound('Tổ chức');
    assertVisible(scope, org, 'Tổ chức');
    return org;
  }

  /** Every assignment of the committee running in the period, with its status: sent, late, missing, not yet due. */
  async status(actor: Actor, q: PeriodQuery): Promise<PeriodStatus> {
    const scope = requireScope(actor, 'inspection.read');
    return this.run(scope, async (tx) => {
      const { areas: _a, reports: _r, ...status } = await periodStatus(this.ctx, tx, await this.org(tx, scope, q.orgId), q.year, q.period);
      return status;
    });
  }

  /**
   * Closes the period: the reports as they stand go to the standing committee, and can no longer be
   * corrected. Before the due date only when everyone who owes a report has sent it.
   */
  async compile(actor: Actor, q: PeriodQuery): Promise<PeriodStatus> {
    const scope = requireScope(actor, 'inspection.write');
    return this.run(scope, async (tx) => {
      const org = await this.org(tx, scope, q.orgId);
      assertWritable(scope, org.path);
      const { areas: _a, reports, ...status } = await periodStatus(this.ctx, tx, org, q.year, q.period);
      if (status.rows.length === 0)
        throw invalid('orgId', 'Cấp ủy này chưa phân công địa bàn giám sát cho cấp ủy viên nào trong kỳ: không có gì để tổng hợp.');
      if (status.counts.not_due > 0)
        throw invalid(
          'period',
          `Chưa đến hạn báo cáo (${formatVnDate(status.dueOn)}) và còn ${status.counts.not_due} cấp ủy viên chưa gửi: chưa chốt tổng hợp được.`,
        );
      const id = await repo.insertCompilation(tx, {
        body_org_id: org.id,
        scope_path: org.path,
        year: q.year,
        period: q.period,
        reports_count: reports.length,
        missing_count: status.counts.missing,
        compiled_by: actor.userId,
      });
      if (!id) throw conflict('Kỳ báo cáo này đã được chốt tổng hợp.');
      await appendAudit(tx, actor, {
        action: 'supervision.compile',
        entityType: 'supervision_compilation',
        entityId: id,
        scopePath: org.path,
        detail: { year: q.year, period: q.period, reports: reports.length, missing: status.counts.missing },
      });
      const { areas: _a2, reports: _r2, ...after } = await periodStatus(this.ctx, tx, org, q.year, q.period);
      return after;
    });
  }

  /** The compiled report for the standing committee as DOCX; each download is audited. */
  async compiled(actor: Actor, q: PeriodQuery): Promise<{ fileName: string; data: Buffer }> {
    const scope = requireScope(actor, 'inspection.read');
    return this.run(scope, async (tx) => {
      const org = await this.org(tx, scope, q.orgId);
      const detail = await periodStatus(this.ctx, tx, org, q.year, q.period);
      const data = await compiledDocx(detail, today());
      await appendAudit(tx, actor, {
        action: 'supervision.compiled_download',
        entityType: 'org_unit',
        entityId: org.id,
        scopePath: org.path,
        detail: { year: q.year, period: q.period, reports: detail.reports.length, missing: detail.counts.missing },
      });
      const label = q.period === 'half' ? '6-thang' : 'nam';
      return { fileName: `bao-cao-tong-hop-giam-sat-thuong-xuyen-${label}-${q.year}.docx`, data };
    });
  }
}
