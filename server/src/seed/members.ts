// `ktgs seed --members N`: large synthetic data, generated as a stream and deterministic for a seed.
// PostgreSQL: COPY … FROM STDIN in one transaction (all or nothing), cells chunk by chunk so that the
// server works while Node generates. PGlite: multi-row INSERTs in the same transaction shape.

import type { Kysely } from 'kysely';
import type pg from 'pg';
import { kyselyOn } from '../db/migrate.ts';
import type { DB } from '../db/types.ts';
import { systemActor } from '../platform/access/actor.ts';
import type { AppContext } from '../platform/app-context.ts';
import { appendAudit, ROOT_PATH } from '../platform/audit/audit.ts';
import { type Dropped, dropForBulkLoad, restoreAfterBulkLoad } from './bulk-load.ts';
import { IdentityAllocator, slotForSeed } from './identity.ts';
import { createRng } from './prng.ts';
import { copyLine, copyRows, insertRows, MEMBER, MEMBER_TRANSFER, ORG_UNIT, openCopy, POST, uuidSequence } from './rows.ts';
import { cellOrgRow, cellRows, type GeneratorState } from './synthetic.ts';
import { type CellPlan, type CommuneRow, planCells } from './synthetic-plan.ts';

export interface SeedMembersOptions {
  members: number;
  seed?: number;
  /** Province codes ('40' or 'T40'); all 34 when absent. */
  provinces?: string[];
  /**
   * Drop the secondary indexes and the unique and foreign-key constraints of member,
   * member_transfer and post, and build them once after the load (same transaction). For millions.
   */
  rebuildIndexes?: boolean;
}

export interface SeedProgress {
  members: number;
  total: number;
  cells: number;
  elapsedMs: number;
}

export interface SeedMembersResult {
  skipped: boolean;
  method: 'copy' | 'insert';
  seed: number;
  members: number;
  cells: number;
  transfers: number;
  posts: number;
  ms: number;
  /** Of ms: building the dropped indexes and constraints again. */
  indexMs: number;
  membersPerSecond: number;
}

export const DEFAULT_SEED = 1;
/** Members are written per chunk of cells: ~50,000 rows per COPY, ~5,000 per INSERT round. */
const CHUNK = { copy: 50_000, insert: 5_000 };

async function loadCommunes(client: pg.ClientBase, provinces?: string[]): Promise<CommuneRow[]> {
  const codes = provinces?.map((p) => p.replace(/^T/i, '')) ?? null;
  const { rows } = await client.query<CommuneRow>(
    `SELECT id, code, name, path::text AS path, province_code FROM org_unit
     WHERE kind = 'commune' AND valid_to IS NULL AND ($1::text[] IS NULL OR province_code = ANY($1)) ORDER BY path`,
    [codes],
  );
  return rows;
}

