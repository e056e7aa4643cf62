// SQL for a user's own notifications. Always filtered by user id: the service runs these in the
// system scope (a notification's scope_path is the body's, which its recipient may not hold).
import type { Tx } from '../../db/context.ts';

export async function listFor(tx: Tx, userId: string, opts: { unreadOnly: boolean; offset: number; limit: number }) {
  let q = tx.selectFrom('notification').where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    q
      .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .offset(opts.offset)
      .limit(opts.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    tx
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), unread: Number(unread.n) };
}

/** Marks one of the user's notifications read; false when it is not theirs or does not exist. */
export async function markRead(tx: Tx, userId: string, id: string): Promise<{ found: boolean; scopePath: string | null }> {
  const row = await tx
    .selectFrom('notification')
    .select(['id', 'scope_path', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return { found: false, scopePath: null };
  if (!row.read_at)
    await tx.updateTable('notification').set({ read_at: new Date() }).where('id', '=', id).where('user_id', '=', userId).execute();
  return { found: true, scopePath: row.scope_path };
}

export async function markAllRead(tx: Tx, userId: string): Promise<number> {
  const r = await tx
    .updateTable('notification')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
