/**
 * Wall-clock time in an IANA time zone, computed with Intl.DateTimeFormat so that daylight saving time is
 * right for every zone the runtime knows.
 */

/** A calendar date and clock time as people in one place read it, without a zone. */
export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  const created = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  formatters.set(timeZone, created);
  return created;
}

/** True when the runtime knows `timeZone` as an IANA zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of the instant `epochMs` in `timeZone`. Throws RangeError for an unknown zone. */
export function wallTimeAt(epochMs: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const read = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? '0');
  return {
    year: read('year'),
    month: read('month'),
    day: read('day'),
    hour: read('hour'),
    minute: read('minute'),
    second: read('second'),
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

/** Milliseconds as if the wall time were UTC; the difference to the real instant is the zone offset. */
export function wallTimeAsUtc(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return date.getTime();
}

/** The offset of `timeZone` from UTC at the instant `epochMs`, in milliseconds (Shanghai: +8 h). */
export function zoneOffsetAt(epochMs: number, timeZone: string): number {
  return wallTimeAsUtc(wallTimeAt(epochMs, timeZone)) - epochMs;
}

/**
 * The instant at which clocks in `timeZone` show `wall`. In the hour skipped when clocks go forward the
 * earlier offset is used (02:30 on a spring-forward night reads as 03:30); in the hour repeated when clocks
 * go back the first of the two instants is chosen.
 */
export function wallTimeToEpoch(wall: WallTime, timeZone: string): number {
  const asUtc = wallTimeAsUtc(wall);
  const offsetBefore = zoneOffsetAt(asUtc - 86_400_000, timeZone);
  const offsetAfter = zoneOffsetAt(asUtc + 86_400_000, timeZone);
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter].filter(
    (epoch) => zoneOffsetAt(epoch, timeZone) === asUtc - epoch,
  );
  const earliest = Math.min(...candidates);
  return Number.isFinite(earliest) ? earliest : asUtc - offsetBefore;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when every field of `wall` lies in its range and the day exists in that month. */
export function isValidWallTime(wall: WallTime): boolean {
  return (
    Number.isInteger(wall.year) &&
    wall.year >= 1970 &&
    wall.year <= 9999 &&
    wall.month >= 1 &&
    wall.month <= 12 &&
    wall.day >= 1 &&
    wall.day <= daysInMonth(wall.year, wall.month) &&
    wall.hour >= 0 &&
    wall.hour <= 23 &&
    wall.minute >= 0 &&
    wall.minute <= 59 &&
    wall.second >= 0 &&
    wall.second <= 59 &&
    wall.millisecond >= 0 &&
    wall.millisecond <= 999
  );
}