function* chunks(cells: Iterable<CellPlan>, target: number): Generator<CellPlan[]> {
  let chunk: CellPlan[] = [];
  let size = 0;
  for (const c of cells) {
    chunk.push(c);
    size += c.size;
    if (size >= target) {
      yield chunk;
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length) yield chunk;
}

// COPY FROM refuses tables under row-level security even for their owner (FORCE ROW LEVEL SECURITY);
// lifting FORCE inside the transaction lets the owner load, and COMMIT or ROLLBACK puts it back.
const RLS_TABLES = ['org_unit', 'member', 'member_transfer', 'post'];

export async function seedMembers(
  ctx: AppContext,
  opts: SeedMembersOptions,
  progress: (p: SeedProgress) => void = () => undefined,
): Promise<SeedMembersResult> {
  const started = performance.now();
  const seed = opts.seed ?? DEFAULT_SEED;
  const slot = slotForSeed(seed);
  const method = ctx.database.mode === 'postgres' ? 'copy' : 'insert';
  const result: SeedMembersResult = {
    skipped: false,
    method,
    seed,
    members: 0,
    cells: 0,
    transfers: 0,
    posts: 0,
    ms: 0,
    indexMs: 0,
    membersPerSecond: 0,
  };
  await ctx.database.admin(async (client) => {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT set_config('ktgs.system', 'on', true)`);
      const marker = await client.query(`SELECT code FROM org_unit WHERE kind = 'grassroots' AND code LIKE $1 LIMIT 1`, [
        `%\\_M${String(slot).padStart(2, '0')}\\_%`,
      ]);
      if (marker.rowCount) {
        result.skipped = true;
        await client.query('ROLLBACK');
        return;
      }
      if (method === 'copy') for (const t of RLS_TABLES) await client.query(`ALTER TABLE ${t} NO FORCE ROW LEVEL SECURITY`);
      const dropped: Dropped[] = opts.rebuildIndexes ? await dropForBulkLoad(client) : [];
      const communes = await loadCommunes(client, opts.provinces);
      if (communes.length === 0) throw new Error('Không có đơn vị cấp xã nào để tạo chi bộ: nạp cây tổ chức trước.');
      const state: GeneratorState = {
        ring: ctx.keyring,
        rng: createRng(seed, 'synthetic-people'),
        ids: new IdentityAllocator(slot, createRng(seed, 'synthetic-ids')),
        uuid: uuidSequence(),
      };
      for (const chunk of chunks(planCells(communes, opts.members, seed, slot), CHUNK[method])) {
        if (method === 'copy') await copyChunk(client, state, chunk, result);
        else await insertChunk(client, state, chunk, result);
        progress({ members: result.members, total: opts.members, cells: result.cells, elapsedMs: performance.now() - started });
      }
      const indexStart = performance.now();
      await restoreAfterBulkLoad(client, dropped);
      result.indexMs = performance.now() - indexStart;
      if (method === 'copy') for (const t of RLS_TABLES) await client.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
      await appendAudit(kyselyOn(client) as unknown as Kysely<DB>, systemActor(), {
        action: 'seed.members',
        entityType: 'member',
        scopePath: ROOT_PATH,
        detail: {
          seed,
          slot,
          method,
          provinces: opts.provinces ?? null,
          members: result.members,
          cells: result.cells,
          posts: result.posts,
        },
      });
      await client.query('COMMIT');
      // Fresh statistics, so that the first searches after a large load get the plans they will keep.
      await client.query('ANALYZE org_unit, member, member_transfer, post');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  });
  result.ms = performance.now() - started;
  result.membersPerSecond = result.members / (result.ms / 1000);
  return result;
}

async function copyChunk(client: pg.ClientBase, s: GeneratorState, chunk: CellPlan[], r: SeedMembersResult): Promise<void> {
  const placed = chunk.map((cell) => ({ cell, id: s.uuid() }));
  r.cells += await copyRows(
    client,
    ORG_UNIT,
    placed.map((p) => cellOrgRow(p.cell, p.id)),
  );
  // Members stream to the server while the next ones are generated; periods and posts follow.
  const members = openCopy(client, MEMBER);
  const transfers: string[] = [];
  const posts: string[] = [];
  for (const p of placed) {
    const rows = cellRows(s, p.cell, p.id);
    for (const m of rows.members) await members.write(copyLine(m));
    for (const t of rows.transfers) transfers.push(copyLine(t));
    for (const x of rows.posts) posts.push(copyLine(x));
  }
  r.members += await members.finish();
  r.transfers += await copyRows(client, MEMBER_TRANSFER, transfers);
  r.posts += await copyRows(client, POST, posts);
}

async function insertChunk(client: pg.ClientBase, s: GeneratorState, chunk: CellPlan[], r: SeedMembersResult): Promise<void> {
  const placed = chunk.map((cell) => ({ cell, id: s.uuid() }));
  const all = placed.map((p) => cellRows(s, p.cell, p.id));
  const exec = (text: string, params: unknown[]) => client.query(text, params);
  await insertRows(
    exec,
    ORG_UNIT,
    placed.map((p) => cellOrgRow(p.cell, p.id)),
  );
  await insertRows(
    exec,
    MEMBER,
    all.flatMap((c) => c.members),
  );
  await insertRows(
    exec,
    MEMBER_TRANSFER,
    all.flatMap((c) => c.transfers),
  );
  await insertRows(
    exec,
    POST,
    all.flatMap((c) => c.posts),
  );
  r.cells += placed.length;
  r.members += all.reduce((n, c) => n + c.members.length, 0);
  r.transfers += all.reduce((n, c) => n + c.transfers.length, 0);
  r.posts += all.reduce((n, c) => n + c.posts.length, 0);
}
