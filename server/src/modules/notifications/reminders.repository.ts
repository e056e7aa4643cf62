// SQL of the reminder job. It runs in the system scope (no user's scope covers every body), reads
// only what a notice needs, and writes notices idempotently (unique user_id, dedupe_key).
import { sql } from 'kysely';
import { PETITION_CLOCK_STOPPED } from '../../../../common/petitions.ts';
import type { Tx } from '../../db/context.ts';

/** Open items of open cases due on or before `until`. */
export function remediationDue(tx: Tx, until: string) {
  return tx
    .selectFrom('remediation_item as r')
    .innerJoin('inspection_case as c', 'c.id', 'r.case_id')
    .innerJoin('org_unit as o', 'o.id', 'c.body_org_id')
    .select([
      'r.id',
      'r.case_id',
      'r.scope_path',
      'r.requirement',
      'r.owner_user_id',
      'r.owner_name',
      'r.due_on',
      'r.secrecy',
      'c.code as case_code',
      'c.subject_name as case_subject',
      'c.created_by as case_created_by',
      'o.path as body_path',
    ])
    .where('r.status', '=', 'open')
    .where('r.due_on', '<=', until)
    .where('c.status', '=', 'open')
    .execute();
}

/** Steps not yet completed, with a due date on or before `until`, of open cases. */
export function stepsDue(tx: Tx, until: string) {
  return tx
    .selectFrom('case_step as s')
    .innerJoin('inspection_case as c', 'c.id', 's.case_id')
    .innerJoin('org_unit as o', 'o.id', 'c.body_org_id')
    .select([
      's.id',
      's.case_id',
      's.step',
      's.due_on',
      'c.scope_path',
      'c.kind',
      'c.secrecy',
      'c.code as case_code',
      'c.subject_name as case_subject',
      'c.created_by as case_created_by',
      'o.path as body_path',
    ])
    .where('s.completed_on', 'is', null)
    .where('s.due_on', 'is not', null)
    .where('s.due_on', '<=', until)
    .where('c.status', '=', 'open')
    .execute();
}

/** Team members who are users, still on the team. */
export function teamUsers(tx: Tx, caseIds: string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('case_team_member')
    .select(['case_id', 'user_id', 'role'])
    .where('case_id', 'in', caseIds)
    .where('user_id', 'is not', null)
    .where('removed_on', 'is', null)
    .execute();
}

/** UBKT leaders holding the role on one of these organisations or an ancestor of one. */
export function ubktLeadersAbove(tx: Tx, paths: string[]) {
  return roleHoldersAbove(tx, ['ubkt_leader'], paths);
}

/**
 * Open petitions whose reminder day has come (domain.md §5; issue #6 point 5), with their body. A letter
 * passed to the new committee waits for the new committee's clock. Never the sender: not even selected.
 */
export function petitionsDue(tx: Tx, today: string) {
  return (
    tx
      .selectFrom('petition as p')
      .innerJoin('org_unit as o', 'o.id', 'p.body_org_id')
      .select([
        'p.id',
        'p.code',
        'p.kind',
        'p.title',
        'p.subject_name',
        'p.status',
        'p.secrecy',
        'p.scope_path',
        'p.clock_start_on',
        'p.due_on',
        'p.remind_on',
        'p.escalate_on',
        'p.escalated_on',
        'o.path as body_path',
        'o.name as body_name',
      ])
      // The clock runs in every status but those that stop it (common/petitions.ts).
      .where('p.status', 'not in', [...PETITION_CLOCK_STOPPED])
      .where('p.passed_to_new_committee', '=', false)
      .where('p.due_on', 'is not', null)
      .where('p.remind_on', 'is not', null)
      .where('p.remind_on', '<=', today)
      .execute()
  );
}

/** Users holding one of `roles` on one of these organisations or an ancestor of one. */
export function roleHoldersAbove(tx: Tx, roles: readonly string[], paths: string[]) {
  if (paths.length === 0 || roles.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('role_assignment as ra')
    .innerJoin('org_unit as o', 'o.id', 'ra.org_id')
    .select(['ra.user_id', 'o.path'])
    .where('ra.role', 'in', [...roles])
    .where(sql<boolean>`o.path @> ANY(CAST(${paths} AS ltree[]))`)
    .execute();
}

/**
 * Records that these petitions were reported to the level above (once each). Bookkeeping of the job, not an
 * officer's edit: the version is left alone, so a form open on the letter does not turn stale.
 */
export async function markPetitionsEscalated(tx: Tx, ids: string[], today: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('petition').set({ escalated_on: today }).where('id', 'in', ids).execute();
}

/** The recipients who may receive a notice: not disabled, and their clearance. */
export function usersByIds(tx: Tx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.selectFrom('app_user').select(['id', 'clearance']).where('id', 'in', ids).where('disabled', '=', false).execute();
}

export interface NewNotice {
  user_id: string;
  scope_path: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  dedupe_key: string;
}

/** Inserts what is new; notices already sent (same user and key) are skipped. Returns the kinds created. */
export async function insertNotices(tx: Tx, notices: NewNotice[]): Promise<string[]> {
  const created: string[] = [];
  for (let i = 0; i < notices.length; i += 500) {
    const rows = await tx
      .insertInto('notification')
      .values(notices.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .returning('kind')
      .execute();
    for (const r of rows) created.push(r.kind);
  }
  return created;
}
