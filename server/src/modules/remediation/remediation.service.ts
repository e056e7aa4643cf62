// Remediation follow-up (domain.md §3 step 8; issue #4 point 5): list, read, evidence, and the status
// changes of an item. Access first (remediation.access.ts), then the rule, then the repository in one
// audited transaction.

import type { z } from 'zod';
import { todayInVietnam } from '../../../../common/dates.ts';
import {
  DUE_SOON_WORKING_DAYS,
  type RemediationDetail,
  type RemediationItem,
  type RemediationList,
  type RemediationQuery,
  type RemediationStatus,
  type remediationUpdateSchema,
} from '../../../../common/remediation.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { type WorkCalendar, workingDayOnOrAfter } from '../../domain/calendar/workdays.ts';
import { type Actor, scopePaths } from '../../platform/access/actor.ts';
import { assertVisible, requireScope, type Scope, SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit, auditMarkedReads } from '../../platform/audit/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { type CheckedFile, type LoadedFile, loadFile, storeFile } from '../../platform/files/files.ts';
import { CalendarService } from '../calendar/calendar.service.ts';
import { dueSoonLimit, dueStateOf } from './due.ts';
import { type Access, accessTo, canManagePath, isOwner } from './remediation.access.ts';
import * as repo from './remediation.repository.ts';

type Update = z.output<typeof remediationUpdateSchema>;
type Row = NonNullable<Awaited<ReturnType<typeof repo.findItem>>>;
const ITEM = 'Yêu cầu khắc phục';
const FINISHED_CASE = 'Cuộc kiểm tra, giám sát đã kết thúc hoặc bị hủy bỏ; không thay đổi yêu cầu khắc phục được nữa.';

export class RemediationService {
  private readonly ctx: AppContext;
  private readonly calendar: CalendarService;
  /** Overridable "today" (tests, the reminder job's --date); Vietnam's date otherwise. */
  today: () => string = () => todayInVietnam();

  constructor(ctx: AppContext) {
    this.ctx = ctx;
    this.calendar = new CalendarService(ctx);
  }

  private run<T>(scope: Scope, fn: (tx: Tx) => Promise<T>) {
    return inTransaction(this.ctx.database.db, scope, fn);
  }

  private async dueContext(tx: Tx) {
    const today = this.today();
    const y = Number(today.slice(0, 4));
    const cal: WorkCalendar = await this.calendar.load([y, y + 1], tx);
    return { today, cal, soon: dueSoonLimit(today, DUE_SOON_WORKING_DAYS, cal) };
  }

  private view(actor: Actor, r: Row, due: { today: string; soon: string }): RemediationItem {
    const canManage = canManagePath(actor, r.scope_path);
    return {
      id: r.id,
      caseId: r.case_id,
      caseCode: r.case_code,
      caseSubject: r.case_subject,
      caseStatus: r.case_status,
      seq: r.seq,
      requirement: r.requirement,
      ownerOrgId: r.owner_org_id,
      ownerMemberId: r.owner_member_id,
      ownerUserId: r.owner_user_id,
      ownerName: r.owner_name,
      dueOn: r.due_on,
      status: r.status as RemediationStatus,
      dueState: dueStateOf(r.status, r.due_on, due.today, due.soon),
      doneOn: r.done_on,
      resultNote: r.result_note,
      cancelledReason: r.cancelled_reason,
      secrecy: r.secrecy,
      evidenceCount: Number(r.evidence_count ?? 0),
      version: r.version,
      canManage,
      canReport: canManage || isOwner(actor, r),
    };
  }

