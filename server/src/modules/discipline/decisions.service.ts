// The deciding body's meeting (ballots, outcome by the thresholds and the count-down rule) and the decision
// it leads to: refused when the rules forbid it, else recorded with its effective date, the end of its
// effect and the follow-up tasks on the working calendar (domain.md §4, §10).

import type { BodyType } from '../../../../common/cases.ts';
import { todayInVietnam } from '../../../../common/dates.ts';
import type { DisciplineForm } from '../../../../common/discipline.ts';
import type { DecisionCreate, DecisionPatch, DisciplineDecision, MatterDetail, MeetingCreate } from '../../../../common/discipline-api.ts';
import type { Tx } from '../../db/context.ts';
import { BallotError, ballotOutcome } from '../../domain/discipline/ballot.ts';
import { effectEndsOn, effectiveOn, followUpTasks } from '../../domain/discipline/effect.ts';
import { formProblem } from '../../domain/discipline/forms.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWritable, requireScope, type Scope } from '../../platform/access/scope.ts';
import { appendAudit, auditMarkedReads } from '../../platform/audit/audit.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { decisionProblems } from './assessment.ts';
import * as decisions from './decisions.repository.ts';
import { scopeForAny } from './discipline.access.ts';
import { isoDay, toDecision } from './discipline.view.ts';
import * as repo from './matters.repository.ts';
import { MatterService } from './matters.service.ts';

export class DecisionService extends MatterService {
  /** Attendance and the ballots per proposed form; the outcome is computed, never typed. The last meeting counts. */
  async recordMeeting(actor: Actor, id: string, input: MeetingCreate): Promise<MatterDetail> {
    const scope = scopeForAny(actor, ['discipline.write', 'discipline.decide']);
    return this.run(scope, async (tx) => {
      const m = await this.load(tx, scope, id);
      assertWritable(scope, m.scope_path);
      if (m.status !== 'open')
        throw invalid('status', m.status === 'postponed' ? 'Hồ sơ đang tạm hoãn xem xét: chưa họp được.' : 'Hồ sơ đã kết thúc.');
      if (input.heldOn > todayInVietnam()) throw invalid('heldOn', 'Ngày họp không được sau ngày hôm nay.');
      const forms = new Set<string>();
      for (const b of input.ballots) {
        if (forms.has(b.form)) throw invalid('ballots', 'Mỗi hình thức chỉ ghi một lần.');
        forms.add(b.form);
      }
      const f = await this.facts(tx, m);
      const subject = f.subjectKind === 'org' ? { kind: 'org' as const } : { kind: 'member' as const, ...f.facts };
      for (const b of input.ballots) {
        const problem = formProblem(b.form, subject);
        if (problem) throw invalid('ballots', problem);
      }
      let outcome: ReturnType<typeof ballotOutcome>;
      try {
        outcome = ballotOutcome({ officialMembers: input.officialMembers, present: input.present, ballots: input.ballots });
      } catch (e) {
        if (e instanceof BallotError) throw invalid(e.field, e.message);
        throw e;
      }
      const before = await this.detail(tx, m);
      if (!(await repo.updateMatter(tx, id, input.version, {}))) throw conflict();
      const meetingId = await repo.insertMeeting(tx, {
        matter_id: m.id,
        scope_path: m.scope_path,
        held_on: input.heldOn,
        official_members: input.officialMembers,
        present: input.present,
        ballots: JSON.stringify(input.ballots),
        outcome_form: outcome.form,
        outcome_explanation: outcome.explanation,
        created_by: actor.userId,
      });
      const after = await this.detail(tx, await this.load(tx, scope, id));
      await appendAudit(tx, actor, {
        action: 'discipline.meeting_record',
        entityType: 'discipline_matter',
        entityId: id,
        scopePath: m.scope_path,
        before,
        after,
        detail: { meetingId, outcome: outcome.form },
      });
      return after;
    });
  }

