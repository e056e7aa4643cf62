// `ktgs backup` / `ktgs restore`: a portable, plain-SQL, data-only dump made with SQL alone (no pg_dump),
// so that it works the same on PGlite and on a PostgreSQL server, and its all-or-nothing restore.
// Both run on the privileged connection (outside row-level security) and within one transaction each:
// the dump is one consistent snapshot, and a failed restore changes nothing.
import type pg from 'pg';
import type { Database } from '../db/connection.ts';
import { AppError } from '../platform/errors.ts';
import { splitSql } from './sql-split.ts';

export const BACKUP_FORMAT = 'ktgs-backup 1';
const END_MARK = '-- ktgs-backup end ';
const FETCH_ROWS = 2000;
const BATCH_STATEMENTS = 500;
const BATCH_CHARS = 1 << 20;

// Also makes the file loadable by psql. restore does not run these (they would change the session,
// which PGlite shares with the application): it sets the same things transaction-locally instead.
const PREAMBLE = [
  "SET client_encoding = 'UTF8'",
  'SET standard_conforming_strings = on',
  "SELECT pg_catalog.set_config('search_path', 'public', false)",
  "SELECT set_config('ktgs.system','on',false)",
];

// Text forms that read back identically whatever the target's settings are.
const LOCAL_SETTINGS = `SET LOCAL bytea_output = 'hex'; SET LOCAL DateStyle = 'ISO, YMD';
  SET LOCAL IntervalStyle = 'postgres'; SET LOCAL TimeZone = 'UTC'; SET LOCAL extra_float_digits = 3;
  SET LOCAL standard_conforming_strings = on; SET LOCAL search_path = public;
  SELECT set_config('ktgs.system', 'on', true)`;

type Table = { oid: string; name: string };

interface Shape {
  columns: string[];
  identityAlways: boolean;
  key: string[];
  /** Foreign keys from the table to itself (org_unit.parent_id): rows must come after their parent. */
  selfRefs: { cols: string[]; refCols: string[] }[];
}

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
const invalid = (message: string) => new AppError('validation', message);

