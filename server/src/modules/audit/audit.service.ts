// Reading and verifying the audit log: auditors only, within their subtree.

import { sql } from 'kysely';
import type { AuditEntry } from '../../../../common/audit.ts';
import { inTransaction } from '../../db/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { requireScope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit, verifyChain } from '../../platform/audit/audit.ts';

export class AuditService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  async list(actor: Actor, q: { page: number; pageSize: number; action?: string; actor?: string }) {
    const scope = requireScope(actor, 'audit.read');
    return inTransaction(this.ctx.database.db, scope, async (tx) => {
      let base = tx.selectFrom('audit_log');
      if (q.action) base = base.where('action', '=', q.action);
      if (q.actor) base = base.where('actor_name', '=', q.actor);
      const [rows, count] = await Promise.all([
        base
          .selectAll()
          .orderBy('seq', 'desc')
          .offset((q.page - 1) * q.pageSize)
          .limit(q.pageSize)
          .execute(),
        base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      const items: AuditEntry[] = rows.map((r) => ({
        seq: Number(r.seq),
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        scopePath: r.scope_path,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        beforeDigest: r.before_digest,
        afterDigest: r.after_digest,
        requestId: r.request_id,
        detail: r.detail,
        hash: r.hash,
      }));
      return { items, total: count.n };
    });
  }

  /** Verifies the whole chain (not only the auditor's subtree: a chain is whole or broken). */
  async verify(actor: Actor) {
    const scope = requireScope(actor, 'audit.read');
    const result = await verifyChain(this.ctx.database.db);
    await inTransaction(this.ctx.database.db, scope, (tx) =>
      appendAudit(tx, actor, {
        action: 'audit.verify',
        detail: { ok: result.ok, checked: result.checked, firstBroken: result.firstBroken?.seq ?? null },
      }),
    );
    return result;
  }
}
