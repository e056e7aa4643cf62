// Data-key rotation: re-encrypts every encrypted column under the keyring's current key, so that an
// old key can be removed. Table-driven: a module with encrypted columns registers them here (with the
// associated data its ciphertexts are bound to). Batches of rows, each in its own transaction, each
// row rewritten only if it still holds the value that was read (a concurrent edit is never undone);
// rows already under the current key are skipped, so a rerun finishes an interrupted run and a
// second run changes nothing. The blind-index key is not touched: hashes for look-ups stay valid.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { inTransaction, type Tx } from '../db/context.ts';
import { senderAad } from '../modules/petitions/sender-seal.ts';
import { systemActor } from '../platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../platform/access/scope.ts';
import type { AppContext } from '../platform/app-context.ts';
import { appendAudit } from '../platform/audit/audit.ts';
import { decrypt, encrypt, type Keyring } from '../platform/crypto.ts';
import { AppError } from '../platform/errors.ts';

export interface EncryptedColumn {
  table: string;
  column: string;
  /** The associated data the value was encrypted with, from the row's primary key `id`. */
  aad: (id: string) => string;
}

const COLUMNS: EncryptedColumn[] = [
  { table: 'member', column: 'cccd_enc', aad: () => 'cccd' },
  { table: 'relative', column: 'cccd_enc', aad: () => 'cccd' },
  { table: 'app_user', column: 'totp_secret_enc', aad: (id) => `totp:${id}` },
  { table: 'app_user', column: 'totp_pending_secret_enc', aad: (id) => `totp:${id}` },
  { table: 'petition', column: 'sender_enc', aad: senderAad },
];

const NAME = /^[a-z_][a-z0-9_]*$/;

/** For a module adding encrypted columns: call once at import time (or list them above, as the core ones are). */
export function registerEncryptedColumn(c: EncryptedColumn): void {
  if (!NAME.test(c.table) || !NAME.test(c.column)) throw new Error(`Tên bảng/cột không hợp lệ: ${c.table}.${c.column}`);
  if (!COLUMNS.some((x) => x.table === c.table && x.column === c.column)) COLUMNS.push(c);
}

export function encryptedColumns(): readonly EncryptedColumn[] {
  return COLUMNS;
}

export interface ColumnResult {
  table: string;
  column: string;
  rewritten: number;
}

export interface RekeyResult {
  currentKey: string;
  rewritten: number;
  columns: ColumnResult[];
  /** Values per key id after the run, over all columns: only the current key should remain. */
  byKey: Record<string, number>;
  /** What the operator must do before removing an old key, if anything. */
  notes: string[];
}

async function rekeyBatch(tx: Tx, ring: Keyring, c: EncryptedColumn, after: string | null, size: number) {
  const t = sql.table(c.table);
  const col = sql.ref(c.column);
  const rows = await sql<{ id: string; value: string }>`
    SELECT id::text AS id, ${col} AS value FROM ${t}
    WHERE ${col} IS NOT NULL AND split_part(${col}, '.', 2) <> ${ring.currentId}
      ${after === null ? sql`` : sql`AND id > ${after}::uuid`}
    ORDER BY id LIMIT ${size} FOR UPDATE`.execute(tx);
  let rewritten = 0;
  for (const r of rows.rows) {
    let plain: string;
    try {
      plain = decrypt(ring, r.value, c.aad(r.id));
    } catch {
      // Names the row, never the value: the operator restores the missing key and reruns.
      throw new AppError(
        'conflict',
        `Không giải mã được ${c.table}.${c.column} của bản ghi ${r.id} (khóa "${r.value.split('.')[1] ?? '?'}" không có trong bộ khóa hoặc dữ liệu hỏng). Không dữ liệu nào của lô này bị ghi.`,
      );
    }
    const res = await sql`UPDATE ${t} SET ${col} = ${encrypt(ring, plain, c.aad(r.id))}
      WHERE id = ${r.id}::uuid AND ${col} = ${r.value}`.execute(tx);
    rewritten += Number(res.numAffectedRows ?? 0);
  }
  return { rewritten, last: rows.rows.at(-1)?.id ?? null, done: rows.rows.length < size };
}

/** Values per key id in every registered column (what is left to rotate, and whether a key is still used). */
export async function keyUsage(ctx: AppContext): Promise<Record<string, number>> {
  const byKey: Record<string, number> = {};
  await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    for (const c of COLUMNS) {
      const col = sql.ref(c.column);
      const r = await sql<{ key: string; n: string | number }>`
        SELECT split_part(${col}, '.', 2) AS key, count(*) AS n FROM ${sql.table(c.table)}
        WHERE ${col} IS NOT NULL GROUP BY 1`.execute(tx);
      for (const row of r.rows) byKey[row.key] = (byKey[row.key] ?? 0) + Number(row.n);
    }
  });
  return byKey;
}

