// `ktgs`: the operator's command line. In the embedded mode, when a server already holds ./data,
// commands are carried out by that server over its control socket instead of opening PGlite twice.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { ROLES } from '../../common/roles.ts';
import { type Config, loadConfig } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { IMPORT_KINDS, type ImportKind, writeTemplate } from './modules/imports/templates.ts';
import { backupTo, restoreFrom } from './ops/commands.ts';
import { callControl, decodeStream, HANDLERS, requestControl } from './ops/control.ts';
import { embeddedHolder, openRuntime } from './runtime.ts';
import { describeSeed, runSeed, type SeedOptions, type SeedResult, seedOptionsProblem } from './seed/run.ts';
import { serve } from './server.ts';

function fail(message: string): never {
  process.stderr.write(`Lỗi: ${message}\n`);
  process.exit(1);
}

function held(config: Config): boolean {
  return !config.databaseUrl && embeddedHolder(config.dataDir) !== null;
}

/** Runs a named command here or in the running server, and returns its result. */
async function run(command: string, args: Record<string, unknown>): Promise<unknown> {
  const config = loadConfig();
  if (held(config)) {
    const reply = JSON.parse(await callControl(config.dataDir, '/run', JSON.stringify({ command, args }))) as {
      ok: boolean;
      result?: unknown;
      error?: { message: string };
    };
    if (!reply.ok) fail(reply.error?.message ?? 'lỗi không rõ');
    return reply.result;
  }
  const rt = await openRuntime(config, { bootstrap: true });
  try {
    return await (HANDLERS[command] as (c: typeof rt, a: Record<string, unknown>) => Promise<unknown>)(rt, args);
  } finally {
    await rt.close();
  }
}

