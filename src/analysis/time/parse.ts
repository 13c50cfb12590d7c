/**
 * parsePublishedTime: the publication time a site prints, in any of the forms Chinese and international
 * sites use, to epoch milliseconds. Steps, first hit wins: Unix digits → absolute date → relative
 * expression → a bare clock (today, or yesterday when that clock is still ahead).
 */
import { findClockAlone, findDate } from './absolute.js';
import { resolveReading, type TimeContext } from './reading.js';
import { findRelative } from './relative.js';
import { isKnownTimeZone, wallTimeAt, wallTimeToEpoch } from './zone.js';

/** How far ahead a bare clock may be and still count as today (clocks of sites and servers drift). */
const CLOCK_AHEAD_TOLERANCE_MS = 10 * 60_000;
const MAX_TEXT_LENGTH = 500;

function unixDigits(text: string): number | null {
  const match = /^\s*(\d{10}|\d{13})\s*$/u.exec(text);
  if (match?.[1] === undefined) return null;
  return match[1].length === 10 ? Number(match[1]) * 1000 : Number(match[1]);
}

function clockToday(text: string, context: TimeContext): number | null {
  const clock = findClockAlone(text);
  if (clock === null) return null;
  const today = wallTimeAt(context.now, context.timeZone);
  const atToday = wallTimeToEpoch({ ...today, ...clock }, context.timeZone);
  if (atToday <= context.now + CLOCK_AHEAD_TOLERANCE_MS) return atToday;
  const yesterday = new Date(Date.UTC(today.year, today.month - 1, today.day - 1));
  return wallTimeToEpoch(
    {
      year: yesterday.getUTCFullYear(),
      month: yesterday.getUTCMonth() + 1,
      day: yesterday.getUTCDate(),
      ...clock,
    },
    context.timeZone,
  );
}

function parseNormalised(text: string, context: TimeContext): number | null {
  const unix = unixDigits(text);
  if (unix !== null) return unix;
  const reading = findDate(text);
  if (reading !== null) return resolveReading(reading, context);
  return findRelative(text, context) ?? clockToday(text, context);
}

/** Zones where a printed `CST` means China Standard Time (UTC+8), not US Central as RFC 822 has it. */
const CHINA_ZONES = new Set([
  'Asia/Shanghai',
  'Asia/Chongqing',
  'Asia/Harbin',
  'Asia/Urumqi',
  'Asia/Taipei',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'PRC',
]);

/** Reads `CST` as +0800 for sources in China, where feeds that print it mean China Standard Time. */
function chinaStandardTime(text: string, timeZone: string): string {
  return CHINA_ZONES.has(timeZone) ? text.replace(/(?<![A-Za-z])CST(?![A-Za-z])/gu, '+0800') : text;
}

/**
 * The instant that `text` names, in epoch milliseconds, or null when it names none. Zone-less times are
 * read in `context.timeZone`; dates without a year get the most recent year that does not put them more
 * than a day after `context.now`. Full-width digits and punctuation are folded first (NFKC). Never throws.
 */
export function parsePublishedTime(text: string, context: TimeContext): number | null {
  if (text.length === 0 || text.length > MAX_TEXT_LENGTH) return null;
  if (!Number.isFinite(context.now) || !isKnownTimeZone(context.timeZone)) return null;
  const result = parseNormalised(chinaStandardTime(text.normalize('NFKC'), context.timeZone), context);
  return result !== null && Number.isFinite(result) ? result : null;
}