export async function rotateDataKeys(
  ctx: AppContext,
  opts: { batchSize?: number; actorLabel?: string; newKey?: boolean } = {},
): Promise<RekeyResult & { addedKey: string | null }> {
  if (!Number.isInteger(opts.batchSize ?? 500) || (opts.batchSize ?? 500) < 1)
    throw new AppError('validation', 'Cỡ lô phải là số nguyên dương.');
  const size = opts.batchSize ?? 500;
  const addedKey = opts.newKey ? addKeyToKeyFile(ctx) : null;
  const ring = ctx.keyring;
  const columns: ColumnResult[] = [];
  for (const c of COLUMNS) {
    let after: string | null = null;
    let rewritten = 0;
    for (;;) {
      const b = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) => rekeyBatch(tx, ring, c, after, size));
      rewritten += b.rewritten;
      after = b.last;
      if (b.done) break;
    }
    columns.push({ table: c.table, column: c.column, rewritten });
  }
  const byKey = await keyUsage(ctx);
  const total = columns.reduce((s, c) => s + c.rewritten, 0);
  await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    appendAudit(tx, systemActor(null, opts.actorLabel ?? 'Dòng lệnh ktgs'), {
      action: 'keys.rotate',
      detail: { currentKey: ring.currentId, addedKey, rewritten: total, columns, byKey },
    }),
  );
  return { currentKey: ring.currentId, addedKey, rewritten: total, columns, byKey, notes: rotationNotes(ring, byKey) };
}

function rotationNotes(ring: Keyring, byKey: Record<string, number>): string[] {
  const notes: string[] = [];
  const left = Object.entries(byKey).filter(([k, n]) => k !== ring.currentId && n > 0);
  if (left.length) notes.push(`Còn dữ liệu dưới khóa cũ (${left.map(([k, n]) => `${k}: ${n}`).join(', ')}): chưa được gỡ khóa đó.`);
  // Without KTGS_INDEX_KEY the blind-index key is derived from the FIRST key of KTGS_DATA_KEYS:
  // removing that key would change every look-up hash. Pin it first.
  if (process.env.KTGS_DATA_KEYS && !process.env.KTGS_INDEX_KEY) {
    notes.push(
      'Khóa chỉ mục đang suy ra từ khóa đầu tiên của KTGS_DATA_KEYS: trước khi gỡ khóa đó, đặt KTGS_INDEX_KEY bằng giá trị `ktgs keys index-key` in ra.',
    );
  }
  return notes;
}

/** The blind-index key (base64), so that a deployment can pin it in KTGS_INDEX_KEY before removing old keys. */
export function indexKeyOf(ctx: AppContext): { indexKey: string } {
  return { indexKey: ctx.keyring.indexKey.toString('base64') };
}

/**
 * Embedded mode (keys in the data directory's key file): adds a fresh key, makes it current in the
 * file and in the running keyring. Deployments that pass keys in KTGS_DATA_KEYS change them there.
 */
export function addKeyToKeyFile(ctx: AppContext): string {
  if (process.env.KTGS_DATA_KEYS) {
    throw new AppError(
      'validation',
      'Khóa dữ liệu đang lấy từ KTGS_DATA_KEYS: thêm khóa mới vào biến đó, đặt KTGS_DATA_KEY_CURRENT, khởi động lại máy chủ rồi chạy `ktgs keys rotate` (không kèm --new-key).',
    );
  }
  const file = path.join(ctx.config.dataDir, 'keys', 'data-keys.json');
  if (!fs.existsSync(file)) throw new AppError('not_found', `Không có tệp khóa ${file}.`);
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { current: string; keys: Record<string, string>; index?: string };
  const base = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
  let id = base;
  for (let i = 2; parsed.keys[id] !== undefined || ctx.keyring.keys.has(id); i++) id = `${base}-${i}`;
  const key = randomBytes(32);
  parsed.keys[id] = key.toString('base64');
  parsed.current = id;
  // Write then rename, so a crash leaves either the old file or the new one, never half of one.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(parsed, null, 2), { mode: 0o600, flag: 'wx' });
  fs.renameSync(tmp, file);
  ctx.keyring.keys.set(id, key);
  ctx.keyring.currentId = id;
  return id;
}
