// A local control channel for the embedded mode: PGlite allows one process per data directory, so
// while the server runs, `ktgs` commands are carried out inside it over a Unix socket in the data
// directory (mode 0600: only the same operating-system user can reach it).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AppContext } from '../platform/app-context.ts';
import { AppError } from '../platform/errors.ts';
import { CONTROL_SOCKET } from '../runtime.ts';
import { runSeed, type SeedOptions } from '../seed/run.ts';
import {
  auditVerify,
  backupTo,
  importCommand,
  keysRotate,
  remindersRun,
  restoreFrom,
  tokenCreate,
  userCreate,
  userResetPassword,
} from './commands.ts';
import { indexKeyOf } from './rekey.ts';

type Handler = (ctx: AppContext, args: Record<string, unknown>) => Promise<unknown>;

export const HANDLERS: Record<string, Handler> = {
  'user.create': (ctx, a) => userCreate(ctx, a as never),
  'user.reset-password': (ctx, a) => userResetPassword(ctx, String(a.username)),
  'token.create': (ctx, a) => tokenCreate(ctx, a as never),
  'audit.verify': (ctx) => auditVerify(ctx),
  'reminders.run': (ctx, a) => remindersRun(ctx, { date: (a.date as string | undefined) ?? null }),
  import: (ctx, a) => importCommand(ctx, String(a.kind), String(a.file)),
  seed: (ctx, a) => runSeed(ctx, a as SeedOptions),
  'keys.rotate': (ctx, a) => keysRotate(ctx, { newKey: a.newKey === true, batchSize: a.batchSize as number | undefined }),
  'keys.index-key': async (ctx) => indexKeyOf(ctx),
  migrate: async () => ({ message: 'Máy chủ đang chạy đã cập nhật lược đồ khi khởi động.' }),
};

/** Bytes to text without splitting a multi-byte character across chunks. */
export async function* decodeStream(input: AsyncIterable<Buffer | string>): AsyncIterable<string> {
  const decoder = new TextDecoder();
  for await (const c of input) yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  yield decoder.decode();
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function controlSocketPath(dataDir: string): string {
  return path.join(dataDir, CONTROL_SOCKET);
}

export async function startControlSocket(ctx: AppContext): Promise<() => Promise<void>> {
  const file = controlSocketPath(ctx.config.dataDir);
  fs.rmSync(file, { force: true });
  const server = http.createServer(async (req, res) => {
    try {
      if (req.url === '/backup') {
        res.writeHead(200, { 'content-type': 'application/sql; charset=utf-8' });
        await backupTo(ctx, (chunk: string) => {
          if (!res.write(chunk)) return new Promise((resolve) => res.once('drain', resolve));
        });
        return res.end();
      }
      if (req.url === '/restore') {
        const result = await restoreFrom(ctx, decodeStream(req));
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ ok: true, result }));
      }
      const { command, args } = JSON.parse(await readBody(req)) as { command: string; args: Record<string, unknown> };
      const handler = HANDLERS[command];
      if (!handler) throw new AppError('not_found', `Lệnh không hỗ trợ: ${command}`);
      const result = await handler(ctx, args ?? {});
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result }));
    } catch (e) {
      const err = e as AppError;
      // A stream already under way cannot carry an error: cut it so the client sees a failure.
      if (res.headersSent) return res.destroy(err);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { code: err.code ?? 'internal', message: err.message, fields: err.fields } }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => resolve());
  });
  fs.chmodSync(file, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      fs.rmSync(file, { force: true });
    });
}

/** Client side: sends one request to the running server and gives back the response stream. */
export function requestControl(dataDir: string, urlPath: string, payload: string | NodeJS.ReadableStream) {
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = http.request({ socketPath: controlSocketPath(dataDir), path: urlPath, method: 'POST' }, resolve);
    req.on('error', reject);
    if (typeof payload === 'string') req.end(payload);
    else payload.pipe(req);
  });
}

/** Client side: sends one command and reads the whole (JSON) answer. */
export async function callControl(dataDir: string, urlPath: string, payload: string | NodeJS.ReadableStream) {
  const res = await requestControl(dataDir, urlPath, payload);
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
