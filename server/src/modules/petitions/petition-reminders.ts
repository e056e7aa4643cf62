// Deadline reminders of petitions (domain.md §5; issue #6 point 5: "reminders before and escalation
// after"), planned inside the reminder job's run (modules/notifications/reminders.ts), which filters the
// recipients by clearance, writes the notices idempotently and marks the escalations. For every open letter
// whose reminder day (remind_on, from the deadline rules) has come:
// - to its handlers (users with petition.write on the receiving body's organisation, else on the nearest
//   organisation above holding one): a warning before the deadline, a notice on the day, an overdue notice;
// - from escalate_on, once: an escalation to the UBKT leaders of the level above the body.
// Texts carry the letter's code and its deadline "ngày … tháng … năm …", never the sender (not even read).
import { PETITION_KIND_LABELS, type PetitionKind, type PetitionStatus } from '../../../../common/petitions.ts';
import { ROLE_PERMISSIONS, ROLES } from '../../../../common/roles.ts';
import type { Tx } from '../../db/context.ts';
import type { WorkCalendar } from '../../domain/calendar/workdays.ts';
import { longDate } from '../../domain/documents/dates.ts';
import { clockStatus, type PetitionDeadline } from '../../domain/petitions/deadlines.ts';
import { type Actor, isWithin } from '../../platform/access/actor.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { dedupeKey, type Stage } from '../notifications/reminder-plan.ts';
import * as repo from '../notifications/reminders.repository.ts';

/** The roles that handle letters: those granting petition.write (ubkt_leader, ubkt_officer, cell_secretary). */
export const HANDLER_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('petition.write'));

export type PlannedNotice = repo.NewNotice & { secrecy: number };

interface Escalation {
  id: string;
  code: string;
  scopePath: string;
  dueOn: string;
  escalateOn: string;
}

export interface PetitionReminderPlan {
  /** Open letters whose reminder day has come. */
  checked: number;
  notices: PlannedNotice[];
  /** Letters to mark escalated when at least one of their escalation notices may be delivered, by dedupe key. */
  escalations: Map<string, Escalation>;
}

const petitionLink = (id: string) => `/don-thu/${id}`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

type Row = Awaited<ReturnType<typeof repo.petitionsDue>>[number];

/** The holders nearest `bodyPath`: on it, else on the closest level above holding any (strictly above if asked). */
function nearest(bodyPath: string, holders: { user_id: string; path: string }[], strictlyAbove = false): string[] {
  const above = holders.filter((h) => isWithin(bodyPath, h.path) && !(strictlyAbove && h.path === bodyPath));
  if (above.length === 0) return [];
  const depth = Math.max(...above.map((h) => h.path.length));
  return [...new Set(above.filter((h) => h.path.length === depth).map((h) => h.user_id))];
}

/** Marked letters say only their code: the content stays behind the clearance check of the page. */
function about(p: Row): string {
  if (p.secrecy > 0) return `Đơn ${p.code} (tài liệu có độ mật: xem chi tiết trong hệ thống)`;
  const kind = PETITION_KIND_LABELS[p.kind as PetitionKind] ?? 'Đơn';
  return clip(`${kind} — ${p.code}: ${p.title} (người bị phản ánh, tố cáo: ${p.subject_name})`, 500);
}

export function petitionText(stage: Stage | 'escalation', p: Row, workingDaysLeft: number) {
  const due = longDate(p.due_on as string);
  const title = {
    before: `Đơn ${p.code} sắp đến hạn giải quyết ${due} (còn ${workingDaysLeft} ngày làm việc)`,
    due: `Hôm nay là hạn giải quyết đơn ${p.code} (${due})`,
    overdue: `Đơn ${p.code} đã quá hạn giải quyết (hạn ${due})`,
    escalation: `Báo cáo cấp trên: đơn ${p.code} của ${p.body_name} quá hạn giải quyết (hạn ${due})`,
  }[stage];
  return { title, body: about(p) };
}

