// What a case's documents are made from: the case's record as the repository reads it, already joined.
import type { BodyType, CaseKind, CaseStatus, StepCode, TeamRole } from '../../../../common/cases.ts';
import type { Issuer } from './issuer.ts';

export type Family = 'signs' | 'thematic' | 'supervision';

/** The three sets of domain.md §3: DH (signs of violation), KT (thematic inspection), GS (supervision). */
export function familyOf(kind: CaseKind): Family {
  if (kind === 'inspection.signs') return 'signs';
  if (kind.startsWith('inspection.')) return 'thematic';
  return 'supervision';
}

export interface DocRef {
  numberText: string | null;
  /** The date of the referenced document (the decision's decided_on), if known. */
  date: string | null;
}

export interface CaseFacts {
  code: string;
  kind: CaseKind;
  bodyType: BodyType;
  status: CaseStatus;
  step: StepCode;
  /** Steps the case has entered (its history), in order. */
  stepsEntered: readonly StepCode[];
  issuer: Issuer;
  subject: { kind: 'org' | 'member'; name: string /** the member's organisation */; orgName: string | null };
  topic: string;
  grounds: string | null;
  /** Planned period from the programme item, if the case came from a plan. */
  programme: { year: number; periodFrom: string | null; periodTo: string | null } | null;
  decidedOn: string | null;
  decisionNo: string | null;
  limitDays: number | null;
  dueOn: string | null;
  extensionDays: number | null;
  team: { fullName: string; position: string | null; role: TeamRole }[];
  stepDues: { step: StepCode; startedOn: string; dueOn: string | null }[];
  findings: string | null;
  violationFound: boolean | null;
  concludedOn: string | null;
  notifiedOn: string | null;
  proposeDiscipline: boolean;
  disciplineNote: string | null;
  requirements: { requirement: string; ownerName: string; dueOn: string }[];
  secrecy: number;
  /** Documents of this case already numbered, which later documents cite. */
  decisionRef: DocRef | null;
  planRef: DocRef | null;
}
