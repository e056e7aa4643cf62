// Seeding N synthetic members (`ktgs seed --members N`), in members and rows per second, against two
// baselines measured in the same run: generation alone (names, CCCD sealing, sort keys, COPY encoding;
// no database) and a COPY of N rows into a trivial two-column table (the server's floor).
// Usage: node bench/seed.ts [--members 1000000] [--seed 1] [--postgres postgres://…] [--keep NAME]
//        [--rebuild-indexes | --keep-indexes]   (default: rebuild at 1,000,000 members and above)
// Without --postgres it runs on an in-memory PGlite (INSERT path). With --postgres it creates a fresh
// database (the role needs CREATEDB), drops it afterwards unless --keep NAME names it for bench/search.ts.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ensureOrgTree } from '../server/src/bootstrap.ts';
import { loadConfig } from '../server/src/config.ts';
import { type Database, openDatabase } from '../server/src/db/connection.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { loadKeyring } from '../server/src/platform/crypto.ts';
import { IdentityAllocator, slotForSeed } from '../server/src/seed/identity.ts';
import { seedMembers } from '../server/src/seed/members.ts';
import { createRng } from '../server/src/seed/prng.ts';
import { copyLine, uuidSequence } from '../server/src/seed/rows.ts';
import { cellRows } from '../server/src/seed/synthetic.ts';
import { type CommuneRow, planCells } from '../server/src/seed/synthetic-plan.ts';
import { log, table } from './lib.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    postgres: { type: 'string' },
    keep: { type: 'string' },
    'rebuild-indexes': { type: 'boolean' },
    'keep-indexes': { type: 'boolean' },
    'generation-sample': { type: 'string', default: '200000' },
  },
});
const N = Number(values.members);
const SEED = Number(values.seed);
if (!Number.isInteger(N) || N < 1) throw new Error('--members must be a positive integer');
const rebuild = values['rebuild-indexes'] ? true : values['keep-indexes'] ? false : N >= 1_000_000;
const keyring = loadKeyring({ KTGS_DATA_KEYS: `b1:${randomBytes(32).toString('base64')}` }, null);
const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en')}/s`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** Generation alone: the same generator and encoding as the COPY path, written nowhere. */
function generationOnly(communes: CommuneRow[], n: number): { ms: number; members: number } {
  const slot = slotForSeed(SEED);
  const s = {
    ring: keyring,
    rng: createRng(SEED, 'synthetic-people'),
    ids: new IdentityAllocator(slot, createRng(SEED, 'synthetic-ids')),
    uuid: uuidSequence(),
  };
  const t = performance.now();
  let members = 0;
  let bytes = 0;
  for (const cell of planCells(communes, n, SEED, slot)) {
    const rows = cellRows(s, cell, s.uuid());
    for (const m of rows.members) bytes += copyLine(m).length;
    for (const x of rows.transfers) bytes += copyLine(x).length;
    members += rows.members.length;
  }
  if (bytes < 0) log('');
  return { ms: performance.now() - t, members };
}

/** The server's floor: COPY of n narrow rows into a logged table without indexes. */
async function trivialCopy(database: Database, n: number): Promise<number> {
  return database.admin(async (client) => {
    await client.query('CREATE TABLE bench_trivial (id bigint, t text)');
    const t = performance.now();
    const stream = client.query(copyFrom('COPY bench_trivial FROM STDIN'));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    for (let i = 0; i < n; i += 10_000) {
      let chunk = '';
      for (let k = i; k < Math.min(n, i + 10_000); k++) chunk += `${k}\tNguyễn Văn ${k}\n`;
      if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
    }
    stream.end();
    await done;
    const ms = performance.now() - t;
    await client.query('DROP TABLE bench_trivial');
    return ms;
  });
}

const cpus = os.cpus();
log(`# Seeding ${N.toLocaleString('en')} members, ${new Date().toISOString()}`);
log(`node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; seed ${SEED}`);
const url = values.postgres ?? null;
const name = values.keep ?? `ktgs_bench_seed_${process.pid}`;
if (url) {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${name}`);
  await adminQuery(url, `CREATE DATABASE ${name}`);
  log(`database ${name} on ${new URL(url).host}`);
}
const database = await openDatabase({ databaseUrl: url ? withDatabase(url, name) : null, appRole: 'ktgs_app' });
try {
  await migrate(database);
  await ensureOrgTree(database);
  const ctx = { database, config: loadConfig({ KTGS_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }), keyring };
  const communes = await database.admin(async (c) => {
    await c.query(`SET ktgs.system = 'on'`);
    const { rows } = await c.query<CommuneRow>(
      `SELECT id, code, name, path::text AS path, province_code FROM org_unit WHERE kind = 'commune' ORDER BY path`,
    );
    return rows;
  });
  const sample = Math.min(N, Number(values['generation-sample']));
  const gen = generationOnly(communes, sample);
  log(`generation alone: ${gen.members.toLocaleString('en')} members in ${secs(gen.ms)} (${rate(gen.members, gen.ms)})`);
  const trivialMs = url ? await trivialCopy(database, N) : Number.NaN;
  if (url) log(`trivial COPY: ${N.toLocaleString('en')} rows in ${secs(trivialMs)} (${rate(N, trivialMs)})`);
  let lastPrinted = 0;
  const r = await seedMembers(ctx, { members: N, seed: SEED, rebuildIndexes: rebuild }, (p) => {
    if (p.members - lastPrinted >= N / 20 || p.members === p.total) {
      lastPrinted = p.members;
      log(
        `  ${p.members.toLocaleString('en')} / ${p.total.toLocaleString('en')} members, ${secs(p.elapsedMs)} (${rate(p.members, p.elapsedMs)})`,
      );
    }
  });
  const rows = r.members + r.transfers + r.posts + r.cells;
  const sizes = await database.admin(async (c) => {
    const q = await c.query<{ name: string; size: string }>(
      `SELECT relname AS name, pg_size_pretty(pg_total_relation_size(oid)) AS size FROM pg_class WHERE relname IN ('member','member_transfer','post','org_unit') ORDER BY 1`,
    );
    return q.rows.map((x) => `${x.name} ${x.size}`).join(', ');
  });
  log('');
  log(
    table(
      ['what', 'count', 'time', 'per second', 'vs generation alone'],
      [
        [
          `seedMembers (${r.method}${rebuild ? ', indexes rebuilt' : ''})`,
          r.members.toLocaleString('en'),
          secs(r.ms),
          rate(r.members, r.ms),
          `${(r.ms / 1000 / (gen.ms / 1000 / gen.members) / r.members).toFixed(2)}×`,
        ],
        ['  all rows (members, periods, posts, cells)', rows.toLocaleString('en'), secs(r.ms), rate(rows, r.ms), ''],
        ['  of which index rebuild', '', secs(r.indexMs), '', ''],
        ['generation alone (sample)', gen.members.toLocaleString('en'), secs(gen.ms), rate(gen.members, gen.ms), '1.00×'],
        [
          'trivial COPY (2 columns, no index)',
          url ? N.toLocaleString('en') : '–',
          url ? secs(trivialMs) : '–',
          url ? rate(N, trivialMs) : '–',
          '',
        ],
      ],
    ),
  );
  log(`sizes: ${sizes}`);
} finally {
  await database.close();
  if (url && !values.keep) await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
