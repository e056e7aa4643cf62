// When a decision takes effect, when its effect ends, and what it sets in motion (domain.md §4;
// Quy định 69-QĐ/TW; Điều lệ Đảng). Pure: no I/O; deadlines in working days via the recorded calendar.
import type { BodyType } from '../../../../common/cases.ts';
import { formatVnDate } from '../../../../common/dates.ts';
import { type DisciplineForm, type DisciplineTaskKind, TASK_KIND_LABELS } from '../../../../common/discipline.ts';
import { addWorkingDays, type WorkCalendar } from '../calendar/workdays.ts';
import { addYears } from './limitation.ts';

export type EffectConfig = {
  /** A chi bộ's reprimand or warning takes effect when announced (otherwise: when signed, like every other decision). */
  cellLightOnAnnouncement: boolean;
  /** Years after announcement at which a decision other than expulsion ends its effect. */
  effectYears: number;
  /** Days for the follow-up tasks. */
  followUpDays: number;
  /**
   * Whether those days are working days. The rules say "5 ngày"; the platform counts them as working days
   * (domain.md §10: deadlines in days skip days off, as the Party's guidance does for the complaint month),
   * so a decision on the eve of Tết does not fall due during the holiday. Configurable.
   */
  followUpWorkingDays: boolean;
};
export const EFFECT_DEFAULTS: EffectConfig = {
  cellLightOnAnnouncement: true,
  effectYears: 1,
  followUpDays: 5,
  followUpWorkingDays: true,
};

/**
 * The day the decision takes effect: a chi bộ's reprimand or warning when the result is announced, every
 * other decision when signed (configurable). Null while that event has not happened yet.
 */
export function effectiveOn(
  bodyType: BodyType,
  form: DisciplineForm,
  dates: { announcedOn: string | null; signedOn: string | null },
  config: EffectConfig = EFFECT_DEFAULTS,
): string | null {
  return takesEffectOnAnnouncement(bodyType, form, config) ? dates.announcedOn : dates.signedOn;
}

/** Whether the decision takes effect when announced (a chi bộ's reprimand or warning) rather than when signed. */
export function takesEffectOnAnnouncement(bodyType: BodyType, form: string, config: EffectConfig = EFFECT_DEFAULTS): boolean {
  return config.cellLightOnAnnouncement && bodyType === 'cell' && (form === 'reprimand' || form === 'warning');
}

/**
 * The day the effect ends: one year after the announcement (configurable), for every form but expulsion
 * (the member is no longer in the Party) and dissolution (the organisation no longer exists). The effect
 * only ends if the member has not complained, not reoffended and committed no new violation warranting
 * discipline — that is for the caller to check against the member's record.
 */
export function effectEndsOn(form: DisciplineForm, announcedOn: string, config: EffectConfig = EFFECT_DEFAULTS): string | null {
  if (form === 'expulsion' || form === 'dissolution') return null;
  return addYears(announcedOn, config.effectYears);
}

export type FollowUpTask = { kind: DisciplineTaskKind; title: string; dueOn: string; basis: string };

/**
 * What a decision sets in motion, due `followUpDays` (working) days after it: for a member, proposing the
 * matching administrative (state, Front, mass-organisation) discipline and notifying the party organisation
 * that manages the member; for an organisation, announcing the decision to it and its superior.
 */
export function followUpTasks(
  decidedOn: string,
  kind: 'member' | 'org',
  cal: WorkCalendar,
  config: EffectConfig = EFFECT_DEFAULTS,
): FollowUpTask[] {
  const n = config.followUpDays;
  const dueOn = config.followUpWorkingDays ? addWorkingDays(decidedOn, n, cal) : addCalendarDays(decidedOn, n);
  const unit = config.followUpWorkingDays ? 'ngày làm việc' : 'ngày';
  const basis = `Trong ${n} ${unit} kể từ ngày quyết định kỷ luật (${formatVnDate(decidedOn)}), hạn ${formatVnDate(dueOn)} (Quy định 69-QĐ/TW; domain.md §4).`;
  const kinds: DisciplineTaskKind[] = kind === 'member' ? ['administrative_discipline', 'notify_member_org'] : ['announce'];
  return kinds.map((k) => ({ kind: k, title: TASK_KIND_LABELS[k], dueOn, basis }));
}

function addCalendarDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
