// How discipline rows read in the API: matters, violations, meetings, decisions and their tasks.
import type { DisciplineDecision, MatterListItem, SubjectFacts } from '../../../../common/discipline-api.ts';
import type { DecisionRow } from './decisions.repository.ts';
import type { MatterRow } from './matters.repository.ts';

/** A matter's readable code: its number in the body's year, the year and KL (kỷ luật): "03/2026/KL". */
export function matterCode(seq: number, year: number): string {
  return `${String(seq).padStart(2, '0')}/${year}/KL`;
}

/** Dates come back from PostgreSQL and PGlite as strings or Dates depending on the driver's parsers. */
export function isoDay(d: string | Date | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  return typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
}

const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

export function factsOf(raw: Record<string, unknown>): SubjectFacts {
  const committeeOf = Array.isArray(raw.committeeOf) ? (raw.committeeOf as SubjectFacts['committeeOf']) : [];
  return {
    probationary: raw.probationary === true,
    holdsPost: raw.holdsPost === true,
    committeeOf,
    managedByOrgPath: typeof raw.managedByOrgPath === 'string' ? raw.managedByOrgPath : null,
    pregnant: raw.pregnant === true,
    childBornOn: typeof raw.childBornOn === 'string' ? raw.childBornOn : null,
    seriouslyIllInHospital: raw.seriouslyIllInHospital === true,
  };
}

export function toListItem(m: Omit<MatterRow, 'body_org_kind' | 'body_org_level'> & { decision_form?: string | null }): MatterListItem {
  return {
    id: m.id,
    code: m.code,
    year: m.year,
    source: m.source,
    bodyOrgId: m.body_org_id,
    bodyOrgName: m.body_org_name,
    bodyType: m.body_type,
    subjectKind: m.subject_member_id ? 'member' : 'org',
    subjectName: m.subject_name,
    status: m.status,
    secrecy: m.secrecy,
    decisionForm: m.decision_form ?? null,
    createdAt: iso(m.created_at),
  };
}

export function toMeeting(r: {
  id: string;
  held_on: string;
  official_members: number;
  present: number;
  ballots: { form: string; votes: number }[];
  outcome_form: string | null;
  outcome_explanation: string;
  created_at: Date;
}) {
  return {
    id: r.id,
    heldOn: isoDay(r.held_on) as string,
    officialMembers: r.official_members,
    present: r.present,
    ballots: r.ballots,
    outcomeForm: r.outcome_form,
    outcomeExplanation: r.outcome_explanation,
    createdAt: iso(r.created_at),
  };
}

export function toDecision(
  d: DecisionRow,
  tasks: { id: string; kind: string; title: string; due_on: string; done_on: string | null; note: string | null }[],
): DisciplineDecision {
  return {
    id: d.id,
    matterId: d.matter_id,
    matterCode: d.matter_code,
    meetingId: d.meeting_id,
    bodyOrgId: d.body_org_id,
    bodyOrgName: d.body_org_name,
    bodyType: d.body_type,
    subjectKind: d.subject_member_id ? 'member' : 'org',
    subjectMemberId: d.subject_member_id,
    subjectOrgId: d.subject_org_id,
    subjectName: d.subject_name,
    form: d.form,
    originalForm: d.original_form,
    decidedOn: isoDay(d.decided_on) as string,
    announcedOn: isoDay(d.announced_on),
    effectiveOn: isoDay(d.effective_on),
    effectEndsOn: isoDay(d.effect_ends_on),
    numberText: d.number_text,
    fileId: d.file_id,
    status: d.status,
    apologyNote: d.apology_note,
    restoredRightsNote: d.restored_rights_note,
    publishInternally: d.publish_internally,
    secrecy: d.secrecy,
    tasks: tasks.map((t) => ({
      id: t.id,
      kind: t.kind,
      title: t.title,
      dueOn: isoDay(t.due_on) as string,
      doneOn: isoDay(t.done_on),
      note: t.note,
    })),
    version: d.version,
  };
}
