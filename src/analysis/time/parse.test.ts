import { describe, expect, it } from 'vitest';
import { inferYear } from './infer-year.js';
import { parsePublishedTime } from './parse.js';
import { wallTimeToEpoch, zoneOffsetAt } from './zone.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Wall time in a zone with a fixed offset (hours east of UTC) to epoch ms. */
function at(offsetHours: number, y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetHours * HOUR;
}
const sh = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => at(8, y, mo, d, h, mi, s);

const SHANGHAI = 'Asia/Shanghai';
/** 2024-05-10 12:00 in Shanghai, a Friday. */
const NOW = sh(2024, 5, 10, 12, 0);
const ctx = { now: NOW, timeZone: SHANGHAI };

describe('parsePublishedTime: relative forms (now 2024-05-10 12:00 Shanghai)', () => {
  it.each([
    ['刚刚', NOW],
    ['刚才', NOW],
    ['just now', NOW],
    ['30秒前', NOW - 30_000],
    ['5分钟前', NOW - 5 * MINUTE],
    ['5 分钟前', NOW - 5 * MINUTE],
    ['15分前', NOW - 15 * MINUTE],
    ['半小时前', NOW - 30 * MINUTE],
    ['半个小时前', NOW - 30 * MINUTE],
    ['3小时前', NOW - 3 * HOUR],
    ['两小时前', NOW - 2 * HOUR],
    ['十二小时前', NOW - 12 * HOUR],
    ['2天前', NOW - 48 * HOUR],
    ['1周前', NOW - 7 * 24 * HOUR],
    ['3个月前', NOW - 90 * 24 * HOUR],
    ['发布于 ３小时前', NOW - 3 * HOUR],
    ['5 minutes ago', NOW - 5 * MINUTE],
    ['2 hours ago', NOW - 2 * HOUR],
    ['今天 08:30', sh(2024, 5, 10, 8, 30)],
    ['今天', sh(2024, 5, 10)],
    ['昨天 14:20', sh(2024, 5, 9, 14, 20)],
    ['昨天14:20', sh(2024, 5, 9, 14, 20)],
    ['前天 09:00', sh(2024, 5, 8, 9, 0)],
    ['大前天 09:00', sh(2024, 5, 7, 9, 0)],
    ['昨天 下午3:05', sh(2024, 5, 9, 15, 5)],
    ['昨天 晚上8点', sh(2024, 5, 9, 20, 0)],
    ['yesterday 14:20', sh(2024, 5, 9, 14, 20)],
    ['08:30', sh(2024, 5, 10, 8, 30)],
    ['23:50', sh(2024, 5, 9, 23, 50)],
    ['上午11:15', sh(2024, 5, 10, 11, 15)],
    // 13:15 is still ahead of 12:00, so it was yesterday's.
    ['下午1:15', sh(2024, 5, 9, 13, 15)],
  ])('%s', (text, expected) => {
    expect(parsePublishedTime(text, ctx)).toBe(expected);
  });
});

