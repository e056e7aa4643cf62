// A scope for an action that any of several permissions allows (recording a meeting: who prepares the
// matter or who decides it; reading the internal publication: discipline readers and member readers).
import type { Permission } from '../../../../common/roles.ts';
import { type Actor, isWithin, scopePaths } from '../../platform/access/actor.ts';
import { requireScope, type Scope } from '../../platform/access/scope.ts';
import { forbidden } from '../../platform/errors.ts';

export function scopeForAny(actor: Actor, permissions: Permission[]): Scope {
  if (actor.kind === 'system') return requireScope(actor, permissions[0] as Permission);
  const all = [...new Set(permissions.flatMap((p) => scopePaths(actor, p)))].sort((a, b) => a.length - b.length);
  const paths = all.filter((p, i) => !all.slice(0, i).some((q) => isWithin(p, q)));
  if (paths.length === 0) throw forbidden();
  return { system: false, paths, clearance: actor.clearance };
}
