/**
 * A date found in text before it becomes an instant: the year may be missing (inferred from now), the
 * clock may be missing (midnight) and the zone may be missing (the caller's time zone).
 */
import type { Clock } from './clock.js';
import { inferYear } from './infer-year.js';
import { isValidWallTime, wallTimeAsUtc, wallTimeToEpoch, type WallTime } from './zone.js';

/** Context every parse needs: the present instant and the IANA zone of zone-less times. */
export interface TimeContext {
  /** The present, epoch milliseconds. */
  now: number;
  /** IANA time zone name, e.g. `Asia/Shanghai`. */
  timeZone: string;
}

/** A date read from text, with the parts the text did not say left null. */
export interface DateReading {
  year: number | null;
  month: number;
  day: number;
  clock: Clock | null;
  /** Minutes east of UTC when the text named a zone. */
  offsetMinutes: number | null;
}

const MIDNIGHT: Clock = { hour: 0, minute: 0, second: 0, millisecond: 0 };

function wallTimeOf(reading: DateReading, year: number): WallTime {
  const clock = reading.clock ?? MIDNIGHT;
  return { year, month: reading.month, day: reading.day, ...clock };
}

/** The instant a reading names, or null when it names no real date (31 February, month 13, …). */
export function resolveReading(reading: DateReading, context: TimeContext): number | null {
  const year =
    reading.year ??
    inferYear({ month: reading.month, day: reading.day, clock: reading.clock ?? MIDNIGHT }, context);
  if (year === null) return null;
  const wall = wallTimeOf(reading, year);
  if (!isValidWallTime(wall)) return null;
  if (reading.offsetMinutes !== null) return wallTimeAsUtc(wall) - reading.offsetMinutes * 60_000;
  return wallTimeToEpoch(wall, context.timeZone);
}
