// Petition duplicates in the database (issue #6 points 6 and 11): N stored letters — generated like
// bench/petition-dedup.ts's background, with the labelled `test` letters of test/fixtures/petitions planted
// among them — then each planted letter is checked against everything stored, two ways on the same rows in
// the same run: our path (findSimilar: band and name keys → candidates → precise score) and pg_trgm
// (`content % $1 ORDER BY similarity(content, $1) DESC LIMIT 20` over a GIN gin_trgm_ops index).
// Both run in the scope of the central committee (every letter visible, row-level security evaluated).
// Never part of `npm test`. Method and figures: docs/performance.md, "Petitions: duplicates".
// Usage: node bench/petition-dedup-db.ts [--size 100000]                         (in-memory PGlite)
//        node bench/petition-dedup-db.ts --size 1000000 --postgres postgres://… (or KTGS_BENCH_DATABASE_URL;
//          the role needs CREATEDB) [--database ktgs_bench_petitions] [--keep] [--reuse]
//        [--baseline folded|content|both] [--baseline-seconds 300] [--rls-seconds 60] [--warmup 20]
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { ensureOrgTree } from '../server/src/bootstrap.ts';
import { openDatabase } from '../server/src/db/connection.ts';
import { inTransaction } from '../server/src/db/context.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { fold, letterBody, signature, termBuckets } from '../server/src/domain/petitions/similarity/index.ts';
import { bandKey, toBytes } from '../server/src/modules/petitions/similarity.repository.ts';
import { findSimilar } from '../server/src/modules/petitions/similarity.service.ts';
import type { Scope } from '../server/src/platform/access/scope.ts';
import { type Dropped, dropForBulkLoad, restoreAfterBulkLoad } from '../server/src/seed/bulk-load.ts';
import { loadCorpus } from '../test/fixtures/petitions/corpus.ts';
import { type CorpusLetter, pairLabel } from '../test/fixtures/petitions/types.ts';
import { log, quantile, table } from './lib.ts';
import { letterMaker } from './petition-letters.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    postgres: { type: 'string', default: process.env.KTGS_BENCH_DATABASE_URL },
    database: { type: 'string', default: 'ktgs_bench_petitions' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    baseline: { type: 'string', default: 'folded' },
    'baseline-seconds': { type: 'string', default: '300' },
    'rls-seconds': { type: 'string', default: '60' },
    warmup: { type: 'string', default: '20' },
    batch: { type: 'string', default: '5000' },
  },
});
const SIZE = Number(values.size);
const BATCH = Number(values.batch);
const url = values.postgres ?? null;
const COLUMNS = values.baseline === 'both' ? ['content_folded', 'content'] : [values.baseline === 'content' ? 'content' : 'content_folded'];
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const msf = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));

// ---- the letters: the same generator as bench/petition-dedup.ts (sentences of `tune` letters, fresh names
// and numbers), so no background letter repeats a planted matter but all share its vocabulary.
const corpus = loadCorpus();
const planted = corpus.filter((l) => l.split === 'test');
const { pick, synthetic } = letterMaker(corpus);
const KINDS = ['denunciation', 'discipline_complaint', 'recommendation', 'feedback'] as const;

// ---- the database
const cpus = os.cpus();
log(`# Petition duplicates in the database, ${new Date().toISOString()}`);
log(`node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
async function adminQuery(text: string): Promise<number> {
  const c = new pg.Client({ connectionString: url ?? undefined });
  await c.connect();
  try {
    return (await c.query(text)).rowCount ?? 0;
  } finally {
    await c.end();
  }
}
const dbUrl = url ? Object.assign(new URL(url), { pathname: `/${values.database}` }).toString() : null;
let reuse = false;
if (url) {
  const exists = (await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${values.database}'`)) > 0;
  reuse = !!values.reuse && exists;
  if (!reuse) {
    await adminQuery(`DROP DATABASE IF EXISTS ${values.database}`);
    await adminQuery(`CREATE DATABASE ${values.database}`);
  }
}
const database = await openDatabase({ databaseUrl: dbUrl, appRole: 'ktgs_app', poolSize: 2 });
const mode = url ? `PostgreSQL ${values.database}` : 'PGlite (in memory)';
log(`${mode}, ${SIZE.toLocaleString('en')} stored letters, ${planted.length} of them the labelled test letters`);