  async list(actor: Actor, q: RemediationQuery): Promise<RemediationList> {
    // "Mine" needs no permission beyond owning the items: the owner may sit outside the body's subtree,
    // so it runs in the system scope limited in SQL to the actor's own items and clearance.
    const mine = q.ownerMe === true;
    if (mine && !actor.userId) throw invalid('ownerMe', 'Chỉ người dùng có tài khoản mới có yêu cầu khắc phục của mình.');
    const scope = mine ? SYSTEM_SCOPE : requireScope(actor, 'inspection.read');
    return this.run(scope, async (tx) => {
      let path: string | null = null;
      if (q.orgId) {
        const org = await repo.findOrg(tx, q.orgId);
        if (!org) throw notFound('Tổ chức');
        if (!mine) assertVisible(scope, org, 'Tổ chức');
        path = org.path;
      }
      const due = await this.dueContext(tx);
      const { rows, total } = await repo.listItems(
        tx,
        {
          path,
          caseId: q.caseId ?? null,
          status: q.status ?? null,
          overdueBefore: q.overdue ? due.today : null,
          ownerUserId: mine ? actor.userId : null,
          maxSecrecy: mine ? actor.clearance : null,
        },
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      await auditMarkedReads(
        tx,
        actor,
        'remediation_item',
        rows.map((r) => ({ id: r.id, path: r.scope_path, secrecy: r.secrecy })),
      );
      return { items: rows.map((r) => this.view(actor, r, due)), total, today: due.today };
    });
  }

  /** The items of one case: all of them for a reader of the case, else only the actor's own. */
  async ofCase(actor: Actor, caseId: string): Promise<RemediationList> {
    const head = await this.run(SYSTEM_SCOPE, (tx) => repo.caseHead(tx, caseId));
    if (!head) throw notFound('Cuộc kiểm tra, giám sát');
    const read = actor.kind === 'system' ? null : scopePaths(actor, 'inspection.read');
    const reader =
      read === null || (head.secrecy <= actor.clearance && read.some((p) => head.scope_path === p || head.scope_path.startsWith(`${p}.`)));
    if (reader) return this.list(actor, { caseId, page: 1, pageSize: 200 });
    const own = await this.list(actor, { caseId, ownerMe: true, page: 1, pageSize: 200 });
    if (own.total === 0) throw notFound('Cuộc kiểm tra, giám sát');
    return own;
  }

  /** Decides the access from where the item sits, then runs fn in that scope. */
  private async withItem<T>(actor: Actor, id: string, fn: (tx: Tx, access: Access, row: Row) => Promise<T>): Promise<T> {
    const ref = await this.run(SYSTEM_SCOPE, (tx) => repo.peekItem(tx, id));
    const access = ref ? accessTo(actor, ref) : null;
    if (!access) throw notFound(ITEM);
    return this.run(access.scope, async (tx) => {
      const row = await repo.findItem(tx, id);
      if (!row) throw notFound(ITEM);
      return fn(tx, access, row);
    });
  }

  async get(actor: Actor, id: string): Promise<RemediationDetail> {
    return this.withItem(actor, id, async (tx, _access, row) => {
      await auditMarkedReads(tx, actor, 'remediation_item', [{ id: row.id, path: row.scope_path, secrecy: row.secrecy }]);
      return this.detail(tx, actor, row);
    });
  }

  private async detail(tx: Tx, actor: Actor, row: Row): Promise<RemediationDetail> {
    const [due, evidence] = await Promise.all([this.dueContext(tx), repo.evidenceOf(tx, row.id)]);
    return {
      ...this.view(actor, row, due),
      evidence: evidence.map((e) => ({
        id: e.id,
        fileName: e.file_name,
        mime: e.mime,
        size: e.size,
        note: e.note,
        createdAt: new Date(e.created_at).toISOString(),
        createdByName: e.created_by_name,
      })),
    };
  }

  async addEvidence(actor: Actor, id: string, file: CheckedFile & { fields: Record<string, string> }): Promise<RemediationDetail> {
    const note = file.fields.note?.trim().slice(0, 1000) || null;
    return this.withItem(actor, id, async (tx, access, row) => {
      if (!access.canReport)
        throw forbidden('Chỉ cán bộ được phân công theo dõi hoặc người chịu trách nhiệm thực hiện mới tải minh chứng.');
      if (row.case_status === 'closed' || row.case_status === 'cancelled') throw conflict(FINISHED_CASE);
      if (row.status === 'cancelled') throw invalid('status', 'Yêu cầu này đã bị hủy bỏ; không cần minh chứng.');
      const stored = await storeFile(tx, {
        scopePath: row.scope_path,
        secrecy: row.secrecy,
        fileName: file.fileName,
        mime: file.mime,
        data: file.data,
        createdBy: actor.userId,
      });
      const evidenceId = await repo.addEvidence(tx, { itemId: id, scopePath: row.scope_path, fileId: stored.id, note, by: actor.userId });
      await appendAudit(tx, actor, {
        action: 'remediation.evidence_add',
        entityType: 'remediation_item',
        entityId: id,
        scopePath: row.scope_path,
        detail: { evidenceId, fileId: stored.id, sha256: stored.sha256, size: stored.size, mime: stored.mime },
      });
      const fresh = await repo.findItem(tx, id);
      return this.detail(tx, actor, fresh as Row);
    });
  }

  async evidenceFile(actor: Actor, evidenceId: string): Promise<LoadedFile> {
    const ref = await this.run(SYSTEM_SCOPE, (tx) => repo.peekEvidence(tx, evidenceId));
    const access = ref ? accessTo(actor, ref) : null;
    if (!ref || !access) throw notFound('Minh chứng');
    return this.run(access.scope, async (tx) => {
      const file = await loadFile(tx, ref.file_id, 'Minh chứng');
      await auditMarkedReads(tx, actor, 'remediation_evidence', [{ id: ref.id, path: ref.scope_path, secrecy: ref.secrecy }]);
      return file;
    });
  }

  async update(actor: Actor, id: string, input: Update): Promise<RemediationDetail> {
    return this.withItem(actor, id, async (tx, access, row) => {
      if (row.case_status === 'closed' || row.case_status === 'cancelled') throw conflict(FINISHED_CASE);
      if (row.version !== input.version) throw conflict();
      const due = await this.dueContext(tx);
      const change = this.plan(access, row, input, due.today, due.cal);
      if (change.patch.status === 'done' && Number(row.evidence_count ?? 0) < 1)
        throw invalid('evidence', 'Cần tải lên ít nhất một tệp minh chứng trước khi xác nhận hoàn thành.');
      if (!(await repo.updateItem(tx, id, input.version, change.patch))) throw conflict();
      const before = {
        status: row.status,
        dueOn: row.due_on,
        doneOn: row.done_on,
        resultNote: row.result_note,
        cancelledReason: row.cancelled_reason,
      };
      await appendAudit(tx, actor, {
        action: change.action,
        entityType: 'remediation_item',
        entityId: id,
        scopePath: row.scope_path,
        before,
        after: { ...before, ...change.patch },
        detail: { caseId: row.case_id, seq: row.seq, ...(change.reason ? { reason: change.reason } : {}) },
      });
      const fresh = await repo.findItem(tx, id);
      return this.detail(tx, actor, fresh as Row);
    });
  }

  /** The rule: which change the request is, whether this actor may make it, and what it writes. */
  private plan(access: Access, row: Row, input: Update, today: string, cal: WorkCalendar) {
    const managerOnly = () => {
      if (!access.canManage)
        throw forbidden('Chỉ cán bộ có quyền theo dõi cuộc kiểm tra, giám sát mới đổi hạn, hủy bỏ hoặc mở lại yêu cầu.');
    };
    const from = row.status;
    const to = input.status;
    if (from === 'open' && to === 'done') {
      if (!access.canReport) throw forbidden();
      const doneOn = input.doneOn ?? today;
      if (doneOn > today) throw invalid('doneOn', 'Ngày hoàn thành không được sau ngày hôm nay.');
      if (!input.resultNote) throw invalid('resultNote', 'Cần ghi kết quả thực hiện.');
      return { action: 'remediation.done', reason: null, patch: { status: 'done', done_on: doneOn, result_note: input.resultNote } };
    }
    if (from === 'open' && to === 'cancelled') {
      managerOnly();
      if (!input.cancelledReason) throw invalid('cancelledReason', 'Cần nêu lý do hủy bỏ.');
      return {
        action: 'remediation.cancel',
        reason: input.cancelledReason,
        patch: { status: 'cancelled', cancelled_reason: input.cancelledReason },
      };
    }
    if (from === 'open' && to === 'open') {
      managerOnly();
      if (!input.dueOn) throw invalid('dueOn', 'Cần chọn hạn hoàn thành mới.');
      if (!input.reason) throw invalid('reason', 'Cần nêu lý do đổi hạn.');
      // A deadline that falls on a day off moves to the next working day (domain.md §10).
      const dueOn = workingDayOnOrAfter(input.dueOn, cal);
      if (dueOn < today) throw invalid('dueOn', 'Hạn mới không được trước ngày hôm nay.');
      if (dueOn === row.due_on) throw invalid('dueOn', 'Hạn mới trùng với hạn hiện tại.');
      return { action: 'remediation.due_change', reason: input.reason, patch: { due_on: dueOn } };
    }
    if ((from === 'done' || from === 'cancelled') && to === 'open') {
      managerOnly();
      if (!input.reason) throw invalid('reason', 'Cần nêu lý do mở lại yêu cầu.');
      const patch: repo.ItemPatch = { status: 'open', done_on: null, result_note: null, cancelled_reason: null };
      if (input.dueOn) patch.due_on = workingDayOnOrAfter(input.dueOn, cal);
      return { action: 'remediation.reopen', reason: input.reason, patch };
    }
    throw invalid('status', `Không thể chuyển yêu cầu từ trạng thái “${label(from)}” sang “${label(to)}”.`);
  }
}

function label(s: string): string {
  return { open: 'đang thực hiện', done: 'đã hoàn thành', cancelled: 'đã hủy bỏ' }[s] ?? s;
}
