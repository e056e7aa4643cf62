// Who is acting, with what roles where, and how far their scope and clearance reach.
import { type Permission, ROLE_PERMISSIONS, type Role } from '../../../../common/roles.ts';

export interface RoleGrant {
  role: Role;
  orgId: string;
  orgPath: string;
  orgName: string;
}

export interface Actor {
  kind: 'user' | 'system';
  userId: string | null;
  username: string | null;
  fullName: string | null;
  clearance: number;
  roles: RoleGrant[];
  /** The user's home organisation path (for scoping audit entries about the account). */
  orgPath: string | null;
  /** Set when the request came with an API token: what the token may do. */
  tokenScopes: readonly string[] | null;
  sessionId: string | null;
  requestId: string | null;
}

export function systemActor(requestId: string | null = null, label = 'Hệ thống'): Actor {
  return {
    kind: 'system',
    userId: null,
    username: null,
    fullName: label,
    clearance: 3,
    roles: [],
    orgPath: null,
    tokenScopes: null,
    sessionId: null,
    requestId,
  };
}

/** The subtrees where the actor holds a role granting the permission, minus nested duplicates. */
export function scopePaths(actor: Actor, permission: Permission): string[] {
  const paths = actor.roles.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission)).map((g) => g.orgPath);
  const unique = [...new Set(paths)].sort((a, b) => a.length - b.length);
  return unique.filter((p, i) => !unique.slice(0, i).some((q) => isWithin(p, q)));
}

/** ltree `<@`: is `path` equal to or below `ancestor`? */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'system' || scopePaths(actor, permission).length > 0;
}
