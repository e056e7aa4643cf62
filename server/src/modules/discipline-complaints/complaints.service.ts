// Complaints about discipline (domain.md §5; issue #5 point 5): filing with the competent resolver,
// accepted or refused by the rules (server/src/domain/discipline/complaints.ts), and the resolution
// with its effect on the decision. Access first, then the rule, then the repository in one audited
// transaction.
import type { z } from 'zod';
import { todayInVietnam } from '../../../../common/dates.ts';
import type { DisciplineForm } from '../../../../common/discipline.ts';
import {
  COMPLAINT_DUE_SOON_WORKING_DAYS,
  type ComplaintDetail,
  type ComplaintItem,
  type ComplaintList,
  type ComplaintStatus,
  type complaintFileSchema,
  type complaintQuerySchema,
  type complaintResolveSchema,
  type DecisionCandidate,
  type ResolutionOutcome,
} from '../../../../common/discipline-complaints.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import type { WorkCalendar } from '../../domain/calendar/workdays.ts';
import { type Actor, hasPermission, isWithin } from '../../platform/access/actor.ts';
import { assertVisible, inScope, requireScope, type Scope, SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit, auditMarkedReads } from '../../platform/audit/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { CalendarService } from '../calendar/calendar.service.ts';
import { dueSoonLimit, dueStateOf } from '../remediation/due.ts';
import * as repo from './complaints.repository.ts';
import * as rules from './complaints.rules.ts';

type FileInput = z.output<typeof complaintFileSchema>;
type ResolveInput = z.output<typeof complaintResolveSchema>;
type Query = z.output<typeof complaintQuerySchema>;
const COMPLAINT = 'Đơn khiếu nại kỷ luật';
const DECISION = 'Quyết định kỷ luật';

export class DisciplineComplaintService {
  private readonly ctx: AppContext;
  private readonly calendar: CalendarService;
  /** Overridable "today" (tests); Vietnam's date otherwise. */
  today: () => string = () => todayInVietnam();

  constructor(ctx: AppContext) {
    this.ctx = ctx;
    this.calendar = new CalendarService(ctx);
  }

  private run<T>(scope: Scope, fn: (tx: Tx) => Promise<T>) {
    return inTransaction(this.ctx.database.db, scope, fn);
  }

  private async cal(tx: Tx, from: string): Promise<WorkCalendar> {
    const y = Number(from.slice(0, 4));
    return this.calendar.load([y - 1, y, y + 1, y + 2], tx);
  }

  /** Decisions the actor may file a complaint against, by subject name, number or id. */
  async candidates(actor: Actor, q: string): Promise<{ items: DecisionCandidate[] }> {
    const scope = requireScope(actor, 'discipline.write');
    return this.run(scope, async (tx) => {
      const rows = await repo.searchDecisions(tx, q.trim().normalize('NFC'));
      return {
        items: rows.map((r) => ({
          id: r.id,
          numberText: r.number_text,
          form: r.form as DisciplineForm,
          subjectName: r.subject_name,
          subjectMemberId: r.subject_member_id,
          subjectOrgId: r.subject_org_id,
          decidingOrgName: r.body_name,
          decidedOn: r.decided_on,
          announcedOn: r.announced_on,
          status: r.status,
        })),
      };
    });
  }

