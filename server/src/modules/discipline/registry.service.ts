// Discipline as others see it: a member's history and current effects (on the profile), the internal
// publication of results, and the counts the statistical reports need (domain.md §4, issue #5 points 4, 6).

import { todayInVietnam } from '../../../../common/dates.ts';
import type { DisciplineStats, MemberDiscipline, PublishedList } from '../../../../common/discipline-api.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, requireScope } from '../../platform/access/scope.ts';
import { auditMarkedReads } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import * as decisions from './decisions.repository.ts';
import { scopeForAny } from './discipline.access.ts';
import { DisciplineBase } from './discipline.base.ts';
import { factsOf, isoDay } from './discipline.view.ts';
import * as repo from './matters.repository.ts';

/** Is a decision still biting today: in force (or changed by a complaint), effective, its effect not ended. */
function current(d: { status: string; effective_on: string | null; effect_ends_on: string | null }, today: string): boolean {
  if (d.status === 'annulled') return false;
  const from = isoDay(d.effective_on);
  const to = isoDay(d.effect_ends_on);
  return (from === null || from <= today) && (to === null || to >= today);
}

export class DisciplineRegistryService extends DisciplineBase {
  /**
   * Decisions about the member the reader's scope holds (those of a higher body outside it are not shown),
   * and whether the member is under consideration anywhere — a boolean, which the member's own
   * organisation may know since the registry refuses transfers and appointments on it.
   */
  async memberHistory(actor: Actor, memberId: string): Promise<MemberDiscipline> {
    const scope = requireScope(actor, 'discipline.read');
    return this.run(scope, async (tx) => {
      const mem = await repo.findMember(tx, memberId);
      if (!mem) throw notFound('Đảng viên');
      assertVisible(scope, { path: mem.org_path, secrecy: mem.secrecy }, 'Đảng viên');
      const [rows, under] = await Promise.all([decisions.decisionsOfMember(tx, memberId), decisions.underDiscipline(tx, memberId)]);
      await auditMarkedReads(
        tx,
        actor,
        'discipline_decision',
        rows.map((r) => ({ id: r.id, path: r.scope_path, secrecy: r.secrecy })),
      );
      const today = todayInVietnam();
      return {
        memberId,
        underConsideration: under,
        decisions: rows.map((d) => ({
          id: d.id,
          form: d.form,
          originalForm: d.original_form,
          bodyOrgName: d.body_org_name,
          decidedOn: isoDay(d.decided_on) as string,
          effectiveOn: isoDay(d.effective_on),
          effectEndsOn: isoDay(d.effect_ends_on),
          status: d.status,
          numberText: d.number_text,
          current: current(d, today),
        })),
      };
    });
  }

  /**
   * Results the deciding bodies chose to publish internally, to discipline and member readers of the
   * subtree. Row-level security hides marked decisions above the reader's clearance; reading a marked
   * one is audited.
   */
  async published(actor: Actor, orgId: string | undefined): Promise<PublishedList> {
    const scope = scopeForAny(actor, ['discipline.read', 'member.read']);
    return this.run(scope, async (tx) => {
      let path: string | null = null;
      if (orgId) {
        const org = await repo.findOrg(tx, orgId);
        if (!org) throw notFound('Tổ chức');
        path = org.path;
      }
      const rows = await decisions.published(tx, path);
      await auditMarkedReads(
        tx,
        actor,
        'discipline_decision',
        rows.map((r) => ({ id: r.id, path: r.scope_path, secrecy: r.secrecy })),
      );
      return {
        items: rows.map((d) => ({
          id: d.id,
          subjectName: d.subject_name,
          subjectKind: d.subject_member_id ? ('member' as const) : ('org' as const),
          bodyOrgName: d.body_org_name,
          form: d.form,
          decidedOn: isoDay(d.decided_on) as string,
          effectiveOn: isoDay(d.effective_on),
          numberText: d.number_text,
          status: d.status,
          secrecy: d.secrecy,
        })),
      };
    });
  }

  /**
   * Counts of the year's decisions by the bodies of a subtree (annulled ones not counted): by form, by the
   * deciding body's level, member or organisation, and committee members apart. Marked decisions above the
   * reader's clearance are not counted (row-level security), so a report is only as complete as its reader's clearance.
   */
  async stats(actor: Actor, orgId: string | undefined, year: number): Promise<DisciplineStats> {
    const scope = requireScope(actor, 'discipline.read');
    return this.run(scope, async (tx) => {
      let path: string | null = null;
      if (orgId) {
        const org = await repo.findOrg(tx, orgId);
        if (!org) throw notFound('Tổ chức');
        path = org.path;
      }
      const rows = await decisions.decisionsForStats(tx, path, year);
      const byForm: Record<string, number> = {};
      const byLevel: Record<string, number> = {};
      const committee: Record<string, number> = {};
      let members = 0;
      let committeeTotal = 0;
      for (const r of rows) {
        byForm[r.form] = (byForm[r.form] ?? 0) + 1;
        byLevel[r.body_kind] = (byLevel[r.body_kind] ?? 0) + 1;
        if (!r.subject_member_id) continue;
        members += 1;
        if (factsOf(r.subject_facts).committeeOf.length > 0) {
          committeeTotal += 1;
          committee[r.form] = (committee[r.form] ?? 0) + 1;
        }
      }
      return {
        year,
        total: rows.length,
        byForm,
        byLevel,
        bySubject: { member: members, org: rows.length - members },
        committeeMembers: { total: committeeTotal, byForm: committee },
      };
    });
  }
}
