// Programmes (chương trình kiểm tra, giám sát): list, read, create, edit, approve, and reopen for an
// amendment. Each approval keeps the programme and its items as a revision; every write is audited.
import type { BodyType } from '../../../../common/cases.ts';
import type { Programme, ProgrammeQuery, ProgrammeRevision, ProgrammeSnapshot, ProgrammeSummary } from '../../../../common/programmes.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWithinClearance, assertWritable, requireScope, type Scope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit, auditMarkedReads } from '../../platform/audit/audit.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { bodyProblem } from './programme-authority.ts';
import * as repo from './programmes.repository.ts';
import { isoOf, snapshotOf, toItem, toSummary } from './programmes.view.ts';

const PROGRAMME = 'Chương trình';

/** A refusal because of the programme's state, not of a field: 400 with the message above the form. */
export const stateError = (message: string) => new AppError('validation', message);

export interface ProgrammeCreate {
  orgId: string;
  bodyType: BodyType;
  period: 'term' | 'year';
  yearFrom: number;
  yearTo?: number | undefined;
  title: string;
  secrecy: number;
}

export class ProgrammeService {
  protected readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  protected run<T>(scope: Scope, fn: (tx: Tx) => Promise<T>) {
    return inTransaction(this.ctx.database.db, scope, fn);
  }

  /** The programme as the actor may see it, or 404; `lock` holds it for the rest of the transaction. */
  protected async load(tx: Tx, scope: Scope, id: string, lock = false): Promise<repo.ProgrammeRow> {
    const p = await repo.findProgramme(tx, id, lock);
    if (!p) throw notFound(PROGRAMME);
    assertVisible(scope, { path: p.scope_path, secrecy: p.secrecy }, PROGRAMME);
    return p;
  }

  /** Items are edited while the programme is a draft or reopened for an amendment. */
  protected assertEditable(p: repo.ProgrammeRow): void {
    if (p.status === 'approved') throw stateError('Chương trình đã được phê duyệt: hãy mở điều chỉnh chương trình trước khi sửa nội dung.');
  }

  protected async view(tx: Tx, p: repo.ProgrammeRow): Promise<Programme> {
    const [items, revisions] = await Promise.all([repo.itemsOf(tx, p.id), repo.revisionsOf(tx, p.id)]);
    const pending = p.status === 'amending' ? revisions.find((r) => r.revision === p.revision + 1) : undefined;
    return {
      ...toSummary(p),
      amendReason: pending?.reason ?? null,
      createdAt: isoOf(p.created_at),
      updatedAt: isoOf(p.updated_at),
      items: items.map(toItem),
      revisions: revisions
        .filter((r) => r.revision <= p.revision)
        .map((r) => ({
          revision: r.revision,
          reason: r.reason,
          decisionNo: r.decision_no,
          approvedAt: isoOf(r.approved_at),
          approvedByName: r.approved_by_name,
        })),
    };
  }

  /** Reloads and audits one write of the programme, inside its transaction. */
  protected async audited(
    tx: Tx,
    scope: Scope,
    actor: Actor,
    id: string,
    action: string,
    before: Programme | null,
    detail: Record<string, unknown> | null = null,
  ): Promise<Programme> {
    const row = await this.load(tx, scope, id);
    const after = await this.view(tx, row);
    await appendAudit(tx, actor, {
      action,
      entityType: 'programme',
      entityId: id,
      scopePath: row.scope_path,
      before,
      after,
      detail,
    });
    return after;
  }

  async list(actor: Actor, q: ProgrammeQuery): Promise<ProgrammeSummary[]> {
    const scope = requireScope(actor, 'inspection.read');
    return this.run(scope, async (tx) => {
      let path: string | null = null;
      if (q.orgId) {
        const org = await repo.findOrg(tx, q.orgId);
        if (!org) throw notFound('Tổ chức');
        assertVisible(scope, org, 'Tổ chức');
        path = org.path;
      }
      const rows = await repo.listProgrammes(tx, { path, year: q.year ?? null });
      await auditMarkedReads(
        tx,
        actor,
        'programme',
        rows.map((r) => ({ id: r.id, path: r.scope_path, secrecy: r.secrecy })),
      );
      return rows.map(toSummary);
    });
  }

