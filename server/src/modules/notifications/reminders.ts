// The reminder job (domain.md §3: "overdue steps are warned before they fall due and escalated when
// they pass"; issue #4 point 5: "reminders reach the owner in the app"). One run looks at open
// remediation items and open case steps due within the warning window and sends, once each:
// - to a remediation item's owner user: a warning `warnDays` working days ahead, a notice on the day,
//   an overdue notice; after the due date an escalation to the case's creator and team leader and to
//   the body's UBKT leaders;
// - to a step's case creator and team members who are users: the same three; after the due date an
//   escalation to the body's UBKT leaders.
// - petitions (modules/petitions/petition-reminders.ts): to the handlers a warning from the letter's
//   reminder day, a notice on the day, an overdue notice; from its escalation day, once, an escalation to
//   the UBKT leaders of the level above.
// Idempotent: each notice has a dedupe key (unique per user), so running twice sends nothing new.
import { type CaseKind, type StepCode, stepLabel } from '../../../../common/cases.ts';
import type { ReminderRun } from '../../../../common/notifications.ts';
import { DUE_SOON_WORKING_DAYS } from '../../../../common/remediation.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { addWorkingDays, type WorkCalendar, workingDaysBetween } from '../../domain/calendar/workdays.ts';
import { isWithin, systemActor } from '../../platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit, ROOT_PATH } from '../../platform/audit/audit.ts';
import { CalendarService } from '../calendar/calendar.service.ts';
import { markEscalated, planPetitionReminders } from '../petitions/petition-reminders.ts';
import { dedupeKey, remediationText, type Stage, stageOf, stepText } from './reminder-plan.ts';
import * as repo from './reminders.repository.ts';

export interface ReminderOptions {
  /** Working days of warning before a deadline (default 5; KTGS_REMINDER_WARN_DAYS). */
  warnDays?: number;
  /** Who is recorded in the audit entry (the scheduler or the command line). */
  actorLabel?: string;
}

/** KTGS_REMINDER_WARN_DAYS: a whole number of working days, 0–30. */
export function warnDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KTGS_REMINDER_WARN_DAYS;
  if (raw === undefined || raw === '') return DUE_SOON_WORKING_DAYS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 30) throw new Error(`KTGS_REMINDER_WARN_DAYS phải là số nguyên từ 0 đến 30 (đang là "${raw}").`);
  return n;
}

const caseLink = (caseId: string) => `/kiem-tra-giam-sat/cuoc/${caseId}`;

/** The UBKT leaders nearest the body: on its own organisation, else on the closest level above holding any. */
function nearestLeaders(bodyPath: string, leaders: { user_id: string; path: string }[]): string[] {
  const above = leaders.filter((l) => isWithin(bodyPath, l.path));
  if (above.length === 0) return [];
  const nearest = Math.max(...above.map((l) => l.path.length));
  return above.filter((l) => l.path.length === nearest).map((l) => l.user_id);
}

export async function runReminders(ctx: AppContext, today: string, opts: ReminderOptions = {}): Promise<ReminderRun> {
  const warnDays = opts.warnDays ?? DUE_SOON_WORKING_DAYS;
  const y = Number(today.slice(0, 4));
  const cal = await new CalendarService(ctx).load([y - 1, y, y + 1]);
  const until = addWorkingDays(today, warnDays, cal);
  const actor = systemActor(null, opts.actorLabel ?? 'Nhắc việc tự động');
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const [items, steps] = await Promise.all([repo.remediationDue(tx, until), repo.stepsDue(tx, until)]);
    const petitions = await planPetitionReminders(tx, today, cal);
    const notices = await deliverable(tx, [...(await plan(tx, today, warnDays, cal, items, steps)), ...petitions.notices]);
    const created = await repo.insertNotices(tx, notices);
    const escalated = await markEscalated(tx, actor, petitions, notices, today);
    const byKind: Record<string, number> = {};
    for (const k of created) byKind[k] = (byKind[k] ?? 0) + 1;
    const result: ReminderRun = {
      today,
      warnDays,
      remediationChecked: items.length,
      stepsChecked: steps.length,
      petitionsChecked: petitions.checked,
      petitionsEscalated: escalated.length,
      created: created.length,
      byKind,
    };
    // A run that wrote nothing is not a write: an hourly job would otherwise add 8,760 empty entries a year.
    if (created.length > 0 || escalated.length > 0) {
      await appendAudit(tx, actor, {
        action: 'reminders.run',
        scopePath: ROOT_PATH,
        detail: { ...result },
      });
    }
    return result;
  });
}

