// Imports of members, organisations and posts: all or nothing, in one transaction in the importer's
// scope; every run (applied, unchanged or rejected) is recorded with its report and audited.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { inTransaction, type Tx } from '../../db/context.ts';
import { type Actor, isWithin } from '../../platform/access/actor.ts';
import { requireScope, type Scope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit, ROOT_PATH } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type ImportResult, type ImportRun, type ImportStatus, MAX_LISTED_ERRORS } from './imports.schema.ts';
import { prepareStep } from './kind-steps.ts';
import { type ParsedFile, type RowError, readImportFile } from './parse.ts';
import { buildReport } from './report.ts';
import * as runs from './runs.repository.ts';
import { type ImportKind, writeTemplate } from './templates.ts';

/** A rejected file of up to this many rows keeps every row in its report; a larger one only its error rows. */
const FULL_REPORT_ROWS = 10_000;
/** At most this many error rows are kept for the report (the count of all errors is kept too). */
const MAX_REPORT_ROWS = 10_000;

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}
const NONE: Counts = { created: 0, updated: 0, unchanged: 0 };

function storedReport(parsed: ParsedFile, errors: RowError[], status: ImportStatus): runs.StoredReport {
  const report: runs.StoredReport = { headers: parsed.headers, rows: [], errorCount: errors.length, omitted: 0 };
  if (status !== 'rejected') return report;
  const byRow = new Map<number, string[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e.message]);
  const all = [{ row: parsed.headerRow, raw: parsed.headers }, ...parsed.rows];
  const shown =
    parsed.rows.length <= FULL_REPORT_ROWS
      ? all.filter((r) => r.row !== parsed.headerRow || byRow.has(r.row))
      : all.filter((r) => byRow.has(r.row));
  report.rows = shown.slice(0, MAX_REPORT_ROWS).map((r) => ({ row: r.row, values: r.raw, errors: byRow.get(r.row) ?? [] }));
  // Errors of no row of the file (a database failure) come first.
  const general = byRow.get(0);
  if (general) report.rows.unshift({ row: 0, values: [], errors: general });
  report.omitted = shown.slice(MAX_REPORT_ROWS).filter((r) => byRow.has(r.row)).length;
  return report;
}

/** The part of the scope the run is filed under (its report is visible there). */
function runScopePath(scope: Scope, hint: string | null): string {
  if (scope.system) return ROOT_PATH;
  return (hint ? scope.paths.find((p) => isWithin(hint, p)) : undefined) ?? (scope.paths[0] as string);
}

export class ImportService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  template(actor: Actor, kind: ImportKind): Promise<Buffer> {
    requireScope(actor, 'member.import');
    return writeTemplate(kind);
  }

  async run(actor: Actor, kind: ImportKind, fileName: string, data: Buffer): Promise<ImportResult> {
    const scope = requireScope(actor, 'member.import');
    const parsed = await readImportFile(kind, fileName, data);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const errors: RowError[] = [...parsed.headerErrors];
    if (errors.length === 0) errors.push(...parsed.cellErrors);
    const step = parsed.headerErrors.length ? null : await prepareStep(kind, this.ctx, parsed.rows, errors, fileName);
    const base = { actor, kind, fileName, sha256, parsed, errors };
    try {
      return await inTransaction(this.ctx.database.db, scope, async (tx) => {
        const planned = step ? await step.plan(tx) : null;
        if (!planned || errors.length > 0)
          return this.record(tx, { ...base, scopePath: runScopePath(scope, null), status: 'rejected', counts: NONE });
        const status: ImportStatus = planned.created + planned.updated > 0 ? 'applied' : 'unchanged';
        await planned.write(tx);
        return this.record(tx, { ...base, scopePath: runScopePath(scope, planned.hint), status, counts: planned });
      });
    } catch (e) {
      if (e instanceof AppError) throw e;
      // Everything was rolled back; the run is still recorded, so that the history shows the attempt.
      const failure = {
        row: 0,
        field: '',
        message: `Lỗi khi ghi vào cơ sở dữ liệu (${(e as { code?: string }).code ?? 'không rõ'}): không có dữ liệu nào được ghi.`,
      };
      await inTransaction(this.ctx.database.db, scope, (tx) =>
        this.record(tx, { ...base, errors: [failure], scopePath: runScopePath(scope, null), status: 'rejected', counts: NONE }),
      ).catch(() => undefined);
      throw e;
    }
  }

  private async record(
    tx: Tx,
    r: {
      actor: Actor;
      kind: ImportKind;
      fileName: string;
      sha256: string;
      parsed: ParsedFile;
      errors: RowError[];
      scopePath: string;
      status: ImportStatus;
      counts: Counts;
    },
  ): Promise<ImportResult> {
    const errors = [...r.errors].sort((a, b) => a.row - b.row);
    const { created, updated, unchanged } = r.counts;
    const rowsTotal = r.parsed.rows.length;
    const run = await runs.insertRun(tx, {
      kind: r.kind,
      file_name: r.fileName,
      file_sha256: r.sha256,
      scope_path: r.scopePath,
      status: r.status,
      rows_total: rowsTotal,
      created,
      updated,
      unchanged,
      report: storedReport(r.parsed, errors, r.status),
      created_by: r.actor.userId,
    });
    await appendAudit(tx, r.actor, {
      action: r.status === 'rejected' ? 'import.rejected' : `import.${r.kind}`,
      entityType: 'import_run',
      entityId: run.id,
      scopePath: r.scopePath,
      detail: {
        kind: r.kind,
        fileName: r.fileName,
        sha256: r.sha256,
        status: r.status,
        rowsTotal,
        created,
        updated,
        unchanged,
        errors: errors.length,
      },
    });
    return {
      id: run.id,
      status: r.status,
      rowsTotal,
      created,
      updated,
      unchanged,
      errorCount: errors.length,
      errors: errors.slice(0, MAX_LISTED_ERRORS),
    };
  }

  async list(actor: Actor): Promise<ImportRun[]> {
    const scope = requireScope(actor, 'member.import');
    const rows = await inTransaction(this.ctx.database.db, scope, (tx) => runs.recentRuns(tx, 100));
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as ImportKind,
      fileName: r.file_name,
      fileSha256: r.file_sha256,
      status: r.status as ImportStatus,
      rowsTotal: r.rows_total,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      errorCount: Number(r.error_count),
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  /** The row-by-row report as XLSX, rebuilt from the stored run. */
  async report(actor: Actor, id: string): Promise<{ fileName: string; data: Buffer }> {
    const scope = requireScope(actor, 'member.import');
    const run = await inTransaction(this.ctx.database.db, scope, (tx) => runs.runById(tx, id));
    if (!run) throw notFound('Lần nhập');
    const base = run.file_name.replace(/\.(xlsx|csv)$/i, '');
    return { fileName: `Báo cáo nhập - ${base}.xlsx`, data: await buildReport(run) };
  }
}

/** For the CLI (`ktgs import <kind> <file>`): imports a file from disk as `actor`. */
export async function importFile(ctx: AppContext, actor: Actor, kind: ImportKind, filePath: string): Promise<ImportResult> {
  const data = await fs.readFile(filePath);
  return new ImportService(ctx).run(actor, kind, path.basename(filePath), data);
}

export { writeTemplate };
