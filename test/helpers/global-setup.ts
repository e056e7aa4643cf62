// Once per test run: a migrated database with the real upper tree, as a template each test file
// copies (PGlite: a data-directory tarball; PostgreSQL: a template database).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureOrgTree } from '../../server/src/bootstrap.ts';
import { openDatabase } from '../../server/src/db/connection.ts';
import { migrate } from '../../server/src/db/migrate.ts';

const TMP = path.resolve(import.meta.dirname, '../../.tmp');

export default async function setup(project: TestProject) {
  fs.mkdirSync(TMP, { recursive: true });
  const url = process.env.KTGS_TEST_DATABASE_URL;
  if (url) {
    const name = `ktgs_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const tplUrl = withDatabase(url, name);
    const database = await openDatabase({ databaseUrl: tplUrl, appRole: 'ktgs_app' });
    await migrate(database);
    await ensureOrgTree(database);
    await database.close();
    project.provide('pgTemplate', name);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => undefined);
      await admin.end();
    };
  }
  const database = await openDatabase({ databaseUrl: null, appRole: 'ktgs_app' });
  await migrate(database);
  await ensureOrgTree(database);
  const blob = await (database.pglite as NonNullable<typeof database.pglite>).dumpDataDir('none');
  const file = path.join(TMP, `pglite-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(file, { force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}