function print(json: boolean, value: unknown, human: string) {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human}\n`);
}

const program = new Command('ktgs').description('KTGS — nền tảng kiểm tra, giám sát và kỷ luật của Đảng');

program
  .command('serve')
  .description('Chạy máy chủ web và API')
  .action(async () => serve(loadConfig()));

program
  .command('migrate')
  .description('Cập nhật lược đồ CSDL (tạo vai trò ứng dụng nếu được phép)')
  .action(async () => {
    const config = loadConfig();
    if (held(config)) return print(false, null, 'Máy chủ đang chạy đã cập nhật lược đồ khi khởi động.');
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      adminDatabaseUrl: config.migrationDatabaseUrl,
      pgliteDataDir: config.databaseUrl ? undefined : `${config.dataDir}/pgdata`,
      appRole: config.appRole,
    });
    try {
      const r = await migrate(database);
      print(false, r, r.applied.length ? `Đã áp dụng: ${r.applied.join(', ')}` : `Lược đồ đã mới nhất (${r.current}).`);
    } finally {
      await database.close();
    }
  });

const user = program.command('user').description('Quản lý người dùng');
user
  .command('create')
  .description('Tạo người dùng; in mật khẩu dùng một lần')
  .requiredOption('--username <name>', 'tên đăng nhập')
  .requiredOption('--full-name <name>', 'họ và tên')
  .addOption(new Option('--role <role>', 'vai trò').choices(ROLES).makeOptionMandatory())
  .requiredOption('--org <code>', 'mã tổ chức được phân quyền (ví dụ TW, T40, X16714)')
  .option('--clearance <n>', 'độ mật được tiếp cận: 0 không mật, 1 Mật, 2 Tối mật, 3 Tuyệt mật', '0')
  .option('--json', 'in kết quả dạng JSON')
  .action(async (o) => {
    const r = (await run('user.create', {
      username: o.username,
      fullName: o.fullName,
      role: o.role,
      org: o.org,
      clearance: Number(o.clearance),
    })) as { username: string; oneTimePassword: string };
    print(o.json, r, `Đã tạo ${r.username}. Mật khẩu dùng một lần: ${r.oneTimePassword}`);
  });
user
  .command('reset-password <username>')
  .description('Đặt lại mật khẩu; in mật khẩu dùng một lần')
  .option('--json', 'in kết quả dạng JSON')
  .action(async (username, o) => {
    const r = (await run('user.reset-password', { username })) as { username: string; oneTimePassword: string };
    print(o.json, r, `Mật khẩu dùng một lần mới của ${r.username}: ${r.oneTimePassword}`);
  });

program
  .command('token')
  .description('Mã truy cập API')
  .command('create')
  .description('Tạo mã truy cập API cho một người dùng; in mã (chỉ một lần)')
  .requiredOption('--user <username>', 'chủ sở hữu mã')
  .requiredOption('--name <name>', 'tên gợi nhớ, ví dụ "Tích hợp báo cáo"')
  .option('--scope <scopes>', 'read hoặc read,write', 'read')
  .option('--days <n>', 'số ngày hiệu lực (1–365)', '90')
  .option('--json', 'in kết quả dạng JSON')
  .action(async (o) => {
    const r = (await run('token.create', {
      username: o.user,
      name: o.name,
      scopes: String(o.scope)
        .split(',')
        .map((s: string) => s.trim()),
      days: Number(o.days),
    })) as { token: string; expiresAt: string };
    print(o.json, r, r.token);
  });

program
  .command('audit')
  .description('Nhật ký kiểm toán')
  .command('verify')
  .description('Tính lại toàn bộ chuỗi băm và chỉ ra bản ghi hỏng đầu tiên')
  .option('--json', 'in kết quả dạng JSON')
  .action(async (o) => {
    const r = (await run('audit.verify', {})) as { ok: boolean; checked: number; firstBroken: { seq: number; reason: string } | null };
    print(
      o.json,
      r,
      r.ok
        ? `Chuỗi nhật ký toàn vẹn: ${r.checked} bản ghi.`
        : `CHUỖI NHẬT KÝ BỊ PHÁ VỠ tại bản ghi số ${r.firstBroken?.seq}: ${r.firstBroken?.reason}`,
    );
    if (!r.ok) process.exitCode = 2;
  });

program
  .command('reminders')
  .description('Nhắc việc trong ứng dụng')
  .command('run')
  .description('Gửi nhắc hạn, báo quá hạn và báo cáo lãnh đạo một lần (máy chủ tự chạy mỗi giờ); chạy lại không gửi trùng')
  .option('--date <YYYY-MM-DD>', 'tính như hôm nay là ngày này (mặc định: hôm nay theo giờ Việt Nam)')
  .option('--json', 'in kết quả dạng JSON')
  .action(async (o) => {
    const r = (await run('reminders.run', { date: o.date ?? null })) as {
      today: string;
      created: number;
      remediationChecked: number;
      stepsChecked: number;
      petitionsChecked: number;
      petitionsEscalated: number;
    };
    print(
      o.json,
      r,
      `Ngày ${r.today}: đã gửi ${r.created} thông báo mới (xét ${r.remediationChecked} yêu cầu khắc phục, ${r.stepsChecked} bước công việc, ${r.petitionsChecked} đơn thư; báo cáo cấp trên ${r.petitionsEscalated} đơn quá hạn).`,
    );
  });

const keys = program.command('keys').description('Khóa mã hóa dữ liệu');
keys
  .command('rotate')
  .description('Mã hóa lại mọi trường mật bằng khóa dữ liệu hiện hành (theo lô, chạy lại an toàn); sau đó mới gỡ khóa cũ')
  .option('--new-key', 'chế độ nhúng: tạo khóa mới trong tệp khóa của thư mục dữ liệu và đặt làm khóa hiện hành trước')
  .option('--batch <n>', 'số bản ghi mỗi giao dịch', '500')
  .option('--json', 'in kết quả dạng JSON')
  .action(async (o) => {
    const r = (await run('keys.rotate', { newKey: o.newKey === true, batchSize: Number(o.batch) })) as {
      currentKey: string;
      addedKey: string | null;
      rewritten: number;
      byKey: Record<string, number>;
      notes: string[];
    };
    const usage = Object.entries(r.byKey)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ');
    print(
      o.json,
      r,
      [
        ...(r.addedKey ? [`Đã thêm khóa ${r.addedKey} và đặt làm khóa hiện hành.`] : []),
        `Đã mã hóa lại ${r.rewritten} giá trị bằng khóa ${r.currentKey}. Số giá trị theo khóa: ${usage || 'không có'}.`,
        ...r.notes,
      ].join('\n'),
    );
  });
keys
  .command('index-key')
  .description('In khóa chỉ mục mù (base64) để cố định bằng KTGS_INDEX_KEY trước khi gỡ khóa dữ liệu đầu tiên')
  .action(async () => {
    const r = (await run('keys.index-key', {})) as { indexKey: string };
    print(false, r, r.indexKey);
  });

program
  .command('import <kind> [file]')
  .description(`Nhập dữ liệu từ tệp XLSX/CSV theo mẫu (${IMPORT_KINDS.join(', ')}); tất cả hoặc không gì cả`)
  .option('--template [out]', 'chỉ ghi tệp mẫu (mặc định mau-<loại>.xlsx) rồi thoát')
  .option('--json', 'in kết quả dạng JSON')
  .action(async (kind: string, file: string | undefined, o) => {
    if (!(IMPORT_KINDS as readonly string[]).includes(kind)) fail(`loại dữ liệu "${kind}" không hợp lệ (chọn ${IMPORT_KINDS.join(', ')})`);
    if (o.template !== undefined) {
      const out = typeof o.template === 'string' ? o.template : `mau-${kind}.xlsx`;
      fs.writeFileSync(out, await writeTemplate(kind as ImportKind));
      return print(false, null, `Đã ghi tệp mẫu ${out}`);
    }
    if (!file) fail('cần đường dẫn tệp dữ liệu');
    if (!fs.existsSync(file)) fail(`không có tệp ${file}`);
    const r = (await run('import', { kind, file: path.resolve(file) })) as {
      status: string;
      rowsTotal: number;
      created: number;
      updated: number;
      unchanged: number;
      errors: { row: number; field: string; message: string }[];
    };
    const lines = r.errors.slice(0, 50).map((e) => `  ${e.message}`);
    print(
      o.json,
      r,
      r.status === 'rejected'
        ? `Tệp bị từ chối, không ghi gì (${r.errors.length} lỗi):\n${lines.join('\n')}`
        : `Đã nhập ${r.rowsTotal} dòng: ${r.created} thêm mới, ${r.updated} cập nhật, ${r.unchanged} không đổi.`,
    );
    if (r.status === 'rejected') process.exitCode = 1;
  });

program
  .command('seed')
  .description('Nạp dữ liệu mẫu: một tỉnh (--profile demo) hoặc N đảng viên tổng hợp (--members N), tất định theo --seed')
  .option('--profile <name>', 'demo: tỉnh Nghệ An, khoảng 10 xã, 300 tổ chức đảng, 6.000 đảng viên')
  .option('--members <n>', 'số đảng viên tổng hợp cần sinh (ghi bằng COPY trên PostgreSQL)')
  .option('--seed <s>', 'hạt giống: cùng hạt giống cho cùng dữ liệu')
  .option('--provinces <codes>', 'chỉ các tỉnh này, ví dụ 40,01')
  .option('--json', 'in kết quả dạng JSON')
  .action(async (o) => {
    const opts: SeedOptions = {
      profile: o.profile,
      members: o.members === undefined ? undefined : Number(o.members),
      seed: o.seed === undefined ? undefined : Number(o.seed),
      provinces: o.provinces
        ? String(o.provinces)
            .split(',')
            .map((p: string) => p.trim())
        : undefined,
    };
    const problem = seedOptionsProblem(opts);
    if (problem) fail(problem);
    const config = loadConfig();
    let result: SeedResult;
    if (held(config)) {
      result = (await run('seed', opts as Record<string, unknown>)) as SeedResult;
    } else {
      const rt = await openRuntime(config, { bootstrap: true, seed: false });
      try {
        result = await runSeed(rt, opts, (line) => process.stderr.write(`${line}\n`));
      } finally {
        await rt.close();
      }
    }
    print(o.json, result, describeSeed(result));
  });

program
  .command('backup [file]')
  .description('Sao lưu toàn bộ dữ liệu ra tệp SQL (không có tệp: in ra màn hình)')
  .action(async (file?: string) => {
    const config = loadConfig();
    const out = file ? fs.createWriteStream(file, { mode: 0o600 }) : process.stdout;
    if (held(config)) {
      await pipeline(await requestControl(config.dataDir, '/backup', ''), out);
    } else {
      const write = (chunk: string) => (out.write(chunk) ? undefined : new Promise<void>((resolve) => out.once('drain', () => resolve())));
      const rt = await openRuntime(config, { bootstrap: false });
      try {
        await backupTo(rt, write);
      } finally {
        await rt.close();
      }
      if (file) await new Promise<void>((resolve) => (out as fs.WriteStream).end(resolve));
    }
    if (file) process.stderr.write(`Đã sao lưu vào ${file}\n`);
  });

program
  .command('restore <file>')
  .description('Khôi phục dữ liệu từ tệp sao lưu (thay toàn bộ dữ liệu hiện có)')
  .action(async (file: string) => {
    const config = loadConfig();
    if (!fs.existsSync(file)) fail(`không có tệp ${file}`);
    if (held(config)) {
      const reply = JSON.parse(await callControl(config.dataDir, '/restore', fs.createReadStream(file))) as {
        ok: boolean;
        error?: { message: string };
      };
      if (!reply.ok) fail(reply.error?.message ?? 'lỗi không rõ');
    } else {
      const rt = await openRuntime(config, { bootstrap: false });
      try {
        await restoreFrom(rt, decodeStream(fs.createReadStream(file)));
      } finally {
        await rt.close();
      }
    }
    process.stderr.write(`Đã khôi phục từ ${file}\n`);
  });

program.parseAsync(process.argv).catch((e: Error) => fail(e.message));