  async file(actor: Actor, input: FileInput): Promise<ComplaintDetail> {
    const scope = requireScope(actor, 'discipline.write');
    const today = this.today();
    if (input.filedOn > today) throw invalid('filedOn', 'Ngày gửi đơn không được sau ngày hôm nay.');
    if (input.complainantMemberId && input.complainantOrgId)
      throw invalid('complainantMemberId', 'Người khiếu nại là một đảng viên hoặc một tổ chức đảng, không phải cả hai.');
    const decision = await this.run(scope, (tx) => repo.findDecision(tx, input.decisionId));
    if (!decision) throw notFound(DECISION);
    assertVisible(scope, { path: decision.scope_path, secrecy: decision.secrecy }, DECISION);
    if (input.filedOn < decision.decided_on) throw invalid('filedOn', 'Ngày gửi đơn không được trước ngày ra quyết định kỷ luật.');

    // The resolver and the upper-tree facts are read in the system scope: the resolver sits above the
    // deciding body, and the member may have moved out of the actor's subtree (only booleans leave).
    const facts = await this.run(SYSTEM_SCOPE, async (tx) => {
      const resolver = rules.resolverOf(decision);
      const org = resolver.level === 'next_up' ? await repo.findOrg(tx, decision.body_parent_id ?? '') : await repo.findOrgByPath(tx, 'TW');
      if (!org) throw invalid('decisionId', 'Không xác định được cấp có thẩm quyền giải quyết khiếu nại.');
      const addressed = input.addressedOrgId ? ((await repo.findOrg(tx, input.addressedOrgId)) ?? null) : null;
      if (input.addressedOrgId && !addressed) throw invalid('addressedOrgId', 'Cơ quan nhận đơn không tồn tại.');
      const member = decision.subject_member_id ? ((await repo.findMember(tx, decision.subject_member_id)) ?? null) : null;
      const earlier = await repo.resolvedComplaintsOf(tx, decision.id);
      return { resolver, org, addressed, member, earlier };
    });
    const { resolver, org } = facts;
    // The resolver is above the deciding body: a higher organisation, or at the centre a higher body
    // (the Ban Bí thư over a central committee's body); never the deciding body itself.
    const sameBody =
      decision.body_path === org.path &&
      (resolver.level === 'next_up' || (resolver.level === 'central_ubkt' && decision.body_type === 'ubkt'));
    if (!isWithin(decision.body_path, org.path) || sameBody)
      throw invalid('decisionId', 'Cấp giải quyết khiếu nại phải là cấp trên của cấp đã quyết định kỷ luật.');
    if (!inScope(scope, org.path))
      throw forbidden(
        `Khiếu nại về quyết định này do ${resolver.bodyLabel} ${org.name} tiếp nhận và giải quyết; bạn không có quyền ở cấp đó.`,
      );

    const onBehalf =
      input.onBehalfOfOthers ||
      (input.complainantMemberId != null && input.complainantMemberId !== decision.subject_member_id) ||
      (input.complainantOrgId != null && input.complainantOrgId !== decision.subject_org_id);
    // Skipping a level: addressed to a body above the competent resolver.
    const skipsLevel = facts.addressed !== null && facts.addressed.id !== org.id && isWithin(org.path, facts.addressed.path);
    const alreadyDecided = input.alreadyResolvedAtThisLevel || facts.earlier.some((c) => c.is_final_level || c.resolver_org_id === org.id);
    // A member now under another superior committee than the resolver's subtree (Điều lệ Đảng, Điều 39).
    const moved = input.movedUnderAnotherSuperior || (facts.member !== null && !isWithin(facts.member.org_path, org.path));

    return this.run(scope, async (tx) => {
      const cal = await this.cal(tx, input.filedOn);
      const verdict = rules.admissibility(
        {
          announcedOn: decision.announced_on,
          filedOn: input.filedOn,
          decisionReceivedOn: input.decisionReceivedOn ?? null,
          refusedToReceive: input.refusedToReceive,
          sentToSeveralLevels: input.sentToSeveralLevels,
          skipsLevel,
          onBehalfOfOthers: onBehalf,
          alreadyDecided,
          courtSentenceInForce: input.courtSentenceInForce,
          movedUnderAnotherSuperior: moved,
        },
        cal,
      );
      // The filing facts the rules turned on: kept on the complaint and in its audit entry.
      const filingFacts = {
        filedOn: input.filedOn,
        decisionReceivedOn: input.decisionReceivedOn ?? null,
        addressedOrgId: input.addressedOrgId ?? null,
        refusedToReceive: input.refusedToReceive,
        sentToSeveralLevels: input.sentToSeveralLevels,
        skipsLevel,
        onBehalfOfOthers: onBehalf,
        alreadyDecided,
        courtSentenceInForce: input.courtSentenceInForce,
        movedUnderAnotherSuperior: moved,
      };
      const id = await repo.insertComplaint(tx, {
        decision_id: decision.id,
        scope_path: org.path,
        resolver_org_id: org.id,
        resolver_body_type: resolver.level === 'next_up' ? (org.has_inspection_committee ? 'ubkt' : 'committee') : resolver.level,
        complainant_member_id: input.complainantMemberId ?? null,
        complainant_org_id: input.complainantOrgId ?? null,
        complainant_name: input.complainantName,
        filed_on: input.filedOn,
        decision_received_on: input.decisionReceivedOn ?? null,
        content: input.content,
        filing_facts: JSON.stringify(filingFacts),
        status: verdict.accepted ? 'accepted' : 'refused',
        refusal_grounds: verdict.grounds.map((g) => g.code),
        refusal_note: verdict.grounds.length ? verdict.grounds.map((g) => g.text).join('\n') : null,
        due_on: verdict.accepted ? rules.dueOn(input.filedOn, cal) : null,
        is_final_level: resolver.isFinal,
        secrecy: decision.secrecy,
        created_by: actor.userId,
      });
      await appendAudit(tx, actor, {
        action: 'discipline_complaint.file',
        entityType: 'discipline_complaint',
        entityId: id,
        scopePath: org.path,
        after: { decisionId: decision.id, status: verdict.accepted ? 'accepted' : 'refused' },
        detail: {
          decisionId: decision.id,
          accepted: verdict.accepted,
          grounds: verdict.grounds.map((g) => g.code),
          facts: filingFacts,
        },
      });
      const row = await repo.findComplaint(tx, id);
      return this.detail(tx, actor, row as repo.ComplaintRow, decision);
    });
  }

