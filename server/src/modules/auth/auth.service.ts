// Sign-in, sessions, second factor, password changes. Owns the rules; SQL is in auth.repository.ts.
import type { SessionStage } from '../../../../common/auth.ts';
import { permissionsOf } from '../../../../common/roles.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import type { Actor, RoleGrant } from '../../platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from '../../platform/auth/passwords.ts';
import { hashSecret, newSecret } from '../../platform/auth/secrets.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import * as repo from './auth.repository.ts';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>;

export interface SessionInfo {
  id: string;
  stage: SessionStage;
  csrf: string;
}

/** A session moved to a new stage, with the new cookie values to send. */
export interface Rotated {
  stage: SessionStage;
  token: string;
  csrf: string;
}

export interface Authenticated {
  actor: Actor;
  session: SessionInfo | null;
  totpEnabled: boolean;
}

// Back-off starts after 3 wrong passwords for one account, and after 20 from one address (an office
// behind one NAT address must not lock itself out because of one colleague's typos).
export const ACCOUNT_FREE_FAILURES = 3;
const ADDRESS_FREE_FAILURES = 20;
const BAD_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';
export const TOTP_AAD = 'totp';

export function actorOf(user: UserRow, roles: RoleGrant[], requestId: string | null, extra: Partial<Actor> = {}): Actor {
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    fullName: user.full_name,
    clearance: user.clearance,
    roles,
    orgPath: user.org_path,
    tokenScopes: null,
    sessionId: null,
    requestId,
    ...extra,
  };
}

