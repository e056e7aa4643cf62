// Rows of programmes, items and revisions as the API shows them.
import type { BodyType, CaseKind, CaseStatus, StepCode } from '../../../../common/cases.ts';
import type {
  ItemStatus,
  ProgrammeItem,
  ProgrammePeriod,
  ProgrammeSnapshot,
  ProgrammeStatus,
  ProgrammeSummary,
} from '../../../../common/programmes.ts';
import type { ItemRow, ProgrammeRow } from './programmes.repository.ts';

const iso = (d: Date | string | null): string | null => (d === null ? null : d instanceof Date ? d.toISOString() : String(d));

export function toSummary(p: ProgrammeRow): ProgrammeSummary {
  return {
    id: p.id,
    orgId: p.org_id,
    orgName: p.org_name ?? '',
    bodyType: p.body_type as BodyType,
    period: p.period as ProgrammePeriod,
    yearFrom: p.year_from,
    yearTo: p.year_to,
    title: p.title,
    status: p.status as ProgrammeStatus,
    revision: p.revision,
    decisionNo: p.decision_no,
    approvedAt: iso(p.approved_at),
    secrecy: p.secrecy,
    itemCount: p.item_count,
    version: p.version,
  };
}

export function toItem(i: ItemRow): ProgrammeItem {
  return {
    id: i.id,
    programmeId: i.programme_id,
    seq: i.seq,
    year: i.year,
    kind: i.kind as CaseKind,
    subjectType: i.subject_member_id ? 'member' : 'org',
    subjectOrgId: i.subject_org_id,
    subjectMemberId: i.subject_member_id,
    subjectName: i.subject_name,
    topic: i.topic,
    periodFrom: i.period_from,
    periodTo: i.period_to,
    responsibleOrgId: i.responsible_org_id,
    responsibleOrgName: i.responsible_org_name,
    leadName: i.lead_name,
    status: i.status as ItemStatus,
    cancelledReason: i.cancelled_reason,
    version: i.version,
    case:
      i.case_id && i.case_code
        ? { id: i.case_id, code: i.case_code, step: i.case_step as StepCode, status: i.case_status as CaseStatus }
        : null,
  };
}

/** The programme and its items as approved: kept whole in the revision. */
export function snapshotOf(p: ProgrammeRow, items: ItemRow[]): ProgrammeSnapshot {
  return {
    programme: {
      title: p.title,
      orgName: p.org_name ?? '',
      bodyType: p.body_type as BodyType,
      period: p.period as ProgrammePeriod,
      yearFrom: p.year_from,
      yearTo: p.year_to,
      secrecy: p.secrecy,
    },
    items: items.map((row) => {
      const i = toItem(row);
      return {
        seq: i.seq,
        year: i.year,
        kind: i.kind,
        subjectType: i.subjectType,
        subjectName: i.subjectName,
        topic: i.topic,
        periodFrom: i.periodFrom,
        periodTo: i.periodTo,
        responsibleOrgName: i.responsibleOrgName,
        leadName: i.leadName,
        status: i.status,
        cancelledReason: i.cancelledReason,
      };
    }),
  };
}

export function isoOf(d: Date | string): string {
  return iso(d) as string;
}
