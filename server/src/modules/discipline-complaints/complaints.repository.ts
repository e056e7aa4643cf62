// SQL for complaints about discipline and the decisions they are about. Subtree filters use the
// leakproof text range on the path (`ktgs_path_text`, migration 0005) so that they can use an index
// under row-level security.
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

/** The decision a complaint is about, with its matter's deciding body and subject. */
export function findDecision(tx: Tx, id: string) {
  return tx
    .selectFrom('discipline_decision as d')
    .innerJoin('discipline_matter as m', 'm.id', 'd.matter_id')
    .innerJoin('org_unit as b', 'b.id', 'm.body_org_id')
    .select([
      'd.id',
      'd.scope_path',
      'd.form',
      'd.status',
      'd.decided_on',
      'd.announced_on',
      'd.effective_on',
      'd.number_text',
      'd.secrecy',
      'd.created_by',
      'd.version',
      'd.apology_note',
      'd.restored_rights_note',
      'd.changed_by_complaint_id',
      'm.body_org_id',
      'm.body_type',
      'm.subject_member_id',
      'm.subject_org_id',
      'm.subject_path',
      'm.subject_name',
      'm.subject_facts',
      'b.name as body_name',
      'b.path as body_path',
      'b.level as body_level',
      'b.parent_id as body_parent_id',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
}
export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecision>>>;

/** Decisions to file against, by subject name (folded) or number; the caller's scope limits them. */
export function searchDecisions(tx: Tx, q: string, limit = 20) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return tx
    .selectFrom('discipline_decision as d')
    .innerJoin('discipline_matter as m', 'm.id', 'd.matter_id')
    .innerJoin('org_unit as b', 'b.id', 'm.body_org_id')
    .select([
      'd.id',
      'd.number_text',
      'd.form',
      'd.decided_on',
      'd.announced_on',
      'd.status',
      'm.subject_name',
      'm.subject_member_id',
      'm.subject_org_id',
      'b.name as body_name',
    ])
    .where((eb) =>
      eb.or([
        eb(sql`ktgs_fold(m.subject_name)`, 'like', sql`ktgs_fold(${like})`),
        eb('d.number_text', 'ilike', like),
        ...(/^[0-9a-f-]{36}$/i.test(q) ? [eb('d.id', '=', q)] : []),
      ]),
    )
    .orderBy('d.decided_on', 'desc')
    .limit(limit)
    .execute();
}

export function findOrg(tx: Tx, id: string) {
  return tx
    .selectFrom('org_unit')
    .select(['id', 'name', 'path', 'level', 'parent_id', 'secrecy', 'has_inspection_committee'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findOrgByPath(tx: Tx, path: string) {
  return tx
    .selectFrom('org_unit')
    .select(['id', 'name', 'path', 'level', 'parent_id', 'secrecy', 'has_inspection_committee'])
    .where('path', '=', path)
    .executeTakeFirst();
}

export function findMember(tx: Tx, id: string) {
  return tx.selectFrom('member').select(['id', 'org_path', 'full_name']).where('id', '=', id).executeTakeFirst();
}

/** Earlier complaints about the same decision that were resolved (for "already decided"). */
export function resolvedComplaintsOf(tx: Tx, decisionId: string) {
  return tx
    .selectFrom('discipline_complaint')
    .select(['id', 'resolver_org_id', 'is_final_level'])
    .where('decision_id', '=', decisionId)
    .where('status', '=', 'resolved')
    .execute();
}

export interface NewComplaint {
  decision_id: string;
  scope_path: string;
  resolver_org_id: string;
  resolver_body_type: string;
  complainant_member_id: string | null;
  complainant_org_id: string | null;
  complainant_name: string;
  filed_on: string;
  decision_received_on: string | null;
  content: string;
  /** JSON of the facts the admissibility rules turned on. */
  filing_facts: string;
  status: 'accepted' | 'refused';
  refusal_grounds: string[];
  refusal_note: string | null;
  due_on: string | null;
  is_final_level: boolean;
  secrecy: number;
  created_by: string | null;
}

export async function insertComplaint(tx: Tx, row: NewComplaint): Promise<string> {
  const r = await tx.insertInto('discipline_complaint').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

const complaintColumns = [
  'c.id',
  'c.decision_id',
  'c.scope_path',
  'c.resolver_org_id',
  'c.resolver_body_type',
  'c.complainant_member_id',
  'c.complainant_org_id',
  'c.complainant_name',
  'c.filed_on',
  'c.decision_received_on',
  'c.content',
  'c.status',
  'c.refusal_grounds',
  'c.refusal_note',
  'c.due_on',
  'c.is_final_level',
  'c.outcome',
  'c.outcome_form',
  'c.outcome_note',
  'c.resolved_on',
  'c.secrecy',
  'c.version',
  'r.name as resolver_name',
  'd.form as decision_form',
  'd.status as decision_status',
  'd.number_text as decision_number',
  'm.subject_name',
  'b.name as body_name',
] as const;

function base(tx: Tx) {
  return tx
    .selectFrom('discipline_complaint as c')
    .innerJoin('org_unit as r', 'r.id', 'c.resolver_org_id')
    .innerJoin('discipline_decision as d', 'd.id', 'c.decision_id')
    .innerJoin('discipline_matter as m', 'm.id', 'd.matter_id')
    .innerJoin('org_unit as b', 'b.id', 'm.body_org_id');
}

export function findComplaint(tx: Tx, id: string) {
  return base(tx)
    .select([...complaintColumns])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type ComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;

/** Where a complaint sits and its mark, read in the system scope to decide the access. */
export function peekComplaint(tx: Tx, id: string) {
  return tx.selectFrom('discipline_complaint').select(['id', 'scope_path', 'secrecy']).where('id', '=', id).executeTakeFirst();
}

export interface ComplaintFilter {
  path: string | null;
  status: string | null;
}

function filtered(tx: Tx, f: ComplaintFilter) {
  let q = base(tx);
  if (f.path) {
    const p = f.path;
    q = q.where(sql<string>`ktgs_path_text(c.scope_path)`, '>=', `${p}.`).where(sql<string>`ktgs_path_text(c.scope_path)`, '<', `${p}/`);
  }
  if (f.status) q = q.where('c.status', '=', f.status);
  return q;
}

export async function listComplaints(tx: Tx, f: ComplaintFilter, page: { offset: number; limit: number }) {
  const [rows, count] = await Promise.all([
    filtered(tx, f)
      .select([...complaintColumns])
      .orderBy(sql`CASE c.status WHEN 'accepted' THEN 0 WHEN 'received' THEN 1 ELSE 2 END`)
      .orderBy('c.due_on')
      .orderBy('c.filed_on', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    filtered(tx, f)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function resolveComplaint(
  tx: Tx,
  id: string,
  version: number,
  patch: { outcome: string; outcome_form: string | null; outcome_note: string; resolved_on: string },
): Promise<boolean> {
  const r = await tx
    .updateTable('discipline_complaint')
    .set({ ...patch, status: 'resolved', updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'accepted')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The effect of a resolution on the decision: changed or annulled, and by which complaint. */
export async function markDecision(
  tx: Tx,
  id: string,
  patch: {
    status: 'changed' | 'annulled';
    changed_by_complaint_id: string;
    apology_note: string | null;
    restored_rights_note: string | null;
  },
  /** A lighter or heavier form now in force; the first decided one is kept in original_form. */
  newForm: string | null = null,
): Promise<void> {
  await tx
    .updateTable('discipline_decision')
    .set({
      ...patch,
      ...(newForm ? { form: newForm, original_form: sql<string>`coalesce(original_form, form)` } : {}),
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .execute();
}