/** The application tables of the public schema, parents before children. */
async function appTables(client: pg.ClientBase): Promise<Table[]> {
  const { rows: tables } = await client.query<Table>(`
    SELECT c.oid::text AS oid, c.relname::text AS name FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname NOT LIKE 'kysely\\_migration%'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                      AND d.deptype = 'e')
    ORDER BY c.relname`);
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT conrelid::text AS child, confrelid::text AS parent FROM pg_constraint
     WHERE contype = 'f' AND conrelid <> confrelid`,
  );
  const known = new Set(tables.map((t) => t.oid));
  const parents = new Map<string, string[]>();
  for (const e of edges) if (known.has(e.parent)) parents.set(e.child, [...(parents.get(e.child) ?? []), e.parent]);
  const placed = new Set<string>();
  const ordered: Table[] = [];
  const left = [...tables];
  while (left.length > 0) {
    // A cycle between tables: take the first one; its restore then needs deferrable constraints.
    const at = left.findIndex((t) => (parents.get(t.oid) ?? []).every((p) => placed.has(p)));
    const [t] = left.splice(Math.max(0, at), 1) as [Table];
    placed.add(t.oid);
    ordered.push(t);
  }
  return ordered;
}

/** The column names at the attribute numbers `keys` (an int2[]) of relation `rel`, in key order. */
const names = (keys: string, rel: string) => `(SELECT coalesce(array_agg(a.attname::text ORDER BY k.ord), '{}')
  FROM unnest(${keys}) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.n)`;

async function shapeOf(client: pg.ClientBase, oid: string): Promise<Shape> {
  const { rows } = await client.query<Shape>(
    `SELECT (SELECT coalesce(array_agg(attname::text ORDER BY attnum), '{}') FROM pg_attribute
             WHERE attrelid = $1::oid AND attnum > 0 AND NOT attisdropped AND attgenerated = '') AS columns,
            EXISTS (SELECT FROM pg_attribute WHERE attrelid = $1::oid AND attnum > 0 AND NOT attisdropped
                    AND attidentity = 'a') AS "identityAlways",
            coalesce((SELECT ${names('i.indkey::int2[]', 'i.indrelid')} FROM pg_index i
                      WHERE i.indrelid = $1::oid AND i.indisprimary), '{}') AS key,
            (SELECT coalesce(json_agg(json_build_object('cols', ${names('c.conkey', 'c.conrelid')},
                                                        'refCols', ${names('c.confkey', 'c.confrelid')})
                                      ORDER BY c.conname), '[]')
             FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = $1::oid AND c.confrelid = $1::oid) AS "selfRefs"`,
    [oid],
  );
  return rows[0] as Shape;
}

/** A query yielding one INSERT statement per row, built by the server from each value's text form. */
function rowQuery(table: string, shape: Shape): string {
  const t = ident(table);
  const { columns } = shape;
  const override = shape.identityAlways ? ' OVERRIDING SYSTEM VALUE' : '';
  const head = `INSERT INTO ${t} (${columns.map(ident).join(', ')})${override} VALUES (`;
  const values = columns.map((c) => `quote_nullable(r.${ident(c)}::text)`).join(` || ', ' || `);
  const expr = columns.length > 0 ? `${literal(head)} || ${values} || ');'` : literal(`INSERT INTO ${t} DEFAULT VALUES;`);
  const order = shape.key.map((c) => `r.${ident(c)}`);
  const self = shape.selfRefs[0];
  if (!self) return `SELECT ${expr} AS s FROM ${t} r${order.length > 0 ? ` ORDER BY ${order.join(', ')}` : ''}`;
  // Parents first: the depth of each row below the rows that have no parent.
  const k = (alias: string) => self.refCols.map((c, i) => `${alias}.${ident(c)} AS k${i}`).join(', ');
  const under = (alias: string, cols: string[]) => cols.map((c, i) => `${alias}.${ident(c)} = w.k${i}`).join(' AND ');
  return `WITH RECURSIVE walk AS (
      SELECT ${k('p')}, 0 AS depth FROM ${t} p WHERE ${self.cols.map((c) => `p.${ident(c)} IS NULL`).join(' OR ')}
      UNION ALL
      SELECT ${k('c')}, w.depth + 1 FROM ${t} c JOIN walk w ON ${under('c', self.cols)})
    SELECT ${expr} AS s FROM ${t} r JOIN walk w ON ${under('r', self.refCols)}
    ORDER BY ${['w.depth', ...order].join(', ')}`;
}

async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  try {
    const { rows } = await client.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name');
    return rows.map((r) => r.name);
  } catch {
    throw invalid('CSDL chưa được khởi tạo lược đồ: hãy chạy `ktgs migrate` trước.');
  }
}

export async function writeBackup(
  database: Database,
  out: (chunk: string) => Promise<void> | void,
): Promise<{ tables: Record<string, number> }> {
  return database.admin(async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      await client.query(LOCAL_SETTINGS);
      const migrations = await appliedMigrations(client);
      const header = [
        `-- ${BACKUP_FORMAT}`,
        `-- created: ${new Date().toISOString()}`,
        `-- migrations: ${JSON.stringify(migrations)}`,
        '-- Dữ liệu KTGS dạng SQL thuần (chỉ dữ liệu). Khôi phục bằng: ktgs restore <tệp>',
        ...PREAMBLE.map((s) => `${s};`),
      ];
      await out(`${header.join('\n')}\n`);
      const tables: Record<string, number> = {};
      for (const table of await appTables(client)) {
        const shape = await shapeOf(client, table.oid);
        await client.query(`DECLARE ktgs_backup NO SCROLL CURSOR FOR ${rowQuery(table.name, shape)}`);
        let count = 0;
        for (;;) {
          const { rows } = await client.query<{ s: string }>(`FETCH ${FETCH_ROWS} FROM ktgs_backup`);
          if (rows.length > 0) await out(`${rows.map((r) => r.s).join('\n')}\n`);
          count += rows.length;
          if (rows.length < FETCH_ROWS) break;
        }
        await client.query('CLOSE ktgs_backup');
        if (shape.selfRefs.length > 0) {
          // Rows in a reference cycle are never reached from a root: refuse rather than lose them.
          const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(table.name)}`);
          if (rows[0]?.n !== count) {
            throw new AppError('internal', `Không sao lưu được bảng ${table.name}: có bản ghi tham chiếu vòng tới chính nó.`);
          }
        }
        tables[table.name] = count;
      }
      const { rows: seqs } = await client.query<{ s: string }>(`
        SELECT format('SELECT pg_catalog.setval(%L, %s, %s);', format('public.%I', sequencename),
                      coalesce(last_value, start_value), last_value IS NOT NULL) AS s
        FROM pg_sequences WHERE schemaname = 'public' AND sequencename NOT LIKE 'kysely\\_migration%'
        ORDER BY sequencename`);
      await out(`${seqs.map((r) => `${r.s}\n`).join('')}${END_MARK}${JSON.stringify(tables)}\n`);
      await client.query('COMMIT');
      return { tables };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  });
}

