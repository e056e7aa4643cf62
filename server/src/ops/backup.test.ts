import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/connection.ts';
import { inTransaction } from '../db/context.ts';
import { migrate } from '../db/migrate.ts';
import { migrations } from '../db/migrations/index.ts';
import { systemActor } from '../platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../platform/access/scope.ts';
import { appendAudit, verifyChain } from '../platform/audit/audit.ts';
import { restoreBackup, writeBackup } from './backup.ts';

// The child's id sorts before its parent's: the dump must order org_unit by the tree, not by id.
const ROOT = 'ffffffff-0000-4000-8000-000000000001';
const CHILD = '00000000-0000-4000-8000-000000000002';
const USER = '11111111-0000-4000-8000-000000000003';
const TRICKY = 'Thành ủy Hà Nội — O\'Brien \\ "x"\nline 2; -- not a comment';

// PGlite by default; with KTGS_TEST_DATABASE_URL, throw-away databases on that PostgreSQL server.
const SERVER = process.env.KTGS_TEST_DATABASE_URL;
const created: string[] = [];

async function onServer(text: string) {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  await c.query(text).finally(() => c.end());
}

async function fresh(): Promise<Database> {
  let databaseUrl: string | null = null;
  if (SERVER) {
    const name = `ktgs_bk_${process.pid}_${randomBytes(4).toString('hex')}`;
    await onServer(`CREATE DATABASE ${name}`);
    created.push(name);
    const url = new URL(SERVER);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const database = await openDatabase({ databaseUrl, appRole: 'ktgs_app' });
  await migrate(database);
  return database;
}

async function sql(database: Database, text: string, params: unknown[] = []) {
  return database.admin(async (c) => {
    await c.query(`SELECT set_config('ktgs.system', 'on', false)`);
    try {
      return (await c.query(text, params)).rows;
    } finally {
      await c.query(`SELECT set_config('ktgs.system', 'off', false)`);
    }
  });
}

async function audit(database: Database, action: string, detail: Record<string, unknown>) {
  await inTransaction(database.db, SYSTEM_SCOPE, (tx) => appendAudit(tx, systemActor(), { action, detail }));
}

async function seed(database: Database) {
  await sql(
    database,
    `INSERT INTO org_unit (id, parent_id, code, name, kind, path) VALUES ($1, NULL, 'TW', 'Trung ương', 'central', 'TW')`,
    [ROOT],
  );
  await sql(
    database,
    `INSERT INTO org_unit (id, parent_id, code, name, kind, path, secrecy, valid_from, province_code)
     VALUES ($1, $2, 'HN', $3, 'province', 'TW.HN', 1, '2020-02-29', NULL)`,
    [CHILD, ROOT, TRICKY],
  );
  await sql(
    database,
    `INSERT INTO app_user (id, username, full_name, email, org_id, org_path, password_hash, totp_last_step, last_login_at)
     VALUES ($1, 'nguyenvana', 'Nguyễn Văn Ánh Đức', NULL, $2, 'TW.HN', 'h\\a''sh', 123456789012,
             '2024-03-01 10:20:30.123456+07')`,
    [USER, CHILD],
  );
  await sql(database, `INSERT INTO role_assignment (user_id, role, org_id) VALUES ($1, 'admin', $2)`, [USER, ROOT]);
  await sql(
    database,
    `INSERT INTO session (token_hash, user_id, stage, csrf_token, expires_at, user_agent)
     VALUES ('\\x00ff5c27220a'::bytea, $1, 'full', 'c''s\\rf', now() + interval '1 day', E'UA\\twith tab')`,
    [USER],
  );
  await sql(
    database,
    `INSERT INTO api_token (user_id, name, prefix, token_hash, scopes, expires_at)
     VALUES ($1, 'Mã "đọc"', 'kt_', '\\xdeadbeef', ARRAY['read', 'write "x"', 'a,b'], 'infinity')`,
    [USER],
  );
  await sql(database, `INSERT INTO recovery_code (user_id, code_hash) VALUES ($1, '\\x01')`, [USER]);
  // Enough rows for several cursor fetches and several restore batches.
  await sql(database, `INSERT INTO auth_throttle (key, failures) SELECT 'ip:' || g, g FROM generate_series(1, 2500) g`);
  await audit(database, 'org.create', { note: "Ghi chú: O'Brien \\ \n mới", n: 1.5, nested: { a: [1, null] } });
  await audit(database, 'user.create', { username: 'nguyenvana' });
}

/** Every application table, rows in a stable order. */
async function snapshot(database: Database) {
  const tables = await sql(
    database,
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'
     AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely%' ORDER BY 1`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { t } of tables) out[t] = await sql(database, `SELECT * FROM "${t}" r ORDER BY r::text`);
  return out;
}

async function* chunks(text: string, size: number) {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

async function dumpOf(database: Database) {
  const parts: string[] = [];
  const result = await writeBackup(database, (c) => void parts.push(c));
  return { text: parts.join(''), result };
}

describe('backup and restore', () => {
  let source: Database;
  let target: Database;
  let dump: string;

  beforeAll(async () => {
    [source, target] = await Promise.all([fresh(), fresh()]);
    await seed(source);
    await sql(target, `INSERT INTO org_unit (code, name, kind, path) VALUES ('X', 'Khác', 'central', 'X')`);
    await audit(target, 'other', { x: 1 });
  });

  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
    for (const name of created) await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('round-trips every table into another database, replacing what it held', async () => {
    const { text, result } = await dumpOf(source);
    dump = text;
    expect(text.startsWith('-- ktgs-backup 1\n')).toBe(true);
    expect(text).toContain(`-- migrations: ${JSON.stringify(Object.keys(migrations))}`);
    expect(text).toContain(`SELECT set_config('ktgs.system','on',false);`);
    expect(text.indexOf('INSERT INTO "org_unit"')).toBeLessThan(text.indexOf('INSERT INTO "app_user"'));
    expect(text).not.toContain('"level"');
    expect(result.tables).toMatchObject({ org_unit: 2, app_user: 1, audit_log: 2, audit_head: 1, auth_throttle: 2500 });

    const restored = await restoreBackup(target, chunks(text, 97));
    expect(restored.tables).toEqual(result.tables);
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect(await verifyChain(target.db)).toEqual({ ok: true, checked: 2, firstBroken: null });
    // The restore's settings were transaction-local: the application session is not left privileged.
    const [flags] = await sql(target, `SELECT current_setting('ktgs.maintenance', true) AS m`);
    expect(flags?.m ?? '').toBe('');
    // And the restored chain goes on.
    await audit(target, 'after.restore', {});
    expect((await verifyChain(target.db)).ok).toBe(true);
  });

  it('restores from a plain string, and a dump of the restored database is the same', async () => {
    await restoreBackup(target, dump);
    const again = await dumpOf(target);
    const body = (s: string) => s.split('\n').slice(2).join('\n');
    expect(body(again.text)).toBe(body(dump));
  });

  it('changes nothing when a statement in the middle fails, or the file is cut or tampered with', async () => {
    const before = await snapshot(target);
    const lines = dump.split('\n');
    const at = lines.findIndex((l) => l.startsWith('INSERT INTO "session"'));
    const broken = [...lines.slice(0, at), `INSERT INTO "session" ("id") VALUES ('không-phải-uuid');`, ...lines.slice(at)];
    await expect(restoreBackup(target, broken.join('\n'))).rejects.toThrow(/Khôi phục thất bại, dữ liệu không thay đổi/);
    const evil = [...lines.slice(0, at), 'DROP TABLE org_unit;', ...lines.slice(at)];
    await expect(restoreBackup(target, evil.join('\n'))).rejects.toThrow(/câu lệnh không được phép/);
    await expect(restoreBackup(target, dump.slice(0, Math.floor(dump.length * 0.7)))).rejects.toThrow(/cắt cụt/);
    const missing = lines.filter((l) => !l.startsWith('INSERT INTO "recovery_code"'));
    await expect(restoreBackup(target, missing.join('\n'))).rejects.toThrow(/không khớp/);
    expect(await snapshot(target)).toEqual(before);
    expect((await verifyChain(target.db)).ok).toBe(true);
  });

  it('refuses a dump made with a different schema, or a file that is not a dump', async () => {
    const before = await snapshot(target);
    const applied = JSON.stringify(Object.keys(migrations));
    const other = dump.replace(applied, JSON.stringify([...Object.keys(migrations), '9999_later']));
    await expect(restoreBackup(target, other)).rejects.toThrow(/lược đồ CSDL khác/);
    await expect(restoreBackup(target, 'DELETE FROM org_unit;')).rejects.toThrow(/không phải bản sao lưu KTGS/);
    expect(await snapshot(target)).toEqual(before);
  });
});