/** The letter's clock on `today` (domain/petitions/deadlines.ts), from the dates stored with it. */
function clockOf(p: Row, today: string, cal: WorkCalendar) {
  const dueOn = p.due_on as string;
  const deadline: PetitionDeadline = {
    startOn: p.clock_start_on ?? dueOn,
    baseDueOn: dueOn,
    dueOn,
    latestDueOn: dueOn,
    remindOn: p.remind_on as string,
    // No escalation day recorded: never escalated by the job.
    escalateOn: p.escalate_on ?? '9999-12-31',
    // Not read by clockStatus: the stored dates already carry the rule.
    rule: { resolveWorkingDays: 0, maxExtensionWorkingDays: 0, confirmed: false, basis: '' },
  };
  return clockStatus({ status: p.status as PetitionStatus, deadline, today, passedToNewCommittee: false }, cal);
}

/** The escalation is due from escalate_on, once per deadline (a deadline moved by an extension may escalate again). */
function escalationDue(p: Row, today: string): boolean {
  if (!p.escalate_on || today < p.escalate_on) return false;
  return p.escalated_on === null || p.escalated_on < p.escalate_on;
}

export async function planPetitionReminders(tx: Tx, today: string, cal: WorkCalendar): Promise<PetitionReminderPlan> {
  const rows = await repo.petitionsDue(tx, today);
  const bodies = [...new Set(rows.map((r) => r.body_path))];
  const [handlers, leaders] = await Promise.all([repo.roleHoldersAbove(tx, HANDLER_ROLES, bodies), repo.ubktLeadersAbove(tx, bodies)]);
  const notices: PlannedNotice[] = [];
  const escalations = new Map<string, Escalation>();

  for (const p of rows) {
    const clock = clockOf(p, today, cal);
    if (clock.state === 'stopped' || clock.state === 'passed_to_new_committee' || clock.state === 'on_track') continue;
    const due = p.due_on as string;
    const stage: Stage = clock.state === 'due_soon' ? (today === due ? 'due' : 'before') : 'overdue';
    const base = { scope_path: p.scope_path, link: petitionLink(p.id), secrecy: p.secrecy };
    const handling = nearest(p.body_path, handlers);
    for (const u of handling)
      notices.push({
        ...base,
        user_id: u,
        kind: `petition.${stage}`,
        ...petitionText(stage, p, Math.max(0, clock.workingDaysLeft ?? 0)),
        dedupe_key: dedupeKey('pet', p.id, stage, due),
      });
    if (clock.state === 'escalated' && escalationDue(p, today)) {
      const key = dedupeKey('pet', p.id, 'escalation', due);
      for (const u of nearest(p.body_path, leaders, true).filter((x) => !handling.includes(x)))
        notices.push({ ...base, user_id: u, kind: 'petition.escalation', ...petitionText('escalation', p, 0), dedupe_key: key });
      escalations.set(key, { id: p.id, code: p.code, scopePath: p.scope_path, dueOn: due, escalateOn: p.escalate_on as string });
    }
  }
  return { checked: rows.length, notices, escalations };
}

/**
 * The letters whose escalation reached someone: marked escalated, so the level above is told once, and each
 * escalation audited on the letter (what was reported and to how many, never to or about the sender).
 */
export async function markEscalated(
  tx: Tx,
  actor: Actor,
  plan: PetitionReminderPlan,
  delivered: readonly { dedupe_key: string }[],
  today: string,
): Promise<string[]> {
  const told = new Map<string, number>();
  for (const n of delivered) if (plan.escalations.has(n.dedupe_key)) told.set(n.dedupe_key, (told.get(n.dedupe_key) ?? 0) + 1);
  const marked = [...told].map(([key, notified]) => ({ ...(plan.escalations.get(key) as Escalation), notified }));
  await repo.markPetitionsEscalated(
    tx,
    marked.map((e) => e.id),
    today,
  );
  for (const e of marked)
    await appendAudit(tx, actor, {
      action: 'petition.escalate',
      entityType: 'petition',
      entityId: e.id,
      scopePath: e.scopePath,
      after: { escalatedOn: today },
      detail: { code: e.code, dueOn: e.dueOn, escalateOn: e.escalateOn, notified: e.notified },
    });
  return marked.map((e) => e.id);
}
