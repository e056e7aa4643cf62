// What an authenticated, scoped read costs against the SQL it runs. In one process, on a runtime of
// its own (embedded PGlite in a temporary directory, or a fresh database on a PostgreSQL server), a
// user with a role on one province lists the province's communes (GET /api/v1/orgs?parentId=…,
// about 100 rows) through app.inject with a session cookie; the baseline is the very SELECT the
// repository issues, captured from Kysely and replayed on a pool client. Rows in between split the
// difference into its parts; a last row appends an audit entry per read, as confidential reads do.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { orgSchema } from '../common/orgs.ts';
import { loadConfig } from '../server/src/config.ts';
import { inTransaction } from '../server/src/db/context.ts';
import type { DB } from '../server/src/db/types.ts';
import { AuthService } from '../server/src/modules/auth/auth.service.ts';
import * as orgRepo from '../server/src/modules/orgs/orgs.repository.ts';
import { OrgService, toOrg } from '../server/src/modules/orgs/orgs.service.ts';
import type { Actor } from '../server/src/platform/access/actor.ts';
import { assertVisible, requireScope, type Scope } from '../server/src/platform/access/scope.ts';
import { appendAudit } from '../server/src/platform/audit/audit.ts';
import { notFound } from '../server/src/platform/errors.ts';
import { buildApp } from '../server/src/platform/http/app.ts';
import { authOf } from '../server/src/platform/http/auth-hook.ts';
import { openRuntime, type Runtime } from '../server/src/runtime.ts';
import { createUser, login, orgByCode } from '../test/helpers/factories.ts';
import { embeddedEnv, log, median, ms, quantile, ratio, removeDir, table, tempDir } from './lib.ts';

export interface OverheadOptions {
  /** timed iterations per variant */
  requests: number;
  /** untimed iterations per variant first */
  warmup: number;
  /** the timed iterations are split into this many interleaved rounds, so drift hits every variant alike */
  rounds: number;
  /** province code (statistical), e.g. '15' for Lào Cai (99 communes) */
  province: string;
  /** postgres://… of a role with CREATEDB: the bench runs on a fresh database there, then drops it */
  postgresUrl: string | null;
}

interface Variant {
  name: string;
  run: () => Promise<void>;
  samples: number[];
}

const AUDITED_ROUTE = '/api/bench/orgs-audited';

/** The same read as GET /api/v1/orgs?parentId=…, plus an audit entry in the same transaction. */
function addAuditedRoute(app: FastifyInstance, runtime: Runtime) {
  app.withTypeProvider<ZodTypeProvider>().get(AUDITED_ROUTE, {
    schema: { querystring: z.object({ parentId: z.uuid() }), response: { 200: z.object({ items: z.array(orgSchema) }) } },
    handler: async (request) => {
      const actor = authOf(request).actor;
      const scope = requireScope(actor, 'org.read');
      const parentId = request.query.parentId;
      const items = await inTransaction(runtime.database.db, scope, async (tx) => {
        const rows = await orgRepo.withChildren(tx, parentId);
        const parent = rows.find((r) => r.id === parentId);
        if (!parent) throw notFound('Tổ chức');
        assertVisible(scope, parent, 'Tổ chức');
        await appendAudit(tx, actor, {
          action: 'bench.read',
          entityType: 'org_unit',
          entityId: parentId,
          scopePath: parent.path,
          detail: { rows: rows.length },
        });
        return rows.map(toOrg);
      });
      return { items };
    },
  });
}

/** The SQL the repository sends for children(), captured from Kysely's query log. */
async function capturedChildrenQuery(runtime: Runtime, scope: Scope, parentId: string): Promise<CompiledQuery> {
  const seen: CompiledQuery[] = [];
  // Same pool, a logging Kysely on top; never destroyed (that would end the runtime's pool).
  const spy = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: runtime.database.pool }),
    log: (e) => {
      if (e.level === 'query') seen.push(e.query);
    },
  });
  await inTransaction(spy, scope, (tx) => orgRepo.withChildren(tx, parentId));
  const q = seen.find((c) => c.sql.includes('"o"."parent_id" ='));
  if (!q) throw new Error(`could not capture the withChildren() query; saw:\n${seen.map((c) => c.sql).join('\n')}`);
  return q;
}

