// Resolution time limits per kind and level (domain.md §5: configurable, defaults from the regulations):
// anyone handling letters reads them; only an administrator of the whole tree sets them, since they are
// national rules. A change applies to deadlines computed from then on (letters already running keep theirs).
import type { z } from 'zod';
import { ORG_KINDS, type OrgKind } from '../../../../common/orgs.ts';
import type { deadlineRulesSchema } from '../../../../common/petition-api.ts';
import { PETITION_KINDS, type PetitionKind } from '../../../../common/petitions.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { type Actor, hasPermission } from '../../platform/access/actor.ts';
import { requireScope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit, ROOT_PATH } from '../../platform/audit/audit.ts';
import { forbidden, invalid } from '../../platform/errors.ts';
import { deadlineConfig } from './deadlines.service.ts';

type Rules = z.infer<typeof deadlineRulesSchema>;

export class DeadlineRuleService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  private async rules(tx: Tx): Promise<Rules> {
    const [config, rows] = await Promise.all([
      deadlineConfig(tx),
      tx.selectFrom('petition_deadline_rule').select(['kind', 'level']).execute(),
    ]);
    const overridden = new Set(rows.map((r) => `${r.kind}/${r.level}`));
    return {
      items: PETITION_KINDS.flatMap((kind) =>
        ORG_KINDS.map((level) => {
          const r = config.rules[kind][level];
          return {
            kind,
            level,
            resolveWorkingDays: r.resolveWorkingDays,
            maxExtensionWorkingDays: r.maxExtensionWorkingDays,
            confirmed: r.confirmed,
            basis: r.basis,
            overridden: overridden.has(`${kind}/${level}`),
          };
        }),
      ),
    };
  }

  /** Anyone handling letters, and the administrators who set the rules. */
  list(actor: Actor): Promise<Rules> {
    const scope = requireScope(actor, hasPermission(actor, 'petition.read') ? 'petition.read' : 'user.manage');
    return inTransaction(this.ctx.database.db, scope, (tx) => this.rules(tx));
  }

  put(actor: Actor, kind: string, level: string, input: { resolveWorkingDays: number; maxExtensionWorkingDays: number }): Promise<Rules> {
    const scope = requireScope(actor, 'user.manage');
    if (!scope.system && !scope.paths.includes(ROOT_PATH))
      throw forbidden('Chỉ quản trị viên cấp Trung ương thiết lập thời hạn giải quyết đơn.');
    if (!PETITION_KINDS.includes(kind as PetitionKind)) throw invalid('kind', 'Loại đơn không hợp lệ.');
    if (!ORG_KINDS.includes(level as OrgKind)) throw invalid('level', 'Cấp tổ chức không hợp lệ.');
    return inTransaction(this.ctx.database.db, scope, async (tx) => {
      const before = (await this.rules(tx)).items.find((r) => r.kind === kind && r.level === level);
      const values = {
        resolve_working_days: input.resolveWorkingDays,
        max_extension_working_days: input.maxExtensionWorkingDays,
        updated_by: actor.userId,
        updated_at: new Date(),
      };
      await tx
        .insertInto('petition_deadline_rule')
        .values({ kind, level, ...values })
        .onConflict((oc) =>
          oc.columns(['kind', 'level']).doUpdateSet({ ...values, version: (eb) => eb('petition_deadline_rule.version', '+', 1) }),
        )
        .execute();
      const after = await this.rules(tx);
      await appendAudit(tx, actor, {
        action: 'petition.deadline_rule',
        entityType: 'petition_deadline_rule',
        entityId: `${kind}/${level}`,
        scopePath: ROOT_PATH,
        before,
        after: after.items.find((r) => r.kind === kind && r.level === level),
        detail: { kind, level, ...input },
      });
      return after;
    });
  }
}
