/**
 * Which slot of a report schedule is due (pure, issue 7). A schedule is a cron pattern (croner syntax) in a
 * time zone; the ticker asks, every few seconds, for the latest slot at or before now that has not run. A
 * slot missed while the server was down is still run when it is at most the catch-up window old (a server
 * restarted at 18:30 still sends the 17:00 daily), but an older one is skipped: nobody wants yesterday's
 * daily at nine the next morning, and the next slot produces a fresh report anyway.
 */
import { Cron } from 'croner';
import type { ReportSchedule } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';

/** Default cron patterns by report type; a work summary has no default schedule (made on demand). */
export const DEFAULT_REPORT_CRON: Readonly<Record<ReportSchedule['type'], string | null>> = {
  daily: '0 17 * * *',
  weekly: '0 9 * * 1',
  monthly: '0 9 1 * *',
  work_summary: null,
};

/** Missed slots older than this are skipped (6 hours). */
export const DEFAULT_CATCH_UP_MS = 6 * 3600_000;

/** The most slots walked in one call; a pattern firing every second over a 6-hour window stays under it. */
const MAX_SLOTS_WALKED = 100_000;

/** What the due computation reads of a schedule. */
export interface DueInput {
  cron: string;
  timeZone: string;
  /** The slot last run; null when the schedule never ran. */
  lastRunAt: number | null;
  /** When the schedule was created: slots before it never run. */
  createdAt?: number | null;
}

/**
 * The latest slot at or before `now` that is newer than `lastRunAt`, not before the schedule was created and
 * not older than `catchUpMs`; null when there is none. VALIDATION_FAILED for a pattern croner rejects.
 */
export function dueSlot(schedule: DueInput, now: number, catchUpMs = DEFAULT_CATCH_UP_MS): number | null {
  const cron = compile(schedule.cron, schedule.timeZone);
  const earliest = Math.max(now - catchUpMs, schedule.createdAt ?? -Infinity);
  // nextRun is strictly after its argument, so start just before the earliest allowed slot.
  let cursor = Math.max(earliest - 1, schedule.lastRunAt ?? -Infinity);
  let latest: number | null = null;
  for (let walked = 0; walked < MAX_SLOTS_WALKED; walked += 1) {
    const next = cron.nextRun(new Date(cursor))?.getTime();
    if (next === undefined || next > now) return latest;
    latest = next;
    cursor = next;
  }
  return latest;
}

/** The next slot strictly after `after`, or null when the pattern never fires again. */
export function nextSlot(cronPattern: string, timeZone: string, after: number): number | null {
  return compile(cronPattern, timeZone).nextRun(new Date(after))?.getTime() ?? null;
}

/** Checks a pattern and time zone the way the due computation reads them; VALIDATION_FAILED when invalid. */
export function validateSchedulePattern(cronPattern: string, timeZone: string): void {
  compile(cronPattern, timeZone);
}

function compile(pattern: string, timeZone: string): Cron {
  try {
    const cron = new Cron(pattern, { timezone: timeZone, paused: true });
    // croner checks the time zone only when it computes a run.
    cron.nextRun();
    return cron;
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `invalid report schedule "${pattern}" in ${timeZone}`, {
      cron: pattern,
      timeZone,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}
