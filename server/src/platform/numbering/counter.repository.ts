// Yearly numbers per issuing body: document numbers ("Số 12-TB/UBKT"), case codes and discipline
// matter codes all take the next value of one row of doc_counter (issuer, year, symbol).
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

/**
 * The next number for an issuing body, year and symbol: one statement, so concurrent callers queue on
 * the row, and records marked above the caller's clearance still count (the counter is not marked).
 */
export async function nextNumber(tx: Tx, issuerOrgId: string, year: number, symbol: string, scopePath: string): Promise<number> {
  const r = await tx
    .insertInto('doc_counter')
    .values({ issuer_org_id: issuerOrgId, year, symbol, scope_path: scopePath, last_no: 1 })
    .onConflict((oc) => oc.columns(['issuer_org_id', 'year', 'symbol']).doUpdateSet({ last_no: sql`doc_counter.last_no + 1` }))
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return r.last_no;
}
