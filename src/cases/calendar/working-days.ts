/**
 * Working days (工作日) for case deadlines: Saturdays and Sundays are off unless the office lists them as
 * make-up working days (调休上班); listed holidays (法定节假日) are off even on weekdays. Dates are calendar
 * dates in the office's time zone. A deadline of N working days after an event ends at the end of the Nth
 * working day after the day it happened (the day of receipt does not count), the way offices count 办理时限.
 */
import { wallTimeAt, wallTimeToEpoch } from '../../analysis/time/zone.js';

/** An office's working-day calendar. */
export interface WorkCalendar {
  timeZone: string;
  /** Holidays as `YYYY-MM-DD`: off even when they fall on a weekday. */
  holidays: ReadonlySet<string>;
  /** Make-up working days as `YYYY-MM-DD`: worked even when they fall on a weekend. */
  workdays: ReadonlySet<string>;
}

/** A calendar with weekends off and no holidays, in `timeZone`. */
export function plainCalendar(timeZone: string): WorkCalendar {
  return { timeZone, holidays: new Set(), workdays: new Set() };
}

const DAY_MS = 86_400_000;

/** The date `YYYY-MM-DD` of `epochMs` in the calendar's zone. */
export function localDateOf(epochMs: number, timeZone: string): string {
  const wall = wallTimeAt(epochMs, timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

/** The date after `date` (both `YYYY-MM-DD`). */
export function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const next = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + 1));
  return next.toISOString().slice(0, 10);
}

/** Whether `date` (`YYYY-MM-DD`) is a working day of the calendar. */
export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first instant of `date` (`YYYY-MM-DD`) in the zone. */
export function startOfDate(date: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return wallTimeToEpoch(
    { year: year ?? 1970, month: month ?? 1, day: day ?? 1, hour: 0, minute: 0, second: 0, millisecond: 0 },
    timeZone,
  );
}

/**
 * The deadline `days` working days after `start`: the end (the next day's first instant) of the `days`-th
 * working day after the day `start` falls on. `days` ≥ 1.
 */
export function addWorkingDays(start: number, days: number, calendar: WorkCalendar): number {
  let date = localDateOf(start, calendar.timeZone);
  let counted = 0;
  while (counted < days) {
    date = nextDate(date);
    if (isWorkingDay(date, calendar)) counted += 1;
  }
  return startOfDate(nextDate(date), calendar.timeZone);
}

/** Working days strictly after the day of `from` up to and including the day of `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: number, to: number, calendar: WorkCalendar): number {
  if (to <= from) return 0;
  const last = localDateOf(to, calendar.timeZone);
  let date = localDateOf(from, calendar.timeZone);
  let count = 0;
  for (let guard = 0; date < last && guard < 3660; guard++) {
    date = nextDate(date);
    if (isWorkingDay(date, calendar)) count += 1;
  }
  return count;
}

/** `start` plus `hours` calendar hours (deadlines such as "within 5 hours" run through nights and weekends). */
export function addHours(start: number, hours: number): number {
  return start + hours * 3_600_000;
}

/** Whole days, for callers that count calendar days. */
export const CALENDAR_DAY_MS = DAY_MS;
