/**
 * Quiet hours (免打扰) in the rule's time zone: a daily window (it may wrap past midnight) and, by the
 * weekend policy, all of Saturday and Sunday. Pure: the instant is passed in.
 */
import { wallTimeAt } from '../../analysis/time/zone.js';
import type { EpochMs } from '../../domain/index.js';
import type { QuietHours } from './schema.js';

const MINUTE = 60_000;
const STEP = 15 * MINUTE;
/** Longest quiet stretch searched (a weekend plus two nights). */
const HORIZON = 4 * 24 * 60 * MINUTE;

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** True when `at` falls in the quiet hours. */
export function isQuiet(quiet: QuietHours, at: EpochMs): boolean {
  const wall = wallTimeAt(at, quiet.timeZone);
  if (quiet.weekends) {
    const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
    if (weekday === 0 || weekday === 6) return true;
  }
  const now = wall.hour * 60 + wall.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * The first whole minute after `at` that is not quiet: when a held alert goes out. Steps forward in
 * quarter hours, then narrows to the minute (quiet edges fall on whole minutes).
 */
export function quietUntil(quiet: QuietHours, at: EpochMs): EpochMs {
  const startMinute = Math.floor(at / MINUTE) * MINUTE;
  let lastQuiet = startMinute;
  let probe = startMinute + STEP;
  while (isQuiet(quiet, probe)) {
    lastQuiet = probe;
    probe += STEP;
    if (probe - startMinute > HORIZON) return probe;
  }
  let low = lastQuiet;
  let high = probe;
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / MINUTE / 2) * MINUTE;
    if (isQuiet(quiet, middle)) low = middle;
    else high = middle;
  }
  return high;
}