describe('parsePublishedTime: absolute forms in Shanghai', () => {
  it.each([
    ['05-03 12:00', sh(2024, 5, 3, 12, 0)],
    ['5-3 8:05', sh(2024, 5, 3, 8, 5)],
    ['05/03 12:00', sh(2024, 5, 3, 12, 0)],
    ['05-03', sh(2024, 5, 3)],
    ['时间:05-03 12:00', sh(2024, 5, 3, 12, 0)],
    ['5月3日 12:00', sh(2024, 5, 3, 12, 0)],
    ['5月3日', sh(2024, 5, 3)],
    ['5月3号 上午10点', sh(2024, 5, 3, 10, 0)],
    ['2024年5月3日 08:30', sh(2024, 5, 3, 8, 30)],
    ['2024年05月03日', sh(2024, 5, 3)],
    ['2024年5月3日8时30分', sh(2024, 5, 3, 8, 30)],
    ['2024年5月3日 下午2点30分', sh(2024, 5, 3, 14, 30)],
    ['2024年5月3日 晚上9:10', sh(2024, 5, 3, 21, 10)],
    ['2024年5月3日 凌晨12:10', sh(2024, 5, 3, 0, 10)],
    ['2024年5月3日 中午12:10', sh(2024, 5, 3, 12, 10)],
    ['2024年5月3日 中午1点', sh(2024, 5, 3, 13, 0)],
    ['2024-05-03', sh(2024, 5, 3)],
    ['2024-05-03 08:30:15', sh(2024, 5, 3, 8, 30, 15)],
    ['2024-5-3 8:30', sh(2024, 5, 3, 8, 30)],
    ['2024/5/3 8:30', sh(2024, 5, 3, 8, 30)],
    ['2024/05/03 08:30:15', sh(2024, 5, 3, 8, 30, 15)],
    ['2024.05.03', sh(2024, 5, 3)],
    ['2024.5.3 20:01', sh(2024, 5, 3, 20, 1)],
    ['2024-05-03 08:30 PM', sh(2024, 5, 3, 20, 30)],
    ['２０２４年５月３日　０８：３０', sh(2024, 5, 3, 8, 30)],
    ['２０２４－０５－０３', sh(2024, 5, 3)],
    ['发布时间：2024-05-03 08:30 来源：新华网', sh(2024, 5, 3, 8, 30)],
    ['来源：人民网 2024年05月03日08:30 责任编辑：张三', sh(2024, 5, 3, 8, 30)],
    ['[2024-05-03]', sh(2024, 5, 3)],
    ['2024-05-03T08:30:00', sh(2024, 5, 3, 8, 30)],
    ['2024-05-03T08:30', sh(2024, 5, 3, 8, 30)],
    ['2024-05-03T08:30:00Z', at(0, 2024, 5, 3, 8, 30)],
    ['2024-05-03T08:30:00.123Z', at(0, 2024, 5, 3, 8, 30, 0, 123)],
    ['2024-05-03T08:30:00+08:00', sh(2024, 5, 3, 8, 30)],
    ['2024-05-03T08:30:00+0900', at(9, 2024, 5, 3, 8, 30)],
    ['2024-05-03T08:30:00-05:00', at(-5, 2024, 5, 3, 8, 30)],
    ['2024-05-03 08:30:00 +0000', at(0, 2024, 5, 3, 8, 30)],
    ['2024-05-03 08:30 UTC', at(0, 2024, 5, 3, 8, 30)],
    ['2024-05-03 08:30 GMT+8', sh(2024, 5, 3, 8, 30)],
    ['Fri, 03 May 2024 08:30:00 +0800', sh(2024, 5, 3, 8, 30)],
    ['Fri, 03 May 2024 08:30:00 GMT', at(0, 2024, 5, 3, 8, 30)],
    ['Fri, 3 May 2024 08:30:00 EDT', at(-4, 2024, 5, 3, 8, 30)],
    ['Fri, 03 May 2024 08:30:00', sh(2024, 5, 3, 8, 30)],
    ['Fri, 03 May 24 08:30:00 GMT', at(0, 2024, 5, 3, 8, 30)],
    ['3 May 2024', sh(2024, 5, 3)],
    ['May 3, 2024', sh(2024, 5, 3)],
    ['Fri May 03 2024 08:30:00 GMT+0800 (中国标准时间)', sh(2024, 5, 3, 8, 30)],
    ['2024-05-03 08:30-09:30', sh(2024, 5, 3, 8, 30)],
    ['2024-05-03 08:30:15.5', sh(2024, 5, 3, 8, 30, 15) + 500],
    ['May 3rd, 2024 at 8:30 pm', sh(2024, 5, 3, 20, 30)],
    ['1714696200', sh(2024, 5, 3, 8, 30)],
    ['1714696200000', sh(2024, 5, 3, 8, 30)],
    ['1714696200123', sh(2024, 5, 3, 8, 30) + 123],
  ])('%s', (text, expected) => {
    expect(parsePublishedTime(text, ctx)).toBe(expected);
  });
});

