/**
 * Times said relative to now: 刚刚 / 刚才, 30秒前, 5分钟前, 半小时前, 3小时前, 2天前, 1周前, 3个月前,
 * `5 minutes ago`, and days named relative to today (今天 08:30, 昨天 14:20, 前天 09:00, yesterday).
 * Months count as 30 days and years as 365 days: sites that print `3个月前` are no more precise than that.
 */
import { CLOCK_SOURCE, readClock, type Clock } from './clock.js';
import type { TimeContext } from './reading.js';
import { wallTimeAsUtc, wallTimeAt, wallTimeToEpoch } from './zone.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const CHINESE_UNITS: Record<string, number> = {
  秒: SECOND,
  秒钟: SECOND,
  分: MINUTE,
  分钟: MINUTE,
  小时: HOUR,
  个小时: HOUR,
  钟头: HOUR,
  个钟头: HOUR,
  天: DAY,
  日: DAY,
  周: 7 * DAY,
  个星期: 7 * DAY,
  星期: 7 * DAY,
  个月: 30 * DAY,
  月: 30 * DAY,
  年: 365 * DAY,
};

const ENGLISH_UNITS: Record<string, number> = {
  sec: SECOND,
  second: SECOND,
  min: MINUTE,
  minute: MINUTE,
  hr: HOUR,
  hour: HOUR,
  day: DAY,
  week: 7 * DAY,
  month: 30 * DAY,
  year: 365 * DAY,
};

const DAYS_BACK: Record<string, number> = {
  今天: 0,
  今日: 0,
  today: 0,
  昨天: 1,
  昨日: 1,
  yesterday: 1,
  前天: 2,
  大前天: 3,
};

const DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** An Arabic or simple Chinese numeral below 100 (`3`, `十`, `二十五`, `两`), or null. */
export function readSmallNumber(text: string): number | null {
  if (/^\d+$/u.test(text)) return Number(text);
  const tens = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/u.exec(text);
  if (tens !== null) {
    const high = tens[1] === undefined ? 1 : (DIGITS[tens[1]] ?? 0);
    const low = tens[2] === undefined ? 0 : (DIGITS[tens[2]] ?? 0);
    return high * 10 + low;
  }
  return DIGITS[text] ?? null;
}

const NUMBER = '(?<n>\\d+|[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])';
const CHINESE_AGO = new RegExp(
  `${NUMBER}\\s*(?<unit>秒钟|秒|分钟|分|个小时|小时|个钟头|钟头|天|日|周|个星期|星期|个月|月|年)\\s*(?:之|以)?前`,
  'u',
);
const ENGLISH_AGO = /(?<n>\d+)\s*(?<unit>sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago/iu;
const JUST_NOW = /刚刚|刚才|just now/iu;
const HALF_HOUR_AGO = /半\s*个?\s*(?:小时|钟头)\s*(?:之|以)?前/u;
const NAMED_DAY = new RegExp(
  `(?<dayName>大前天|前天|昨天|昨日|今天|今日|yesterday|today)(?:\\s*${CLOCK_SOURCE})?`,
  'iu',
);

function durationAgo(text: string): number | null {
  const chinese = CHINESE_AGO.exec(text)?.groups;
  if (chinese?.n !== undefined && chinese.unit !== undefined) {
    const count = readSmallNumber(chinese.n);
    const unit = CHINESE_UNITS[chinese.unit];
    if (count !== null && unit !== undefined) return count * unit;
  }
  const english = ENGLISH_AGO.exec(text)?.groups;
  if (english?.n !== undefined && english.unit !== undefined) {
    const unit = ENGLISH_UNITS[english.unit.toLowerCase()];
    if (unit !== undefined) return Number(english.n) * unit;
  }
  return null;
}

function namedDay(text: string, context: TimeContext): number | null {
  const groups = NAMED_DAY.exec(text)?.groups;
  const back = groups?.dayName === undefined ? undefined : DAYS_BACK[groups.dayName.toLowerCase()];
  if (groups === undefined || back === undefined) return null;
  const clock: Clock | null = groups.h === undefined ? null : readClock(groups);
  if (groups.h !== undefined && clock === null) return null;
  const today = wallTimeAt(context.now, context.timeZone);
  const day = new Date(wallTimeAsUtc({ ...today, hour: 12 }) - back * DAY);
  return wallTimeToEpoch(
    {
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
      hour: clock?.hour ?? 0,
      minute: clock?.minute ?? 0,
      second: clock?.second ?? 0,
      millisecond: clock?.millisecond ?? 0,
    },
    context.timeZone,
  );
}

/** The instant a relative expression in `text` names, or null when there is none. */
export function findRelative(text: string, context: TimeContext): number | null {
  if (JUST_NOW.test(text)) return context.now;
  if (HALF_HOUR_AGO.test(text)) return context.now - 30 * MINUTE;
  const ago = durationAgo(text);
  if (ago !== null) return context.now - ago;
  return namedDay(text, context);
}
