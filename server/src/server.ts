// `ktgs serve`: the HTTP server, with a clean shutdown on SIGINT/SIGTERM (requests in flight finish,
// then the database closes, so Ctrl-C never leaves ./data half-written).
import type { Config } from './config.ts';
import { startControlSocket } from './ops/control.ts';
import { buildApp } from './platform/http/app.ts';
import { openRuntime } from './runtime.ts';

export async function serve(config: Config): Promise<void> {
  const started = performance.now();
  const rt = await openRuntime(config, { jobs: true });
  const app = await buildApp(rt);
  const stopControl = rt.database.mode === 'pglite' ? await startControlSocket(rt) : null;
  await app.listen({ port: config.port, host: config.host });
  const address = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  const mode = rt.database.mode === 'pglite' ? `CSDL nhúng tại ${config.dataDir}` : 'máy chủ PostgreSQL';
  process.stdout.write(`\nKTGS sẵn sàng tại ${address} (${mode}), khởi động ${Math.round(performance.now() - started)} ms.\n`);
  if (rt.seeded && !rt.seeded.skipped) {
    process.stdout.write(
      `Đã nạp dữ liệu mẫu: ${rt.seeded.members.toLocaleString('vi')} đảng viên trong ${rt.seeded.units.toLocaleString('vi')} tổ chức đảng ` +
        `của ${rt.seeded.communes} xã, phường tỉnh Nghệ An (đặt KTGS_SEED=none để không nạp).\n`,
    );
  }
  if (rt.firstAdmin) {
    // Printed once to the operator's terminal, never to the JSON log.
    process.stdout.write(
      `\nTài khoản quản trị đầu tiên đã được tạo:\n  Tên đăng nhập: ${rt.firstAdmin.username}\n` +
        `  Mật khẩu dùng một lần: ${rt.firstAdmin.password}\n` +
        'Lần đăng nhập đầu tiên sẽ yêu cầu đặt mật khẩu mới và đăng ký xác thực hai lớp.\n\n',
    );
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown timed out');
      process.exit(1);
    }, 30_000);
    try {
      await stopControl?.();
      await app.close();
      await rt.close();
      clearTimeout(force);
      process.stdout.write('KTGS đã dừng an toàn.\n');
      process.exit(0);
    } catch (e) {
      app.log.error({ err: e }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
