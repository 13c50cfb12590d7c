/**
 * Report periods in the unit's time zone (issue 7). A daily report for date D covers the day before at the
 * cutoff (17:00 by default) up to D at the cutoff, so the report generated at 17:00 misses nothing since the
 * last one; a cutoff of 00:00 makes it the calendar day. Weeks start on Monday unless the office says
 * otherwise; months and years are calendar months and years. All periods are `from` inclusive, `to` exclusive.
 */
import { wallTimeAt, wallTimeToEpoch } from '../analysis/time/zone.js';
import type { ReportPeriod, ReportSettings, ReportType } from '../domain/index.js';
import { AppError } from '../platform/errors.js';

/** How a unit cuts its periods. */
export interface PeriodSettings {
  timeZone: string;
  /** "HH:MM": the daily report's cutoff. */
  dailyCutoff: string;
  /** 1 = Monday … 7 = Sunday. */
  weekStartsOn: number;
}

/** Report types with a period of their own (a special report follows its event). */
export type PeriodicType = Exclude<ReportType, 'special'>;

/** The built-in conventions: 17:00 cutoff, weeks from Monday. */
export const DEFAULT_DAILY_CUTOFF = '17:00';
/** Monday. */
export const DEFAULT_WEEK_START = 1;

/** A unit's saved settings, or the defaults in `timeZone` when it never saved any. */
export function settingsOrDefault(
  saved: ReportSettings | null,
  unitId: string,
  timeZone: string,
): ReportSettings {
  return (
    saved ?? {
      unitId,
      dailyCutoff: DEFAULT_DAILY_CUTOFF,
      weekStartsOn: DEFAULT_WEEK_START,
      timeZone,
      templates: {},
      updatedAt: 0,
    }
  );
}

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CUTOFF_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses `YYYY-MM-DD`; VALIDATION_FAILED naming `field` when it is not a real date. */
export function parseDate(text: string, field = 'date'): CivilDate {
  const match = DATE_PATTERN.exec(text);
  const date = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
  if (date === null || formatDate(shiftDays(date, 0)) !== text) {
    throw new AppError('VALIDATION_FAILED', `${field} must be a date written YYYY-MM-DD, got "${text}"`, {
      field,
    });
  }
  return date;
}

