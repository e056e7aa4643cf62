// Who may do what with a remediation item:
// - `inspection.write` over the body that owns the case: everything (evidence, done, reopen, new due
//   date, cancel);
// - `inspection.read` there: read it and its evidence;
// - the owner user (owner_user_id), wherever they sit: read it, upload evidence and report it done
//   (the conclusion made them answerable for it), but not move its deadline, cancel or reopen it.
// Every case needs the clearance of the item's mark. An owner outside the body's subtree is served in
// a scope narrowed to that body's path, and the queries then touch only their item by id.
import { type Actor, isWithin, scopePaths } from '../../platform/access/actor.ts';
import { type Scope, SYSTEM_SCOPE } from '../../platform/access/scope.ts';

export interface ItemRef {
  scope_path: string;
  secrecy: number;
  owner_user_id: string | null;
}

export interface Access {
  scope: Scope;
  canManage: boolean;
  canReport: boolean;
}

export function writePaths(actor: Actor): string[] {
  return actor.kind === 'system' ? [] : scopePaths(actor, 'inspection.write');
}

export function isOwner(actor: Actor, ref: { owner_user_id: string | null }): boolean {
  return actor.userId !== null && ref.owner_user_id === actor.userId;
}

/** The access the actor has to an item, or null when it does not exist for them. */
export function accessTo(actor: Actor, ref: ItemRef): Access | null {
  if (actor.kind === 'system') return { scope: SYSTEM_SCOPE, canManage: true, canReport: true };
  if (ref.secrecy > actor.clearance) return null;
  const clearance = actor.clearance;
  const write = writePaths(actor);
  if (write.some((p) => isWithin(ref.scope_path, p)))
    return { scope: { system: false, paths: write, clearance }, canManage: true, canReport: true };
  const owner = isOwner(actor, ref);
  const read = scopePaths(actor, 'inspection.read');
  if (read.some((p) => isWithin(ref.scope_path, p)))
    return { scope: { system: false, paths: read, clearance }, canManage: false, canReport: owner };
  if (owner) return { scope: { system: false, paths: [ref.scope_path], clearance }, canManage: false, canReport: true };
  return null;
}

export function canManagePath(actor: Actor, path: string): boolean {
  return actor.kind === 'system' || writePaths(actor).some((p) => isWithin(path, p));
}