/** Planted corpus id → petition id. */
const petitionOf = new Map<string, string>();
const corpusOf = new Map<string, CorpusLetter>();

async function load(): Promise<void> {
  await migrate(database);
  await ensureOrgTree(database);
  await database.admin(async (c) => {
    await c.query(`SELECT set_config('ktgs.system', 'on', false)`);
    if (url) await c.query('SET synchronous_commit = off');
    // The baseline's column: the content folded (NFC, lower case, no diacritics) with the frame removed,
    // its best case (docs/performance.md); the raw `content` can be indexed too (--baseline content|both).
    await c.query('ALTER TABLE petition ADD COLUMN content_folded text');
    const orgs = (
      await c.query<{ id: string; path: string; kind: string; province_code: string | null }>(
        `SELECT id, path::text AS path, kind, province_code FROM org_unit WHERE kind IN ('central', 'province', 'commune') ORDER BY path`,
      )
    ).rows;
    const communes = orgs.filter((o) => o.kind === 'commune');
    const t40 = communes.filter((o) => o.province_code === '40');
    const above = [orgs.find((o) => o.path === 'TW.T40'), orgs.find((o) => o.kind === 'central')] as typeof orgs;

    const t0 = performance.now();
    await c.query('BEGIN');
    const dropped: Dropped[] = await dropForBulkLoad(c, ['petition', 'petition_signature', 'petition_band']);
    await c.query('ALTER TABLE petition_band DROP CONSTRAINT petition_band_pkey');
    await c.query('COMMIT');
    const df = new Uint32Array(1 << 22);
    const seqOf = new Map<string, number>();
    // Planted letters at fixed positions among the background; a matter's letters at one commune of
    // Nghệ An, its copies to the levels above at the province and the centre.
    const at = new Map(planted.map((l, k) => [Math.floor(((k + 0.5) * SIZE) / planted.length), l]));
    const clusterBody = new Map<string, (typeof orgs)[number]>();
    let genMs = 0;
    let inflight: Promise<void> = Promise.resolve();
    let dbMs = 0;
    let batch: Array<{ id: string; org: (typeof orgs)[number]; text: string; kind: string; ref: string | null }> = [];
    const flush = async () => {
      const g = performance.now();
      const p: unknown[][] = Array.from({ length: 12 }, () => []);
      const s: unknown[][] = [[], [], [], []];
      const b: string[][] = [[], [], []];
      for (const l of batch) {
        const sig = signature(l.text);
        for (const k of termBuckets(sig.terms)) df[k] = (df[k] as number) + 1;
        const seq = (seqOf.get(l.org.id) ?? 0) + 1;
        seqOf.set(l.org.id, seq);
        const row = [l.id, l.org.id, l.org.path, seq, `${seq}/2026/ĐT`, l.kind, `Đơn số ${seq}`, l.text, fold(letterBody(l.text)), l.ref];
        for (const [i, v] of row.entries()) p[i]?.push(v);
        for (const [i, v] of [l.id, l.org.path, toBytes(sig.terms).toString('hex'), toBytes(sig.pairs).toString('hex')].entries())
          s[i]?.push(v);
        for (const k of new Set(sig.keys.map(bandKey))) {
          b[0]?.push(k);
          b[1]?.push(l.id);
          b[2]?.push(l.org.path);
        }
      }
      genMs += performance.now() - g;
      batch = [];
      // The inserts of one batch run while the next is generated (a server in another process works meanwhile).
      await inflight;
      inflight = insert(p, s, b);
      inflight.catch(() => undefined);
    };
    const insert = async (p: unknown[][], s: unknown[][], b: string[][]) => {
      const d = performance.now();
      await c.query(
        `INSERT INTO petition (id, body_org_id, scope_path, year, seq, code, kind, channel, received_on, subject_name, title, content,
           content_folded, source_ref, sender_identity, status)
         SELECT id, org, path::ltree, 2026, seq, code, kind, 'post', '2026-11-20'::date, 'Chưa rõ', title, content, folded, ref, 'anonymous', 'received'
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
           AS t(id, org, path, seq, code, kind, title, content, folded, ref)`,
        p.slice(0, 10),
      );
      await c.query(
        `INSERT INTO petition_signature (petition_id, scope_path, terms, pairs)
         SELECT id, path::ltree, decode(t, 'hex'), decode(q, 'hex') FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS x(id, path, t, q)`,
        s,
      );
      await c.query(
        `INSERT INTO petition_band (band_key, petition_id, scope_path) SELECT k, id, path::ltree FROM unnest($1::bigint[], $2::uuid[], $3::text[]) AS x(k, id, path)`,
        b,
      );
      dbMs += performance.now() - d;
    };
    for (let i = 0; i < SIZE; i++) {
      const l = at.get(i);
      const g = performance.now();
      if (l) {
        if (!clusterBody.has(l.cluster)) clusterBody.set(l.cluster, pick(t40));
        const copyNo = corpus.filter((x) => x.letter === l.letter && x.variant === 'level_copy').indexOf(l);
        const org =
          l.variant === 'level_copy' && copyNo >= 0
            ? (above[copyNo % 2] as (typeof orgs)[number])
            : (clusterBody.get(l.cluster) as (typeof orgs)[number]);
        batch.push({ id: randomUUID(), org, text: l.text, kind: l.kind, ref: l.id });
      } else batch.push({ id: randomUUID(), org: pick(communes), text: synthetic(), kind: pick(KINDS), ref: null });
      genMs += performance.now() - g;
      if (batch.length === BATCH) await flush();
      if ((i + 1) % Math.max(BATCH, Math.round(SIZE / 10)) === 0)
        log(
          `  ${(i + 1).toLocaleString('en')} letters, ${secs(performance.now() - t0)} (generation ${secs(genMs)}, inserts ${secs(dbMs)})`,
        );
    }
    if (batch.length) await flush();
    await inflight;
    const buckets: number[] = [-1];
    const counts: number[] = [SIZE];
    for (let k = 0; k < df.length; k++) {
      if (!df[k]) continue;
      buckets.push(k);
      counts.push(df[k] as number);
    }
    for (let i = 0; i < buckets.length; i += 200_000)
      await c.query('INSERT INTO petition_term_stat (bucket, df) SELECT * FROM unnest($1::int[], $2::int[])', [
        buckets.slice(i, i + 200_000),
        counts.slice(i, i + 200_000),
      ]);
    const loaded = performance.now() - t0;
    log(
      `loaded ${SIZE.toLocaleString('en')} letters in ${secs(loaded)}: generation and signatures ${secs(genMs)}, inserts ${secs(dbMs)} (overlapping)`,
    );

    let t = performance.now();
    await c.query('BEGIN');
    await c.query(`SET LOCAL maintenance_work_mem = '${url ? '1GB' : '256MB'}'`);
    await c.query(`ALTER TABLE petition_band ADD CONSTRAINT petition_band_pkey PRIMARY KEY (band_key, petition_id)`);
    await restoreAfterBulkLoad(c, dropped);
    await c.query('COMMIT');
    log(`our keys' indexes and the constraints rebuilt in ${secs(performance.now() - t)}`);
    t = performance.now();
    await c.query(`SET maintenance_work_mem = '${url ? '1GB' : '256MB'}'`);
    for (const col of COLUMNS) {
      const t1 = performance.now();
      await c.query(`CREATE INDEX petition_${col}_trgm_idx ON petition USING gin (${col} gin_trgm_ops)`);
      log(`baseline: GIN trigram index on ${col} built in ${secs(performance.now() - t1)}`);
    }
    t = performance.now();
    await c.query('VACUUM ANALYZE petition');
    await c.query('VACUUM ANALYZE petition_signature');
    await c.query('VACUUM ANALYZE petition_band');
    await c.query('VACUUM ANALYZE petition_term_stat');
    log(`VACUUM ANALYZE in ${secs(performance.now() - t)}`);
  });
}

