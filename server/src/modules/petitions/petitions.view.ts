// A letter as the API shows it: the inbox row with its clock, the answer drafted from a case's conclusion,
// and the snapshot written to the audit log. None of them carries anything of the sender but how they signed.
import { formatVnDate } from '../../../../common/dates.ts';
import type { PetitionClock, PetitionListItem } from '../../../../common/petition-api.ts';
import {
  PETITION_CLOCK_STOPPED,
  PETITION_KIND_LABELS,
  type PetitionChannel,
  type PetitionKind,
  type PetitionStatus,
  type PetitionTopic,
  type SenderIdentity,
} from '../../../../common/petitions.ts';
import type { WorkCalendar } from '../../domain/calendar/workdays.ts';
import { clockStatus, type PetitionDeadline } from '../../domain/petitions/deadlines.ts';
import type { ListRow, PetitionRow } from './petitions.repository.ts';

export const isoDay = (d: string | Date | null | undefined): string | null =>
  d === null || d === undefined ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
export const isoInstant = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

type ClockFields = {
  status: string;
  due_on: string | null;
  remind_on: string | null;
  escalate_on: string | null;
  passed_to_new_committee: boolean;
};

/** The state of the letter's clock today (domain/petitions/deadlines.ts), with the working days left. */
export function clockOf(r: ClockFields, today: string, cal: WorkCalendar): PetitionClock {
  const status = r.status as PetitionStatus;
  if (PETITION_CLOCK_STOPPED.includes(status)) return { state: 'stopped', dueOn: null, workingDaysLeft: null };
  if (r.passed_to_new_committee) return { state: 'passed_to_new_committee', dueOn: null, workingDaysLeft: null };
  if (!r.due_on || !r.remind_on || !r.escalate_on) return { state: 'on_track', dueOn: r.due_on, workingDaysLeft: null };
  const deadline = { dueOn: r.due_on, remindOn: r.remind_on, escalateOn: r.escalate_on } as PetitionDeadline;
  const s = clockStatus({ status, deadline, today, passedToNewCommittee: false }, cal);
  return { state: s.state, dueOn: r.due_on, workingDaysLeft: s.workingDaysLeft };
}

/** The span of dates a calendar must cover to count the working days left of these letters. */
export function calendarSpan(dues: (string | null)[], today: string): { from: string; to: string } {
  let from = today;
  let to = today;
  for (const d of dues) {
    if (!d) continue;
    if (d < from) from = d;
    if (d > to) to = d;
  }
  return { from, to };
}

export function toListItem(r: ListRow, clock: PetitionClock): PetitionListItem {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind as PetitionKind,
    channel: r.channel as PetitionChannel,
    receivedOn: isoDay(r.received_on) as string,
    title: r.title,
    subjectName: r.subject_name,
    topic: r.topic as PetitionTopic,
    status: r.status as PetitionStatus,
    senderIdentity: r.sender_identity as SenderIdentity,
    bodyOrgId: r.body_org_id,
    bodyOrgName: r.body_org_name,
    clock,
    duplicates: Number(r.duplicates),
    related: Number(r.related),
    unreadMessages: Number(r.unread_messages),
    // The sender follows this very letter on the portal (a part split from a portal letter has no receipt).
    fromPortal: r.channel === 'portal' && r.followed,
    secrecy: r.secrecy,
    version: r.version,
  };
}

export interface ConcludedCase {
  code: string;
  concludedOn: string;
  violationFound: boolean | null;
  findings: string | null;
}

/**
 * Point 8 of issue #6: the case's conclusion feeds the answer to the sender. A draft the officer edits: what
 * was received, that an inspection on signs of violation was run, when it concluded and what it found. The
 * sender is not named (the answer may be read back through the portal, and the letter's file is shared).
 */
export function suggestedAnswer(p: PetitionRow, c: ConcludedCase): string {
  const about = p.subject_position ? `${p.subject_name} (${p.subject_position})` : p.subject_name;
  const found =
    c.violationFound === true
      ? 'Kết luận xác định có vi phạm; việc xem xét, xử lý được thực hiện theo quy định của Đảng.'
      : c.violationFound === false
        ? 'Kết luận xác định không có vi phạm như nội dung đơn nêu.'
        : '';
  return [
    `${p.body_org_name} đã nhận đơn ${PETITION_KIND_LABELS[p.kind as PetitionKind].toLowerCase()} số ${p.code} ngày ${formatVnDate(isoDay(p.received_on))} về việc: ${p.title}, liên quan đến ${about}.`,
    `Căn cứ nội dung đơn, ${p.body_org_name} đã tiến hành kiểm tra khi có dấu hiệu vi phạm (cuộc kiểm tra số ${c.code}) và kết luận ngày ${formatVnDate(c.concludedOn)}.`,
    found,
    c.findings ? `Nội dung kết luận: ${c.findings}` : '',
    `${p.body_org_name} trả lời để người gửi đơn được biết.`,
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** What the audit log's before/after digests cover: the record's state, never the sender (nor the receipt). */
export function snapshot(p: PetitionRow) {
  return {
    id: p.id,
    code: p.code,
    kind: p.kind,
    status: p.status,
    topic: p.topic,
    topicMethod: p.topic_method,
    screeningOutcome: p.screening_outcome,
    screeningGround: p.screening_ground,
    screenedOn: isoDay(p.screened_on),
    forwardOrgId: p.forward_org_id,
    forwardedOn: isoDay(p.forwarded_on),
    dueOn: isoDay(p.due_on),
    extensionDays: p.extension_days,
    passedToNewCommittee: p.passed_to_new_committee,
    caseId: p.case_id,
    resolvedOn: isoDay(p.resolved_on),
    answeredOn: isoDay(p.answered_on),
    secrecy: p.secrecy,
    version: p.version,
  };
}
