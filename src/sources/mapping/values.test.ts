import { describe, expect, it } from 'vitest';
import { parseCount, toId, toTime } from './values.js';

describe('parseCount', () => {
  it.each([
    [1234, 1234],
    ['1234', 1234],
    ['1,234', 1234],
    ['1.2万', 12000],
    ['10万+', 100000],
    ['3亿', 300000000],
    ['4.5w', 45000],
    ['2k', 2000],
    [' 56 ', 56],
    ['', null],
    ['赞', null],
    [null, null],
    [-3, null],
    [Number.NaN, null],
  ])('%j → %j', (value, expected) => {
    expect(parseCount(value)).toBe(expected);
  });
});

describe('toId', () => {
  it.each([
    [4998000123456789, '4998000123456789'],
    ['  66a1b2c3000000001e03  ', '66a1b2c3000000001e03'],
    ['', null],
    [undefined, null],
  ])('%j → %j', (value, expected) => {
    expect(toId(value)).toBe(expected);
  });
});

describe('toTime', () => {
  it.each([
    ['epoch seconds', 1714708800, Date.UTC(2024, 4, 3, 4, 0), null],
    ['epoch milliseconds', 1714708800000, Date.UTC(2024, 4, 3, 4, 0), null],
    ['seconds as text', '1714708800', Date.UTC(2024, 4, 3, 4, 0), null],
    ['ISO with offset', '2024-05-03T12:00:00+08:00', Date.UTC(2024, 4, 3, 4, 0), null],
    ['ISO with compact offset', '2024-05-03T12:00:00+0800', Date.UTC(2024, 4, 3, 4, 0), null],
    ['ISO in UTC', '2024-05-03T04:00:00Z', Date.UTC(2024, 4, 3, 4, 0), null],
    ['Weibo created_at', 'Fri May 03 12:00:00 +0800 2024', Date.UTC(2024, 4, 3, 4, 0), null],
    ['zone-less date time', '2024-05-03 12:00', null, '2024-05-03 12:00'],
    ['relative', '3分钟前', null, '3分钟前'],
    ['empty', '', null, null],
    ['absent', undefined, null, null],
  ])('%s', (_name, value, publishedAt, publishedText) => {
    expect(toTime(value)).toEqual({ publishedAt, publishedText });
  });
});
