// Units close, merge and split with history kept (issue #3, point 1): the old unit keeps its row
// (valid_to, successor), its active members move to the successor with a new cell period, and their
// earlier periods keep naming the old unit, so past reports still show it. Every unit involved is
// checked against the actor's scope; each change is audited in its own transaction.
import { formatVnDate } from '../../../../common/dates.ts';
import {
  addDays,
  HOLDS_MEMBERS,
  listNames,
  type OrgClose,
  type OrgEvent,
  type OrgEventKind,
  type OrgMerge,
  type OrgSplit,
  splitProblem,
} from '../../../../common/org-lifecycle.ts';
import type { Org, OrgKind } from '../../../../common/orgs.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { inspectionCommitteeProblem } from '../../domain/org-tree.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWritable, inScope, requireScope, type Scope, SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import * as lc from './org-lifecycle.repository.ts';
import * as orgs from './orgs.repository.ts';
import { toOrg } from './orgs.service.ts';

/** The deepest path containing all the given ones (where an event about several units is filed). */
export function commonAncestor(paths: string[]): string {
  const parts = paths.map((p) => p.split('.'));
  const first = parts[0] ?? [];
  let n = 0;
  while (n < first.length && parts.every((p) => p[n] === first[n])) n += 1;
  return first.slice(0, Math.max(n, 1)).join('.');
}

const dayBefore = (iso: string) => addDays(iso, -1);

type Hidden = Map<string, { members: number; children: number }>;

interface Ending {
  unit: lc.UnitRow;
  successor: lc.UnitRow | null;
  kind: OrgEventKind;
  date: string;
}
type EventInput = { date: string; decisionNo?: string | null; note?: string | null };

function reasonText(kind: OrgEventKind, from: lc.UnitRow, to: lc.UnitRow | null): string {
  const verb = kind === 'merge' ? 'Hợp nhất' : kind === 'split' ? 'Chia tách' : 'Giải thể';
  return to ? `${verb} ${from.name} → ${to.name}` : `${verb} ${from.name}`;
}