  async get(actor: Actor, id: string): Promise<Programme> {
    const scope = requireScope(actor, 'inspection.read');
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id);
      await auditMarkedReads(tx, actor, 'programme', [{ id: p.id, path: p.scope_path, secrecy: p.secrecy }]);
      return this.view(tx, p);
    });
  }

  async create(actor: Actor, input: ProgrammeCreate): Promise<Programme> {
    const scope = requireScope(actor, 'inspection.write');
    assertWithinClearance(actor, input.secrecy, 'secrecy');
    return this.run(scope, async (tx) => {
      const org = await repo.findOrg(tx, input.orgId);
      if (!org) throw invalid('orgId', 'Tổ chức không tồn tại hoặc nằm ngoài phạm vi của bạn.');
      assertWritable(scope, org.path);
      if (org.valid_to) throw invalid('orgId', 'Tổ chức này đã giải thể hoặc sáp nhập.');
      const problem = await bodyProblem(tx, input.bodyType, org);
      if (problem) throw invalid('bodyType', problem);
      const { id } = await repo.insertProgramme(tx, {
        org_id: org.id,
        body_type: input.bodyType,
        scope_path: org.path,
        province_code: org.province_code,
        period: input.period,
        year_from: input.yearFrom,
        year_to: input.yearTo ?? input.yearFrom,
        title: input.title.normalize('NFC'),
        // A programme is never marked below the organisation it belongs to.
        secrecy: Math.max(input.secrecy, org.secrecy),
        created_by: actor.userId,
      });
      return this.audited(tx, scope, actor, id, 'programme.create', null);
    });
  }

  async update(actor: Actor, id: string, input: { title?: string | undefined; secrecy?: number | undefined; version: number }) {
    const scope = requireScope(actor, 'inspection.write');
    assertWithinClearance(actor, input.secrecy, 'secrecy');
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id, true);
      assertWritable(scope, p.scope_path);
      this.assertEditable(p);
      const before = await this.view(tx, p);
      const ok = await repo.updateProgramme(tx, id, input.version, {
        ...(input.title !== undefined ? { title: input.title.normalize('NFC') } : {}),
        ...(input.secrecy !== undefined ? { secrecy: input.secrecy } : {}),
      });
      if (!ok) throw conflict();
      if (input.secrecy !== undefined && input.secrecy !== p.secrecy) await repo.markItems(tx, id, input.secrecy);
      return this.audited(tx, scope, actor, id, 'programme.update', before);
    });
  }

  /** Draft or amendment → approved: the next revision, with the programme and its items as approved. */
  async approve(actor: Actor, id: string, input: { decisionNo: string | null; version: number }): Promise<Programme> {
    const scope = requireScope(actor, 'inspection.approve');
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id, true);
      assertWritable(scope, p.scope_path);
      if (p.status === 'approved') throw stateError('Chương trình đã được phê duyệt.');
      if (p.version !== input.version) throw conflict();
      const items = await repo.itemsOf(tx, id);
      if (!items.some((i) => i.status === 'planned')) throw stateError('Chương trình chưa có nội dung nào để phê duyệt.');
      const before = await this.view(tx, p);
      const revision = p.revision + 1;
      const decisionNo = input.decisionNo?.normalize('NFC') || null;
      const ok = await repo.updateProgramme(tx, id, input.version, {
        status: 'approved',
        revision,
        decision_no: decisionNo,
        approved_at: new Date(),
        approved_by: actor.userId,
      });
      if (!ok) throw conflict();
      const approved = await this.load(tx, scope, id);
      await repo.saveRevision(tx, {
        programme_id: id,
        revision,
        scope_path: p.scope_path,
        snapshot: JSON.stringify(snapshotOf(approved, items)),
        decision_no: decisionNo,
        approved_by: actor.userId,
      });
      return this.audited(tx, scope, actor, id, 'programme.approve', before, { revision, decisionNo });
    });
  }

  /** Reopens an approved programme for an amendment; the reason becomes the next revision's reason. */
  async amend(actor: Actor, id: string, input: { reason: string; version: number }): Promise<Programme> {
    const scope = requireScope(actor, 'inspection.write');
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id, true);
      assertWritable(scope, p.scope_path);
      if (p.status !== 'approved') throw stateError('Chỉ mở điều chỉnh một chương trình đã được phê duyệt.');
      const before = await this.view(tx, p);
      const ok = await repo.updateProgramme(tx, id, input.version, { status: 'amending' });
      if (!ok) throw conflict();
      const reason = input.reason.normalize('NFC');
      await repo.openRevision(tx, {
        programme_id: id,
        revision: p.revision + 1,
        scope_path: p.scope_path,
        // Replaced by the approved state when the amendment is approved.
        snapshot: JSON.stringify(snapshotOf(p, await repo.itemsOf(tx, id))),
        reason,
      });
      return this.audited(tx, scope, actor, id, 'programme.amend', before, { reason });
    });
  }

  async revision(actor: Actor, id: string, revision: number): Promise<ProgrammeRevision> {
    const scope = requireScope(actor, 'inspection.read');
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id);
      const r = revision <= p.revision ? await repo.findRevision(tx, id, revision) : undefined;
      if (!r) throw notFound('Lần phê duyệt');
      await auditMarkedReads(tx, actor, 'programme', [{ id: p.id, path: p.scope_path, secrecy: p.secrecy }]);
      return {
        revision: r.revision,
        reason: r.reason,
        decisionNo: r.decision_no,
        approvedAt: isoOf(r.approved_at),
        approvedByName: r.approved_by_name,
        snapshot: r.snapshot as ProgrammeSnapshot,
      };
    });
  }
}
