// Each committee's due dates for its members' supervision reports. Quy định 296-QĐ/TW sets the rhythm
// (six months, year) but not the day; the platform ships defaults (periods.ts) and a committee's UBKT
// or office records its own, versioned and audited. A report keeps the due date it was sent under.
import type { SettingInput, SupervisionSetting } from '../../../../common/supervision.ts';
import { inTransaction } from '../../db/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWritable, requireScope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import * as repo from './supervision.repository.ts';
import { dueConfigOf } from './supervision.view.ts';

export class SupervisionSettingService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  private async read(tx: Parameters<typeof dueConfigOf>[0], orgId: string): Promise<SupervisionSetting> {
    const [config, row] = await Promise.all([dueConfigOf(tx, orgId), repo.findSetting(tx, orgId)]);
    return {
      orgId,
      halfDueWorkingDays: config.dueWorkingDays.half,
      yearDueWorkingDays: config.dueWorkingDays.year,
      opensMonthsBeforeEnd: config.opensMonthsBeforeEnd,
      isDefault: !row,
      version: row?.version ?? 0,
    };
  }

  async get(actor: Actor, orgId: string): Promise<SupervisionSetting> {
    const scope = requireScope(actor, 'inspection.read');
    return inTransaction(this.ctx.database.db, scope, async (tx) => {
      const org = await repo.findOrg(tx, orgId);
      if (!org) throw notFound('Tổ chức');
      assertVisible(scope, org, 'Tổ chức');
      return this.read(tx, orgId);
    });
  }

  async save(actor: Actor, orgId: string, input: SettingInput): Promise<SupervisionSetting> {
    const scope = requireScope(actor, 'inspection.write');
    return inTransaction(this.ctx.database.db, scope, async (tx) => {
      const org = await repo.findOrg(tx, orgId);
      if (!org) throw notFound('Tổ chức');
      assertVisible(scope, org, 'Tổ chức');
      assertWritable(scope, org.path);
      if (!org.has_committee) throw invalid('orgId', 'Tổ chức này không có cấp ủy.');
      const before = await this.read(tx, orgId);
      const ok = await repo.saveSetting(tx, orgId, org.path, input.version, {
        half_due_working_days: input.halfDueWorkingDays,
        year_due_working_days: input.yearDueWorkingDays,
        opens_months_before_end: input.opensMonthsBeforeEnd,
        updated_by: actor.userId,
      });
      if (!ok) throw conflict();
      const after = await this.read(tx, orgId);
      await appendAudit(tx, actor, {
        action: 'supervision.setting',
        entityType: 'supervision_setting',
        entityId: orgId,
        scopePath: org.path,
        before,
        after,
      });
      return after;
    });
  }
}
