// The scope an operation runs in: the subtrees and clearance the service checked, which the
// database then enforces again through row-level security (server/src/db/context.ts).
import type { Permission } from '../../../../common/roles.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { type Actor, isWithin, scopePaths } from './actor.ts';

export interface Scope {
  system: boolean;
  paths: string[];
  clearance: number;
}

export const SYSTEM_SCOPE: Scope = { system: true, paths: [], clearance: 3 };

/** The scope for `permission`; refuses when the actor holds it nowhere. */
export function requireScope(actor: Actor, permission: Permission): Scope {
  if (actor.kind === 'system') return SYSTEM_SCOPE;
  const paths = scopePaths(actor, permission);
  if (paths.length === 0) throw forbidden();
  return { system: false, paths, clearance: actor.clearance };
}

export function inScope(scope: Scope, path: string): boolean {
  return scope.system || scope.paths.some((p) => isWithin(path, p));
}

/** A record outside the scope, or above the clearance, does not exist for this actor. */
export function assertVisible(scope: Scope, record: { path: string; secrecy?: number }, what?: string): void {
  if (!inScope(scope, record.path) || (record.secrecy ?? 0) > scope.clearance) throw notFound(what);
}

/** For writes into a place: the place must be inside the scope (the caller already knows it exists). */
export function assertWritable(scope: Scope, path: string): void {
  if (!inScope(scope, path)) throw forbidden('Tổ chức này nằm ngoài phạm vi được phân quyền của bạn.');
}

/**
 * Nobody marks a record, or grants a clearance, above their own clearance (Luật Bảo vệ bí mật nhà nước
 * 2018): they could not see the record afterwards, and could hand others more than they hold.
 */
export function assertWithinClearance(actor: { clearance: number }, level: number | undefined, field: string, what = 'đặt độ mật'): void {
  if (level !== undefined && level > actor.clearance) throw invalid(field, `Không thể ${what} cao hơn mức được phép tiếp cận của bạn.`);
}
