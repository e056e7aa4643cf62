// The bridge between this module's rows and the pure rules of complaints about discipline
// (server/src/domain/discipline/complaints.ts, forms.ts): it maps, it does not decide.
import type { BodyType } from '../../../../common/cases.ts';
import {
  COMPLAINT_REFUSAL_LABELS,
  type ComplaintOutcome,
  type ComplaintRefusalGround,
  type DisciplineForm,
} from '../../../../common/discipline.ts';
import { RESOLVER_BODY_LABELS } from '../../../../common/discipline-complaints.ts';
import type { WorkCalendar } from '../../domain/calendar/workdays.ts';
import { complaintAdmissibility, complaintDueOn, complaintResolver, outcomeEffect } from '../../domain/discipline/complaints.ts';
import { type FormSubject, formProblem, formsOpenTo } from '../../domain/discipline/forms.ts';
import { invalid } from '../../platform/errors.ts';
import type { DecisionRow } from './complaints.repository.ts';

export interface FilingFacts {
  announcedOn: string | null;
  filedOn: string;
  decisionReceivedOn: string | null;
  refusedToReceive: boolean;
  sentToSeveralLevels: boolean;
  skipsLevel: boolean;
  onBehalfOfOthers: boolean;
  alreadyDecided: boolean;
  courtSentenceInForce: boolean;
  movedUnderAnotherSuperior: boolean;
}

export function admissibility(facts: FilingFacts, cal: WorkCalendar): { accepted: boolean; grounds: { code: string; text: string }[] } {
  const r = complaintAdmissibility(facts, cal);
  return { accepted: r.accepted, grounds: r.grounds };
}

export function resolverOf(d: DecisionRow) {
  const r = complaintResolver(
    { bodyType: d.body_type as BodyType, orgPath: d.body_path, orgLevel: d.body_level },
    d.form as DisciplineForm,
  );
  const bodyLabel = r.level === 'next_up' ? 'cấp trên trực tiếp' : RESOLVER_BODY_LABELS[r.level];
  return { ...r, bodyLabel };
}

export function dueOn(receivedOn: string, cal: WorkCalendar): string {
  return complaintDueOn(receivedOn, cal);
}

function subjectOf(d: DecisionRow): FormSubject {
  if (d.subject_org_id) return { kind: 'org' };
  const f = (d.subject_facts ?? {}) as { probationary?: boolean; holdsPost?: boolean };
  return { kind: 'member', probationary: f.probationary === true, holdsPost: f.holdsPost === true || d.form === 'removal' };
}

export function formsOf(d: DecisionRow): DisciplineForm[] {
  return formsOpenTo(subjectOf(d));
}

/** The effect of an outcome on the decision; a changed form must be open to the subject. */
export function effectOf(
  outcome: ComplaintOutcome,
  d: DecisionRow,
  newForm: DisciplineForm | null,
): { decisionStatus: 'in_force' | 'changed' | 'annulled'; form: DisciplineForm | null } {
  const original = d.form as DisciplineForm;
  if ((outcome === 'heavier' || outcome === 'lighter') && !newForm)
    throw invalid('outcomeForm', 'Cần chọn hình thức kỷ luật mới khi tăng hoặc giảm hình thức kỷ luật.');
  if (newForm) {
    const problem = formProblem(newForm, subjectOf(d));
    if (problem) throw invalid('outcomeForm', problem);
  }
  const e = outcomeEffect(outcome, original, newForm ?? undefined);
  if ('problem' in e && e.problem) throw invalid('outcomeForm', e.problem);
  // The form is recorded on the complaint only where the outcome changes it.
  return { decisionStatus: e.decisionStatus, form: e.decisionStatus === 'changed' ? e.form : null };
}

export function groundsOf(codes: readonly string[]): { code: string; text: string }[] {
  return codes.map((code) => ({ code, text: COMPLAINT_REFUSAL_LABELS[code as ComplaintRefusalGround] ?? code }));
}