if (reuse) log(`reusing the letters already loaded in ${values.database}`);
else await load();

// ---- sizes, and the planted letters
await database.admin(async (c) => {
  await c.query(`SELECT set_config('ktgs.system', 'on', false)`);
  const rows = (await c.query<{ id: string; ref: string }>(`SELECT id, source_ref AS ref FROM petition WHERE source_ref IS NOT NULL`)).rows;
  for (const r of rows) {
    petitionOf.set(r.ref, r.id);
    corpusOf.set(r.id, corpus.find((l) => l.id === r.ref) as CorpusLetter);
  }
  const size = async (rel: string) => {
    const n = Number((await c.query<{ n: string }>(`SELECT pg_total_relation_size('${rel}') AS n`)).rows[0]?.n);
    return `${rel} ${Math.round(n / 2 ** 20).toLocaleString('en')} MiB`;
  };
  const ourRels = ['petition_band', 'petition_signature', 'petition_term_stat'];
  const theirs = COLUMNS.map((col) => `petition_${col}_trgm_idx`);
  log(
    `sizes (with indexes): ours ${(await Promise.all(ourRels.map(size))).join(', ')}; baseline ${(await Promise.all(theirs.map(size))).join(', ')}`,
  );
});
if (petitionOf.size !== planted.length) throw new Error(`planted letters found: ${petitionOf.size} of ${planted.length}`);

