/**
 * The year of a date printed without one (`12-31 23:00`, `5月3日`): the most recent such date that is
 * not in the future beyond a small tolerance, so on 2 January 2025 `12-31 23:00` is 31 December 2024 and
 * on 31 December `01-01 00:10` (a clock a little ahead) is the coming 1 January.
 */
import type { Clock } from './clock.js';
import { isValidWallTime, wallTimeAt, wallTimeToEpoch } from './zone.js';

/** How far in the future a year-less date may lie and still count as this year: one day. */
export const FUTURE_TOLERANCE_MS = 86_400_000;

/** A month, day and clock without a year. */
export interface YearlessDate {
  month: number;
  day: number;
  clock: Clock;
}

/**
 * The year to give `date` when read at `now` in `timeZone`, or null when no year in the last eight has
 * that day (e.g. 30 February). Eight years back covers 29 February.
 */
export function inferYear(date: YearlessDate, context: { now: number; timeZone: string }): number | null {
  const currentYear = wallTimeAt(context.now, context.timeZone).year;
  for (let year = currentYear + 1; year >= currentYear - 8; year -= 1) {
    const wall = { year, month: date.month, day: date.day, ...date.clock };
    if (!isValidWallTime(wall)) continue;
    if (wallTimeToEpoch(wall, context.timeZone) <= context.now + FUTURE_TOLERANCE_MS) return year;
  }
  return null;
}
