// SQL for the recorded official working calendar.
import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

export function yearsRecorded(tx: Tx, years: number[]) {
  return tx.selectFrom('work_calendar_year').selectAll().where('year', 'in', years).execute();
}

export function entriesOf(tx: Tx, years: number[]) {
  return tx.selectFrom('work_calendar_entry').selectAll().where('year', 'in', years).orderBy('day').execute();
}

/** Replaces a year's recorded schedule; false when someone else recorded it first (stale version). */
export async function replaceYear(
  tx: Tx,
  year: number,
  version: number,
  head: { replaces_defaults: boolean; decision_no: string | null; recorded_by: string | null },
  entries: { day: string; kind: string; name: string }[],
): Promise<boolean> {
  if (version === 0) {
    const r = await tx
      .insertInto('work_calendar_year')
      .values({ year, ...head })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows) !== 1) return false;
  } else {
    const r = await tx
      .updateTable('work_calendar_year')
      .set({ ...head, recorded_at: new Date(), version: sql`version + 1` })
      .where('year', '=', year)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
  }
  await tx.deleteFrom('work_calendar_entry').where('year', '=', year).execute();
  if (entries.length > 0)
    await tx
      .insertInto('work_calendar_entry')
      .values(entries.map((e) => ({ ...e, year })))
      .execute();
  return true;
}
