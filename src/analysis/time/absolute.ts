/**
 * Absolute dates, most specific first: ISO 8601, 2024年5月3日, 2024-05-03 / 2024/5/3 / 2024.05.03,
 * RFC 822/1123 and English month names, then the year-less 5月3日 and 05-03 12:00, then a bare clock.
 * Each pattern finds its date anywhere in the text, so labels such as `发布时间：` around it do no harm.
 */
import { CLOCK_SOURCE, clockHasSeconds, readClock, type Groups } from './clock.js';
import { isBareOffset, readZoneOffset, ZONE_SOURCE } from './offset.js';
import type { DateReading } from './reading.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = '(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const OPTIONAL_CLOCK = `(?:(?:\\s*|\\s*[T,]\\s*)${CLOCK_SOURCE})?`;
const OPTIONAL_ZONE = `(?:\\s*${ZONE_SOURCE})?`;
const NO_DIGIT_BEFORE = '(?<!\\d)(?<!\\d[.:/-])';
const NO_DIGIT_AFTER = '(?![\\d])';

function pattern(source: string): RegExp {
  return new RegExp(source, 'iu');
}

/** One way of printing a date: a name for readers of this list and its pattern. */
interface DatePattern {
  name: string;
  regex: RegExp;
}

/** The patterns in the order they are tried. */
const DATE_PATTERNS: DatePattern[] = [
  {
    name: 'iso-8601',
    regex: pattern(
      `${NO_DIGIT_BEFORE}(?<y>\\d{4})-(?<mo>\\d{1,2})-(?<d>\\d{1,2})T${CLOCK_SOURCE}${OPTIONAL_ZONE}`,
    ),
  },
  {
    name: 'chinese-full',
    regex: pattern(
      `${NO_DIGIT_BEFORE}(?<y>\\d{4})\\s*年\\s*(?<mo>\\d{1,2})\\s*月\\s*(?<d>\\d{1,2})\\s*[日号]?${OPTIONAL_CLOCK}${OPTIONAL_ZONE}`,
    ),
  },
  {
    name: 'numeric-full',
    regex: pattern(
      `${NO_DIGIT_BEFORE}(?<y>\\d{4})(?<sep>[-/.])(?<mo>\\d{1,2})\\k<sep>(?<d>\\d{1,2})${NO_DIGIT_AFTER}(?:\\s*日)?${OPTIONAL_CLOCK}${OPTIONAL_ZONE}`,
    ),
  },
  {
    name: 'rfc-822',
    regex: pattern(
      `(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s*)?${NO_DIGIT_BEFORE}(?<d>\\d{1,2})\\s+${MONTH_NAME}\\s+(?<y>\\d{4}|\\d{2})${NO_DIGIT_AFTER}(?:\\s+${CLOCK_SOURCE})?${OPTIONAL_ZONE}`,
    ),
  },
  {
    name: 'english-month-first',
    regex: pattern(
      `${MONTH_NAME}\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>\\d{4})${NO_DIGIT_AFTER}(?:\\s*(?:at\\s+)?${CLOCK_SOURCE})?${OPTIONAL_ZONE}`,
    ),
  },
  {
    name: 'chinese-month-day',
    regex: pattern(
      `${NO_DIGIT_BEFORE}(?<mo>\\d{1,2})\\s*月\\s*(?<d>\\d{1,2})\\s*[日号]${OPTIONAL_CLOCK}${OPTIONAL_ZONE}`,
    ),
  },
  {
    name: 'numeric-month-day-with-clock',
    regex: pattern(
      `${NO_DIGIT_BEFORE}(?<mo>\\d{1,2})[-/](?<d>\\d{1,2})${NO_DIGIT_AFTER}\\s+${CLOCK_SOURCE}${OPTIONAL_ZONE}`,
    ),
  },
  {
    name: 'numeric-month-day-alone',
    regex: pattern(`^\\s*(?<mo>\\d{1,2})-(?<d>\\d{1,2})\\s*$`),
  },
];

function readYear(groups: Groups): number | null {
  if (groups.y === undefined) return null;
  const year = Number(groups.y);
  if (groups.y.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  return year;
}

function readMonth(groups: Groups): number {
  if (groups.mon !== undefined) return MONTHS.indexOf(groups.mon.slice(0, 3).toLowerCase()) + 1;
  return Number(groups.mo ?? '0');
}

function readOffset(groups: Groups): number | null {
  if (isBareOffset(groups.z) && groups.h !== undefined && !clockHasSeconds(groups)) {
    return null;
  }
  return readZoneOffset(groups.z);
}

function toReading(groups: Groups): DateReading | null {
  const clock = readClock(groups);
  if (groups.h !== undefined && clock === null) return null;
  return {
    year: readYear(groups),
    month: readMonth(groups),
    day: Number(groups.d ?? '0'),
    clock,
    offsetMinutes: readOffset(groups),
  };
}

/** The first date that one of the patterns finds in `text` (already NFKC-normalised), or null. */
export function findDate(text: string): DateReading | null {
  for (const { regex } of DATE_PATTERNS) {
    const match = regex.exec(text);
    if (match?.groups === undefined) continue;
    const reading = toReading(match.groups);
    if (reading !== null) return reading;
  }
  return null;
}

const CLOCK_ALONE = new RegExp(`${NO_DIGIT_BEFORE}${CLOCK_SOURCE}${NO_DIGIT_AFTER}`, 'iu');

/** A clock reading without a date (`14:20`, `下午3点`), or null. Only colon or 点/时 forms count. */
export function findClockAlone(text: string): ReturnType<typeof readClock> {
  const match = CLOCK_ALONE.exec(text);
  if (match?.groups === undefined) return null;
  return readClock(match.groups);
}
