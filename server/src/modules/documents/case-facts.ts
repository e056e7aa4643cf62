// Reads what a case's documents are made of and hands it to the pure composer as CaseFacts.
import type { BodyType, CaseKind, CaseStatus, StepCode, TeamRole } from '../../../../common/cases.ts';
import type { Tx } from '../../db/context.ts';
import type { CaseFacts, DocRef } from '../../domain/documents/facts.ts';
import type { Issuer } from '../../domain/documents/issuer.ts';
import * as repo from './documents.repository.ts';

export async function loadFacts(tx: Tx, c: repo.CaseRow, issuer: Issuer): Promise<CaseFacts> {
  const [steps, team, requirements, item, memberOrg, decision, plan] = await Promise.all([
    repo.stepsOf(tx, c.id),
    repo.teamOf(tx, c.id),
    repo.requirementsOf(tx, c.id),
    c.programme_item_id ? repo.programmeItem(tx, c.programme_item_id) : Promise.resolve(undefined),
    c.subject_member_id ? repo.memberOrgName(tx, c.subject_member_id) : Promise.resolve(null),
    repo.latestOf(tx, c.id, 'decision'),
    repo.latestOf(tx, c.id, 'plan'),
  ]);
  const ref = (d: typeof decision, date: string | null): DocRef | null => (d?.number_text ? { numberText: d.number_text, date } : null);
  return {
    code: c.code,
    kind: c.kind as CaseKind,
    bodyType: c.body_type as BodyType,
    status: c.status as CaseStatus,
    step: c.step as StepCode,
    stepsEntered: steps.map((s) => s.step as StepCode),
    issuer,
    subject: c.subject_member_id
      ? { kind: 'member', name: c.subject_name, orgName: memberOrg }
      : { kind: 'org', name: c.subject_name, orgName: null },
    topic: c.topic,
    grounds: c.grounds,
    programme: item ? { year: item.year, periodFrom: item.period_from, periodTo: item.period_to } : null,
    decidedOn: c.decided_on,
    decisionNo: c.decision_no,
    limitDays: c.limit_days,
    dueOn: c.due_on,
    extensionDays: c.extension_days,
    team: team.map((m) => ({ fullName: m.full_name, position: m.position, role: m.role as TeamRole })),
    stepDues: steps.map((s) => ({ step: s.step as StepCode, startedOn: s.started_on, dueOn: s.due_on })),
    findings: c.findings,
    violationFound: c.violation_found,
    concludedOn: c.concluded_on,
    notifiedOn: c.notified_on,
    proposeDiscipline: c.propose_discipline,
    disciplineNote: c.discipline_note,
    requirements: requirements.map((r) => ({ requirement: r.requirement, ownerName: r.owner_name, dueOn: r.due_on })),
    secrecy: c.secrecy,
    decisionRef: ref(decision, c.decided_on),
    planRef: ref(plan, null),
  };
}
