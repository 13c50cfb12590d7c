/**
 * When a deadline falls due and when to remind (pure), for the case services that register deadlines:
 * hour limits run through nights and weekends (首次权威发布 within 5 hours, a press conference within 24);
 * working-day limits count on the office calendar (a reply within 5 working days). The reminder comes at
 * the start of the last working day, or an hour before an hour limit (half the span when it is shorter).
 */
import { addHours, addWorkingDays, type WorkCalendar } from '../calendar/index.js';

/** A time limit as office rules write it. */
export type DeadlineSpan = { hours: number } | { workingDays: number };

/** The due and reminder times of a deadline. */
export interface DeadlineTimes {
  dueAt: number;
  remindAt: number;
}

const HOUR = 3_600_000;
/** How long before a 1-working-day deadline its reminder comes. */
const SINGLE_DAY_NOTICE = 4 * HOUR;

/** The due and reminder times of a limit counted from `start` on `calendar`. */
export function planDeadline(start: number, span: DeadlineSpan, calendar: WorkCalendar): DeadlineTimes {
  if ('hours' in span) {
    const dueAt = addHours(start, span.hours);
    return { dueAt, remindAt: dueAt - Math.min(HOUR, (dueAt - start) / 2) };
  }
  const dueAt = addWorkingDays(start, span.workingDays, calendar);
  const remindAt =
    span.workingDays >= 2 ? addWorkingDays(start, span.workingDays - 1, calendar) : dueAt - SINGLE_DAY_NOTICE;
  return { dueAt, remindAt };
}