describe('parsePublishedTime: year boundaries', () => {
  it.each([
    ['12-31 23:00 read on 2025-01-02', sh(2025, 1, 2, 9, 0), '12-31 23:00', sh(2024, 12, 31, 23, 0)],
    ['12月31日 read on 2025-01-01 00:05', sh(2025, 1, 1, 0, 5), '12月31日', sh(2024, 12, 31)],
    [
      '01-01 00:10 read on 12-31 23:50 (clock ahead)',
      sh(2024, 12, 31, 23, 50),
      '01-01 00:10',
      sh(2025, 1, 1, 0, 10),
    ],
    ['01-02 read on 12-31: last January', sh(2024, 12, 31, 12, 0), '01-02', sh(2024, 1, 2)],
    ['05-11 read on 05-10 is within a day', NOW, '05-11 08:00', sh(2024, 5, 11, 8, 0)],
    ['05-12 read on 05-10 is last year', NOW, '05-12 08:00', sh(2023, 5, 12, 8, 0)],
    ['02-29 read in 2025 is 2024', sh(2025, 3, 5), '02-29', sh(2024, 2, 29)],
    ['昨天 on 1 January is 31 December', sh(2025, 1, 1, 10, 0), '昨天 14:20', sh(2024, 12, 31, 14, 20)],
    ['前天 on 1 March of a leap year', sh(2024, 3, 1, 10, 0), '前天 09:00', sh(2024, 2, 28, 9, 0)],
    ['23:30 shortly after midnight is yesterday', sh(2025, 1, 1, 0, 10), '23:30', sh(2024, 12, 31, 23, 30)],
  ])('%s', (_name, now, text, expected) => {
    expect(parsePublishedTime(text, { now, timeZone: SHANGHAI })).toBe(expected);
  });
});

describe('parsePublishedTime: other time zones and daylight saving time', () => {
  const NY = 'America/New_York';
  const nyNow = at(-4, 2024, 7, 1, 12, 0);
  it.each([
    ['summer time in New York', NY, nyNow, '2024-05-03 08:30', at(-4, 2024, 5, 3, 8, 30)],
    ['winter time in New York', NY, nyNow, '2024-01-15 08:30', at(-5, 2024, 1, 15, 8, 30)],
    ['day after spring forward', NY, nyNow, '2024-03-11 01:00', at(-4, 2024, 3, 11, 1, 0)],
    ['just before spring forward', NY, nyNow, '2024-03-10 01:59', at(-5, 2024, 3, 10, 1, 59)],
    ['just after spring forward', NY, nyNow, '2024-03-10 03:00', at(-4, 2024, 3, 10, 3, 0)],
    ['skipped hour reads as an hour later', NY, nyNow, '2024-03-10 02:30', at(-4, 2024, 3, 10, 3, 30)],
    ['repeated hour takes the first', NY, nyNow, '2024-11-03 01:30', at(-4, 2024, 11, 3, 1, 30)],
    ['after fall back', NY, nyNow, '2024-11-03 02:30', at(-5, 2024, 11, 3, 2, 30)],
    [
      'yesterday across spring forward',
      NY,
      at(-4, 2024, 3, 11, 12, 0),
      '昨天 12:00',
      at(-5, 2024, 3, 10, 12, 0) - HOUR,
    ],
    ['explicit offset ignores the zone', NY, nyNow, '2024-05-03T08:30:00+08:00', at(8, 2024, 5, 3, 8, 30)],
    ['UTC zone', 'UTC', nyNow, '2024-05-03 08:30', at(0, 2024, 5, 3, 8, 30)],
    ['Tokyo', 'Asia/Tokyo', nyNow, '2024年5月3日 08:30', at(9, 2024, 5, 3, 8, 30)],
    ['London summer', 'Europe/London', nyNow, '2024-06-01 12:00', at(1, 2024, 6, 1, 12, 0)],
    ['London winter', 'Europe/London', nyNow, '2024-12-01 12:00', at(0, 2024, 12, 1, 12, 0)],
    ['Kolkata half hour', 'Asia/Kolkata', nyNow, '2024-05-03 08:30', at(5.5, 2024, 5, 3, 8, 30)],
    [
      'CST in a Chinese source is China Standard Time',
      'Asia/Shanghai',
      nyNow,
      'Fri, 03 May 2024 08:30:00 CST',
      at(8, 2024, 5, 3, 8, 30),
    ],
    [
      'CST elsewhere is US Central (RFC 822)',
      NY,
      nyNow,
      'Fri, 03 May 2024 08:30:00 CST',
      at(-6, 2024, 5, 3, 8, 30),
    ],
    [
      'today in New York while Shanghai is a day ahead',
      NY,
      at(-4, 2024, 5, 10, 22, 0),
      '今天 08:00',
      at(-4, 2024, 5, 10, 8, 0),
    ],
  ])('%s', (_name, timeZone, now, text, expected) => {
    expect(parsePublishedTime(text, { now, timeZone })).toBe(expected);
  });
});