  async list(actor: Actor, q: Query): Promise<ComplaintList> {
    const scope = requireScope(actor, 'discipline.read');
    return this.run(scope, async (tx) => {
      let path: string | null = null;
      if (q.orgId) {
        const org = await repo.findOrg(tx, q.orgId);
        if (!org) throw notFound('Tổ chức');
        assertVisible(scope, org, 'Tổ chức');
        path = org.path;
      }
      const due = await this.dueContext(tx);
      const { rows, total } = await repo.listComplaints(
        tx,
        { path, status: q.status ?? null },
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      await auditMarkedReads(
        tx,
        actor,
        'discipline_complaint',
        rows.map((r) => ({ id: r.id, path: r.scope_path, secrecy: r.secrecy })),
      );
      return { items: rows.map((r) => this.item(r, due)), total, today: due.today };
    });
  }

  /** Runs fn in the actor's scope for `permission` on a complaint they can see, else 404. */
  private async withComplaint<T>(
    actor: Actor,
    id: string,
    permission: 'discipline.read' | 'discipline.decide',
    fn: (tx: Tx, row: repo.ComplaintRow, decision: repo.DecisionRow) => Promise<T>,
  ): Promise<T> {
    const read = requireScope(actor, 'discipline.read');
    const ref = await this.run(SYSTEM_SCOPE, (tx) => repo.peekComplaint(tx, id));
    if (!ref) throw notFound(COMPLAINT);
    assertVisible(read, { path: ref.scope_path, secrecy: ref.secrecy }, COMPLAINT);
    const scope = permission === 'discipline.read' ? read : requireScope(actor, permission);
    if (!inScope(scope, ref.scope_path)) throw forbidden('Chỉ cấp có thẩm quyền giải quyết khiếu nại mới kết luận đơn này.');
    return this.run(scope, async (tx) => {
      const row = await repo.findComplaint(tx, id);
      const decision = row ? await repo.findDecision(tx, row.decision_id) : undefined;
      if (!row || !decision) throw notFound(COMPLAINT);
      return fn(tx, row, decision);
    });
  }

  async get(actor: Actor, id: string): Promise<ComplaintDetail> {
    return this.withComplaint(actor, id, 'discipline.read', async (tx, row, decision) => {
      await auditMarkedReads(tx, actor, 'discipline_complaint', [{ id: row.id, path: row.scope_path, secrecy: row.secrecy }]);
      return this.detail(tx, actor, row, decision);
    });
  }

  async resolve(actor: Actor, id: string, input: ResolveInput): Promise<ComplaintDetail> {
    return this.withComplaint(actor, id, 'discipline.decide', async (tx, row, decision) => {
      if (row.version !== input.version) throw conflict();
      if (row.status === 'refused') throw invalid('status', 'Đơn không được thụ lý nên không giải quyết; lý do đã ghi khi nhận đơn.');
      if (row.status !== 'accepted') throw conflict('Đơn khiếu nại này đã được giải quyết.');
      // The resolver is the level above; whoever recorded the decision does not judge a complaint about it.
      if (actor.userId !== null && decision.created_by === actor.userId)
        throw forbidden('Người đã ra quyết định kỷ luật không giải quyết khiếu nại về chính quyết định đó.');
      if (input.resolvedOn < row.filed_on) throw invalid('resolvedOn', 'Ngày giải quyết không được trước ngày gửi đơn.');
      if (input.resolvedOn > this.today()) throw invalid('resolvedOn', 'Ngày giải quyết không được sau ngày hôm nay.');
      const effect = rules.effectOf(input.outcome, decision, input.outcomeForm ?? null);
      if (input.outcome === 'annulled') {
        if (!input.apologyNote)
          throw invalid('apologyNote', 'Xóa quyết định kỷ luật phải ghi việc xin lỗi người bị kỷ luật oan (Quy định 117-QĐ/TW).');
        if (!input.restoredRightsNote)
          throw invalid('restoredRightsNote', 'Xóa quyết định kỷ luật phải ghi việc khôi phục quyền lợi (Quy định 117-QĐ/TW).');
      }
      const patch = {
        outcome: input.outcome,
        outcome_form: effect.form,
        outcome_note: input.outcomeNote,
        resolved_on: input.resolvedOn,
      };
      if (!(await repo.resolveComplaint(tx, id, input.version, patch))) throw conflict();
      if (effect.decisionStatus !== 'in_force') {
        await repo.markDecision(
          tx,
          decision.id,
          {
            status: effect.decisionStatus,
            changed_by_complaint_id: id,
            apology_note: input.outcome === 'annulled' ? (input.apologyNote ?? null) : null,
            restored_rights_note: input.outcome === 'annulled' ? (input.restoredRightsNote ?? null) : null,
          },
          effect.decisionStatus === 'changed' ? effect.form : null,
        );
      }
      await appendAudit(tx, actor, {
        action: 'discipline_complaint.resolve',
        entityType: 'discipline_complaint',
        entityId: id,
        scopePath: row.scope_path,
        before: { status: row.status, decisionStatus: decision.status },
        after: { status: 'resolved', ...patch, decisionStatus: effect.decisionStatus },
        detail: { decisionId: decision.id, outcome: input.outcome, form: effect.form, finalLevel: row.is_final_level },
      });
      const fresh = (await repo.findComplaint(tx, id)) as repo.ComplaintRow;
      return this.detail(tx, actor, fresh, (await repo.findDecision(tx, decision.id)) as repo.DecisionRow);
    });
  }

  private async dueContext(tx: Tx) {
    const today = this.today();
    const cal = await this.cal(tx, today);
    return { today, soon: dueSoonLimit(today, COMPLAINT_DUE_SOON_WORKING_DAYS, cal) };
  }

  private item(r: repo.ComplaintRow, due: { today: string; soon: string }): ComplaintItem {
    return {
      id: r.id,
      decisionId: r.decision_id,
      decisionNumber: r.decision_number,
      decisionForm: r.decision_form as DisciplineForm,
      decisionStatus: r.decision_status,
      subjectName: r.subject_name,
      decidingOrgName: r.body_name,
      resolverOrgId: r.resolver_org_id,
      resolverOrgName: r.resolver_name,
      resolverBodyType: r.resolver_body_type as ComplaintItem['resolverBodyType'],
      complainantName: r.complainant_name,
      filedOn: r.filed_on,
      status: r.status as ComplaintStatus,
      dueOn: r.due_on,
      // Only a complaint being resolved runs against its deadline.
      dueState: r.due_on ? dueStateOf(r.status === 'accepted' ? 'open' : r.status, r.due_on, due.today, due.soon) : null,
      isFinalLevel: r.is_final_level,
      outcome: r.outcome as ResolutionOutcome | null,
      secrecy: r.secrecy,
      version: r.version,
    };
  }

  private async detail(tx: Tx, actor: Actor, r: repo.ComplaintRow, d: repo.DecisionRow): Promise<ComplaintDetail> {
    const due = await this.dueContext(tx);
    const canResolve =
      r.status === 'accepted' &&
      d.created_by !== actor.userId &&
      hasPermission(actor, 'discipline.decide') &&
      inScope(requireScope(actor, 'discipline.decide'), r.scope_path);
    return {
      ...this.item(r, due),
      complainantMemberId: r.complainant_member_id,
      complainantOrgId: r.complainant_org_id,
      decisionReceivedOn: r.decision_received_on,
      content: r.content,
      grounds: rules.groundsOf(r.refusal_grounds),
      decision: {
        decidedOn: d.decided_on,
        announcedOn: d.announced_on,
        effectiveOn: d.effective_on,
        decidingBodyType: d.body_type,
        apologyNote: d.apology_note,
        restoredRightsNote: d.restored_rights_note,
        changedByComplaintId: d.changed_by_complaint_id,
      },
      resolverExplanation: rules.resolverOf(d).explanation,
      outcomeForm: r.outcome_form as DisciplineForm | null,
      outcomeNote: r.outcome_note,
      resolvedOn: r.resolved_on,
      formsOpen: rules.formsOf(d),
      canResolve,
    };
  }
}
