// Running a case: the decision and its time limit, moving step by step (domain.md §3 as the state machine
// of domain/cases/procedure.ts), suspension, cancellation, the one extension, and the conclusion.
import type { CaseDetail } from '../../../../common/case-api.ts';
import type { CaseKind, StepCode } from '../../../../common/cases.ts';
import type { Permission } from '../../../../common/roles.ts';
import type { Tx } from '../../db/context.ts';
import { caseDeadline, extensionProblem, LIMITS_DEFAULTS } from '../../domain/cases/limits.ts';
import { canCancel, canResume, canSuspend, statusAfter } from '../../domain/cases/procedure.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertWritable, requireScope, type Scope } from '../../platform/access/scope.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { actionChecks, checkAdvance } from './case-rules.ts';
import * as repo from './cases.repository.ts';
import { CaseService } from './cases.service.ts';
import { factsOf, levelOf } from './cases.view.ts';

interface Write {
  tx: Tx;
  scope: Scope;
  c: repo.CaseRow;
  before: CaseDetail;
}

export class CaseWorkflowService extends CaseService {
  /**
   * One audited, optimistic write on a case: load it (404 outside the scope), check it is writable, run
   * `fn`, bump the version (409 when stale), audit with the detail before and after.
   */
  protected async write(
    actor: Actor,
    id: string,
    version: number,
    action: string,
    fn: (w: Write) => Promise<Parameters<typeof repo.updateCase>[3] | undefined>,
    permission: Permission = 'inspection.write',
    detail?: Record<string, unknown>,
  ): Promise<CaseDetail> {
    const scope = requireScope(actor, permission);
    return this.run(scope, async (tx) => {
      const c = await this.load(tx, scope, id);
      assertWritable(scope, c.scope_path);
      const before = await this.detail(tx, scope, id);
      const set = await fn({ tx, scope, c, before });
      if (!(await repo.updateCase(tx, id, version, set ?? {}))) throw conflict();
      const after = await this.detail(tx, scope, id);
      await appendAudit(tx, actor, {
        action,
        entityType: 'inspection_case',
        entityId: id,
        scopePath: c.scope_path,
        before,
        after,
        detail: { code: c.code, ...detail },
      });
      return after;
    });
  }

  async decide(actor: Actor, id: string, input: { decidedOn: string; decisionNo?: string; version: number }) {
    this.notFuture('decidedOn', input.decidedOn);
    return this.write(actor, id, input.version, 'case.decision', async ({ tx, c }) => {
      const { facts } = await factsOf(tx, c);
      const check = actionChecks(facts).decision;
      if (!check.allowed) throw invalid('decidedOn', check.reason ?? '');
      const level = levelOf(c);
      // Quy định 296-QĐ/TW (domain.md §3): the limit runs in calendar days from the decision, not in working days.
      return {
        decided_on: input.decidedOn,
        decision_no: input.decisionNo ?? null,
        limit_days: LIMITS_DEFAULTS[level].days,
        due_on: caseDeadline(input.decidedOn, level, c.extension_days ?? 0),
      };
    });
  }

  async advance(actor: Actor, id: string, input: { to: StepCode; on: string; note?: string; version: number }) {
    this.notFuture('on', input.on);
    return this.write(
      actor,
      id,
      input.version,
      'case.advance',
      async ({ tx, c, before }) => {
        const { facts } = await factsOf(tx, c);
        const t = checkAdvance(facts, input.to);
        if (!t.ok) throw invalid('to', t.reason);
        const current = [...before.steps].reverse().find((s) => !s.completedOn);
        if (current && input.on < current.startedOn) throw invalid('on', 'Ngày chuyển bước không được trước ngày bắt đầu bước hiện tại.');
        await repo.completeOpenSteps(tx, c.id, input.on, input.note?.normalize('NFC') ?? null);
        await repo.insertStep(tx, {
          case_id: c.id,
          scope_path: c.scope_path,
          step: input.to,
          started_on: input.on,
          due_on: await this.stepDue(tx, c.kind as CaseKind, input.to, input.on),
          created_by: actor.userId,
        });
        if (input.to === 'closed') await repo.completeOpenSteps(tx, c.id, input.on, null);
        return {
          step: input.to,
          status: statusAfter(input.to),
          closed_on: input.to === 'closed' ? input.on : null,
          // Leaving the notice step: the conclusion (or supervision result) has been notified.
          notified_on: c.step === 'notice' ? input.on : c.notified_on,
        };
      },
      'inspection.write',
      { to: input.to, on: input.on },
    );
  }

  async suspend(actor: Actor, id: string, input: { reason: string; version: number }) {
    return this.write(actor, id, input.version, 'case.suspend', async ({ c }) => {
      const t = canSuspend(c.kind as CaseKind, { status: c.status as never, step: c.step as StepCode }, input.reason);
      if (!t.ok) throw invalid('reason', t.reason);
      return { status: 'suspended', status_reason: input.reason };
    });
  }

  async resume(actor: Actor, id: string, input: { reason: string; version: number }) {
    return this.write(actor, id, input.version, 'case.resume', async ({ c }) => {
      const t = canResume({ status: c.status as never, step: c.step as StepCode });
      if (!t.ok) throw invalid('reason', t.reason);
      return { status: 'open', status_reason: input.reason };
    });
  }

  async cancel(actor: Actor, id: string, input: { reason: string; version: number }) {
    return this.write(actor, id, input.version, 'case.cancel', async ({ c }) => {
      const t = canCancel(c.kind as CaseKind, { status: c.status as never, step: c.step as StepCode }, input.reason);
      if (!t.ok) throw invalid('reason', t.reason);
      return { status: 'cancelled', status_reason: input.reason };
    });
  }

  /** Quy định 296-QĐ/TW: one extension, bounded by level (domain.md §3); a second is refused. */
  async extend(actor: Actor, id: string, input: { days: number; reason: string; version: number }) {
    return this.write(actor, id, input.version, 'case.extend', async ({ c }) => {
      if (c.status === 'closed' || c.status === 'cancelled') throw invalid('days', 'Cuộc kiểm tra, giám sát đã kết thúc hoặc bị hủy bỏ.');
      if (!c.decided_on) throw invalid('days', 'Chưa có quyết định nên chưa có thời hạn để gia hạn.');
      const level = levelOf(c);
      const problem = extensionProblem(level, input.days, c.extension_days !== null);
      if (problem) throw invalid('days', problem);
      return {
        extension_days: input.days,
        extension_reason: input.reason,
        extended_at: new Date(),
        extended_by: actor.userId,
        due_on: caseDeadline(c.decided_on, level, input.days),
      };
    });
  }
}
