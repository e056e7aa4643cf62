// Opens everything a process needs: configuration, data keys, the database (migrated), the upper tree.
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { ensureFirstAdmin, ensureOrgTree } from './bootstrap.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase, pgliteDir } from './db/connection.ts';
import { assertAppRoleIsUnprivileged, migrate, pendingMigrations } from './db/migrate.ts';
import { type ReminderJob, startReminderJob } from './modules/notifications/reminder-job.ts';
import { warnDaysFromEnv } from './modules/notifications/reminders.ts';
import type { AppContext } from './platform/app-context.ts';
import { loadKeyring } from './platform/crypto.ts';
import { loggerOptions } from './platform/http/logging.ts';
import { type SeedDemoResult, seedDemo } from './seed/demo.ts';

export const LOCK_FILE = 'ktgs.lock';
export const CONTROL_SOCKET = 'ktgs.sock';

export interface Runtime extends AppContext {
  firstAdmin: { username: string; password: string } | null;
  /** What a first start loaded as demo data, if anything. */
  seeded: SeedDemoResult | null;
  close(): Promise<void>;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of the live process holding the embedded database, if any. */
export function embeddedHolder(dataDir: string): number | null {
  try {
    const { pid } = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as { pid: number };
    return pid !== process.pid && pidAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** PGlite allows one process per data directory: take the lock or refuse. */
function acquireLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  const holder = embeddedHolder(dataDir);
  if (holder) throw new Error(`Dữ liệu ${dataDir} đang được tiến trình ${holder} sử dụng.`);
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }), { mode: 0o600 });
  return () => {
    try {
      const { pid } = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
      if (pid === process.pid) fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
}

export interface OpenOptions {
  /** Run migrations (true for serve and migrate; server deployments may migrate separately). */
  migrate?: boolean;
  bootstrap?: boolean;
  /** Load the demo province on a first start (KTGS_SEED: `demo` by default when embedded, `none` on a server). */
  seed?: boolean;
  /** Start the background jobs (the hourly reminders): only the server does, stopped by close(). */
  jobs?: boolean;
}

export async function openRuntime(config: Config, opts: OpenOptions = {}): Promise<Runtime> {
  const embedded = !config.databaseUrl;
  const release = embedded ? acquireLock(config.dataDir) : () => undefined;
  let database: Database | null = null;
  try {
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      adminDatabaseUrl: config.migrationDatabaseUrl,
      pgliteDataDir: embedded ? pgliteDir(config.dataDir) : undefined,
      appRole: config.appRole,
    });
    // A server deployment's app role cannot migrate: migrate there only with a migration URL or when
    // something is pending (then the error says what to do).
    const wantMigrate = embedded || config.migrationDatabaseUrl || (await pendingMigrations(database)).length > 0;
    if (opts.migrate !== false && wantMigrate) await migrate(database);
    const pending = await pendingMigrations(database);
    if (pending.length > 0) {
      throw new Error(`Lược đồ CSDL chưa được cập nhật (${pending.join(', ')}): chạy \`ktgs migrate\` trước.`);
    }
    await assertAppRoleIsUnprivileged(database);
    const keyring = loadKeyring(process.env, embedded ? config.dataDir : process.env.KTGS_DATA_DIR ? config.dataDir : null);
    let firstAdmin = null;
    let seeded: SeedDemoResult | null = null;
    if (opts.bootstrap !== false) {
      await ensureOrgTree(database);
      firstAdmin = await ensureFirstAdmin(database);
      const wanted = process.env.KTGS_SEED ?? (embedded ? 'demo' : 'none');
      if (!['demo', 'none'].includes(wanted)) throw new Error(`KTGS_SEED phải là "demo" hoặc "none" (đang là "${wanted}")`);
      // Only a first start (the first administrator was just created) gets the demo province.
      if (firstAdmin && wanted === 'demo' && opts.seed !== false) seeded = await seedDemo({ database, config, keyring });
    }
    const db = database;
    let reminders: ReminderJob | null = null;
    if (opts.jobs) {
      const log = pino(loggerOptions(config.logLevel));
      reminders = startReminderJob(
        { database: db, config, keyring },
        { warnDays: warnDaysFromEnv(), log: (level, fields, message) => log[level](fields, message) },
      );
    }
    return {
      database: db,
      config,
      keyring,
      firstAdmin,
      seeded,
      async close() {
        // A reminder run under way finishes before the database closes.
        await reminders?.stop();
        await db.close();
        release();
      },
    };
  } catch (e) {
    await database?.close().catch(() => undefined);
    release();
    throw e;
  }
}
