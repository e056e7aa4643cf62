// Duplicate and related letters (domain.md §5: linked, not counted twice; issue #6, point 6): the officer
// links two letters the similarity search missed, and confirms or rejects what it suggested. A rejected link
// stays on record (so the suggestion is not made again) but no longer counts or joins the cluster.
import type { PetitionDetail } from '../../../../common/petition-api.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertWritable, requireScope } from '../../platform/access/scope.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { PetitionBase } from './petitions.base.ts';
import * as repo from './petitions.repository.ts';

export class PetitionLinkService extends PetitionBase {
  /** A link made by the officer: confirmed at once (an existing suggestion between the two is confirmed). */
  async create(actor: Actor, id: string, input: { otherId: string; relation: 'duplicate' | 'related' }): Promise<PetitionDetail> {
    const scope = requireScope(actor, 'petition.write');
    if (input.otherId === id) throw invalid('otherId', 'Không liên kết một đơn với chính nó.');
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id);
      assertWritable(scope, p.scope_path);
      const other = await repo.findPetition(tx, input.otherId);
      if (!other || other.secrecy > scope.clearance)
        throw invalid('otherId', 'Đơn liên quan không tồn tại hoặc nằm ngoài phạm vi của bạn.');
      const existing = await repo.linkBetween(tx, id, input.otherId);
      if (existing) {
        assertWritable(scope, existing.scope_path);
        await tx
          .updateTable('petition_link')
          .set({ relation: input.relation, status: 'confirmed', decided_by: actor.userId })
          .where('petition_id', '=', existing.petition_id)
          .where('other_id', '=', existing.other_id)
          .execute();
      } else {
        await tx
          .insertInto('petition_link')
          .values({
            petition_id: id,
            other_id: input.otherId,
            scope_path: p.scope_path,
            relation: input.relation,
            origin: 'officer',
            status: 'confirmed',
            decided_by: actor.userId,
          })
          .execute();
      }
      await appendAudit(tx, actor, {
        action: 'petition.link',
        entityType: 'petition',
        entityId: id,
        scopePath: p.scope_path,
        before: existing ? { relation: existing.relation, status: existing.status } : null,
        after: { otherId: input.otherId, relation: input.relation, status: 'confirmed' },
        detail: { code: p.code, otherCode: other.code, relation: input.relation, existed: !!existing },
      });
      return this.detail(tx, p);
    });
  }

  /** Confirm or reject a suggested link, whichever of the two letters it was found from. */
  async decide(
    actor: Actor,
    id: string,
    otherId: string,
    status: 'confirmed' | 'rejected',
    from: 'suggested' | 'confirmed' | 'rejected',
  ): Promise<PetitionDetail> {
    const scope = requireScope(actor, 'petition.write');
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id);
      assertWritable(scope, p.scope_path);
      const link = await repo.linkBetween(tx, id, otherId);
      if (!link || !(await repo.findPetition(tx, otherId))) throw notFound('Liên kết giữa hai đơn');
      assertWritable(scope, link.scope_path);
      const r = await tx
        .updateTable('petition_link')
        .set({ status, decided_by: actor.userId })
        .where('petition_id', '=', link.petition_id)
        .where('other_id', '=', link.other_id)
        .where('status', '=', from)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1)
        throw conflict('Liên kết vừa được người khác xác nhận hoặc bác bỏ. Vui lòng tải lại rồi thử lại.');
      await appendAudit(tx, actor, {
        action: 'petition.link_decide',
        entityType: 'petition',
        entityId: id,
        scopePath: p.scope_path,
        before: { status: link.status },
        after: { status },
        detail: { code: p.code, otherId, relation: link.relation, status, origin: link.origin },
      });
      return this.detail(tx, p);
    });
  }
}
