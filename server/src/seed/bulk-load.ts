// Around a load of millions of rows it is cheaper to build secondary indexes and check constraints once
// than row by row: trigram GIN and GiST inserts, a foreign-key trigger query per row, unique B-trees.
// The exclusion constraint of member_transfer stays: building it afterwards (a GiST build plus one probe
// per row) was measured slower than maintaining it (over 90 s per million rows). Definitions are read from the catalogue, so they come back exactly as the
// migrations made them, and everything happens inside the load's transaction: a failed load (or a
// constraint the new rows break) rolls the drop back too. The primary keys stay.
import type pg from 'pg';

export interface Dropped {
  kind: 'index' | 'constraint';
  table: string;
  name: string;
  definition: string;
}

/** Tables whose plain indexes and unique and foreign-key constraints are rebuilt around a bulk load. */
export const BULK_TABLES = ['member', 'member_transfer', 'post'];

export async function dropForBulkLoad(client: pg.ClientBase, tables: readonly string[] = BULK_TABLES): Promise<Dropped[]> {
  const { rows } = await client.query<Dropped>(
    `SELECT 'constraint' AS kind, t.relname AS "table", k.conname AS name, pg_get_constraintdef(k.oid) AS definition
     FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
     WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace AND k.contype IN ('f', 'u')
     UNION ALL
     SELECT 'index', t.relname, c.relname, pg_get_indexdef(i.indexrelid)
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace AND NOT i.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [tables],
  );
  for (const r of rows) {
    await client.query(
      r.kind === 'index' ? `DROP INDEX ${quoteIdent(r.name)}` : `ALTER TABLE ${quoteIdent(r.table)} DROP CONSTRAINT ${quoteIdent(r.name)}`,
    );
  }
  return rows;
}

export async function restoreAfterBulkLoad(client: pg.ClientBase, dropped: readonly Dropped[]): Promise<void> {
  if (dropped.length === 0) return;
  // Index builds sort in memory when they can; the setting lasts until the transaction ends.
  await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
  // Indexes and unique constraints first, foreign keys (validated by one join each) last.
  const order = (d: Dropped) => (d.kind === 'index' ? 0 : d.definition.startsWith('FOREIGN KEY') ? 2 : 1);
  for (const d of [...dropped].sort((a, b) => order(a) - order(b))) {
    await client.query(
      d.kind === 'index' ? d.definition : `ALTER TABLE ${quoteIdent(d.table)} ADD CONSTRAINT ${quoteIdent(d.name)} ${d.definition}`,
    );
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