async function openBenchRuntime(opts: OverheadOptions): Promise<{ runtime: Runtime; cleanup: () => Promise<void>; mode: string }> {
  const dir = tempDir('overhead');
  const extra: Record<string, string> = { KTGS_DATA_DIR: dir, LOG_LEVEL: 'silent', KTGS_RATE_LIMIT_PER_MINUTE: '1000000' };
  let dropDatabase: (() => Promise<void>) | null = null;
  if (opts.postgresUrl) {
    const name = `ktgs_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: opts.postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(opts.postgresUrl);
    u.pathname = `/${name}`;
    extra.DATABASE_URL = u.toString();
    // openRuntime reads the data keys from process.env in server mode.
    process.env.KTGS_DATA_KEYS = `bench:${randomBytes(32).toString('base64')}`;
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: opts.postgresUrl ?? undefined });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const config = loadConfig(embeddedEnv(extra));
  const started = performance.now();
  const runtime = await openRuntime(config);
  log(`  runtime opened in ${ms(performance.now() - started, 0)} (${runtime.database.mode})`);
  return {
    runtime,
    mode: runtime.database.mode === 'pglite' ? 'embedded PGlite' : 'PostgreSQL server',
    cleanup: async () => {
      await runtime.close();
      await dropDatabase?.();
      removeDir(dir);
    },
  };
}

export async function benchOverhead(opts: OverheadOptions): Promise<{ ratio: number; auditedRatio: number; mode: string }> {
  log(`\n## Overhead of an authenticated, scoped read (${opts.postgresUrl ? 'PostgreSQL server' : 'embedded PGlite'})\n`);
  const { runtime, cleanup, mode } = await openBenchRuntime(opts);
  let app: FastifyInstance | null = null;
  try {
    const server = await buildApp(runtime, { logger: false });
    app = server;
    addAuditedRoute(server, runtime);
    await server.ready();

    const provinceCode = `T${opts.province}`;
    const province = await orgByCode(runtime, provinceCode);
    const user = await createUser(runtime, { roles: [{ role: 'viewer', orgCode: provinceCode }] });
    const session = await login(server, user);
    const token = session.cookie.slice('ktgs_sid='.length);
    const authenticated = await new AuthService(runtime).fromSessionToken(token, null);
    if (authenticated?.session?.stage !== 'full') throw new Error('the bench user did not get a full session');
    const actor: Actor = authenticated.actor;
    const scope = requireScope(actor, 'org.read');
    const query = await capturedChildrenQuery(runtime, scope, province.id);
    const orgs = new OrgService(runtime);
    const auth = new AuthService(runtime);
    const db = runtime.database.db;
    const url = `/api/v1/orgs?parentId=${province.id}`;
    const headers = { cookie: session.cookie };

    const expected = (await orgs.children(actor, province.id)).length;
    log(`  province ${province.name} (${provinceCode}): ${expected} communes; viewer with a role on ${province.path}`);
    if (expected < 10) throw new Error(`expected the province's communes, got ${expected} rows`);

    const httpGet = async (path: string, withCookie = true) => {
      const res = await server.inject({ method: 'GET', url: path, headers: withCookie ? headers : {} });
      if (res.statusCode !== 200) throw new Error(`GET ${path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    };
    const first = (await httpGet(url)).json() as { items: unknown[] };
    if (first.items.length !== expected) throw new Error(`HTTP gave ${first.items.length} rows, the service ${expected}`);

    const list = z.object({ items: z.array(orgSchema) });
    const rows = await inTransaction(db, scope, (tx) => orgRepo.withChildren(tx, province.id));
    const variants: Variant[] = [
      // Run by runBaseline() below, on a pool client of its own.
      { name: 'SQL: the SELECT alone, on a pool client (baseline)', run: async () => undefined, samples: [] },
      {
        name: 'SQL in a scoped transaction (BEGIN, set_config, SELECT, COMMIT)',
        run: async () => {
          await inTransaction(db, scope, (tx) => orgRepo.withChildren(tx, province.id));
        },
        samples: [],
      },
      {
        name: 'service: OrgService.children (+ parent lookup, scope check)',
        run: async () => {
          await orgs.children(actor, province.id);
        },
        samples: [],
      },
      {
        name: 'session lookup: AuthService.fromSessionToken',
        run: async () => {
          await auth.fromSessionToken(token, null);
        },
        samples: [],
      },
      {
        name: 'response: zod check + JSON of the rows',
        run: async () => {
          JSON.stringify(list.parse({ items: rows.map(toOrg) }));
        },
        samples: [],
      },
      {
        // Without the cookie: with one, the auth hook looks the session up even on public routes.
        name: 'HTTP: GET /api/health, no cookie (framework floor + SELECT 1)',
        run: async () => {
          await httpGet('/api/health', false);
        },
        samples: [],
      },
      {
        name: 'HTTP: GET /api/v1/orgs?parentId= (cookie, scoped)',
        run: async () => {
          await httpGet(url);
        },
        samples: [],
      },
      {
        name: 'HTTP: same read + audit entry (audited read)',
        run: async () => {
          await httpGet(`${AUDITED_ROUTE}?parentId=${province.id}`);
        },
        samples: [],
      },
    ];
    const [baseline] = variants;
    const context = (c: pg.PoolClient, system: string, scopes: string, clearance: string) =>
      c.query('SELECT set_config($1, $2, false), set_config($3, $4, false), set_config($5, $6, false)', [
        'ktgs.system',
        system,
        'ktgs.scopes',
        scopes,
        'ktgs.clearance',
        clearance,
      ]);
    // The baseline holds one pool client (the only one in embedded mode, so it is given back after
    // each block) with the request's access context set for the session: the row-level security
    // policy is evaluated exactly as inside a request's transaction, and nothing else is sent.
    const runBaseline = async (v: Variant, n: number, timed: boolean) => {
      const c = await runtime.database.pool.connect();
      try {
        await context(c, 'off', `{${scope.paths.join(',')}}`, String(scope.clearance));
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          const r = await c.query(query.sql, query.parameters as unknown[]);
          if (timed) v.samples.push(performance.now() - t0);
          if (r.rowCount !== expected + 1)
            throw new Error(`direct SELECT gave ${r.rowCount} rows, expected ${expected + 1} (the unit and its children)`);
        }
      } finally {
        await context(c, '', '', '');
        c.release();
      }
    };
    const runVariant = async (v: Variant, n: number, timed: boolean) => {
      if (v === baseline) return runBaseline(v, n, timed);
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await v.run();
        if (timed) v.samples.push(performance.now() - t0);
      }
    };
    // Warm-up, then interleaved timed rounds: drift (GC, caches, the audit log growing) hits all alike.
    const started = performance.now();
    const perRound = Math.max(1, Math.floor(opts.requests / opts.rounds));
    for (const v of variants) await runVariant(v, opts.warmup, false);
    for (let r = 0; r < opts.rounds; r++) for (const v of variants) await runVariant(v, perRound, true);
    log(`  ${variants.length} variants × ${perRound * opts.rounds} timed iterations in ${ms(performance.now() - started, 0)}\n`);

    const base = median(baseline?.samples ?? []);
    log(
      table(
        ['what is timed (sequential, one at a time)', 'n', 'p50', 'p95', 'p99', 'p50 vs SQL'],
        variants.map((v) => [
          v.name,
          String(v.samples.length),
          ms(median(v.samples), 3),
          ms(quantile(v.samples, 0.95), 3),
          ms(quantile(v.samples, 0.99), 3),
          ratio(median(v.samples), base),
        ]),
      ),
    );
    const http = variants.find((v) => v.name.startsWith('HTTP: GET /api/v1/orgs')) as Variant;
    const audited = variants.find((v) => v.name.includes('audit entry')) as Variant;
    const r = median(http.samples) / base;
    const ra = median(audited.samples) / base;
    log(
      `\nscoped HTTP read vs its SQL, ratio of medians: ${r.toFixed(2)}× (target ≤ 2×: ${r <= 2 ? 'met' : 'MISSED'}); ` +
        `with an audit entry per read: ${ra.toFixed(2)}× (+${ms(median(audited.samples) - median(http.samples), 3)} per read).`,
    );
    return { ratio: r, auditedRatio: ra, mode };
  } finally {
    await app?.close();
    await cleanup();
  }
}
