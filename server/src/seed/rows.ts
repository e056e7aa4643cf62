// Rows as arrays in a fixed column order, and the two ways they reach the database: multi-row INSERTs
// (PGlite, the demo) and COPY … FROM STDIN in text format (PostgreSQL, large loads).
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Value = string | number | boolean | Buffer | readonly string[] | null;
export type Row = Value[];

export interface TableSpec {
  name: string;
  columns: readonly string[];
}

export const ORG_UNIT: TableSpec = {
  name: 'org_unit',
  columns: ['id', 'parent_id', 'code', 'name', 'kind', 'path', 'province_code', 'has_committee', 'has_inspection_committee', 'valid_from'],
};
export const MEMBER: TableSpec = {
  name: 'member',
  columns: [
    'id',
    'org_id',
    'org_path',
    'province_code',
    'full_name',
    'sort_key',
    'gender',
    'birth_date',
    'cccd_enc',
    'cccd_hash',
    'cccd_last4',
    'party_card_no',
    'status',
    'admitted_on',
    'confirmed_on',
    'secrecy',
  ],
};
export const MEMBER_TRANSFER: TableSpec = {
  name: 'member_transfer',
  columns: ['id', 'member_id', 'org_id', 'from_date', 'to_date', 'reason'],
};
export const POST: TableSpec = {
  name: 'post',
  columns: [
    'id',
    'member_id',
    'category',
    'code',
    'title',
    'org_id',
    'workplace',
    'is_head',
    'managed_by_org_id',
    'sensitive_areas',
    'from_date',
    'to_date',
  ],
};
export const RELATIVE: TableSpec = {
  name: 'relative',
  columns: ['id', 'member_id', 'relation', 'full_name', 'birth_date', 'cccd_enc', 'cccd_hash', 'cccd_last4', 'occupation', 'workplace'],
};

/**
 * Time-ordered UUIDs (version 7 layout: creation time, then a counter): rows written in order land at
 * the right edge of the primary-key index instead of at random pages, which matters at millions of rows.
 */
export function uuidSequence(): () => string {
  const ts = Date.now().toString(16).padStart(12, '0');
  const node = randomBytes(4).readUInt32BE(0) & 0x3fffffff;
  const head = `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7`;
  const variant = `-${(0x8000 | (node >>> 16)).toString(16)}-${(node & 0xffff).toString(16).padStart(4, '0')}`;
  let n = 0;
  return () => {
    const hi = Math.floor(n / 0x1_0000_0000) & 0xfff;
    const lo = n % 0x1_0000_0000;
    n++;
    return `${head}${hi.toString(16).padStart(3, '0')}${variant}${lo.toString(16).padStart(8, '0')}`;
  };
}

/** Runs one parameterised statement (a pg client or a Kysely transaction behind it). */
export type Exec = (text: string, params: unknown[]) => Promise<unknown>;

const MAX_PARAMS = 30_000;

/** Multi-row INSERTs, as many rows per statement as the parameter limit allows. */
export async function insertRows(exec: Exec, table: TableSpec, rows: readonly Row[]): Promise<void> {
  const width = table.columns.length;
  const per = Math.max(1, Math.floor(MAX_PARAMS / width));
  const head = `INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES `;
  for (let i = 0; i < rows.length; i += per) {
    const batch = rows.slice(i, i + per);
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      const marks = row.map((v) => {
        params.push(Buffer.isBuffer(v) || typeof v !== 'object' || v === null ? v : [...v]);
        return `$${params.length}`;
      });
      return `(${marks.join(',')})`;
    });
    await exec(head + tuples.join(','), params);
  }
}

function copyText(v: string): string {
  return /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v;
}

/** One line of COPY text format: tab-separated, \N for null, bytea as \\x…, arrays as {a,b}. */
export function copyLine(row: Row): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i > 0) line += '\t';
    if (v === null || v === undefined) line += '\\N';
    else if (typeof v === 'string') line += copyText(v);
    else if (typeof v === 'number') line += String(v);
    else if (typeof v === 'boolean') line += v ? 't' : 'f';
    else if (Buffer.isBuffer(v)) line += `\\\\x${v.toString('hex')}`;
    else line += copyText(`{${(v as readonly string[]).map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  }
  return `${line}\n`;
}

/** A COPY … FROM STDIN in progress: write lines (with back-pressure), then finish for the row count. */
export interface CopyWriter {
  write(line: string): Promise<void>;
  finish(): Promise<number>;
}

export function openCopy(client: pg.ClientBase, table: TableSpec): CopyWriter {
  const stream = client.query(copyFrom(`COPY ${table.name} (${table.columns.join(', ')}) FROM STDIN`)) as Writable & { rowCount: number };
  let failure: Error | null = null;
  stream.on('error', (e: Error) => {
    failure = e;
  });
  let pending = '';
  const flush = async () => {
    if (failure) throw failure;
    if (!pending) return;
    const ok = stream.write(pending);
    pending = '';
    if (!ok) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
    if (failure) throw failure;
  };
  return {
    async write(line) {
      pending += line;
      // Some tens of kilobytes per write: few syscalls, and PostgreSQL works while we generate.
      if (pending.length > 65_536) await flush();
    },
    async finish() {
      await flush();
      const done = new Promise<void>((resolve, reject) => {
        stream.once('finish', resolve);
        stream.once('error', reject);
      });
      stream.end();
      await done;
      return stream.rowCount;
    },
  };
}

/** COPY a whole list of rows (small tables, or lines already encoded). */
export async function copyRows(client: pg.ClientBase, table: TableSpec, rows: readonly (Row | string)[]): Promise<number> {
  const w = openCopy(client, table);
  for (const r of rows) await w.write(typeof r === 'string' ? r : copyLine(r));
  return w.finish();
}
