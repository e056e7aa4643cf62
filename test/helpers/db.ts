// A fresh database per test file, copied from the migrated template made by global-setup.ts, in the
// mode the run asks for: PGlite by default, PostgreSQL when KTGS_TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';
import { type Database, openDatabase } from '../../server/src/db/connection.ts';
import type { AppContext } from '../../server/src/platform/app-context.ts';
import { loadKeyring } from '../../server/src/platform/crypto.ts';
import { withDatabase } from './global-setup.ts';

export interface TestDb extends AppContext {
  close(): Promise<void>;
}

export const TEST_KEYS = `t1:${randomBytes(32).toString('base64')}`;

export async function testContext(env: Record<string, string> = {}): Promise<TestDb> {
  const url = process.env.KTGS_TEST_DATABASE_URL;
  let database: Database;
  let drop: (() => Promise<void>) | null = null;
  if (url) {
    const name = `ktgs_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    await admin.end();
    database = await openDatabase({ databaseUrl: withDatabase(url, name), appRole: 'ktgs_app', poolSize: 4 });
    drop = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        // An autovacuum worker in the database cannot be ended without pg_signal_backend (42501): it
        // finishes soon, so wait for it rather than fail the file (.ci/run grants the role anyway).
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            break;
          } catch (e) {
            if ((e as { code?: string }).code !== '42501' || attempt === 20) throw e;
            await new Promise((r) => setTimeout(r, 500));
          }
        }
      } finally {
        await c.end();
      }
    };
  } else {
    const tar = fs.readFileSync(inject('pgliteTemplate'));
    database = await openDatabase({ databaseUrl: null, appRole: 'ktgs_app', pgliteLoadDataDir: new Blob([tar]) });
  }
  const config = { ...loadConfig({ KTGS_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...env }) };
  const keyring = loadKeyring({ KTGS_DATA_KEYS: TEST_KEYS }, null);
  return {
    database,
    config,
    keyring,
    async close() {
      await database.close();
      await drop?.();
    },
  };
}
