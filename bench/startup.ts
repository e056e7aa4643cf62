// Cold and warm start of `ktgs serve` on the embedded database, measured from outside as an operator
// sees it: spawn the process, poll GET /api/health until it answers 200, then SIGTERM and wait for a
// clean exit (code 0). Cold = a fresh KTGS_DATA_DIR (migrations, 3,355 org units, first admin);
// warm = the same directory started again. Baseline: a bare `node -e 0` spawned the same way.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { embeddedEnv, freePort, log, median, ms, ratio, removeDir, table, tempDir } from './lib.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'ktgs.js');
const HEALTH_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 40_000;

interface StartResult {
  /** spawn → first 200 from /api/health */
  readyMs: number;
  /** what the server printed ("khởi động N ms": openRuntime + buildApp + listen), if found */
  selfReportedMs: number | null;
  /** SIGTERM → exit */
  stopMs: number;
  exitCode: number | null;
}

function waitExit(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ktgs serve did not exit within ${timeoutMs} ms of SIGTERM`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** One start-and-stop of `ktgs serve` on dataDir. */
export async function startOnce(dataDir: string): Promise<StartResult> {
  const port = await freePort();
  const env = embeddedEnv({ KTGS_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString('utf8');
  });
  const url = `http://127.0.0.1:${port}/api/health`;
  let readyMs = -1;
  try {
    while (performance.now() - started < HEALTH_TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`ktgs serve exited early with code ${child.exitCode}`);
      if (await healthy(url)) {
        readyMs = performance.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    if (readyMs < 0) throw new Error(`no 200 from ${url} within ${HEALTH_TIMEOUT_MS} ms`);
  } catch (e) {
    child.kill('SIGKILL');
    await waitExit(child, 5_000).catch(() => null);
    throw new Error(`${(e as Error).message}\n--- server output ---\n${output.slice(-4000)}`);
  }
  const stopStarted = performance.now();
  child.kill('SIGTERM');
  const exitCode = await waitExit(child, STOP_TIMEOUT_MS);
  const stopMs = performance.now() - stopStarted;
  if (exitCode !== 0) throw new Error(`ktgs serve exited with code ${exitCode} after SIGTERM\n${output.slice(-4000)}`);
  const self = /khởi động (\d+) ms/.exec(output);
  return { readyMs, selfReportedMs: self ? Number(self[1]) : null, stopMs, exitCode };
}

async function bareNode(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await waitExit(child, 30_000);
  return performance.now() - started;
}

export interface StartupOptions {
  /** fresh data directories (each: one cold start, then `warmPerCold` warm starts) */
  rounds: number;
  warmPerCold: number;
}

export async function benchStartup(opts: StartupOptions): Promise<{ coldMedianMs: number; warmMedianMs: number }> {
  log(`\n## Start-up: ktgs serve on the embedded database (${opts.rounds} cold, ${opts.rounds * opts.warmPerCold} warm)\n`);
  const baseline: number[] = [];
  for (let i = 0; i < 5; i++) baseline.push(await bareNode());
  const cold: StartResult[] = [];
  const warm: StartResult[] = [];
  for (let round = 1; round <= opts.rounds; round++) {
    const dir = tempDir('start');
    try {
      const c = await startOnce(dir);
      cold.push(c);
      log(`  round ${round}: cold ${ms(c.readyMs)} (stop ${ms(c.stopMs)}, exit ${c.exitCode})`);
      for (let w = 1; w <= opts.warmPerCold; w++) {
        const r = await startOnce(dir);
        warm.push(r);
        log(`  round ${round}: warm ${ms(r.readyMs)} (stop ${ms(r.stopMs)}, exit ${r.exitCode})`);
      }
    } finally {
      removeDir(dir);
    }
  }
  const base = median(baseline);
  const row = (name: string, runs: StartResult[]) => {
    const ready = runs.map((r) => r.readyMs);
    const self = runs.map((r) => r.selfReportedMs).filter((v): v is number => v !== null);
    return [
      name,
      String(runs.length),
      ms(median(ready), 0),
      ms(Math.min(...ready), 0),
      ms(Math.max(...ready), 0),
      self.length ? ms(median(self), 0) : '–',
      ms(median(runs.map((r) => r.stopMs)), 0),
      ratio(median(ready), base),
    ];
  };
  log('');
  log(
    table(
      ['start', 'runs', 'median to 200', 'min', 'max', 'server says', 'stop (SIGTERM)', 'vs bare node'],
      [
        [
          'bare node -e 0 (baseline)',
          String(baseline.length),
          ms(base, 0),
          ms(Math.min(...baseline), 0),
          ms(Math.max(...baseline), 0),
          '–',
          '–',
          '1.00×',
        ],
        row('cold (fresh data dir)', cold),
        row('warm (same data dir)', warm),
      ],
    ),
  );
  const warmMedianMs = median(warm.map((r) => r.readyMs));
  log(`\nwarm start median ${ms(warmMedianMs, 0)}: ${warmMedianMs < 10_000 ? 'within' : 'OVER'} the 10 s target; every stop exited 0.`);
  return { coldMedianMs: median(cold.map((r) => r.readyMs)), warmMedianMs };
}
