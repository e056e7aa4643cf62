// Member name search in a subtree, as the API runs it (searchMembers inside a scoped transaction, as
// the app role, so row-level security applies): p50/p95/p99 over 200 realistic queries typed without
// diacritics, and the EXPLAIN (ANALYZE, BUFFERS) plans of a typical and of the slowest query.
// Usage: node bench/search.ts [--members 200000]                  (in-memory PGlite, seeded first)
//        node bench/search.ts --postgres postgres://… --database NAME   (a database kept by bench/seed.ts)
//        [--queries 200] [--warmup 20] [--province 40] [--seed 1] [--seed-provinces 40,01] [--variant repository|prefix]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { foldForSearch } from '../common/text.ts';
import { ensureOrgTree } from '../server/src/bootstrap.ts';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/connection.ts';
import { inTransaction, type Tx } from '../server/src/db/context.ts';
import { migrate } from '../server/src/db/migrate.ts';
import type { DB } from '../server/src/db/types.ts';
import { searchMembers } from '../server/src/modules/members/members.repository.ts';
import { provincesOf } from '../server/src/modules/members/members.service.ts';
import type { Scope } from '../server/src/platform/access/scope.ts';
import { loadKeyring } from '../server/src/platform/crypto.ts';
import { seedMembers } from '../server/src/seed/members.ts';
import { createRng } from '../server/src/seed/prng.ts';
import { randomName } from '../server/src/seed/vn-names.ts';
import { log, ms, quantile, table } from './lib.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '200000' },
    postgres: { type: 'string' },
    database: { type: 'string' },
    queries: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    province: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    variant: { type: 'string', default: 'repository' },
    // PGlite is one province's deployment: its members are seeded into that province by default.
    'seed-provinces': { type: 'string' },
  },
});

/**
 * The proposal measured by `--variant prefix` (see docs/performance.md): word-prefix matching with
 * B-tree ranges, which row-level security lets the planner use as index conditions (text comparisons
 * are LEAKPROOF; LIKE, pg_trgm and ltree operators are not), a province_code equality, a capped count.
 */
const PREFIX_DDL = [
  `ALTER TABLE member ADD COLUMN IF NOT EXISTS name_tail text COLLATE "C"
     GENERATED ALWAYS AS (regexp_replace(ktgs_fold(full_name), '^\\S+\\s*', '')) STORED,
   ADD COLUMN IF NOT EXISTS given_folded text COLLATE "C" GENERATED ALWAYS AS (substring(ktgs_fold(full_name) from '(\\S+)$')) STORED`,
  `CREATE INDEX IF NOT EXISTS member_prefix_full ON member (province_code, name_folded COLLATE "C")`,
  `CREATE INDEX IF NOT EXISTS member_prefix_tail ON member (province_code, name_tail)`,
  `CREATE INDEX IF NOT EXISTS member_prefix_given ON member (province_code, given_folded)`,
  'ANALYZE member',
];