type Items = Awaited<ReturnType<typeof repo.remediationDue>>;
type Steps = Awaited<ReturnType<typeof repo.stepsDue>>;

type Wanted = repo.NewNotice & { secrecy: number };

async function plan(tx: Tx, today: string, warnDays: number, cal: WorkCalendar, items: Items, steps: Steps): Promise<Wanted[]> {
  const caseIds = [...new Set([...items.map((i) => i.case_id), ...steps.map((s) => s.case_id)])];
  const overdueBodies = [
    ...new Set([
      ...items.filter((i) => i.due_on < today).map((i) => i.body_path),
      ...steps.filter((s) => s.due_on! < today).map((s) => s.body_path),
    ]),
  ];
  const [team, leaders] = await Promise.all([repo.teamUsers(tx, caseIds), repo.ubktLeadersAbove(tx, overdueBodies)]);
  const teamOf = new Map<string, { user_id: string; role: string }[]>();
  for (const t of team) teamOf.set(t.case_id, [...(teamOf.get(t.case_id) ?? []), { user_id: t.user_id as string, role: t.role }]);

  const wanted: Wanted[] = [];
  const push = (users: (string | null)[], n: Omit<repo.NewNotice, 'user_id'> & { secrecy: number }) => {
    for (const u of new Set(users)) if (u) wanted.push({ ...n, user_id: u });
  };

  for (const i of items) {
    const stage = stageOf(today, i.due_on, warnDays, cal);
    if (!stage) continue;
    const subject = {
      caseCode: i.case_code,
      caseSubject: i.case_subject,
      secrecy: i.secrecy,
      requirement: i.requirement,
      ownerName: i.owner_name,
      dueOn: i.due_on,
    };
    const left = Math.max(0, workingDaysBetween(today, i.due_on, cal));
    const base = { scope_path: i.scope_path, link: caseLink(i.case_id), secrecy: i.secrecy };
    push([i.owner_user_id], {
      ...base,
      kind: `remediation.${stage}`,
      ...remediationText(stage, { ...subject, workingDaysLeft: left }),
      dedupe_key: dedupeKey('rem', i.id, stage, i.due_on),
    });
    if (stage === 'overdue') {
      const leadersOfTeam = (teamOf.get(i.case_id) ?? []).filter((t) => t.role === 'leader').map((t) => t.user_id);
      const escalate = [i.case_created_by, ...leadersOfTeam, ...nearestLeaders(i.body_path, leaders)].filter((u) => u !== i.owner_user_id);
      push(escalate, {
        ...base,
        kind: 'remediation.escalation',
        ...remediationText('escalation', { ...subject, workingDaysLeft: 0 }),
        dedupe_key: dedupeKey('rem', i.id, 'escalation', i.due_on),
      });
    }
  }

  for (const s of steps) {
    const due = s.due_on as string;
    const stage: Stage | null = stageOf(today, due, warnDays, cal);
    if (!stage) continue;
    const subject = {
      caseCode: s.case_code,
      caseSubject: s.case_subject,
      secrecy: s.secrecy,
      stepLabel: stepLabel(s.kind as CaseKind, s.step as StepCode),
      dueOn: due,
    };
    const base = { scope_path: s.scope_path, link: caseLink(s.case_id), secrecy: s.secrecy };
    const workers = [s.case_created_by, ...(teamOf.get(s.case_id) ?? []).map((t) => t.user_id)];
    push(workers, {
      ...base,
      kind: `step.${stage}`,
      ...stepText(stage, { ...subject, workingDaysLeft: Math.max(0, workingDaysBetween(today, due, cal)) }),
      dedupe_key: dedupeKey('step', s.id, stage, due),
    });
    if (stage === 'overdue') {
      push(
        nearestLeaders(s.body_path, leaders).filter((u) => !workers.includes(u)),
        {
          ...base,
          kind: 'step.escalation',
          ...stepText('escalation', { ...subject, workingDaysLeft: 0 }),
          dedupe_key: dedupeKey('step', s.id, 'escalation', due),
        },
      );
    }
  }

  return wanted;
}

/** Nobody is told about a record marked above their clearance, nor through a disabled account; once per key. */
async function deliverable(tx: Tx, wanted: Wanted[]): Promise<repo.NewNotice[]> {
  const users = new Map((await repo.usersByIds(tx, [...new Set(wanted.map((w) => w.user_id))])).map((u) => [u.id, u.clearance]));
  const seen = new Set<string>();
  return wanted
    .filter((w) => {
      const clearance = users.get(w.user_id);
      const key = `${w.user_id}|${w.dedupe_key}`;
      if (clearance === undefined || clearance < w.secrecy || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ secrecy: _s, ...n }) => n);
}
