// API tokens for integrations: shown once, stored as a hash, with scopes and an expiry.
import { inTransaction } from '../../db/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { hashSecret, newSecret } from '../../platform/auth/secrets.ts';
import { notFound } from '../../platform/errors.ts';

export const TOKEN_PREFIX = 'ktgs_';

function view(t: {
  id: string;
  name: string;
  scopes: string[];
  prefix: string;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}) {
  return {
    id: t.id,
    name: t.name,
    scopes: t.scopes as ('read' | 'write')[],
    prefix: t.prefix,
    createdAt: t.created_at.toISOString(),
    expiresAt: t.expires_at.toISOString(),
    lastUsedAt: t.last_used_at?.toISOString() ?? null,
    revokedAt: t.revoked_at?.toISOString() ?? null,
  };
}

export class TokenService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  /** Tokens belong to the caller: the system scope is used only with `user_id = caller`. */
  async list(actor: Actor) {
    const rows = await inTransaction(this.ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .selectFrom('api_token')
        .selectAll()
        .where('user_id', '=', actor.userId as string)
        .orderBy('created_at', 'desc')
        .execute(),
    );
    return rows.map(view);
  }

  async create(actor: Actor, input: { name: string; scopes: string[]; expiresInDays: number }) {
    const secret = `${TOKEN_PREFIX}${newSecret(32)}`;
    const row = await inTransaction(this.ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      const r = await tx
        .insertInto('api_token')
        .values({
          user_id: actor.userId as string,
          name: input.name,
          prefix: secret.slice(0, 10),
          token_hash: hashSecret(secret),
          scopes: [...new Set(input.scopes)],
          expires_at: new Date(Date.now() + input.expiresInDays * 86_400_000),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(tx, actor, {
        action: 'token.create',
        entityType: 'api_token',
        entityId: r.id,
        after: { name: r.name, scopes: r.scopes, expiresAt: r.expires_at },
      });
      return r;
    });
    return { token: secret, item: view(row) };
  }

  async revoke(actor: Actor, id: string) {
    await inTransaction(this.ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      const r = await tx
        .updateTable('api_token')
        .set({ revoked_at: new Date() })
        .where('id', '=', id)
        .where('user_id', '=', actor.userId as string)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw notFound('Mã truy cập');
      await appendAudit(tx, actor, { action: 'token.revoke', entityType: 'api_token', entityId: id });
    });
  }
}
