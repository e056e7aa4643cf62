// SQL of import_run: what each import was asked to do and what happened (the report is rebuilt from it).
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

/** What import_run.errors holds: the file's headers, then the rows the report shows. */
export interface StoredReport {
  headers: string[];
  rows: { row: number; values: string[]; errors: string[] }[];
  /** Every error of the run (the report may keep fewer rows). */
  errorCount: number;
  /** Error rows left out of the report (it keeps at most a fixed number). */
  omitted: number;
}

export interface RunInsert {
  kind: string;
  file_name: string;
  file_sha256: string;
  scope_path: string;
  status: string;
  rows_total: number;
  created: number;
  updated: number;
  unchanged: number;
  report: StoredReport;
  created_by: string | null;
}

export async function insertRun(tx: Tx, v: RunInsert): Promise<{ id: string; created_at: Date }> {
  const { report, ...rest } = v;
  // The column is a jsonb array: one element, the report object.
  return tx
    .insertInto('import_run')
    .values({ ...rest, errors: JSON.stringify([report]) })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

const SUMMARY = [
  'id',
  'kind',
  'file_name',
  'file_sha256',
  'status',
  'rows_total',
  'created',
  'updated',
  'unchanged',
  'created_at',
  'created_by',
] as const;

export function recentRuns(tx: Tx, limit: number) {
  return tx
    .selectFrom('import_run')
    .select(SUMMARY)
    .select(sql<number>`coalesce((errors->0->>'errorCount')::int, 0)`.as('error_count'))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export function runById(tx: Tx, id: string) {
  return tx
    .selectFrom('import_run')
    .select([...SUMMARY, 'errors', 'scope_path'])
    .where('id', '=', id)
    .executeTakeFirst();
}