function parseCutoff(text: string): { hour: number; minute: number } {
  const match = CUTOFF_PATTERN.exec(text);
  if (!match) {
    throw new AppError('VALIDATION_FAILED', `dailyCutoff must be HH:MM, got "${text}"`, {
      field: 'dailyCutoff',
    });
  }
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function formatDate(date: CivilDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function shiftDays(date: CivilDate, days: number): CivilDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** ISO weekday of a civil date, 1 = Monday … 7 = Sunday. */
function weekdayOf(date: CivilDate): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

function instant(date: CivilDate, timeZone: string, hour = 0, minute = 0): number {
  return wallTimeToEpoch({ ...date, hour, minute, second: 0, millisecond: 0 }, timeZone);
}

/** The local date `YYYY-MM-DD` of `at` in `timeZone`. */
export function localDate(at: number, timeZone: string): string {
  const wall = wallTimeAt(at, timeZone);
  return formatDate(wall);
}

function chineseDate(date: CivilDate): string {
  return `${date.year}年${date.month}月${date.day}日`;
}

function dailyPeriod(date: CivilDate, settings: PeriodSettings): ReportPeriod {
  const cutoff = parseCutoff(settings.dailyCutoff);
  const midnight = cutoff.hour === 0 && cutoff.minute === 0;
  const start = midnight ? date : shiftDays(date, -1);
  const end = midnight ? shiftDays(date, 1) : date;
  return {
    from: instant(start, settings.timeZone, cutoff.hour, cutoff.minute),
    to: instant(end, settings.timeZone, cutoff.hour, cutoff.minute),
    label: midnight
      ? chineseDate(date)
      : `${chineseDate(date)}（${start.month}月${start.day}日${settings.dailyCutoff}至${date.month}月${date.day}日${settings.dailyCutoff}）`,
    timeZone: settings.timeZone,
  };
}

/** Week number of the year: the week holding the year's first week-start day is week 1. */
function weekNumber(weekStart: CivilDate, weekStartsOn: number): number {
  let first: CivilDate = { year: weekStart.year, month: 1, day: 1 };
  while (weekdayOf(first) !== weekStartsOn) first = shiftDays(first, 1);
  const days =
    (Date.UTC(weekStart.year, weekStart.month - 1, weekStart.day) - Date.UTC(first.year, 0, first.day)) /
    86_400_000;
  return Math.floor(days / 7) + 1;
}

function weeklyPeriod(date: CivilDate, settings: PeriodSettings): ReportPeriod {
  if (!Number.isInteger(settings.weekStartsOn) || settings.weekStartsOn < 1 || settings.weekStartsOn > 7) {
    throw new AppError('VALIDATION_FAILED', 'weekStartsOn must be 1 (Monday) to 7 (Sunday)', {
      field: 'weekStartsOn',
    });
  }
  const back = (weekdayOf(date) - settings.weekStartsOn + 7) % 7;
  const start = shiftDays(date, -back);
  const last = shiftDays(start, 6);
  return {
    from: instant(start, settings.timeZone),
    to: instant(shiftDays(start, 7), settings.timeZone),
    label: `${start.year}年第${weekNumber(start, settings.weekStartsOn)}周（${start.month}月${start.day}日—${last.month}月${last.day}日）`,
    timeZone: settings.timeZone,
  };
}

function monthlyPeriod(date: CivilDate, settings: PeriodSettings): ReportPeriod {
  const start = { year: date.year, month: date.month, day: 1 };
  const next =
    date.month === 12 ? { year: date.year + 1, month: 1, day: 1 } : { ...start, month: date.month + 1 };
  return {
    from: instant(start, settings.timeZone),
    to: instant(next, settings.timeZone),
    label: `${date.year}年${date.month}月`,
    timeZone: settings.timeZone,
  };
}

function yearlyPeriod(date: CivilDate, settings: PeriodSettings): ReportPeriod {
  return {
    from: instant({ year: date.year, month: 1, day: 1 }, settings.timeZone),
    to: instant({ year: date.year + 1, month: 1, day: 1 }, settings.timeZone),
    label: `${date.year}年度`,
    timeZone: settings.timeZone,
  };
}

/** The period of a report of `type` for the local date `date` (`YYYY-MM-DD`). */
export function periodOf(type: PeriodicType, date: string, settings: PeriodSettings): ReportPeriod {
  const civil = parseDate(date);
  switch (type) {
    case 'daily':
      return dailyPeriod(civil, settings);
    case 'weekly':
      return weeklyPeriod(civil, settings);
    case 'monthly':
      return monthlyPeriod(civil, settings);
    case 'work_summary':
      return yearlyPeriod(civil, settings);
  }
}

/** A period of whole local dates, `from` to `to` inclusive (a work summary of a half year, a special span). */
export function customPeriod(from: string, to: string, timeZone: string): ReportPeriod {
  const start = parseDate(from, 'from');
  const end = parseDate(to, 'to');
  if (to < from) {
    throw new AppError('VALIDATION_FAILED', `to (${to}) is before from (${from})`, { field: 'to' });
  }
  return {
    from: instant(start, timeZone),
    to: instant(shiftDays(end, 1), timeZone),
    label: from === to ? chineseDate(start) : `${chineseDate(start)}至${chineseDate(end)}`,
    timeZone,
  };
}

/** The period just before `period` of the same type (for the change figures). */
export function previousPeriod(
  type: PeriodicType,
  period: ReportPeriod,
  settings: PeriodSettings,
): ReportPeriod {
  if (type === 'daily') {
    const length = period.to - period.from;
    return { from: period.from - length, to: period.from, label: '前一日', timeZone: period.timeZone };
  }
  const lastDay = localDate(period.from - 1, settings.timeZone);
  return periodOf(type, lastDay, settings);
}

/**
 * The period a scheduled run at `slotAt` reports on: the last complete period that ended at or before the
 * slot. A daily run at 17:00 with the 17:00 cutoff reports on that day; a Monday 09:00 weekly run on the week
 * just ended. Set the daily cutoff to the schedule's time, or the run reports on the day before.
 */
export function scheduledPeriod(type: PeriodicType, slotAt: number, settings: PeriodSettings): ReportPeriod {
  const current = periodOf(type, localDate(slotAt, settings.timeZone), settings);
  if (current.to <= slotAt) return current;
  return previousComplete(type, current, settings);
}

function previousComplete(type: PeriodicType, current: ReportPeriod, settings: PeriodSettings): ReportPeriod {
  if (type !== 'daily') return periodOf(type, localDate(current.from - 1, settings.timeZone), settings);
  const cutoff = parseCutoff(settings.dailyCutoff);
  const midnight = cutoff.hour === 0 && cutoff.minute === 0;
  // A daily period's date is the local date of its end (cutoff) or of its start (midnight).
  const date = localDate(midnight ? current.from - 1 : current.from, settings.timeZone);
  return periodOf('daily', date, settings);
}
