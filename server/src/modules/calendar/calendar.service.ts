// The working calendar every deadline uses (domain.md §10): holidays computed by the Labour Code, and
// the official schedule an administrator records from the Government's notice, which wins.
import type { CalendarRecord, CalendarYear } from '../../../../common/calendar.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { defaultHolidays } from '../../domain/calendar/holidays.ts';
import { addWorkingDays, type WorkCalendar } from '../../domain/calendar/workdays.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { requireScope, SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit, ROOT_PATH } from '../../platform/audit/audit.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import * as repo from './calendar.repository.ts';

export class CalendarService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  /** The calendar for the given years, as the domain's working-day arithmetic takes it. */
  async load(years: number[], tx?: Tx): Promise<WorkCalendar> {
    const run = async (t: Tx): Promise<WorkCalendar> => {
      const [heads, entries] = await Promise.all([repo.yearsRecorded(t, years), repo.entriesOf(t, years)]);
      return {
        daysOff: entries.filter((e) => e.kind === 'day_off').map((e) => e.day),
        workingDays: entries.filter((e) => e.kind === 'working_day').map((e) => e.day),
        replacesDefaultsForYears: heads.filter((h) => h.replaces_defaults).map((h) => h.year),
      };
    };
    // The calendar is national and public: read in the system scope, whoever asks.
    return tx ? run(tx) : inTransaction(this.ctx.database.db, SYSTEM_SCOPE, run);
  }

  async year(year: number): Promise<CalendarYear> {
    return inTransaction(this.ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      const [head] = await repo.yearsRecorded(tx, [year]);
      const entries = await repo.entriesOf(tx, [year]);
      const recordedDays = new Set(entries.map((e) => e.day));
      const defaults = head?.replaces_defaults ? [] : defaultHolidays(year).filter((h) => !recordedDays.has(h.date));
      const days = [
        ...defaults.map((h) => ({ date: h.date, kind: h.kind, name: h.name, source: 'default' as const })),
        ...entries.map((e) => ({ date: e.day, kind: e.kind as 'day_off' | 'working_day', name: e.name, source: 'recorded' as const })),
      ].sort((a, b) => (a.date < b.date ? -1 : 1));
      return {
        year,
        recorded: Boolean(head),
        replacesDefaults: head?.replaces_defaults ?? false,
        decisionNo: head?.decision_no ?? null,
        version: head?.version ?? 0,
        days,
      };
    });
  }

  /** Records a year's official schedule: a national decision, so only an administrator of the whole tree. */
  async record(actor: Actor, year: number, input: CalendarRecord & { decisionNo: string | null }): Promise<CalendarYear> {
    const scope = requireScope(actor, 'calendar.write');
    if (!scope.system && !scope.paths.includes(ROOT_PATH))
      throw forbidden('Chỉ quản trị viên cấp Trung ương ghi nhận lịch nghỉ chính thức.');
    input.entries.forEach((e, i) => {
      if (Number(e.date.slice(0, 4)) !== year) throw invalid(`entries.${i}.date`, `Ngày ${e.date} không thuộc năm ${year}.`);
    });
    if (new Set(input.entries.map((e) => e.date)).size !== input.entries.length) throw invalid('entries', 'Một ngày được ghi hai lần.');
    const before = await this.year(year);
    await inTransaction(this.ctx.database.db, scope, async (tx) => {
      const ok = await repo.replaceYear(
        tx,
        year,
        input.version,
        { replaces_defaults: input.replacesDefaults, decision_no: input.decisionNo, recorded_by: actor.userId },
        input.entries.map((e) => ({ day: e.date, kind: e.kind, name: e.name.normalize('NFC') })),
      );
      if (!ok) throw conflict();
      await appendAudit(tx, actor, {
        action: 'calendar.record',
        entityType: 'work_calendar_year',
        entityId: String(year),
        scopePath: ROOT_PATH,
        before,
        after: input,
      });
    });
    return this.year(year);
  }

  async addWorkingDays(from: string, days: number): Promise<string> {
    const y = Number(from.slice(0, 4));
    const cal = await this.load([y, y + 1, y + 2]);
    return addWorkingDays(from, days, cal);
  }
}