/** The header must name this format and exactly the migrations this database has applied. */
function checkHeader(header: string[], applied: string[]): void {
  if (header[0] !== `-- ${BACKUP_FORMAT}`) {
    throw invalid(`Tệp không phải bản sao lưu KTGS hoặc thuộc định dạng khác (cần «${BACKUP_FORMAT}»).`);
  }
  const theirs = parseJson(header.find((l) => l.startsWith('-- migrations: '))?.slice(15));
  if (!Array.isArray(theirs)) throw invalid('Bản sao lưu thiếu danh sách các bước cập nhật lược đồ CSDL.');
  if (theirs.join(',') !== applied.join(',')) {
    throw invalid(
      `Bản sao lưu được tạo với lược đồ CSDL khác (các bước cập nhật: ${theirs.join(', ') || 'không có'}; ` +
        `CSDL hiện tại: ${applied.join(', ') || 'không có'}). Hãy khôi phục bằng phiên bản KTGS tương ứng.`,
    );
  }
}

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
}

/** The trailer lists the rows the dump wrote per table: fewer here means lines went missing. */
function sameCounts(trailer: string, tables: Record<string, number>): boolean {
  const listed = (parseJson(trailer) ?? {}) as Record<string, unknown>;
  return [...Object.keys(listed), ...Object.keys(tables)].every((n) => (listed[n] ?? 0) === (tables[n] ?? 0));
}

const INSERT = /^INSERT INTO ("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)[\s(]/;
const SETVAL = 'SELECT pg_catalog.setval(';

export async function restoreBackup(
  database: Database,
  input: AsyncIterable<string> | string,
): Promise<{ tables: Record<string, number> }> {
  return database.admin(async (client) => {
    const header: string[] = [];
    const tables: Record<string, number> = {};
    const sequences: string[] = [];
    let batch: string[] = [];
    let batchChars = 0;
    let executed = 0;
    let began = false;
    let trailer: string | null = null;
    const flush = async () => {
      if (batch.length === 0) return;
      try {
        await client.query(`${batch.join(';\n')};`);
      } catch (e) {
        const where = `câu lệnh dữ liệu thứ ${executed + 1}–${executed + batch.length}`;
        throw invalid(`Khôi phục thất bại, dữ liệu không thay đổi (lỗi ở ${where}): ${(e as Error).message}`);
      }
      executed += batch.length;
      batch = [];
      batchChars = 0;
    };
    const begin = async () => {
      await client.query('BEGIN');
      began = true;
      checkHeader(header, await appliedMigrations(client));
      await client.query(LOCAL_SETTINGS);
      // The audit guard lets TRUNCATE through only for a restore; triggers otherwise stay on.
      await client.query(`SELECT set_config('ktgs.maintenance', 'restore', true)`);
      const list = await appTables(client);
      for (const t of list) tables[t.name] = 0;
      await client.query(`TRUNCATE TABLE ${list.map((t) => ident(t.name)).join(', ')} RESTART IDENTITY`);
    };
    try {
      for await (const piece of splitSql(input)) {
        if (piece.kind === 'comment') {
          if (!began) header.push(piece.text);
          else if (piece.text.startsWith(END_MARK)) trailer = piece.text.slice(END_MARK.length);
          continue;
        }
        if (!began) await begin();
        if (piece.kind === 'partial' || trailer !== null) throw invalid('Tệp sao lưu bị cắt cụt hoặc bị sửa đổi.');
        if (PREAMBLE.includes(piece.text)) continue;
        if (piece.text.startsWith(SETVAL)) {
          sequences.push(piece.text); // run last: setval is not undone by a rollback
          continue;
        }
        const m = INSERT.exec(piece.text);
        const name = m?.[1]?.startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m?.[1];
        if (name === undefined || tables[name] === undefined) {
          throw invalid(`Bản sao lưu chứa câu lệnh không được phép: ${piece.text.slice(0, 80)}`);
        }
        tables[name] = (tables[name] ?? 0) + 1;
        batch.push(piece.text);
        batchChars += piece.text.length;
        if (batch.length >= BATCH_STATEMENTS || batchChars >= BATCH_CHARS) await flush();
      }
      if (!began) await begin();
      if (trailer === null) throw invalid('Tệp sao lưu bị cắt cụt (thiếu dòng kết thúc).');
      await flush();
      if (!sameCounts(trailer, tables)) throw invalid('Số bản ghi trong tệp sao lưu không khớp dòng kết thúc.');
      for (const s of sequences) await client.query(s);
      await client.query('COMMIT');
      return { tables };
    } catch (e) {
      if (began) await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  });
}
