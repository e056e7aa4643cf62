// Deadlines of petitions on the recorded work calendar, with the administrator's rules over the defaults of
// domain.md §5 (petition_deadline_rule: kind × level).
import { ORG_KINDS, type OrgKind } from '../../../../common/orgs.ts';
import { PETITION_KINDS, type PetitionKind } from '../../../../common/petitions.ts';
import type { Tx } from '../../db/context.ts';
import type { WorkCalendar } from '../../domain/calendar/workdays.ts';
import {
  PETITION_DEADLINE_DEFAULTS,
  type PetitionDeadline,
  type PetitionDeadlineConfig,
  petitionDeadline,
} from '../../domain/petitions/deadlines.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { CalendarService } from '../calendar/calendar.service.ts';

const SET_BY_ADMIN = 'Do quản trị viên thiết lập';

/** The defaults with every rule the administrator set. */
export async function deadlineConfig(tx: Tx): Promise<PetitionDeadlineConfig> {
  const rows = await tx.selectFrom('petition_deadline_rule').selectAll().execute();
  if (rows.length === 0) return PETITION_DEADLINE_DEFAULTS;
  const rules = Object.fromEntries(
    PETITION_KINDS.map((k) => [k, Object.fromEntries(ORG_KINDS.map((l) => [l, { ...PETITION_DEADLINE_DEFAULTS.rules[k][l] }]))]),
  ) as PetitionDeadlineConfig['rules'];
  for (const r of rows) {
    const rule = rules[r.kind as PetitionKind]?.[r.level as OrgKind];
    if (!rule) continue;
    rule.resolveWorkingDays = r.resolve_working_days;
    rule.maxExtensionWorkingDays = r.max_extension_working_days;
    rule.basis = `${SET_BY_ADMIN}. ${rule.basis}`;
  }
  return { ...PETITION_DEADLINE_DEFAULTS, rules };
}

export async function calendarFor(ctx: AppContext, tx: Tx, from: string, to?: string): Promise<WorkCalendar> {
  const first = Number(from.slice(0, 4));
  const last = Math.max(first + 2, to ? Number(to.slice(0, 4)) + 1 : 0);
  return new CalendarService(ctx).load(
    Array.from({ length: last - first + 1 }, (_, i) => first + i),
    tx,
  );
}

/**
 * The deadline of a letter handled by a body of level `level`, received (by the competent body) on `receivedOn`.
 * A caller that already read the rules, or a calendar covering `receivedOn` and the two years after, passes
 * them in `known` so they are not read again.
 */
export async function computeDeadline(
  ctx: AppContext,
  tx: Tx,
  input: { kind: PetitionKind; level: OrgKind; receivedOn: string; extensionWorkingDays?: number },
  known: { config?: PetitionDeadlineConfig; cal?: WorkCalendar } = {},
): Promise<PetitionDeadline> {
  const [config, cal] = await Promise.all([known.config ?? deadlineConfig(tx), known.cal ?? calendarFor(ctx, tx, input.receivedOn)]);
  return petitionDeadline(input, cal, config);
}