export class AuthService {
  protected readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  protected tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return inTransaction(this.ctx.database.db, SYSTEM_SCOPE, fn);
  }

  totpRequired(roles: RoleGrant[]): boolean {
    return roles.some((r) => this.ctx.config.totpRequiredRoles.includes(r.role));
  }

  /** What the user must still do after proving their password. */
  private stageAfterPassword(user: UserRow, roles: RoleGrant[]): SessionStage {
    if (user.must_change_password) return 'password_change';
    if (user.totp_enabled) return 'totp';
    if (this.totpRequired(roles)) return 'totp_enrol';
    return 'full';
  }

  async login(
    input: { username: string; password: string },
    meta: { ip: string | null; userAgent: string | null; requestId: string | null; previousToken: string | null },
  ): Promise<{ token: string; csrf: string; stage: SessionStage }> {
    const username = input.username.trim().toLowerCase();
    const keys = [`user:${username}`, `ip:${meta.ip ?? 'unknown'}`];
    const blocked = await this.tx((tx) => repo.throttleState(tx, keys));
    const until = Math.max(0, ...blocked.map((b) => (b.blocked_until ? new Date(b.blocked_until).getTime() : 0)));
    if (until > Date.now()) {
      const seconds = Math.ceil((until - Date.now()) / 1000);
      throw new AppError('rate_limited', `Đăng nhập sai nhiều lần. Vui lòng thử lại sau ${seconds} giây.`, {
        retryAfterSeconds: String(seconds),
      });
    }
    const user = await this.tx((tx) => repo.findUserByUsername(tx, username));
    const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
    if (!user || !ok) {
      await this.tx(async (tx) => {
        await repo.recordFailure(tx, keys[0] as string, ACCOUNT_FREE_FAILURES);
        await repo.recordFailure(tx, keys[1] as string, ADDRESS_FREE_FAILURES);
        if (user) {
          const actor = actorOf(user, [], meta.requestId);
          await appendAudit(tx, actor, { action: 'auth.login_failed', entityType: 'user', entityId: user.id });
        }
      });
      throw new AppError('unauthenticated', BAD_CREDENTIALS);
    }
    // A disabled account answers like a wrong password, so the answer does not confirm the password.
    if (user.disabled) {
      await this.tx((tx) =>
        appendAudit(tx, actorOf(user, [], meta.requestId), {
          action: 'auth.login_refused_disabled',
          entityType: 'user',
          entityId: user.id,
        }),
      );
      throw new AppError('unauthenticated', BAD_CREDENTIALS);
    }
    return this.tx(async (tx) => {
      await repo.clearThrottle(tx, keys[0] as string);
      if (meta.previousToken) {
        const old = await repo.findLiveSession(tx, hashSecret(meta.previousToken), this.ctx.config.sessionIdleMinutes);
        if (old) await repo.revokeSession(tx, old.id);
      }
      const roles = await repo.rolesOf(tx, user.id);
      const stage = this.stageAfterPassword(user, roles);
      const token = newSecret();
      const csrf = newSecret(24);
      const expiresAt = new Date(Date.now() + this.ctx.config.sessionAbsoluteHours * 3_600_000);
      const s = await repo.insertSession(tx, {
        tokenHash: hashSecret(token),
        userId: user.id,
        stage,
        csrf,
        expiresAt,
        ip: meta.ip,
        ua: meta.userAgent?.slice(0, 300) ?? null,
      });
      await tx.updateTable('app_user').set({ last_login_at: new Date() }).where('id', '=', user.id).execute();
      const actor = actorOf(user, roles, meta.requestId, { sessionId: s.id });
      await appendAudit(tx, actor, { action: 'auth.login', entityType: 'user', entityId: user.id, detail: { stage } });
      return { token, csrf, stage };
    });
  }

  private principalActor(p: repo.PrincipalRow, requestId: string | null, extra: Partial<Actor>): Actor {
    return {
      kind: 'user',
      userId: p.user_id,
      username: p.username,
      fullName: p.full_name,
      clearance: p.clearance,
      roles: p.roles,
      orgPath: p.org_path,
      tokenScopes: null,
      sessionId: null,
      requestId,
      ...extra,
    };
  }

  async fromSessionToken(token: string, requestId: string | null): Promise<Authenticated | null> {
    const s = await repo.sessionPrincipal(this.ctx.database.db, hashSecret(token), this.ctx.config.sessionIdleMinutes);
    if (!s) return null;
    // Idle time is tracked to the minute: one write a minute per session, not one per request.
    if (Date.now() - new Date(s.last_seen_at).getTime() > 60_000) await this.tx((tx) => repo.touchSession(tx, s.session_id));
    return {
      actor: this.principalActor(s, requestId, { sessionId: s.session_id }),
      session: { id: s.session_id, stage: s.stage as SessionStage, csrf: s.csrf_token },
      totpEnabled: s.totp_enabled,
    };
  }

  async fromApiToken(token: string, requestId: string | null): Promise<Authenticated | null> {
    const t = await repo.tokenPrincipal(this.ctx.database.db, hashSecret(token));
    if (!t) return null;
    if (!t.last_used_at || Date.now() - new Date(t.last_used_at).getTime() > 60_000) {
      await this.tx((tx) => repo.touchToken(tx, t.token_id));
    }
    return { actor: this.principalActor(t, requestId, { tokenScopes: t.scopes }), session: null, totpEnabled: t.totp_enabled };
  }

  /**
   * Moves the session to its next stage under a new token and CSRF secret: whoever saw the cookie
   * before the password change or the second factor does not hold the signed-in session.
   */
  protected async advance(tx: Tx, session: SessionInfo, stage: SessionStage): Promise<Rotated> {
    const token = newSecret();
    const csrf = newSecret(24);
    await repo.rotateSession(tx, session.id, hashSecret(token), csrf, stage);
    return { stage, token, csrf };
  }

  async changePassword(auth: Authenticated, currentPassword: string, newPassword: string): Promise<Rotated | null> {
    const userId = auth.actor.userId as string;
    return this.tx(async (tx) => {
      const user = (await repo.findUserById(tx, userId)) as UserRow;
      if (!(await verifyPassword(user.password_hash, currentPassword))) {
        throw invalid('currentPassword', 'Mật khẩu hiện tại không đúng.');
      }
      const problem = passwordProblem(newPassword, user.username);
      if (problem) throw invalid('newPassword', problem);
      if (await verifyPassword(user.password_hash, newPassword)) {
        throw invalid('newPassword', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
      }
      await tx
        .updateTable('app_user')
        .set({
          password_hash: await hashPassword(newPassword),
          must_change_password: false,
          password_changed_at: new Date(),
          updated_at: new Date(),
        })
        .where('id', '=', userId)
        .execute();
      // Other sessions may have been opened with the old password: end them.
      await repo.revokeUserSessions(tx, userId, auth.session?.id ?? null);
      await appendAudit(tx, auth.actor, { action: 'auth.password_change', entityType: 'user', entityId: userId });
      if (!auth.session) return null;
      const stage =
        auth.session.stage === 'password_change'
          ? this.stageAfterPassword({ ...user, must_change_password: false }, auth.actor.roles)
          : auth.session.stage;
      return this.advance(tx, auth.session, stage);
    });
  }

  async logout(auth: Authenticated, everywhere: boolean): Promise<void> {
    await this.tx(async (tx) => {
      if (everywhere) await repo.revokeUserSessions(tx, auth.actor.userId as string);
      else if (auth.session) await repo.revokeSession(tx, auth.session.id);
      await appendAudit(tx, auth.actor, {
        action: everywhere ? 'auth.logout_all' : 'auth.logout',
        entityType: 'user',
        entityId: auth.actor.userId,
      });
    });
  }

  me(auth: Authenticated) {
    const a = auth.actor;
    return {
      stage: auth.session?.stage ?? 'full',
      csrfToken: auth.session?.csrf ?? '',
      user: {
        id: a.userId as string,
        username: a.username as string,
        fullName: a.fullName as string,
        clearance: a.clearance,
        totpEnabled: auth.totpEnabled,
        totpRequired: this.totpRequired(a.roles),
        roles: a.roles,
        permissions: [...permissionsOf(a.roles.map((r) => r.role))],
      },
    };
  }
}
