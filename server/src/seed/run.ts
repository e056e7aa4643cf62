// `ktgs seed`: the entry the CLI (and the control socket of a running embedded server) calls.
//   ktgs seed --profile demo
//   ktgs seed --members N [--seed S] [--provinces 40,01] [--rebuild-indexes | --keep-indexes]
import type { AppContext } from '../platform/app-context.ts';
import { type SeedDemoResult, seedDemo } from './demo.ts';
import { DEFAULT_SEED, type SeedMembersResult, seedMembers } from './members.ts';

export interface SeedOptions {
  profile?: 'demo';
  members?: number;
  seed?: number;
  provinces?: string[];
  /** Default: on PostgreSQL from 1,000,000 members (measured: see docs/performance.md). */
  rebuildIndexes?: boolean;
}

export type SeedResult = ({ kind: 'demo' } & SeedDemoResult) | ({ kind: 'members' } & SeedMembersResult);

export const REBUILD_FROM = 1_000_000;

/** Checks what the command line gave; returns a Vietnamese message for the operator, or null. */
export function seedOptionsProblem(o: SeedOptions): string | null {
  if (o.profile && o.members !== undefined) return 'Chọn một trong hai: --profile demo hoặc --members N.';
  if (!o.profile && o.members === undefined) return 'Cần --profile demo hoặc --members N.';
  if (o.profile && o.profile !== 'demo') return `Không có hồ sơ dữ liệu mẫu "${o.profile}" (chỉ có: demo).`;
  if (o.members !== undefined && (!Number.isInteger(o.members) || o.members < 1 || o.members > 20_000_000)) {
    return 'Số đảng viên (--members) phải là số nguyên từ 1 đến 20.000.000.';
  }
  if (o.seed !== undefined && !Number.isInteger(o.seed)) return 'Hạt giống (--seed) phải là số nguyên.';
  return null;
}

export async function runSeed(ctx: AppContext, opts: SeedOptions, print: (line: string) => void = () => undefined): Promise<SeedResult> {
  const problem = seedOptionsProblem(opts);
  if (problem) throw new Error(problem);
  if (opts.profile === 'demo') return { kind: 'demo', ...(await seedDemo(ctx, opts.seed)) };
  const members = opts.members as number;
  const rebuildIndexes = opts.rebuildIndexes ?? (ctx.database.mode === 'postgres' && members >= REBUILD_FROM);
  let next = 0;
  const r = await seedMembers(ctx, { members, seed: opts.seed ?? DEFAULT_SEED, provinces: opts.provinces, rebuildIndexes }, (p) => {
    if (p.members < next && p.members < p.total) return;
    next = p.members + Math.max(1, Math.floor(p.total / 20));
    const rate = Math.round(p.members / (p.elapsedMs / 1000));
    print(
      `  ${p.members.toLocaleString('vi')} / ${p.total.toLocaleString('vi')} đảng viên, ${(p.elapsedMs / 1000).toFixed(1)} s (${rate.toLocaleString('vi')}/s)`,
    );
  });
  return { kind: 'members', ...r };
}

/** One line for the operator. */
export function describeSeed(r: SeedResult): string {
  const n = (x: number) => x.toLocaleString('vi');
  if (r.kind === 'demo') {
    if (r.skipped) return `Dữ liệu mẫu tỉnh ${r.province} đã có sẵn: không nạp lại.`;
    return (
      `Đã nạp dữ liệu mẫu tỉnh ${r.province}: ${n(r.communes)} xã/phường, ${n(r.units)} tổ chức đảng, ${n(r.members)} đảng viên, ` +
      `${n(r.posts)} chức vụ, ${n(r.relatives)} người thân, ${n(r.transfers)} quá trình sinh hoạt, ${n(r.petitions)} đơn thư (${(r.ms / 1000).toFixed(1)} s).`
    );
  }
  if (r.skipped) return `Bộ dữ liệu tổng hợp với hạt giống ${r.seed} (hoặc cùng nhóm) đã có: không nạp lại. Dùng --seed khác.`;
  return (
    `Đã tạo ${n(r.members)} đảng viên trong ${n(r.cells)} chi bộ, ${n(r.posts)} chức vụ (${r.method === 'copy' ? 'COPY' : 'INSERT'}, ` +
    `${(r.ms / 1000).toFixed(1)} s, ${n(Math.round(r.membersPerSecond))} đảng viên/s).`
  );
}
