// Who sent a letter (domain.md §5; issue #6, point 4): the denouncer's identity is read only by the petition
// custodian, after stating why, and every reading — and every refused attempt — leaves an audit entry that
// records the reason, never the identity itself.
import type { IdentityRead, SenderContact } from '../../../../common/petition-api.ts';
import type { SenderIdentity } from '../../../../common/petitions.ts';
import { inTransaction } from '../../db/context.ts';
import { type Actor, hasPermission } from '../../platform/access/actor.ts';
import { requireScope, SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { decrypt } from '../../platform/crypto.ts';
import { forbidden } from '../../platform/errors.ts';
import { senderAad } from './intake.service.ts';
import { PetitionBase } from './petitions.base.ts';

export class IdentityService extends PetitionBase {
  async read(actor: Actor, id: string, reason: string): Promise<IdentityRead> {
    if (!hasPermission(actor, 'petition.identity.read')) {
      // The attempt is recorded too (who, which letter, why), in its own transaction: nothing else is open.
      await inTransaction(this.ctx.database.db, SYSTEM_SCOPE, (tx) =>
        appendAudit(tx, actor, {
          action: 'petition.identity_refused',
          entityType: 'petition',
          entityId: id,
          detail: { reason },
        }),
      );
      throw forbidden('Chỉ người quản lý đơn thư mật được xem thông tin người gửi.');
    }
    const scope = requireScope(actor, 'petition.identity.read');
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id);
      const contact = p.sender_enc ? (JSON.parse(decrypt(this.ctx.keyring, p.sender_enc, senderAad(p.id))) as SenderContact) : null;
      const readAt = new Date().toISOString();
      await appendAudit(tx, actor, {
        action: 'petition.identity_read',
        entityType: 'petition',
        entityId: p.id,
        scopePath: p.scope_path,
        // The reason and what kind of record was shown; the identity stays out of the log.
        detail: { code: p.code, reason, contactOnRecord: contact !== null, senderIdentity: p.sender_identity },
      });
      return { senderIdentity: p.sender_identity as SenderIdentity, contact, readAt };
    });
  }
}
