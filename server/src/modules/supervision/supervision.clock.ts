// The clock the supervision rules read "today" from (submission windows, due dates, late marks).
// One seam so that tests can stand on a chosen day of the reporting calendar.
export const supervisionClock = {
  now: (): Date => new Date(),
};
