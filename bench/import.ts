// Import of N member rows from XLSX on a fresh embedded database (issue #3, point 10: 100,000 rows in
// under 60 s on PGlite). The cells are created first (by an organisation import) under one commune; the
// baseline, measured in the same run, is reading and mapping the same file without touching the database.
// Usage: node bench/import.ts [--rows 100000] [--seed 1]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { foldForSearch } from '../common/text.ts';
import { loadConfig } from '../server/src/config.ts';
import { importFile } from '../server/src/modules/imports/imports.service.ts';
import { readImportFile } from '../server/src/modules/imports/parse.ts';
import { headerOf, TEMPLATES } from '../server/src/modules/imports/templates.ts';
import { systemActor } from '../server/src/platform/access/actor.ts';
import { openRuntime } from '../server/src/runtime.ts';
import { embeddedEnv, log, ms, ratio, removeDir, table, tempDir } from './lib.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' } } });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows must be a positive integer (got "${values.rows}")`);
const COMMUNE = 'X17662';
const PER_CELL = 25;

// A small deterministic generator (mulberry32), so two runs import the same file.
let state = Number(values.seed) >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pickOne = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_M = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Thành', 'Xuân', 'Đình', 'Ngọc'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Hồng', 'Kim', 'Phương', 'Diệu', 'Bích'];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đức',
  'Giang',
  'Hải',
  'Hùng',
  'Khoa',
  'Long',
  'Minh',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Tuấn',
  'Việt',
];
const GIVEN_F = [
  'Anh',
  'Bích',
  'Chi',
  'Dung',
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Nga',
  'Nhung',
  'Oanh',
  'Thảo',
  'Trang',
  'Yến',
];
const PROVINCES = ['001', '031', '036', '038', '040', '042', '048', '079', '092', '094'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const used = new Set<string>();

function memberRow(i: number): string[] {
  const male = random() < 0.55;
  let name: string;
  let birth: string;
  let year: number;
  // Name and birth date must be unique in the file (the import treats a repeat as the same person).
  do {
    year = 1950 + Math.floor(random() * 55);
    birth = `${pad(1 + Math.floor(random() * 28))}/${pad(1 + Math.floor(random() * 12))}/${year}`;
    name = male
      ? `${pickOne(FAMILY)} ${pickOne(MIDDLE_M)} ${pickOne(GIVEN_M)}`
      : `${pickOne(FAMILY)} ${pickOne(MIDDLE_F)} ${pickOne(GIVEN_F)}`;
  } while (used.has(foldForSearch(`${name}|${birth}`)));
  used.add(foldForSearch(`${name}|${birth}`));
  const digit = (year >= 2000 ? 2 : 0) + (male ? 0 : 1);
  // The last six digits carry the row number, so CCCDs are unique and match birth year and gender.
  const cccd = `${pickOne(PROVINCES)}${digit}${pad(year % 100)}${pad(i, 6)}`;
  const admitted = year + 19 + Math.floor(random() * 20);
  const admittedOn = admitted < 2025 ? `${pad(1 + Math.floor(random() * 28))}/${pad(1 + Math.floor(random() * 12))}/${admitted}` : '';
  const full = admittedOn !== '' && random() < 0.95;
  const confirmedOn = full ? admittedOn.replace(/\d{4}$/, String(admitted + 1)) : '';
  const cell = `BCH_CB${pad(Math.floor(i / PER_CELL), 5)}`;
  return [name, male ? 'Nam' : 'Nữ', birth, cccd, `BC${pad(i, 7)}`, cell, full ? 'Chính thức' : 'Dự bị', admittedOn, confirmedOn];
}

async function writeXlsx(file: string, headers: string[], data: string[][]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('Dữ liệu');
  ws.addRow(headers).commit();
  for (const r of data) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}

const dir = tempDir('import');
try {
  log(`# import of ${rows.toLocaleString('en')} member rows (XLSX), embedded PGlite, ${os.cpus()[0]?.model ?? 'cpu'}`);
  const runtime = await openRuntime(loadConfig(embeddedEnv({ KTGS_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' })));
  const actor = systemActor();
  try {
    const cells = Math.ceil(rows / PER_CELL);
    const orgFile = path.join(dir, 'to-chuc.xlsx');
    await writeXlsx(orgFile, TEMPLATES.orgs.map(headerOf), [
      ['BCH_DU', 'Đảng bộ cơ sở Đo hiệu năng', 'Tổ chức cơ sở đảng', COMMUNE, 'Có', 'Có', ''],
      ...Array.from({ length: cells }, (_, i) => [`BCH_CB${pad(i, 5)}`, `Chi bộ số ${i + 1}`, 'Chi bộ', 'BCH_DU', '', '', '']),
    ]);
    const orgs = await importFile(runtime, actor, 'orgs', orgFile);
    if (orgs.status !== 'applied') throw new Error(`org import failed: ${JSON.stringify(orgs.errors.slice(0, 5))}`);

    const memberFile = path.join(dir, 'dang-vien.xlsx');
    const t0 = performance.now();
    await writeXlsx(
      memberFile,
      TEMPLATES.members.map(headerOf),
      Array.from({ length: rows }, (_, i) => memberRow(i)),
    );
    const generated = performance.now() - t0;
    const size = fs.statSync(memberFile).size;

    const data = fs.readFileSync(memberFile);
    const p0 = performance.now();
    const parsed = await readImportFile('members', 'dang-vien.xlsx', data);
    const parse = performance.now() - p0;
    if (parsed.rows.length !== rows) throw new Error(`parsed ${parsed.rows.length} rows`);

    const i0 = performance.now();
    const first = await importFile(runtime, actor, 'members', memberFile);
    const imported = performance.now() - i0;
    if (first.status !== 'applied') throw new Error(`import rejected: ${JSON.stringify(first.errors.slice(0, 5))}`);

    const r0 = performance.now();
    const again = await importFile(runtime, actor, 'members', memberFile);
    const reimported = performance.now() - r0;
    if (again.status !== 'unchanged') throw new Error(`re-import was ${again.status}`);

    const rate = (t: number) => `${Math.round(rows / (t / 1000)).toLocaleString('en')}`;
    log(`file: ${(size / 2 ** 20).toFixed(1)} MiB, generated in ${ms(generated)}; ${cells} cells created by an organisation import\n`);
    log(
      table(
        ['step', 'time', 'rows/s', 'vs parse'],
        [
          ['parse only (baseline)', ms(parse), rate(parse), '1.00×'],
          [`import (${first.created} created)`, ms(imported), rate(imported), ratio(imported, parse)],
          [`re-import (${again.unchanged} unchanged)`, ms(reimported), rate(reimported), ratio(reimported, parse)],
        ],
      ),
    );
    log(`\ntarget: 100,000 rows in under 60 s → ${imported < 60_000 * (rows / 100_000) ? 'met' : 'NOT met'}`);
  } finally {
    await runtime.close();
  }
} finally {
  removeDir(dir);
}
