// The signed-in user's own notifications. A user never sees another's: every query names the actor's
// user id (the rows are read in the system scope, see notifications.repository.ts).
import type { Notification, NotificationList, NotificationQuery } from '../../../../common/notifications.ts';
import { inTransaction } from '../../db/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import * as repo from './notifications.repository.ts';

function userIdOf(actor: Actor): string {
  if (!actor.userId) throw invalid('user', 'Thông báo chỉ dành cho người dùng có tài khoản.');
  return actor.userId;
}

export class NotificationService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  async list(actor: Actor, q: NotificationQuery): Promise<NotificationList> {
    const userId = userIdOf(actor);
    return inTransaction(this.ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      const { rows, total, unread } = await repo.listFor(tx, userId, {
        unreadOnly: q.unreadOnly === true,
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      });
      const items: Notification[] = rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        link: r.link,
        createdAt: new Date(r.created_at).toISOString(),
        readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
      }));
      return { items, total, unread };
    });
  }

  async markRead(actor: Actor, id: string): Promise<{ unread: number }> {
    const userId = userIdOf(actor);
    return inTransaction(this.ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      const r = await repo.markRead(tx, userId, id);
      if (!r.found) throw notFound('Thông báo');
      await appendAudit(tx, actor, { action: 'notification.read', entityType: 'notification', entityId: id });
      const { unread } = await repo.listFor(tx, userId, { unreadOnly: true, offset: 0, limit: 0 });
      return { unread };
    });
  }

  async markAllRead(actor: Actor): Promise<{ unread: number; marked: number }> {
    const userId = userIdOf(actor);
    return inTransaction(this.ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      const marked = await repo.markAllRead(tx, userId);
      await appendAudit(tx, actor, { action: 'notification.read_all', entityType: 'notification', detail: { marked } });
      return { unread: 0, marked };
    });
  }
}
