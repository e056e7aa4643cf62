// Schema migrations (Kysely migrator over plain-SQL migration files) and the app role's grants.
import { Kysely, PostgresDialect } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type pg from 'pg';
import type { Database } from './connection.ts';
import { migrations } from './migrations/index.ts';

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** A Kysely bound to one already-open client (the privileged one); it never releases the client. */
export function kyselyOn(client: pg.ClientBase): Kysely<unknown> {
  const borrowed = { query: client.query.bind(client), release: () => undefined };
  const pool = { connect: async () => borrowed, end: async () => undefined };
  return new Kysely<unknown>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) });
}

export interface MigrateResult {
  applied: string[];
  current: string | null;
}

export async function migrate(database: Database): Promise<MigrateResult> {
  return database.admin(async (client) => {
    const kdb = kyselyOn(client);
    const migrator = new Migrator({ db: kdb, provider: new StaticProvider() });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error');
      throw new Error(`Cập nhật lược đồ CSDL thất bại${failed ? ` ở bước ${failed.migrationName}` : ''}: ${(error as Error).message}`);
    }
    await grantAppRole(client, database.appRole);
    const all = await migrator.getMigrations();
    const done = all.filter((m) => m.executedAt);
    return {
      applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
      current: done.at(-1)?.name ?? null,
    };
  });
}

/** Names of migrations the code knows that the database has not applied yet. */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const known = Object.keys(migrations);
  try {
    const rows = await database.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    const done = new Set((rows as { name: string }[]).map((r) => r.name));
    return known.filter((n) => !done.has(n));
  } catch {
    return known;
  }
}

async function grantAppRole(client: pg.ClientBase, appRole: string): Promise<void> {
  const role = `"${appRole}"`;
  await client.query(`
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
    CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE EXCEPTION 'Vai trò CSDL % chưa có và người chạy migrate không được tạo vai trò: quản trị viên CSDL cần tạo nó (xem README).', '${appRole}';
END $$;
GRANT USAGE ON SCHEMA public TO ${role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${role};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON kysely_migration, kysely_migration_lock FROM ${role};
DO $$
BEGIN
  IF current_user <> '${appRole}' AND NOT pg_has_role(current_user, '${appRole}', 'MEMBER') THEN
    EXECUTE format('GRANT %I TO %I', '${appRole}', current_user);
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'could not grant app role to %', current_user;
END $$;
`);
}

/** Refuses to run the application as a role that would bypass row-level security. */
export async function assertAppRoleIsUnprivileged(database: Database): Promise<void> {
  const { rows } = await database.pool.query<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>(
    'SELECT current_user, r.rolsuper, r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user',
  );
  const row = rows[0];
  if (!row || row.rolsuper || row.rolbypassrls) {
    throw new Error(
      `Ứng dụng đang kết nối CSDL với vai trò đặc quyền "${row?.current_user}" (vượt qua row-level security). ` +
        `Hãy dùng vai trò ${database.appRole} (xem README, mục PostgreSQL).`,
    );
  }
}
