// `npm run bench`: start-up times and the overhead of an authenticated, scoped read, printed as
// tables (medians, and ratios against a baseline measured in the same run). Never part of `npm test`.
// Usage: node bench/run.ts [startup] [overhead] [--rounds N] [--warm N] [--requests N] [--province CODE]
//        [--postgres postgres://user:pass@host/db]   (or KTGS_BENCH_DATABASE_URL; needs CREATEDB)
// See docs/performance.md.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { log } from './lib.ts';
import { benchOverhead } from './overhead.ts';
import { benchStartup } from './startup.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '3' },
    warm: { type: 'string', default: '2' },
    requests: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '200' },
    province: { type: 'string', default: '15' },
    postgres: { type: 'string' },
  },
});

function positive(name: string, raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer (got "${raw}")`);
  return n;
}

const which = new Set(positionals.length ? positionals : ['startup', 'overhead']);
for (const w of which) if (w !== 'startup' && w !== 'overhead') throw new Error(`unknown benchmark "${w}" (startup, overhead)`);

const cpus = os.cpus();
log(`# KTGS benchmarks, ${new Date().toISOString()}`);
log(
  `node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
);

const started = performance.now();
if (which.has('startup')) {
  await benchStartup({ rounds: positive('rounds', values.rounds), warmPerCold: positive('warm', values.warm) });
}
if (which.has('overhead')) {
  const common = {
    requests: positive('requests', values.requests),
    warmup: positive('warmup', values.warmup),
    rounds: 4,
    province: values.province ?? '15',
  };
  await benchOverhead({ ...common, postgresUrl: null });
  const pgUrl = values.postgres ?? process.env.KTGS_BENCH_DATABASE_URL ?? null;
  if (pgUrl) await benchOverhead({ ...common, postgresUrl: pgUrl });
}
log(`\nbenchmarks done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
