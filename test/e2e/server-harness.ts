// Starts the real server (`ktgs serve`) on a free port with a fresh data directory, as an operator
// would, and a headless Chromium (Debian's /usr/bin/chromium) to drive the web UI.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  url: string;
  dataDir: string;
  admin: { username: string; password: string };
  stop(): Promise<number | null>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export async function startServer(): Promise<RunningServer> {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-web-build.js')], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ktgs-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin', 'ktgs.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), KTGS_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!/Mật khẩu dùng một lần: \S+/.test(out)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const password = /Mật khẩu dùng một lần: (\S+)/.exec(out)?.[1] as string;
  const username = /Tên đăng nhập: (\S+)/.exec(out)?.[1] as string;
  return {
    url: `http://localhost:${port}`,
    dataDir,
    admin: { username, password },
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
