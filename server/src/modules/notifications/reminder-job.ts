// Runs the reminder job inside the server: once at start, then every hour. The timer does not keep
// the process alive (unref), runs never overlap, and stop() waits for a run under way so the database
// closes after it. Errors are logged by kind and message only, never with the records' content.
import { todayInVietnam } from '../../../../common/dates.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { runReminders } from './reminders.ts';

export interface ReminderJob {
  /** Starts a run now unless one is under way; resolves when it ends. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export type JobLog = (level: 'info' | 'error', fields: Record<string, unknown>, message: string) => void;

export const HOUR_MS = 60 * 60 * 1000;

export function startReminderJob(ctx: AppContext, opts: { warnDays: number; intervalMs?: number; log: JobLog }): ReminderJob {
  let running: Promise<void> | null = null;
  let stopped = false;
  const runNow = () => {
    if (stopped) return Promise.resolve();
    running ??= (async () => {
      try {
        const r = await runReminders(ctx, todayInVietnam(), { warnDays: opts.warnDays });
        opts.log(
          'info',
          {
            job: 'reminders',
            created: r.created,
            remediationChecked: r.remediationChecked,
            stepsChecked: r.stepsChecked,
            petitionsChecked: r.petitionsChecked,
            petitionsEscalated: r.petitionsEscalated,
          },
          'reminders run',
        );
      } catch (e) {
        const err = e as { name?: string; code?: string; message?: string };
        opts.log(
          'error',
          { job: 'reminders', err: err.name, code: err.code, message: String(err.message ?? '').slice(0, 200) },
          'reminders run failed',
        );
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const first = setTimeout(() => void runNow(), 0);
  first.unref();
  const timer = setInterval(() => void runNow(), opts.intervalMs ?? HOUR_MS);
  timer.unref();
  return {
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
