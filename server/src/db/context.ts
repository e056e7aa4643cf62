// Transactions that carry the access context into PostgreSQL for row-level security.

import { type Kysely, sql } from 'kysely';
import type { Scope } from '../platform/access/scope.ts';
import type { DB } from './types.ts';

/** A connection inside one transaction (see inTransaction). */
export type Tx = Kysely<DB>;

const LTREE_PATH = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

function ltreeArrayLiteral(paths: readonly string[]): string {
  for (const p of paths) if (!LTREE_PATH.test(p)) throw new Error(`Đường dẫn tổ chức không hợp lệ: ${p}`);
  return `{${paths.join(',')}}`;
}

/**
 * Runs fn in one transaction whose rows are limited, by the database itself, to `scope`. BEGIN and the
 * settings go in one round trip (simple protocol; every value is validated above, so literals are safe).
 */
export async function inTransaction<T>(db: Kysely<DB>, scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const scopes = ltreeArrayLiteral(scope.paths);
  const clearance = Number.isInteger(scope.clearance) ? scope.clearance : 0;
  return db.connection().execute(async (conn) => {
    await sql
      .raw(
        `BEGIN; SELECT set_config('ktgs.system', '${scope.system ? 'on' : 'off'}', true), ` +
          `set_config('ktgs.scopes', '${scopes}', true), set_config('ktgs.clearance', '${clearance}', true)`,
      )
      .execute(conn);
    try {
      const result = await fn(conn);
      await sql.raw('COMMIT').execute(conn);
      return result;
    } catch (e) {
      await sql
        .raw('ROLLBACK')
        .execute(conn)
        .catch(() => undefined);
      throw e;
    }
  });
}