async function prefixSearch(tx: Tx, province: string, path: string, q: string) {
  const hi = q.slice(0, -1) + String.fromCharCode(q.charCodeAt(q.length - 1) + 1);
  const where = sql`m.merged_into IS NULL AND m.province_code = ${province} AND m.org_path <@ ${path}::ltree
    AND ((m.name_folded COLLATE "C" >= ${q} AND m.name_folded COLLATE "C" < ${hi})
      OR (m.name_tail >= ${q} AND m.name_tail < ${hi}) OR (m.given_folded >= ${q} AND m.given_folded < ${hi}))`;
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM member m WHERE ${where} LIMIT 1001) s`.execute(tx);
  const total = count.rows[0]?.n ?? 0;
  // The page is cut on member alone (a subquery), then joined: otherwise the planner, misled by the
  // row-level-security filter's estimate (1 row), may drive the join from org_unit.
  const rows = await sql`SELECT m.id, m.full_name, o.name AS org_name
    FROM (SELECT m.id, m.full_name, m.org_id, m.sort_key FROM member m WHERE ${where} ORDER BY m.sort_key, m.id LIMIT 50) m
    JOIN org_unit o ON o.id = m.org_id ORDER BY m.sort_key, m.id`.execute(tx);
  return { rows: rows.rows, total };
}

/** Realistic things people type: family + middle, middle + given, family + given, a given name, a full name, a fragment. */
export function searchTerms(count: number, seed = 7): string[] {
  const rng = createRng(seed, 'search-terms');
  const terms: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = foldForSearch(randomName(rng, rng.chance(0.6) ? 'male' : 'female', '40')).split(' ');
    const [family, middle] = words as [string, string];
    const given = words.at(-1) as string;
    const shapes = [
      `${family} ${middle}`,
      `${middle} ${given}`,
      `${family} ${given}`,
      given,
      words.join(' '),
      given.slice(0, Math.max(3, given.length - 1)),
    ];
    terms.push(shapes[i % shapes.length] as string);
  }
  return terms;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const url = values.postgres ? withDatabase(values.postgres, values.database ?? 'ktgs_bench') : null;
const database = await openDatabase({ databaseUrl: url, appRole: 'ktgs_app', poolSize: 2 });
const keyring = loadKeyring({ KTGS_DATA_KEYS: `b1:${randomBytes(32).toString('base64')}` }, null);
try {
  if (!url) {
    await migrate(database);
    await ensureOrgTree(database);
    const ctx = { database, config: loadConfig({ KTGS_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }), keyring };
    const provinces = (values['seed-provinces'] ?? values.province ?? '40').split(',').filter(Boolean);
    const r = await seedMembers(ctx, { members: Number(values.members), seed: Number(values.seed), provinces });
    log(`seeded ${r.members.toLocaleString('en')} members on PGlite in ${ms(r.ms)}`);
  }
  const prefix = values.variant === 'prefix';
  if (prefix) {
    await database.admin(async (c) => {
      for (const ddl of PREFIX_DDL) await c.query(ddl);
    });
  }
  const counts = await database.admin(async (c) => {
    await c.query(`SET ktgs.system = 'on'`);
    const total = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM member');
    const prov = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM member WHERE province_code = $1`, [values.province]);
    const commune = await c.query<{ path: string; n: number }>(
      `SELECT subpath(org_path, 0, 3)::text AS path, count(*)::int AS n FROM member WHERE province_code = $1
       GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
      [values.province],
    );
    return { total: total.rows[0]?.n ?? 0, province: prov.rows[0]?.n ?? 0, commune: commune.rows[0] };
  });
  log(`# Member search (${values.variant}), ${counts.total.toLocaleString('en')} members (${database.mode}), ${new Date().toISOString()}`);
  const terms = searchTerms(Number(values.queries));
  const captured: CompiledQuery[] = [];
  const logged = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: database.pool }),
    log: (e) => {
      if (e.level === 'query') captured.push(CompiledQuery.raw(e.query.sql, [...e.query.parameters]));
    },
  });
  const paging = { sort: 'name' as const, order: 'asc' as const, offset: 0, limit: 50 };
  const filter = (path: string, q: string) => ({
    // As the service does: a whole province is said by its code alone.
    path: /^TW(\.T[0-9]+)?$/.test(path) ? null : path,
    provinces: provincesOf([path]),
    namePrefix: q,
    cccdHash: null,
    partyCardNo: null,
    status: null,
    postCode: null,
  });

  const scopes: { label: string; path: string; members: number }[] = [
    { label: `province T${values.province}`, path: `TW.T${values.province}`, members: counts.province },
  ];
  if (counts.commune)
    scopes.push({ label: `commune ${counts.commune.path.split('.').at(-1)}`, path: counts.commune.path, members: counts.commune.n });
  const rows: string[][] = [];
  for (const s of scopes) {
    const scope: Scope = { system: false, paths: [s.path], clearance: 0 };
    const search = (tx: Tx, q: string) =>
      prefix ? prefixSearch(tx, values.province ?? '40', s.path, q) : searchMembers(tx, filter(s.path, q), paging);
    const run = (q: string) => inTransaction(database.db, scope, (tx) => search(tx, q));
    for (const q of terms.slice(0, Number(values.warmup))) await run(q);
    const samples: { q: string; ms: number; total: number }[] = [];
    for (const q of terms) {
      const t = performance.now();
      const r = await run(q);
      samples.push({ q, ms: performance.now() - t, total: r.total });
    }
    const times = samples.map((x) => x.ms);
    rows.push([
      `${s.label} (${s.members.toLocaleString('en')} members)`,
      ms(quantile(times, 0.5)),
      ms(quantile(times, 0.95)),
      ms(quantile(times, 0.99)),
      ms(Math.max(...times)),
      String(
        Math.round(
          quantile(
            samples.map((x) => x.total),
            0.5,
          ),
        ),
      ),
    ]);
    const sorted = [...samples].sort((a, b) => a.ms - b.ms);
    const typical = sorted[Math.floor(sorted.length / 2)] as (typeof samples)[number];
    const slowest = sorted.at(-1) as (typeof samples)[number];
    for (const [what, sample] of [
      ['typical', typical],
      ['slowest', slowest],
    ] as const) {
      captured.length = 0;
      await inTransaction(logged, scope, (tx) => search(tx, sample.q));
      log(`\n## ${s.label}: ${what} query "${sample.q}" (${ms(sample.ms)}, ${sample.total} matches)`);
      // Replayed in one transaction, settings included, so that each plan is the one the search got.
      const plans = await inTransaction(logged, scope, async (tx) => {
        const out: string[] = [];
        for (const q of [...captured]) {
          if (/^set/i.test(q.sql)) await tx.executeQuery(q);
          if (!/^select/i.test(q.sql)) continue;
          const plan = await tx.executeQuery<{ 'QUERY PLAN': string }>(
            CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, [...q.parameters]),
          );
          out.push(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
        }
        return out;
      });
      for (const p of plans) log(`${p}\n`);
    }
  }
  log(`\n${table(['scope', 'p50', 'p95', 'p99', 'max', 'median matches'], rows)}`);
  log('target: p95 under 50 ms');
} finally {
  await database.close();
}
