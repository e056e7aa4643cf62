// SQL of the discipline decision documents: the decision with its matter, violations and meeting,
// and recording a generated revision. The number comes from the shared yearly counter
// (platform/numbering) under the QĐ symbol of the issuer, so a body's decisions share one sequence;
// the issuer's chain is the documents module's (documents.repository.ts: orgChain).
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

/** The decision locked for update, so that two generations queue (the number is drawn once). */
export function lockDecision(tx: Tx, id: string) {
  return tx.selectFrom('discipline_decision').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findDecision(tx: Tx, id: string) {
  return tx.selectFrom('discipline_decision').selectAll().where('id', '=', id).executeTakeFirst();
}
export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecision>>>;

export function findMatter(tx: Tx, id: string) {
  return tx.selectFrom('discipline_matter').selectAll().where('id', '=', id).executeTakeFirst();
}
export type MatterRow = NonNullable<Awaited<ReturnType<typeof findMatter>>>;

export function violationsOf(tx: Tx, matterId: string) {
  return tx
    .selectFrom('discipline_violation')
    .select(['seq', 'occurred_on', 'description', 'rule_violated'])
    .where('matter_id', '=', matterId)
    .orderBy('seq')
    .execute();
}

export function findMeeting(tx: Tx, id: string) {
  return tx.selectFrom('discipline_meeting').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The case's code, when the matter came from a case the reader can see. */
export async function caseCode(tx: Tx, caseId: string): Promise<string | null> {
  const r = await tx.selectFrom('inspection_case').select('code').where('id', '=', caseId).executeTakeFirst();
  return r?.code ?? null;
}

export async function recordGenerated(
  tx: Tx,
  id: string,
  row: { number: number | null; number_text: string | null; revision: number; file_id: string },
): Promise<number> {
  const r = await tx
    .updateTable('discipline_decision')
    .set({ ...row, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return r.version;
}