// ---- the baseline's threshold: tuned on the `tune` letters with pg_trgm's own similarity(), the F1-best
// value (middle of the plateau), as bench/petition-dedup.ts tunes the in-memory trigram baseline.
const tune = corpus.filter((l) => l.split === 'tune');
const baselineText = (col: string, text: string) => (col === 'content' ? text : fold(letterBody(text)));
const thresholds = new Map<string, number>();
for (const col of COLUMNS) {
  const sims = await database.admin(
    async (c) =>
      (
        await c.query<{ i: string; j: string; s: number }>(
          `SELECT a.i, b.j, similarity(a.t, b.t) AS s FROM unnest($1::text[]) WITH ORDINALITY a(t, i)
         JOIN unnest($1::text[]) WITH ORDINALITY b(t, j) ON a.i < b.j`,
          [tune.map((l) => baselineText(col, l.text))],
        )
      ).rows,
  );
  const f1 = (th: number) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of sims) {
      const truth = pairLabel(tune[Number(r.i) - 1] as CorpusLetter, tune[Number(r.j) - 1] as CorpusLetter) !== 'none';
      const got = r.s >= th;
      if (truth && got) tp++;
      else if (got) fp++;
      else if (truth) fn++;
    }
    return (2 * tp) / (2 * tp + fp + fn || 1);
  };
  const grid = Array.from({ length: 91 }, (_, k) => Number((0.05 + k * 0.01).toFixed(2))).map((th) => [th, f1(th)] as const);
  const top = Math.max(...grid.map((g) => g[1]));
  const plateau = grid.filter((g) => g[1] >= top - 1e-9).map((g) => g[0]);
  thresholds.set(col, plateau[Math.floor((plateau.length - 1) / 2)] as number);
  log(
    `baseline on ${col}: pg_trgm.similarity_threshold ${thresholds.get(col)} (best F1 ${pct(top)} on the ${tune.length} tune letters' pairs)`,
  );
}