describe('parsePublishedTime: text that names no time', () => {
  it.each([
    [''],
    ['   '],
    ['来源：新华网'],
    ['hello world'],
    ['2024-13-01'],
    ['2024-02-30'],
    ['2024年2月30日'],
    ['25:99'],
    ['02-30'],
    ['12345'],
    ['阅读 1024'],
    ['x'.repeat(1000)],
  ])('%j is null', (text) => {
    expect(parsePublishedTime(text, ctx)).toBeNull();
  });

  it('returns null for an unknown time zone instead of throwing', () => {
    expect(parsePublishedTime('2024-05-03', { now: NOW, timeZone: 'Mars/Olympus' })).toBeNull();
  });

  it('returns null for a non-finite now', () => {
    expect(parsePublishedTime('刚刚', { now: Number.NaN, timeZone: SHANGHAI })).toBeNull();
  });
});

describe('inferYear and zone helpers', () => {
  const clock = { hour: 0, minute: 0, second: 0, millisecond: 0 };
  it.each([
    [{ month: 12, day: 31, clock }, sh(2025, 1, 2), 2024],
    [{ month: 1, day: 1, clock }, sh(2025, 1, 2), 2025],
    [{ month: 1, day: 3, clock }, sh(2025, 1, 2), 2025],
    [{ month: 1, day: 4, clock }, sh(2025, 1, 2), 2024],
    [{ month: 2, day: 29, clock }, sh(2025, 1, 2), 2024],
    [{ month: 2, day: 30, clock }, sh(2025, 1, 2), null],
  ])('%j at %d → %s', (date, now, year) => {
    expect(inferYear(date, { now, timeZone: SHANGHAI })).toBe(year);
  });

  it.each([
    ['Asia/Shanghai', sh(2024, 1, 1), 8 * HOUR],
    ['America/New_York', at(0, 2024, 1, 1), -5 * HOUR],
    ['America/New_York', at(0, 2024, 7, 1), -4 * HOUR],
    ['Australia/Sydney', at(0, 2024, 1, 1), 11 * HOUR],
  ])('offset of %s', (timeZone, epoch, offset) => {
    expect(zoneOffsetAt(epoch, timeZone)).toBe(offset);
  });

  it('round-trips a wall time', () => {
    const wall = { year: 2024, month: 5, day: 3, hour: 8, minute: 30, second: 0, millisecond: 0 };
    expect(wallTimeToEpoch(wall, SHANGHAI)).toBe(sh(2024, 5, 3, 8, 30));
  });
});
