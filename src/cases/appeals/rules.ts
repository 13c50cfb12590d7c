/**
 * The time rules of appeals, pure (time and calendar passed in): the reply deadline (5 working days by
 * default), one extension of at most 10 working days with a reason, and the 2 working days within which a
 * department may return a misrouted appeal. Working days are counted on the unit's calendar.
 */
import {
  APPEAL_MAX_EXTENSION_DAYS,
  APPEAL_REPLY_DAYS,
  APPEAL_RETURN_DAYS,
  type Appeal,
  type AppealDepartment,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import {
  addWorkingDays,
  localDateOf,
  startOfDate,
  workingDaysBetween,
  type WorkCalendar,
} from '../calendar/index.js';

/** The first instant of the last working day before `dueAt` (deadlines end at a day's end). */
function lastDayStart(dueAt: number, calendar: WorkCalendar): number {
  return startOfDate(localDateOf(dueAt - 1, calendar.timeZone), calendar.timeZone);
}

/** The reply deadline and its reminder of an appeal dispatched at `at`. */
export function replyDeadline(
  at: number,
  calendar: WorkCalendar,
  days: number = APPEAL_REPLY_DAYS,
): { dueAt: number; remindAt: number | null } {
  if (!Number.isInteger(days) || days < 1) {
    throw new AppError('BAD_REQUEST', 'a reply deadline is at least one working day', { days });
  }
  const dueAt = addWorkingDays(at, days, calendar);
  // the start of the last working day; a one-day deadline has no room for a reminder
  return { dueAt, remindAt: days > 1 ? lastDayStart(dueAt, calendar) : null };
}

/**
 * The new deadline after extending `appeal` by `days` working days (after its current deadline). Refused
 * when it was extended before (APPEAL_EXTENSION_REFUSED), when `days` is outside 1…10 or without a reason.
 */
export function extendedDeadline(
  appeal: Pick<Appeal, 'dueAt' | 'extensionDays'>,
  days: number,
  reason: string,
  calendar: WorkCalendar,
): { dueAt: number; remindAt: number } {
  if (appeal.extensionDays !== null) {
    throw new AppError('APPEAL_EXTENSION_REFUSED', 'an appeal may be extended only once', {
      extensionDays: appeal.extensionDays,
    });
  }
  if (!Number.isInteger(days) || days < 1 || days > APPEAL_MAX_EXTENSION_DAYS) {
    throw new AppError(
      'APPEAL_EXTENSION_REFUSED',
      `an extension is 1 to ${APPEAL_MAX_EXTENSION_DAYS} working days`,
      { days, max: APPEAL_MAX_EXTENSION_DAYS },
    );
  }
  if (reason.trim().length === 0) {
    throw new AppError('APPEAL_EXTENSION_REFUSED', 'an extension needs a reason', {});
  }
  if (appeal.dueAt === null) throw new AppError('INTERNAL', 'a dispatched appeal has no deadline');
  // the current deadline is the first instant after its last working day
  const lastDay = appeal.dueAt - 1;
  const dueAt = addWorkingDays(lastDay, days, calendar);
  return { dueAt, remindAt: lastDayStart(dueAt, calendar) };
}

/** The end of the window in which a department may return an appeal dispatched at `dispatchedAt`. */
export function returnWindowEnd(dispatchedAt: number, calendar: WorkCalendar): number {
  return addWorkingDays(dispatchedAt, APPEAL_RETURN_DAYS, calendar);
}

/** Throws APPEAL_RETURN_TOO_LATE when `now` is past the return window of an appeal dispatched then. */
export function requireReturnAllowed(dispatchedAt: number, now: number, calendar: WorkCalendar): void {
  const end = returnWindowEnd(dispatchedAt, calendar);
  if (now >= end) {
    throw new AppError(
      'APPEAL_RETURN_TOO_LATE',
      `a misrouted appeal must be returned within ${APPEAL_RETURN_DAYS} working days of dispatch`,
      { dispatchedAt, windowEnd: end },
    );
  }
}

/** Working days from receipt to reply and whether the reply met the deadline. */
export function replyFigures(
  appeal: Pick<Appeal, 'receivedAt' | 'dueAt'>,
  repliedAt: number,
  calendar: WorkCalendar,
): { handlingDays: number; onTime: boolean } {
  return {
    handlingDays: workingDaysBetween(appeal.receivedAt, repliedAt, calendar),
    onTime: appeal.dueAt === null || repliedAt <= appeal.dueAt,
  };
}

/** The enabled departments that handle `category`, in list order (the console suggests the first). */
export function departmentsFor(
  departments: readonly AppealDepartment[],
  category: string | null,
): AppealDepartment[] {
  if (category === null) return [];
  return departments.filter((department) => department.enabled && department.categories.includes(category));
}
