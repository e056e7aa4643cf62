// User administration within the administrator's subtree: accounts, roles on subtrees, clearance,
// password and second-factor resets. Every write is audited; passwords never leave as hashes.

import type { Role } from '../../../../common/roles.ts';
import { foldForSearch } from '../../../../common/text.ts';
import type { User, UserCreate, UserUpdate } from '../../../../common/users.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWithinClearance, requireScope, type Scope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { generateOneTimePassword, hashPassword } from '../../platform/auth/passwords.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { revokeUserSessions } from '../auth/auth.repository.ts';
import * as repo from './users.repository.ts';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
type RoleRow = Awaited<ReturnType<typeof repo.rolesFor>>[number];

function toUser(u: UserRow, roles: RoleRow[]): User {
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    email: u.email,
    clearance: u.clearance,
    disabled: u.disabled,
    totpEnabled: u.totp_enabled,
    mustChangePassword: u.must_change_password,
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    createdAt: u.created_at.toISOString(),
    version: u.version,
    roles: roles
      .filter((r) => r.user_id === u.id)
      .map((r) => ({ role: r.role as Role, orgId: r.org_id, orgName: r.name, orgPath: r.path })),
  };
}

/** What an audit entry may record about a user: never a password or a second-factor secret. */
function auditView(u: User) {
  const { lastLoginAt: _l, ...rest } = u;
  return rest;
}

export class UserService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  private run<T>(scope: Scope, fn: (tx: Tx) => Promise<T>) {
    return inTransaction(this.ctx.database.db, scope, fn);
  }

  private async load(tx: Tx, scope: Scope, id: string): Promise<User> {
    const u = await repo.findById(tx, id);
    if (!u) throw notFound('Người dùng');
    assertVisible(scope, { path: u.org_path }, 'Người dùng');
    return toUser(u, await repo.rolesFor(tx, [id]));
  }

  /** Every organisation named in the roles must be inside the administrator's scope. */
  private async checkRoles(tx: Tx, scope: Scope, roles: { role: Role; orgId: string }[]) {
    const ids = [...new Set(roles.map((r) => r.orgId))];
    const orgs = await repo.orgsByIds(tx, ids);
    const found = new Map(orgs.map((o) => [o.id, o]));
    roles.forEach((r, i) => {
      const org = found.get(r.orgId);
      if (!org) throw invalid(`roles.${i}.orgId`, 'Tổ chức không tồn tại hoặc nằm ngoài phạm vi quản trị của bạn.');
      assertVisible(scope, org);
    });
    const unique = new Set(roles.map((r) => `${r.role}:${r.orgId}`));
    if (unique.size !== roles.length) throw invalid('roles', 'Một vai trò được gán hai lần cho cùng một tổ chức.');
    // The account's home is the highest organisation it holds a role in.
    return orgs.sort((a, b) => a.path.length - b.path.length)[0] as { id: string; path: string };
  }

  async list(actor: Actor, q: string | undefined, page: number, pageSize: number) {
    const scope = requireScope(actor, 'user.manage');
    const folded = q ? foldForSearch(q) : null;
    return this.run(scope, async (tx) => {
      const [rows, count] = await repo.list(tx, { folded: folded || null, offset: (page - 1) * pageSize, limit: pageSize });
      const roles = await repo.rolesFor(
        tx,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => toUser(r, roles)), total: count.n };
    });
  }

  async get(actor: Actor, id: string): Promise<User> {
    const scope = requireScope(actor, 'user.manage');
    return this.run(scope, (tx) => this.load(tx, scope, id));
  }

  async create(actor: Actor, input: UserCreate & { clearance: number; email: string | null }) {
    const scope = requireScope(actor, 'user.manage');
    assertWithinClearance(actor, input.clearance, 'clearance', 'cấp độ mật');
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    const user = await this.run(scope, async (tx) => {
      const home = await this.checkRoles(tx, scope, input.roles);
      const exists = await tx.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst();
      if (exists) throw invalid('username', 'Tên đăng nhập đã được dùng.');
      let id: string;
      try {
        ({ id } = await repo.insertUser(tx, {
          username: input.username,
          full_name: input.fullName.normalize('NFC'),
          email: input.email,
          org_id: home.id,
          org_path: home.path,
          password_hash: passwordHash,
          clearance: input.clearance,
        }));
      } catch (e) {
        // A user of the same name may exist outside this administrator's scope.
        if ((e as { code?: string }).code === '23505') throw invalid('username', 'Tên đăng nhập đã được dùng.');
        throw e;
      }
      await repo.replaceRoles(tx, id, input.roles);
      const created = await this.load(tx, scope, id);
      await appendAudit(tx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        scopePath: home.path,
        after: auditView(created),
      });
      return created;
    });
    return { user, oneTimePassword };
  }

  async update(actor: Actor, id: string, input: UserUpdate): Promise<User> {
    const scope = requireScope(actor, 'user.manage');
    assertWithinClearance(actor, input.clearance, 'clearance', 'cấp độ mật');
    if (id === actor.userId && (input.disabled || input.roles)) {
      throw invalid(input.disabled ? 'disabled' : 'roles', 'Bạn không thể tự khóa hoặc tự đổi vai trò của mình.');
    }
    return this.run(scope, async (tx) => {
      const before = await this.load(tx, scope, id);
      const home = input.roles ? await this.checkRoles(tx, scope, input.roles) : null;
      const ok = await repo.updateUser(tx, id, input.version, {
        full_name: input.fullName?.normalize('NFC'),
        email: input.email,
        clearance: input.clearance,
        disabled: input.disabled,
        ...(home ? { org_id: home.id, org_path: home.path } : {}),
      });
      if (!ok) throw conflict();
      if (input.roles) await repo.replaceRoles(tx, id, input.roles);
      if (input.disabled) await revokeUserSessions(tx, id);
      const after = await this.load(tx, scope, id);
      await appendAudit(tx, actor, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        scopePath: home?.path ?? before.roles[0]?.orgPath,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  async resetPassword(actor: Actor, id: string): Promise<{ oneTimePassword: string }> {
    const scope = requireScope(actor, 'user.manage');
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    await this.run(scope, async (tx) => {
      const u = await this.load(tx, scope, id);
      await repo.updateUser(tx, id, null, { password_hash: passwordHash, must_change_password: true });
      await revokeUserSessions(tx, id);
      await appendAudit(tx, actor, { action: 'user.reset_password', entityType: 'user', entityId: id, scopePath: u.roles[0]?.orgPath });
    });
    return { oneTimePassword };
  }

  async resetTotp(actor: Actor, id: string): Promise<void> {
    const scope = requireScope(actor, 'user.manage');
    await this.run(scope, async (tx) => {
      const u = await this.load(tx, scope, id);
      await repo.updateUser(tx, id, null, {
        totp_enabled: false,
        totp_secret_enc: null,
        totp_pending_secret_enc: null,
        totp_last_step: null,
      });
      await repo.deleteRecoveryCodes(tx, id);
      await revokeUserSessions(tx, id);
      await appendAudit(tx, actor, { action: 'user.reset_totp', entityType: 'user', entityId: id, scopePath: u.roles[0]?.orgPath });
    });
  }
}
