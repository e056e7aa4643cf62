// One code path for both database modes: an embedded PGlite (a pg.Pool of one over it) or a
// PostgreSQL server (a pg.Pool on DATABASE_URL). Application queries always run as the
// non-privileged app role, so that row-level security applies in both modes.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './types.ts';

// `date` stays a 'yyyy-mm-dd' string: a JS Date would shift it by the time zone.
pg.types.setTypeParser(1082, (v) => v);
// bigint counts fit in a JS number for every figure this platform reports.
pg.types.setTypeParser(20, (v) => Number(v));

export type DatabaseMode = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** postgres://… for a server; null for embedded PGlite. */
  databaseUrl: string | null;
  /** Privileged connection for migrations and restore (server mode); defaults to databaseUrl. */
  adminDatabaseUrl?: string | null;
  /** PGlite data directory; 'memory://' for an in-memory database. */
  pgliteDataDir?: string;
  /** A PGlite data-directory tarball to start from (tests: the migrated template). */
  pgliteLoadDataDir?: Blob;
  appRole: string;
  poolSize?: number;
}

export interface Database {
  mode: DatabaseMode;
  appRole: string;
  db: Kysely<DB>;
  pool: pg.Pool;
  pglite: PGlite | null;
  /** Runs fn on a privileged connection (owner/superuser), outside row-level security. */
  admin<T>(fn: (client: pg.ClientBase) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const PGLITE_EXTENSIONS = { ltree, pg_trgm, unaccent, pgcrypto, btree_gist };

export async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<PGlite> {
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  const db = new PGlite(dataDir, { extensions: PGLITE_EXTENSIONS, loadDataDir });
  await db.waitReady;
  return db;
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Tên vai trò CSDL không hợp lệ: ${name}`);
  return `"${name}"`;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const role = quoteIdent(opts.appRole);
  if (opts.databaseUrl) return openServer(opts, role);
  return openEmbedded(opts, role);
}

async function openEmbedded(opts: DatabaseOptions, role: string): Promise<Database> {
  const pglite = await openPglite(opts.pgliteDataDir ?? 'memory://', opts.pgliteLoadDataDir);
  const pool = new pg.Pool({
    ...createPgConfig(pglite),
    max: 1,
    connectionTimeoutMillis: 60_000,
    // Awaited before the connection is handed out (a query fired from the 'connect' event would run beside
    // the caller's first one, which pg deprecates). PGlite has one session, shared by every query: the app
    // role is the session's default role. Before migrations have created the role this fails; migrate()
    // reconnects afterwards.
    onConnect: async (client) => {
      await client.query(`SET ROLE ${role}`).catch(() => undefined);
    },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    mode: 'pglite',
    appRole: opts.appRole,
    db,
    pool,
    pglite,
    async admin(fn) {
      const client = await pool.connect();
      try {
        await client.query('RESET ROLE');
        return await fn(client);
      } finally {
        await client.query(`SET ROLE ${role}`).catch(() => undefined);
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await pglite.close();
    },
  };
}

async function openServer(opts: DatabaseOptions, role: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl ?? undefined,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    // If the URL names a privileged role (owner), drop to the app role for the whole session, before the
    // connection is handed out.
    onConnect: async (client) => {
      await client
        .query(`DO $$ BEGIN IF current_user <> '${opts.appRole}' THEN EXECUTE 'SET ROLE ${role}'; END IF; END $$`)
        .catch(() => undefined);
    },
  });
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const adminUrl = opts.adminDatabaseUrl || opts.databaseUrl;
  let closed = false;
  return {
    mode: 'postgres',
    appRole: opts.appRole,
    db,
    pool,
    pglite: null,
    async admin(fn) {
      const client = new pg.Client({ connectionString: adminUrl ?? undefined });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}
