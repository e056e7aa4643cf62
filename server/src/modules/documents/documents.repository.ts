// SQL of the documents module: the case's facts, the issuing body's chain, numbering and revisions.
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

export function findCase(tx: Tx, id: string) {
  return tx.selectFrom('inspection_case').selectAll().where('id', '=', id).executeTakeFirst();
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/** Locks the case so that two generations of its documents queue (numbers and revisions stay unique). */
export async function lockCase(tx: Tx, id: string): Promise<void> {
  await tx.selectFrom('inspection_case').select('id').where('id', '=', id).forUpdate().execute();
}

/**
 * The organisations from the root down to `path` (names and kinds only), for the heading. Called in
 * the system scope: a commune officer cannot see the province row, yet the heading must name it.
 */
export function orgChain(tx: Tx, orgId: string) {
  return tx
    .selectFrom('org_unit')
    .select(['id', 'kind', 'name', 'path'])
    .where(sql<boolean>`path @> (SELECT o.path FROM org_unit o WHERE o.id = ${orgId}::uuid)`)
    .orderBy(sql`nlevel(path)`)
    .execute();
}

export async function memberOrgName(tx: Tx, memberId: string): Promise<string | null> {
  const r = await tx
    .selectFrom('member as m')
    .innerJoin('org_unit as o', 'o.id', 'm.org_id')
    .select('o.name')
    .where('m.id', '=', memberId)
    .executeTakeFirst();
  return r?.name ?? null;
}

export function stepsOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom('case_step')
    .select(['id', 'step', 'started_on', 'due_on'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

export function teamOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom('case_team_member')
    .select(['full_name', 'position', 'role'])
    .where('case_id', '=', caseId)
    .where('removed_on', 'is', null)
    .orderBy('added_on')
    .execute();
}

export function requirementsOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom('remediation_item')
    .select(['requirement', 'owner_name', 'due_on', 'status'])
    .where('case_id', '=', caseId)
    .where('status', '!=', 'cancelled')
    .orderBy('seq')
    .execute();
}

export function programmeItem(tx: Tx, id: string) {
  return tx.selectFrom('programme_item').select(['year', 'period_from', 'period_to']).where('id', '=', id).executeTakeFirst();
}

/** Every revision of every document of the case, newest first within a type, with file sizes. */
export function documentsOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom('case_document as d')
    .innerJoin('stored_file as f', 'f.id', 'd.file_id')
    .leftJoin('stored_file as s', 's.id', 'd.signed_file_id')
    .select([
      'd.id',
      'd.case_id',
      'd.doc_type',
      'd.title',
      'd.revision',
      'd.number',
      'd.number_text',
      'd.year',
      'd.generated_at',
      'd.signed_at',
      'd.scope_path',
      'f.file_name',
      'f.size',
      's.file_name as signed_file_name',
      's.mime as signed_mime',
      's.size as signed_size',
    ])
    .where('d.case_id', '=', caseId)
    .orderBy('d.doc_type')
    .orderBy('d.revision', 'desc')
    .execute();
}
export type DocumentRow = Awaited<ReturnType<typeof documentsOf>>[number];

export function findDocument(tx: Tx, id: string) {
  return tx.selectFrom('case_document').selectAll().where('id', '=', id).executeTakeFirst();
}
export type CaseDocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

/** The newest revision of a type, whose number a regeneration keeps. */
export function latestOf(tx: Tx, caseId: string, docType: string) {
  return tx
    .selectFrom('case_document')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('doc_type', '=', docType)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertDocument(
  tx: Tx,
  row: {
    case_id: string;
    scope_path: string;
    doc_type: string;
    step: string;
    issuer_org_id: string;
    year: number;
    number: number | null;
    number_text: string | null;
    title: string;
    revision: number;
    file_id: string;
    generated_by: string | null;
  },
): Promise<string> {
  const r = await tx.insertInto('case_document').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function setSigned(tx: Tx, id: string, fileId: string): Promise<void> {
  await tx.updateTable('case_document').set({ signed_file_id: fileId, signed_at: new Date() }).where('id', '=', id).execute();
}

/** Files the signed scan with the step the document belongs to, where the case page lists attachments. */
export async function attachToStep(
  tx: Tx,
  row: { case_id: string; step_id: string | null; scope_path: string; title: string; file_id: string; created_by: string | null },
): Promise<void> {
  await tx
    .insertInto('case_attachment')
    .values({ ...row, kind: 'document' })
    .execute();
}