export class OrgLifecycleService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  async close(actor: Actor, id: string, input: OrgClose): Promise<Org> {
    const scope = requireScope(actor, 'org.write');
    const successorId = input.successorId ?? null;
    if (successorId === id) throw invalid('successorId', 'Tổ chức tiếp nhận phải khác tổ chức giải thể.');
    const hidden = await this.hiddenCounts(scope, [id]);
    return inTransaction(this.ctx.database.db, scope, async (tx) => {
      const unit = await this.visibleUnit(tx, scope, id, 'Tổ chức');
      const successor = successorId ? await this.visibleUnit(tx, scope, successorId, 'Tổ chức tiếp nhận', 'successorId') : null;
      const moved = await this.endAudited(tx, actor, hidden, { unit, successor, kind: 'close', date: input.date }, input);
      await this.event(tx, scope, actor, { kind: 'close', from: [unit], to: successor ? [successor] : [], input, moved });
      return this.org(tx, id);
    });
  }

  async merge(actor: Actor, input: OrgMerge): Promise<Org> {
    const scope = requireScope(actor, 'org.write');
    const fromIds = [...new Set(input.fromIds)];
    if (fromIds.includes(input.intoId)) throw invalid('intoId', 'Tổ chức tiếp nhận không được nằm trong danh sách tổ chức được hợp nhất.');
    const hidden = await this.hiddenCounts(scope, fromIds);
    return inTransaction(this.ctx.database.db, scope, async (tx) => {
      const into = await this.visibleUnit(tx, scope, input.intoId, 'Tổ chức tiếp nhận', 'intoId');
      const units: lc.UnitRow[] = [];
      for (const [i, fid] of fromIds.entries()) units.push(await this.visibleUnit(tx, scope, fid, 'Tổ chức được hợp nhất', `fromIds.${i}`));
      let moved = 0;
      for (const unit of units)
        moved += await this.endAudited(tx, actor, hidden, { unit, successor: into, kind: 'merge', date: input.date }, input);
      await this.event(tx, scope, actor, { kind: 'merge', from: units, to: [into], input, moved });
      return this.org(tx, into.id);
    });
  }

  async split(actor: Actor, id: string, input: OrgSplit): Promise<Org[]> {
    const scope = requireScope(actor, 'org.write');
    const codes = input.parts.map((p) => p.code.toUpperCase());
    const dupCode = codes.findIndex((c, i) => codes.indexOf(c) !== i);
    if (dupCode >= 0) throw invalid(`parts.${dupCode}.code`, 'Mã tổ chức mới bị trùng với một tổ chức mới khác.');
    const hidden = await this.hiddenCounts(scope, [id]);
    return inTransaction(this.ctx.database.db, scope, async (tx) => {
      const unit = await this.visibleUnit(tx, scope, id, 'Tổ chức');
      const parent = unit.parent_id ? await orgs.findById(tx, unit.parent_id) : undefined;
      if (!parent || !inScope(scope, parent.path)) {
        throw forbidden('Chia tách tạo tổ chức mới ngang cấp, nên cần quyền trên tổ chức cấp trên của tổ chức này.');
      }
      const members = await this.endable(tx, unit, input.date, hidden);
      const named = members.map((m) => ({ id: m.id, name: m.full_name }));
      const problem = splitProblem(input.parts, named, parent.kind as OrgKind);
      if (problem) throw invalid(problem.field, problem.message);
      const before = await this.org(tx, id);
      const created: lc.UnitRow[] = [];
      let moved = 0;
      for (const [i, part] of input.parts.entries()) {
        const path = `${parent.path}.${part.code}`;
        assertWritable(scope, path);
        const ic = unit.has_inspection_committee && inspectionCommitteeProblem(part.kind, true, unit.has_committee) === null;
        const part_ = await lc
          .insertPart(tx, { parent, unit, part, path, date: input.date, hasInspectionCommittee: ic })
          .catch((e: unknown) => {
            // Codes are unique over the whole tree, including units the actor cannot see.
            if ((e as { code?: string }).code === '23505')
              throw invalid(`parts.${i}.code`, 'Mã tổ chức đã được dùng cho một tổ chức khác.');
            throw e;
          });
        created.push(part_);
        const move = { memberIds: part.memberIds, to: part_, date: input.date, dayBefore: dayBefore(input.date) };
        moved += await lc.moveMembers(tx, { ...move, reason: reasonText('split', unit, part_) });
      }
      // The members already moved part by part (and were checked above); ending the unit finds none left.
      await this.end(tx, new Map(), { unit, successor: created[0] ?? null, kind: 'split', date: input.date });
      await this.event(tx, scope, actor, { kind: 'split', from: [unit], to: created, input, moved });
      const parts = await Promise.all(created.map((c) => this.org(tx, c.id)));
      await appendAudit(tx, actor, {
        action: 'org.split',
        entityType: 'org_unit',
        entityId: id,
        scopePath: unit.path,
        before,
        after: { unit: await this.org(tx, id), parts },
        detail: { date: input.date, decisionNo: input.decisionNo ?? null, partIds: created.map((c) => c.id), membersMoved: moved },
      });
      return parts;
    });
  }

  async events(actor: Actor, id: string): Promise<OrgEvent[]> {
    const scope = requireScope(actor, 'org.read');
    return inTransaction(this.ctx.database.db, scope, async (tx) => {
      const unit = await orgs.findById(tx, id);
      if (!unit) throw notFound('Tổ chức');
      assertVisible(scope, unit, 'Tổ chức');
      const rows = await lc.eventsOf(tx, id);
      const refs = new Map(
        (await lc.orgRefs(tx, [...new Set(rows.flatMap((r) => [...r.from_org_ids, ...r.to_org_ids]))])).map((r) => [r.id, r]),
      );
      const ref = (oid: string) => ({ id: oid, code: refs.get(oid)?.code ?? null, name: refs.get(oid)?.name ?? null });
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind as OrgEventKind,
        effectiveDate: r.effective_date,
        fromOrgs: r.from_org_ids.map(ref),
        toOrgs: r.to_org_ids.map(ref),
        decisionNo: r.decision_no,
        note: r.note,
        membersMoved: r.members_moved,
        createdAt: r.created_at.toISOString(),
      }));
    });
  }

  /** Ends one unit (close or merge) with its audit entry; returns how many members moved. */
  private async endAudited(tx: Tx, actor: Actor, hidden: Hidden, e: Ending, input: { decisionNo?: string | null }): Promise<number> {
    const before = await this.org(tx, e.unit.id);
    const moved = await this.end(tx, hidden, e);
    await appendAudit(tx, actor, {
      action: `org.${e.kind}`,
      entityType: 'org_unit',
      entityId: e.unit.id,
      scopePath: e.unit.path,
      before,
      after: await this.org(tx, e.unit.id),
      detail: { date: e.date, successorId: e.successor?.id ?? null, decisionNo: input.decisionNo ?? null, membersMoved: moved },
    });
    return moved;
  }

  /** Ends one unit: refuses while sub-units are open, moves its active members, closes its row. */
  private async end(tx: Tx, hidden: Hidden, e: Ending): Promise<number> {
    const { unit, successor, date } = e;
    const members = await this.endable(tx, unit, date, hidden);
    if (successor) {
      if (successor.valid_to) throw invalid('successorId', `Tổ chức tiếp nhận ${successor.name} đã ngừng hoạt động.`);
      if (members.length > 0 && !HOLDS_MEMBERS.includes(successor.kind as OrgKind)) {
        throw invalid('successorId', 'Tổ chức tiếp nhận đảng viên phải là chi bộ hoặc tổ chức cơ sở đảng.');
      }
    } else if (members.length > 0) {
      throw invalid('successorId', `Tổ chức ${unit.name} còn ${members.length} đảng viên: cần chọn tổ chức tiếp nhận.`);
    }
    const late = await lc.periodsFromDate(
      tx,
      members.map((m) => m.id),
      date,
    );
    if (late.length > 0) {
      throw invalid(
        'date',
        `Ngày hiệu lực phải sau ngày bắt đầu sinh hoạt của ${listNames(late.map((l) => `${l.full_name} (${formatVnDate(l.from_date)})`))}.`,
      );
    }
    const last = dayBefore(date);
    const moved = successor
      ? await lc.moveMembers(tx, {
          memberIds: members.map((m) => m.id),
          to: successor,
          date,
          dayBefore: last,
          reason: reasonText(e.kind, unit, successor),
        })
      : 0;
    await lc.endPosts(tx, unit.id, last, e.kind === 'split' ? null : (successor?.id ?? null));
    await lc.closeUnit(tx, unit.id, { validTo: last, successorId: successor?.id ?? null, reason: e.kind });
    return moved;
  }

  /** A unit may end when it is open on `date` and has no open sub-unit; returns its active members. */
  private async endable(tx: Tx, unit: lc.UnitRow, date: string, hidden: Hidden) {
    this.assertOpen(unit, date);
    const children = await lc.openChildren(tx, unit.id);
    if (children.length > 0) {
      throw invalid(
        'id',
        `Tổ chức ${unit.name} còn ${children.length} tổ chức trực thuộc đang hoạt động: ${listNames(children.map((c) => c.name))}. Cần giải thể hoặc chuyển các tổ chức này trước.`,
      );
    }
    const members = await lc.activeMembers(tx, unit.id);
    const h = hidden.get(unit.id);
    if (h && (h.children > 0 || h.members > members.length)) {
      throw forbidden(`Tổ chức ${unit.name} có đảng viên hoặc tổ chức trực thuộc ở mức mật cao hơn mức bạn được tiếp cận.`);
    }
    return members;
  }

  private assertOpen(unit: lc.UnitRow, date: string) {
    if (unit.valid_to) throw invalid('id', `Tổ chức ${unit.name} đã ngừng hoạt động từ ngày ${formatVnDate(addDays(unit.valid_to, 1))}.`);
    if (unit.valid_from && date <= unit.valid_from) {
      throw invalid('date', `Ngày hiệu lực phải sau ngày thành lập của ${unit.name} (${formatVnDate(unit.valid_from)}).`);
    }
  }

  private async visibleUnit(tx: Tx, scope: Scope, id: string, what: string, field?: string): Promise<lc.UnitRow> {
    const unit = await lc.lockUnit(tx, id);
    if (!unit) throw field ? invalid(field, `${what} không tồn tại hoặc bạn không có quyền xem.`) : notFound(what);
    assertVisible(scope, unit, what);
    assertWritable(scope, unit.path);
    return unit;
  }

  private async org(tx: Tx, id: string): Promise<Org> {
    return toOrg((await orgs.findById(tx, id)) as orgs.OrgRow);
  }

  /** What exists, whatever the actor may see: members above their clearance must not be left behind. */
  private async hiddenCounts(scope: Scope, ids: string[]): Promise<Hidden> {
    if (scope.system) return new Map();
    const rows = await inTransaction(this.ctx.database.db, SYSTEM_SCOPE, (tx) => lc.countsForClose(tx, ids));
    return new Map(rows.map((r) => [r.id, { members: r.members, children: r.children }]));
  }

  private async event(
    tx: Tx,
    scope: Scope,
    actor: Actor,
    e: { kind: OrgEventKind; from: lc.UnitRow[]; to: lc.UnitRow[]; input: EventInput; moved: number },
  ) {
    const { kind, from, to, input, moved } = e;
    // Filed where every unit involved sits, or at the first unit when that place is outside the scope.
    const lca = commonAncestor([...from, ...to].map((u) => u.path));
    await lc.insertEvent(tx, {
      kind,
      effective_date: input.date,
      from_org_ids: from.map((u) => u.id),
      to_org_ids: to.map((u) => u.id),
      decision_no: input.decisionNo ?? null,
      note: input.note ?? null,
      scope_path: inScope(scope, lca) ? lca : (from[0] as lc.UnitRow).path,
      members_moved: moved,
      created_by: actor.userId,
    });
  }
}