  /** The decision from the last meeting's outcome, refused with every reason the rules give. */
  async decide(actor: Actor, id: string, input: DecisionCreate): Promise<MatterDetail> {
    const scope = requireScope(actor, 'discipline.decide');
    return this.run(scope, async (tx) => {
      const m = await this.load(tx, scope, id);
      assertWritable(scope, m.scope_path);
      if (m.status !== 'open')
        throw invalid('status', m.status === 'postponed' ? 'Hồ sơ đang tạm hoãn xem xét.' : 'Hồ sơ đã kết thúc hoặc đã có quyết định.');
      const meetings = await repo.meetingsOf(tx, m.id);
      const last = meetings.at(-1);
      if (!last || last.id !== input.meetingId)
        throw invalid('meetingId', 'Quyết định theo kết quả biểu quyết của cuộc họp gần nhất của hồ sơ này.');
      if (!last.outcome_form) throw invalid('meetingId', `Không hình thức nào đạt đủ số phiếu: ${last.outcome_explanation}`);
      const heldOn = isoDay(last.held_on) as string;
      if (input.decidedOn < heldOn) throw invalid('decidedOn', 'Ngày quyết định không được trước ngày họp.');
      if (input.decidedOn > todayInVietnam()) throw invalid('decidedOn', 'Ngày quyết định không được sau ngày hôm nay.');
      if (input.announcedOn && input.announcedOn < input.decidedOn)
        throw invalid('announcedOn', 'Ngày công bố không được trước ngày quyết định.');
      const form = last.outcome_form as DisciplineForm;
      const f = await this.facts(tx, m);
      const problems = decisionProblems(f, form, input.decidedOn);
      if (problems.length > 0) {
        const fields: Record<string, string> = {};
        for (const p of problems) fields[p.field] = fields[p.field] ? `${fields[p.field]} ${p.message}` : p.message;
        throw new AppError('validation', `Không thể ghi nhận quyết định kỷ luật: ${problems.map((p) => p.message).join(' ')}`, fields);
      }
      const before = await this.detail(tx, m);
      if (!(await repo.updateMatter(tx, id, input.version, { status: 'decided', status_reason: null }))) throw conflict();
      const dates = this.dates(m.body_type as BodyType, form, input.announcedOn ?? null, input.signedOn ?? input.decidedOn);
      const decisionId = await decisions.insertDecision(tx, {
        matter_id: m.id,
        meeting_id: last.id,
        scope_path: m.scope_path,
        subject_member_id: m.subject_member_id,
        subject_org_id: m.subject_org_id,
        form,
        decided_on: input.decidedOn,
        announced_on: input.announcedOn ?? null,
        effective_on: dates.effectiveOn,
        effect_ends_on: dates.effectEndsOn,
        secrecy: m.secrecy,
        created_by: actor.userId,
      });
      const y = Number(input.decidedOn.slice(0, 4));
      const cal = await this.calendar.load([y, y + 1], tx);
      const tasks = followUpTasks(input.decidedOn, m.subject_member_id ? 'member' : 'org', cal);
      await decisions.insertTasks(
        tx,
        tasks.map((t) => ({
          decision_id: decisionId,
          scope_path: m.scope_path,
          kind: t.kind,
          title: t.title,
          due_on: t.dueOn,
          note: t.basis,
        })),
      );
      const after = await this.detail(tx, await this.load(tx, scope, id));
      await appendAudit(tx, actor, {
        action: 'discipline.decide',
        entityType: 'discipline_decision',
        entityId: decisionId,
        scopePath: m.scope_path,
        before,
        after,
        detail: { matterId: m.id, form, decidedOn: input.decidedOn },
      });
      return after;
    });
  }

  /** Effective date by rule (a chi bộ's reprimand or warning on announcement, others on signing) and its end. */
  private dates(bodyType: BodyType, form: DisciplineForm, announcedOn: string | null, signedOn: string) {
    return {
      effectiveOn: effectiveOn(bodyType, form, { announcedOn, signedOn }),
      effectEndsOn: announcedOn ? effectEndsOn(form, announcedOn) : null,
    };
  }

  private async loadDecision(tx: Tx, scope: Scope, id: string) {
    const d = await decisions.findDecision(tx, id);
    if (!d) throw notFound('Quyết định kỷ luật');
    assertVisible(scope, { path: d.scope_path, secrecy: d.secrecy }, 'Quyết định kỷ luật');
    return d;
  }

  async getDecision(actor: Actor, id: string): Promise<DisciplineDecision> {
    const scope = requireScope(actor, 'discipline.read');
    return this.run(scope, async (tx) => {
      const d = await this.loadDecision(tx, scope, id);
      await auditMarkedReads(tx, actor, 'discipline_decision', [{ id: d.id, path: d.scope_path, secrecy: d.secrecy }]);
      return toDecision(d, await decisions.tasksOf(tx, d.id));
    });
  }

  /** The announcement (which may set the effective date and the end of the effect), publication, tasks done. */
  async updateDecision(actor: Actor, id: string, p: DecisionPatch): Promise<DisciplineDecision> {
    const scope = scopeForAny(actor, ['discipline.write', 'discipline.decide']);
    return this.run(scope, async (tx) => {
      const d = await this.loadDecision(tx, scope, id);
      assertWritable(scope, d.scope_path);
      const before = toDecision(d, await decisions.tasksOf(tx, d.id));
      const set: Parameters<typeof decisions.updateDecision>[3] = {};
      if (p.announcedOn !== undefined) {
        if (p.announcedOn < before.decidedOn) throw invalid('announcedOn', 'Ngày công bố không được trước ngày quyết định.');
        if (p.announcedOn > todayInVietnam()) throw invalid('announcedOn', 'Ngày công bố không được sau ngày hôm nay.');
        // Signed on the day decided unless the document module records otherwise (it keeps the signed copy).
        const dates = this.dates(d.body_type as BodyType, d.form as DisciplineForm, p.announcedOn, before.decidedOn);
        Object.assign(set, { announced_on: p.announcedOn, effective_on: dates.effectiveOn, effect_ends_on: dates.effectEndsOn });
      }
      if (p.publishInternally !== undefined) {
        if (p.publishInternally && d.status === 'annulled') throw invalid('publishInternally', 'Quyết định đã bị xóa bỏ: không thông báo.');
        set.publish_internally = p.publishInternally;
      }
      if (!(await decisions.updateDecision(tx, id, p.version, set))) throw conflict();
      for (const t of p.tasks ?? []) {
        if (t.doneOn && t.doneOn < before.decidedOn) throw invalid('tasks', 'Ngày hoàn thành không được trước ngày quyết định.');
        if (!(await decisions.updateTask(tx, id, t.id, { done_on: t.doneOn, ...(t.note ? { note: t.note } : {}) })))
          throw invalid('tasks', 'Việc không thuộc quyết định này.');
      }
      const after = toDecision((await decisions.findDecision(tx, id)) as decisions.DecisionRow, await decisions.tasksOf(tx, id));
      await appendAudit(tx, actor, {
        action: 'discipline.decision_update',
        entityType: 'discipline_decision',
        entityId: id,
        scopePath: d.scope_path,
        before,
        after,
        detail: { announcedOn: p.announcedOn ?? null, publishInternally: p.publishInternally ?? null, tasks: p.tasks?.length ?? 0 },
      });
      return after;
    });
  }
}
