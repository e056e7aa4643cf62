// The inspection dashboard per subtree (issue #4 point 11): p50/p95 of CoverageService.dashboard (coverage
// against the targets, cases by step, due and overdue steps, remediation overdue) at province, commune and
// cell level, against a baseline measured in the same run: the bare SQL count of the subtree's cases in
// the same scoped transaction. Work is generated at the national rate (bench/coverage-data.ts).
// Usage: node bench/coverage.ts                                   (in-memory PGlite, 62,030 members in T40: the demo province ×10)
//        node bench/coverage.ts --postgres postgres://… --database NAME   (a database kept by bench/seed.ts --keep NAME)
//        [--members 62030] [--province 40] [--year 2025] [--samples 40] [--warmup 5]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { ensureOrgTree } from '../server/src/bootstrap.ts';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/connection.ts';
import { inTransaction } from '../server/src/db/context.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { CoverageService } from '../server/src/modules/coverage/coverage.service.ts';
import type { Actor } from '../server/src/platform/access/actor.ts';
import { requireScope } from '../server/src/platform/access/scope.ts';
import { loadKeyring } from '../server/src/platform/crypto.ts';
import { seedMembers } from '../server/src/seed/members.ts';
import { generateWork } from './coverage-data.ts';
import { log, ms, quantile, table } from './lib.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '62030' },
    postgres: { type: 'string' },
    database: { type: 'string' },
    province: { type: 'string', default: '40' },
    year: { type: 'string', default: '2025' },
    samples: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
  },
});
const YEAR = Number(values.year);
const SAMPLES = Number(values.samples);
const WARMUP = Number(values.warmup);
const pgUrl = values.postgres ?? null;
const url = pgUrl && values.database ? Object.assign(new URL(pgUrl), { pathname: `/${values.database}` }).toString() : pgUrl;
const keyring = loadKeyring({ KTGS_DATA_KEYS: `b1:${randomBytes(32).toString('base64')}` }, null);
const database = await openDatabase({ databaseUrl: url, appRole: 'ktgs_app' });
const ctx = { database, config: loadConfig({ KTGS_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }), keyring };

log(
  `# Inspection dashboard per subtree, ${new Date().toISOString()} — ${url ? `PostgreSQL ${new URL(url).pathname.slice(1)}` : 'PGlite (in memory)'}`,
);
try {
  await migrate(database);
  await ensureOrgTree(database);
  if (!url) {
    const t = performance.now();
    const r = await seedMembers(ctx, {
      members: Number(values.members),
      seed: Number(values.seed),
      provinces: [values.province as string],
    });
    log(
      `seeded ${r.members.toLocaleString('en')} members in ${r.cells.toLocaleString('en')} cells of T${values.province} in ${ms(performance.now() - t, 0)}`,
    );
  }
  const generated = await database.admin(async (c) => {
    await c.query(`SELECT set_config('ktgs.system', 'on', false)`);
    const done = await c.query(`SELECT 1 FROM inspection_case WHERE year = ${YEAR} AND code LIKE 'B-%' LIMIT 1`);
    if (done.rowCount) return null;
    const t = performance.now();
    const g = await generateWork(c, YEAR, url ? null : [values.province as string]);
    log(`generated in ${ms(performance.now() - t, 0)}: ${JSON.stringify(g)}`);
    return g;
  });
  if (!generated) log('work already generated for this year: reused');

  const samples = await database.admin(async (c) => {
    await c.query(`SELECT set_config('ktgs.system', 'on', false)`);
    const pick = async (kind: string, n: number) =>
      (
        await c.query<{ id: string; path: string }>(
          `SELECT id, path::text AS path FROM org_unit WHERE ${kind} ${url ? '' : `AND province_code = '${values.province}'`}
           ORDER BY md5(id::text) LIMIT ${n}`,
        )
      ).rows;
    const cells = `kind IN ('cell', 'grassroots') AND EXISTS (SELECT 1 FROM member m WHERE m.org_id = org_unit.id)`;
    return {
      province: await pick(`kind = 'province' ${url ? '' : `AND code = 'T${values.province}'`}`, url ? 10 : 1),
      commune: await pick(`kind = 'commune' AND EXISTS (SELECT 1 FROM org_unit x WHERE x.parent_id = org_unit.id)`, SAMPLES),
      cell: await pick(cells, SAMPLES),
    };
  });

  const actor: Actor = {
    kind: 'user',
    userId: null,
    username: 'bench',
    fullName: 'Bench',
    clearance: 0,
    roles: [{ role: 'ubkt_leader', orgId: 'bench', orgPath: 'TW', orgName: 'Trung ương' }],
    orgPath: 'TW',
    tokenScopes: null,
    sessionId: null,
    requestId: null,
  };
  const service = new CoverageService(ctx);
  const scope = requireScope(actor, 'inspection.read');
  const baseline = (path: string) =>
    inTransaction(database.db, scope, (tx) =>
      sql`SELECT count(*)::int AS n FROM inspection_case c
          WHERE c.scope_key >= ${`${path}.`} AND c.scope_key < ${`${path}/`}`.execute(tx),
    );
  const rows: string[][] = [];
  for (const [level, orgs] of Object.entries(samples)) {
    // Enough timed calls per level for a p95: the sample organisations in turn.
    const calls = Math.max(SAMPLES, orgs.length);
    const dash: number[] = [];
    const base: number[] = [];
    let members = 0;
    for (let i = 0; i < WARMUP + calls; i++) {
      const o = orgs[i % orgs.length] as { id: string; path: string };
      let t = performance.now();
      const d = await service.dashboard(actor, { orgId: o.id, year: YEAR });
      const dt = performance.now() - t;
      t = performance.now();
      await baseline(o.path);
      const bt = performance.now() - t;
      if (i >= WARMUP) {
        dash.push(dt);
        base.push(bt);
        members += d.coverage.membersCovered.denominator;
      }
    }
    const p50 = quantile(dash, 0.5);
    rows.push([
      level,
      String(orgs.length),
      Math.round(members / calls).toLocaleString('en'),
      ms(p50),
      ms(quantile(dash, 0.95)),
      ms(quantile(base, 0.5)),
      ms(quantile(base, 0.95)),
      `${(p50 / quantile(base, 0.5)).toFixed(1)}×`,
    ]);
  }
  log('');
  log(table(['level', 'orgs', 'members (mean)', 'dashboard p50', 'dashboard p95', 'count p50', 'count p95', 'p50 ratio'], rows));
} finally {
  await database.close();
}
