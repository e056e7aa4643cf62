// What the discipline services share: the transaction, loading a matter the actor may see, the subject's
// facts from the registry, and the matter's full detail with the rules' assessment.

import { todayInVietnam } from '../../../../common/dates.ts';
import type { DisciplineForm, SpecialArea } from '../../../../common/discipline.ts';
import type { MatterDetail, SubjectFacts, SubjectFactsInput } from '../../../../common/discipline-api.ts';
import type { OrgKind } from '../../../../common/orgs.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { isWithin } from '../../platform/access/actor.ts';
import { assertVisible, type Scope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { CalendarService } from '../calendar/calendar.service.ts';
import { assess, limitations, type MatterFacts } from './assessment.ts';
import * as decisions from './decisions.repository.ts';
import { factsOf, isoDay, toDecision, toListItem, toMeeting } from './discipline.view.ts';
import * as repo from './matters.repository.ts';

/** Statuses in which a matter is still under consideration. */
export const LIVE = new Set(['open', 'postponed']);

/** Posts that make their holder a member of the organisation's party committee (cấp ủy viên). */
const COMMITTEE_POSTS = new Set(['secretary', 'deputy_secretary', 'standing_member', 'committee_member']);

export class DisciplineBase {
  protected readonly ctx: AppContext;
  protected readonly calendar: CalendarService;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
    this.calendar = new CalendarService(ctx);
  }

  run<T>(scope: Scope, fn: (tx: Tx) => Promise<T>) {
    return inTransaction(this.ctx.database.db, scope, fn);
  }

  /** The matter as the actor may see it, or 404 (outside the subtree or above the clearance). */
  protected async load(tx: Tx, scope: Scope, id: string): Promise<repo.MatterRow> {
    const m = await repo.findMatter(tx, id);
    if (!m) throw notFound('Hồ sơ kỷ luật');
    assertVisible(scope, { path: m.scope_path, secrecy: m.secrecy }, 'Hồ sơ kỷ luật');
    return m;
  }

  /** A member or an organisation under the body; a member's facts read from the registry as they stand. */
  protected async subject(
    tx: Tx,
    scope: Scope,
    ids: { subjectMemberId?: string; subjectOrgId?: string },
    bodyPath: string,
    human: SubjectFactsInput,
  ) {
    if (ids.subjectMemberId) {
      const mem = await repo.findMember(tx, ids.subjectMemberId);
      if (!mem || mem.secrecy > scope.clearance)
        throw invalid('subjectMemberId', 'Đảng viên không tồn tại hoặc nằm ngoài phạm vi của bạn.');
      this.subjectUnder(mem.org_path, bodyPath, 'subjectMemberId');
      const posts = await repo.openPostsOf(tx, mem.id);
      const facts: SubjectFacts = this.mergeFacts(
        {
          // From the registry, not from what was typed: the member's status and open posts today.
          probationary: mem.status === 'probationary',
          holdsPost: posts.length > 0,
          // A committee seat in an organisation above the reader's scope is not visible here (org_unit RLS).
          committeeOf: posts
            .filter((p) => COMMITTEE_POSTS.has(p.code) && p.org_path)
            .map((p) => ({ orgPath: p.org_path as string, orgName: p.org_name as string, level: p.org_level as number, code: p.code })),
          managedByOrgPath: posts.find((p) => p.managed_by_path)?.managed_by_path ?? null,
          pregnant: false,
          childBornOn: null,
          seriouslyIllInHospital: false,
        },
        human,
        true,
      );
      return { memberId: mem.id, orgId: null, path: mem.org_path, name: mem.full_name, facts };
    }
    const org = await repo.findOrg(tx, ids.subjectOrgId as string);
    if (!org || org.secrecy > scope.clearance) throw invalid('subjectOrgId', 'Tổ chức đảng không tồn tại hoặc nằm ngoài phạm vi của bạn.');
    if (org.path === bodyPath) throw invalid('subjectOrgId', 'Tổ chức đảng bị xem xét do cấp trên xem xét, không tự xem xét kỷ luật mình.');
    this.subjectUnder(org.path, bodyPath, 'subjectOrgId');
    // None of the member's facts apply to an organisation; nothing typed is kept.
    const facts: SubjectFacts = {
      probationary: false,
      holdsPost: false,
      committeeOf: [],
      managedByOrgPath: null,
      pregnant: false,
      childBornOn: null,
      seriouslyIllInHospital: false,
    };
    return { memberId: null, orgId: org.id, path: org.path, name: org.name, facts };
  }

  /** The subject must belong to the body's subtree: a body disciplines only within its own organisation. */
  protected subjectUnder(subjectPath: string, bodyPath: string, field: string) {
    if (!isWithin(subjectPath, bodyPath))
      throw invalid(field, 'Đối tượng không thuộc tổ chức đảng do cơ quan này lãnh đạo, quản lý: chọn cơ quan có thẩm quyền.');
  }

  /**
   * The human-entered facts (pregnancy, a young child, serious illness) over the recorded ones. For a member
   * the registry's status and posts stand; for an organisation none of these facts apply.
   */
  protected mergeFacts(base: SubjectFacts, human: SubjectFactsInput, member: boolean): SubjectFacts {
    if (!member) return base;
    return {
      ...base,
      pregnant: human.pregnant ?? base.pregnant,
      childBornOn: human.childBornOn !== undefined ? human.childBornOn : base.childBornOn,
      seriouslyIllInHospital: human.seriouslyIllInHospital ?? base.seriouslyIllInHospital,
    };
  }

  /** What the rules need to know about a matter. */
  protected async facts(tx: Tx, m: repo.MatterRow): Promise<MatterFacts> {
    return this.factsWith(m, await repo.violationsOf(tx, m.id));
  }

  private factsWith(m: repo.MatterRow, violations: repo.ViolationRow[]): MatterFacts {
    return {
      subjectKind: m.subject_member_id ? 'member' : 'org',
      subjectPath: m.subject_path,
      facts: factsOf(m.subject_facts),
      body: { type: m.body_type as MatterFacts['body']['type'], orgKind: m.body_org_kind as OrgKind, orgPath: m.scope_path },
      violations: violations.map((v) => ({
        id: v.id,
        seq: v.seq,
        occurredOn: isoDay(v.occurred_on) as string,
        deservedForm: v.deserved_form as DisciplineForm,
        specialArea: v.special_area as SpecialArea | null,
      })),
      mitigating: m.mitigating,
      aggravating: m.aggravating,
    };
  }

  /** The matter with its violations, meetings, decision and the rules' assessment (as of the decision, or today). */
  protected async detail(tx: Tx, m: repo.MatterRow): Promise<MatterDetail> {
    const [violations, meetings, decision] = await Promise.all([
      repo.violationsOf(tx, m.id),
      repo.meetingsOf(tx, m.id),
      decisions.decisionOfMatter(tx, m.id),
    ]);
    const f = this.factsWith(m, violations);
    const tasks = decision ? await decisions.tasksOf(tx, decision.id) : [];
    const c = m.case_id ? await repo.findCase(tx, m.case_id) : undefined;
    const asOf = decision ? (isoDay(decision.decided_on) as string) : todayInVietnam();
    const lim = limitations(f, asOf);
    return {
      ...toListItem({ ...m, decision_form: decision?.form ?? null }),
      caseId: m.case_id,
      caseCode: c?.code ?? null,
      sourceRef: m.source_ref,
      subjectMemberId: m.subject_member_id,
      subjectOrgId: m.subject_org_id,
      subjectFacts: f.facts,
      statusReason: m.status_reason,
      postponedUntil: isoDay(m.postponed_until),
      mitigating: m.mitigating,
      aggravating: m.aggravating,
      circumstancesNote: m.circumstances_note,
      violations: violations.map((v) => {
        const l = lim.get(v.id);
        return {
          id: v.id,
          seq: v.seq,
          occurredOn: isoDay(v.occurred_on) as string,
          description: v.description,
          ruleViolated: v.rule_violated,
          specialArea: v.special_area,
          deservedForm: v.deserved_form,
          limitationEndsOn: l?.endsOn ?? null,
          restartedBySeq: l?.restartedBySeq ?? null,
          limitationBasis: l?.basis ?? '',
          timeBarred: l?.timeBarred ?? false,
        };
      }),
      meetings: meetings.map(toMeeting),
      decision: decision ? toDecision(decision, tasks) : null,
      assessment: assess(f, asOf),
      version: m.version,
    };
  }
}
