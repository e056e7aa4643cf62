// Transactions that carry the access context into PostgreSQL for row-level security.

import type { Kysely } from 'kysely';
import { sql, type Transaction } from 'kysely';
import type { Scope } from '../platform/access/scope.ts';
import type { DB } from './types.ts';

export type Tx = Transaction<DB>;

const LTREE_PATH = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

function ltreeArrayLiteral(paths: readonly string[]): string {
  for (const p of paths) if (!LTREE_PATH.test(p)) throw new Error(`Đường dẫn tổ chức không hợp lệ: ${p}`);
  return `{${paths.join(',')}}`;
}

/** Runs fn in one transaction whose rows are limited, by the database itself, to `scope`. */
export async function inTransaction<T>(db: Kysely<DB>, scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('ktgs.system', ${scope.system ? 'on' : 'off'}, true),
                     set_config('ktgs.scopes', ${ltreeArrayLiteral(scope.paths)}, true),
                     set_config('ktgs.clearance', ${String(scope.clearance)}, true)`.execute(tx);
    return fn(tx);
  });
}
