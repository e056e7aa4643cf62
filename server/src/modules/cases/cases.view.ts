// A case as the API shows it: the record, its steps, the moves and actions allowed now (with the reason
// when not), its team, attachments, conclusion and the state of its remediation.
import type { CaseDetail, CaseListItem } from '../../../../common/case-api.ts';
import {
  type BodyType,
  type CaseKind,
  type CaseStatus,
  isInspection,
  type StepCode,
  stepLabel,
  type TeamRole,
} from '../../../../common/cases.ts';
import type { OrgKind } from '../../../../common/orgs.ts';
import type { Tx } from '../../db/context.ts';
import { LIMITS_DEFAULTS, type LimitLevel, limitLevelOf } from '../../domain/cases/limits.ts';
import { subjectSide, teamCheck } from './case-people.ts';
import { actionChecks, type CaseFacts, hasDecisionStep, nextStepChecks } from './case-rules.ts';
import * as repo from './cases.repository.ts';

/** A case's readable code: its number in the body's year, the year, KT (inspection) or GS (supervision): "05/2026/KT". */
export function caseCode(seq: number, year: number, kind: CaseKind): string {
  return `${String(seq).padStart(2, '0')}/${year}/${isInspection(kind) ? 'KT' : 'GS'}`;
}

export function levelOf(c: { body_org_kind: string }): LimitLevel {
  return limitLevelOf({ kind: c.body_org_kind as OrgKind });
}

const dateOrNull = (d: string | null | undefined) => (d ? String(d).slice(0, 10) : null);

export interface ListRow {
  id: string;
  code: string;
  year: number;
  kind: string;
  body_org_id: string;
  body_org_name: string;
  body_type: string;
  scope_path: string;
  subject_member_id: string | null;
  subject_name: string;
  topic: string;
  step: string;
  status: string;
  step_due_on: string | null;
  due_on: string | null;
  decided_on: string | null;
  propose_discipline: boolean;
  secrecy: number;
  version: number;
}

export function isOverdue(r: { status: string; due_on: string | null; step_due_on: string | null }, today: string): boolean {
  if (r.status !== 'open') return false;
  return (!!r.due_on && r.due_on < today) || (!!r.step_due_on && r.step_due_on < today);
}

export function toListItem(r: ListRow, today: string): CaseListItem {
  return {
    id: r.id,
    code: r.code,
    year: r.year,
    kind: r.kind as CaseKind,
    bodyOrgId: r.body_org_id,
    bodyOrgName: r.body_org_name,
    bodyType: r.body_type as BodyType,
    subjectType: r.subject_member_id ? 'member' : 'org',
    subjectName: r.subject_name,
    topic: r.topic,
    step: r.step as StepCode,
    status: r.status as CaseStatus,
    stepDueOn: dateOrNull(r.step_due_on),
    dueOn: dateOrNull(r.due_on),
    decidedOn: dateOrNull(r.decided_on),
    overdue: isOverdue({ status: r.status, due_on: dateOrNull(r.due_on), step_due_on: dateOrNull(r.step_due_on) }, today),
    proposeDiscipline: r.propose_discipline,
    secrecy: r.secrecy,
    version: r.version,
  };
}

/** The facts the rules need, read from the database. */
export async function factsOf(tx: Tx, c: repo.CaseRow) {
  const [team, side, remediation] = await Promise.all([repo.teamOf(tx, c.id), subjectSide(tx, c), repo.remediationCounts(tx, c.id)]);
  const seats = team.map((s) => ({ key: s.member_id ?? s.id, memberId: s.member_id, fullName: s.full_name, role: s.role as TeamRole }));
  const problems = hasDecisionStep(c.kind as CaseKind) ? await teamCheck(tx, seats, side) : [];
  const facts: CaseFacts = {
    kind: c.kind as CaseKind,
    status: c.status as CaseStatus,
    step: c.step as StepCode,
    decided: !!c.decided_on,
    concluded: !!c.concluded_on,
    extended: c.extension_days !== null,
    level: levelOf(c),
    teamProblems: problems,
    openRequirements: remediation.open,
  };
  return { facts, team, side, remediation };
}

export async function caseDetail(tx: Tx, c: repo.CaseRow, today: string): Promise<CaseDetail> {
  const [{ facts, team, remediation }, steps, attachments] = await Promise.all([
    factsOf(tx, c),
    repo.stepsOf(tx, c.id),
    repo.attachmentsOf(tx, c.id),
  ]);
  const kind = c.kind as CaseKind;
  const open = [...steps].reverse().find((s) => !s.completed_on);
  const limit = LIMITS_DEFAULTS[facts.level];
  return {
    ...toListItem({ ...c, step_due_on: open?.due_on ?? null }, today),
    provinceCode: c.province_code,
    programmeItemId: c.programme_item_id,
    subjectOrgId: c.subject_org_id,
    subjectMemberId: c.subject_member_id,
    grounds: c.grounds,
    statusReason: c.status_reason,
    decisionNo: c.decision_no,
    limit: {
      level: facts.level,
      days: c.limit_days ?? limit.days,
      maxExtensionDays: limit.extensionDays,
      extensionDays: c.extension_days,
      extensionReason: c.extension_reason,
    },
    closedOn: dateOrNull(c.closed_on),
    steps: steps.map((s) => ({
      id: s.id,
      step: s.step as StepCode,
      startedOn: String(s.started_on).slice(0, 10),
      dueOn: dateOrNull(s.due_on),
      completedOn: dateOrNull(s.completed_on),
      note: s.note,
    })),
    nextSteps: nextStepChecks(facts).map((n) => ({ ...n, label: stepLabel(kind, n.step) })),
    actions: actionChecks(facts),
    team: team.map((s) => ({
      id: s.id,
      memberId: s.member_id,
      userId: s.user_id,
      fullName: s.full_name,
      position: s.position,
      role: s.role as TeamRole,
      addedOn: String(s.added_on).slice(0, 10),
    })),
    teamProblems: facts.teamProblems,
    attachments: attachments.map((a) => ({
      id: a.id,
      stepId: a.step_id,
      kind: a.kind as CaseDetail['attachments'][number]['kind'],
      title: a.title,
      fileName: a.file_name,
      size: a.size,
      createdAt: new Date(a.created_at).toISOString(),
    })),
    conclusion: c.concluded_on
      ? {
          findings: c.findings ?? '',
          violationFound: c.violation_found ?? false,
          concludedOn: String(c.concluded_on).slice(0, 10),
          proposeDiscipline: c.propose_discipline,
          disciplineNote: c.discipline_note,
        }
      : null,
    notifiedOn: dateOrNull(c.notified_on),
    remediation,
  };
}