// ---- the checks
const SCOPE: Scope = { system: false, paths: ['TW'], clearance: 0 };
interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
interface Run extends Counts {
  lat: number[];
  cand: number[];
  /** Per planted letter, by its index in `planted`. */
  per: Map<number, Counts & { ms: number }>;
}
const newRun = (): Run => ({ lat: [], tp: 0, fp: 0, fn: 0, cand: [], per: new Map() });
function tally(r: Run, k: number, found: string[], ms: number): void {
  const q = planted[k] as CorpusLetter;
  const got = new Set(found.filter((id) => id !== petitionOf.get(q.id)));
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const l of planted) if (l.id !== q.id && pairLabel(q, l) !== 'none') got.has(petitionOf.get(l.id) as string) ? c.tp++ : c.fn++;
  for (const id of got) {
    const l = corpusOf.get(id);
    if (!l || pairLabel(q, l) === 'none') c.fp++;
  }
  r.tp += c.tp;
  r.fp += c.fp;
  r.fn += c.fn;
  r.lat.push(ms);
  r.per.set(k, { ...c, ms });
}
const quality = (c: Counts) => `${pct(c.tp / (c.tp + c.fn))} / ${pct(c.tp / (c.tp + c.fp || 1))}`;
// A baseline stopped early has checked the first letters of this order, spread over the matters
// (consecutive planted letters are copies of one matter; 41 is prime to 109).
const ORDER = Array.from({ length: planted.length }, (_, k) => (k * 41) % planted.length);
const warm = Array.from({ length: Number(values.warmup) }, synthetic);

async function ours(): Promise<Run> {
  const r = newRun();
  for (const text of warm) await inTransaction(database.db, SCOPE, (tx) => findSimilar(tx, text, null));
  for (const [k, q] of planted.entries()) {
    const t = performance.now();
    const res = await inTransaction(database.db, SCOPE, (tx) => findSimilar(tx, q.text, petitionOf.get(q.id) as string));
    const ms = performance.now() - t;
    r.cand.push(res.candidates);
    tally(
      r,
      k,
      res.matches.map((m) => m.id),
      ms,
    );
  }
  return r;
}

type Baseline = Run & { timedOut: boolean };

/**
 * pg_trgm's query on the same rows. `index`: as the tables' owner, row-level security not applied and the
 * scope written in the query, so that the GIN index can answer `%` — its best case. `rls`: as the app role,
 * as the application would have to run it: `%` is not leakproof, so under a row-level security policy the
 * planner cannot use the index and scans (our band keys are looked up with bigint equality, which it can).
 */
