// What the rules say about a matter (domain.md §4), gathered from the pure rules of domain/discipline:
// the competent body, the forms open to the subject, each violation's limitation period, postponement and
// the circumstances recorded; and why a decision in a given form cannot be recorded. No rule lives here.

import { formatVnDate } from '../../../../common/dates.ts';
import {
  AGGRAVATING_LABELS,
  type Aggravating,
  type DisciplineForm,
  FORM_LABELS,
  FORM_RANK,
  MITIGATING_LABELS,
  type Mitigating,
  type SpecialArea,
} from '../../../../common/discipline.ts';
import type { Assessment, SubjectFacts } from '../../../../common/discipline-api.ts';
import type { OrgKind } from '../../../../common/orgs.ts';
import { mayDecide } from '../../domain/discipline/authority.ts';
import { type FormSubject, formProblem, formsOpenTo } from '../../domain/discipline/forms.ts';
import { limitationEnds, timeBarred } from '../../domain/discipline/limitation.ts';
import { postponement } from '../../domain/discipline/postponement.ts';

export interface MatterFacts {
  subjectKind: 'member' | 'org';
  subjectPath: string;
  facts: SubjectFacts;
  body: { type: 'ubkt' | 'committee' | 'standing_committee' | 'cell'; orgKind: OrgKind; orgPath: string };
  violations: { id: string; seq: number; occurredOn: string; deservedForm: DisciplineForm; specialArea: SpecialArea | null }[];
  mitigating: string[];
  aggravating: string[];
}

export interface Limitation {
  endsOn: string | null;
  restartedBySeq: number | null;
  basis: string;
  timeBarred: boolean;
}

function formSubject(m: MatterFacts): FormSubject {
  return m.subjectKind === 'org' ? { kind: 'org' } : { kind: 'member', probationary: m.facts.probationary, holdsPost: m.facts.holdsPost };
}

function parentOf(path: string): string {
  return path.split('.').slice(0, -1).join('.');
}

/** Domain.md §4 authority: may this body give this form to this subject? */
export function competence(m: MatterFacts, form: DisciplineForm) {
  // Whether a grassroots committee is authorised to admit members is not recorded in the registry: left
  // unset, so the rule refuses its expulsions (and says why) rather than allow one it may not make.
  const body = { type: m.body.type, orgKind: m.body.orgKind, orgPath: m.body.orgPath };
  const subject =
    m.subjectKind === 'org'
      ? { kind: 'org' as const, orgPath: m.subjectPath, parentPath: parentOf(m.subjectPath) }
      : {
          kind: 'member' as const,
          memberOrgPath: m.subjectPath,
          committeeOf: m.facts.committeeOf.map((c) => ({ orgPath: c.orgPath, level: c.level })),
          managedByOrgPath: m.facts.managedByOrgPath,
        };
  return mayDecide(form, body, subject);
}

/** Each violation's limitation end, as of a day (the conclusion, or today while none is recorded). */
export function limitations(m: MatterFacts, asOf: string): Map<string, Limitation> {
  const ends = limitationEnds(
    m.subjectKind,
    m.violations.map((v) => ({ seq: v.seq, occurredOn: v.occurredOn, deservedForm: v.deservedForm, specialArea: v.specialArea })),
  );
  const out = new Map<string, Limitation>();
  for (const v of m.violations) {
    const e = ends.find((x) => x.seq === v.seq);
    if (!e) continue;
    out.set(v.id, { endsOn: e.endsOn, restartedBySeq: e.restartedBySeq, basis: e.basis, timeBarred: timeBarred(e.endsOn, asOf) });
  }
  return out;
}

/** The heaviest form the violations deserve (what the body will be asked to decide). */
export function proposedForm(m: MatterFacts): DisciplineForm | null {
  let best: DisciplineForm | null = null;
  for (const v of m.violations) if (!best || FORM_RANK[v.deservedForm] > FORM_RANK[best]) best = v.deservedForm;
  return best;
}

export function assess(m: MatterFacts, asOf: string): Assessment {
  const proposed = proposedForm(m);
  const verdict = proposed ? competence(m, proposed) : null;
  const p = postponement(
    { pregnant: m.facts.pregnant, childBornOn: m.facts.childBornOn, seriouslyIllInHospital: m.facts.seriouslyIllInHospital },
    asOf,
  );
  return {
    asOf,
    proposedForm: proposed,
    competent: !verdict
      ? { allowed: false, reason: 'Chưa ghi nhận vi phạm nên chưa xác định được hình thức và cấp có thẩm quyền.' }
      : verdict.allowed
        ? { allowed: true, reason: null }
        : { allowed: false, reason: verdict.reason },
    formsOpen: formsOpenTo(formSubject(m)),
    proposedFormProblem: proposed ? formProblem(proposed, formSubject(m)) : null,
    postponement: p.postpone ? { postpone: true, reason: p.reason, until: p.until } : { postpone: false, reason: null, until: null },
    mitigating: m.mitigating.map((code) => ({ code, label: MITIGATING_LABELS[code as Mitigating] ?? code })),
    aggravating: m.aggravating.map((code) => ({ code, label: AGGRAVATING_LABELS[code as Aggravating] ?? code })),
  };
}

/**
 * Why a decision in `form` on `decidedOn` cannot be recorded, each with the request field it concerns:
 * the form not open to the subject, the body not competent, consideration postponed, or every violation
 * that deserves the form (or a heavier one) past its limitation period on the day of the conclusion.
 */
export function decisionProblems(m: MatterFacts, form: DisciplineForm, decidedOn: string): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const fp = formProblem(form, formSubject(m));
  if (fp) problems.push({ field: 'meetingId', message: fp });
  const c = competence(m, form);
  if (!c.allowed) problems.push({ field: 'bodyOrgId', message: c.reason });
  const p = postponement(
    { pregnant: m.facts.pregnant, childBornOn: m.facts.childBornOn, seriouslyIllInHospital: m.facts.seriouslyIllInHospital },
    decidedOn,
  );
  if (p.postpone) problems.push({ field: 'decidedOn', message: `Phải hoãn xem xét kỷ luật: ${p.reason}` });
  const lim = limitations(m, decidedOn);
  const deserving = m.violations.filter((v) => FORM_RANK[v.deservedForm] >= FORM_RANK[form]);
  if (deserving.length === 0) {
    problems.push({ field: 'meetingId', message: `Không có vi phạm nào được đề nghị ở mức ${FORM_LABELS[form].toLowerCase()} trở lên.` });
  } else if (deserving.every((v) => lim.get(v.id)?.timeBarred)) {
    const list = deserving.map((v) => `vi phạm ${v.seq} (hết thời hiệu ngày ${formatVnDate(lim.get(v.id)?.endsOn)})`).join(', ');
    problems.push({
      field: 'decidedOn',
      message: `Đã hết thời hiệu xử lý kỷ luật hình thức ${FORM_LABELS[form].toLowerCase()}: ${list} (Quy định 69-QĐ/TW, quy định về thời hiệu).`,
    });
  }
  return problems;
}