async function baseline(col: string, how: 'index' | 'rls', seconds: number): Promise<Baseline> {
  const r: Baseline = { ...newRun(), timedOut: false };
  const th = String(thresholds.get(col));
  const run = async (query: (text: string) => Promise<string[]>) => {
    for (const text of warm.slice(0, 1)) await query(baselineText(col, text));
    const budget = performance.now() + seconds * 1000;
    for (const k of ORDER) {
      if (performance.now() > budget) {
        r.timedOut = true;
        break;
      }
      const q = planted[k] as CorpusLetter;
      const t = performance.now();
      const ids = await query(baselineText(col, q.text));
      const ms = performance.now() - t;
      tally(r, k, ids.filter((id) => id !== petitionOf.get(q.id)).slice(0, 20), ms);
    }
  };
  const text = `SELECT id FROM petition WHERE ${col} % $1 AND scope_path <@ $2::ltree[] ORDER BY similarity(${col}, $1) DESC LIMIT 21`;
  if (how === 'index')
    await database.admin(async (c) => {
      await c.query('ALTER TABLE petition NO FORCE ROW LEVEL SECURITY');
      await c.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, false)`, [th]);
      // The plan the planner picks (its choice, not forced): an index scan, or a scan of every letter.
      const plan = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, [baselineText(col, planted[0]?.text ?? ''), '{TW}']);
      const nodes = plan.rows.map(
        (x) => x['QUERY PLAN'].match(/(Seq Scan|Bitmap Index Scan|Index Scan|Bitmap Heap Scan)( using| on) \S+/)?.[0],
      );
      log(`pg_trgm plan on ${col}: ${nodes.filter(Boolean).join(' ← ')}`);
      try {
        await run(async (t) => (await c.query<{ id: string }>(text, [t, `{${SCOPE.paths.join(',')}}`])).rows.map((x) => x.id));
      } finally {
        await c.query('ALTER TABLE petition FORCE ROW LEVEL SECURITY');
      }
    });
  else
    await run((t) =>
      inTransaction(database.db, SCOPE, async (tx) => {
        await sql`SELECT set_config('pg_trgm.similarity_threshold', ${th}, true)`.execute(tx);
        const c = sql.ref(col);
        const rows = await sql<{
          id: string;
        }>`SELECT id FROM petition WHERE ${c} % ${t} ORDER BY similarity(${c}, ${t}) DESC LIMIT 21`.execute(tx);
        return rows.rows.map((x) => x.id);
      }),
    );
  return r;
}

const load1 = os.loadavg()[0] as number;
const our = await ours();
log(
  `ours: p50 ${msf(quantile(our.lat, 0.5))} ms, p95 ${msf(quantile(our.lat, 0.95))} ms, p99 ${msf(quantile(our.lat, 0.99))} ms; ` +
    `candidates read p50 ${quantile(our.cand, 0.5)} / p95 ${Math.round(quantile(our.cand, 0.95))} / max ${Math.max(...our.cand)}; ` +
    `recall / precision ${quality(our)} over ${our.lat.length} letters (load average ${load1.toFixed(1)} → ${os.loadavg()[0]?.toFixed(1)} on ${cpus.length} cores)`,
);
const rows: string[][] = [];
// --baseline-seconds 0: our path only (the baseline measured in an earlier run on the same letters).
const runs: Array<[string, 'index' | 'rls', number]> =
  Number(values['baseline-seconds']) > 0 ? COLUMNS.map((col) => [col, 'index', Number(values['baseline-seconds'])]) : [];
if (Number(values['rls-seconds']) > 0) runs.push([COLUMNS[0] as string, 'rls', Number(values['rls-seconds'])]);
for (const [col, how, seconds] of runs) {
  const b = await baseline(col, how, seconds);
  const n = b.lat.length;
  // Ours on the same letters, for a like-for-like ratio when the baseline was stopped early.
  const same = [...b.per.keys()].map((k) => our.per.get(k) as Counts & { ms: number });
  const sameCounts = same.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const our50 = quantile(
    same.map((c) => c.ms),
    0.5,
  );
  const label = `${col} ≥ ${thresholds.get(col)}${how === 'rls' ? ', app role (RLS)' : ', owner (no RLS)'}`;
  log(
    `pg_trgm on ${label}: p50 ${msf(quantile(b.lat, 0.5))} ms, p95 ${msf(quantile(b.lat, 0.95))} ms; recall / precision ${quality(b)} ` +
      `over ${n} letters${b.timedOut ? ` (stopped after ${seconds} s; ours on the same letters: p50 ${msf(our50)} ms, ${quality(sameCounts)})` : ''}`,
  );
  rows.push([
    SIZE.toLocaleString('en'),
    url ? 'PostgreSQL' : 'PGlite',
    msf(quantile(our.lat, 0.5)),
    msf(quantile(our.lat, 0.95)),
    msf(quantile(our.lat, 0.99)),
    quality(our),
    label,
    msf(quantile(b.lat, 0.5)),
    msf(quantile(b.lat, 0.95)),
    `${quality(b)}${n < planted.length ? ` (${n} letters)` : ''}`,
    `${(quantile(b.lat, 0.5) / our50).toFixed(0)}×`,
  ]);
}
log(
  `\n${table(
    [
      'stored',
      'mode',
      'ours p50 ms',
      'p95',
      'p99',
      'ours recall / precision',
      'pg_trgm on',
      'pg_trgm p50 ms',
      'p95',
      'pg_trgm recall / precision',
      'p50 ratio',
    ],
    rows,
  )}`,
);

await database.close();
if (url && !values.keep) {
  await adminQuery(`DROP DATABASE IF EXISTS ${values.database} WITH (FORCE)`);
  log(`database ${values.database} dropped`);
} else if (url) log(`database ${values.database} kept`);
