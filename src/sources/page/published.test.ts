import { describe, expect, it } from 'vitest';
import { readPublished, resolvePublished } from './published.js';

describe('readPublished', () => {
  it.each([
    ['2024-05-03T08:30:00+08:00', Date.parse('2024-05-03T08:30:00+08:00'), null],
    ['2024-05-03 08:30:00+0800', Date.parse('2024-05-03T08:30:00+08:00'), null],
    ['2024-05-03T00:30:00Z', Date.parse('2024-05-03T00:30:00Z'), null],
    ['Fri, 03 May 2024 08:30:00 +0800', Date.parse('2024-05-03T08:30:00+08:00'), null],
    ['Fri, 03 May 2024 00:30:00 GMT', Date.parse('2024-05-03T00:30:00Z'), null],
    ['1714696200', 1714696200000, null],
    [1714696200000, 1714696200000, null],
    [1714696200, 1714696200000, null],
    ['2024-05-03 08:30', null, '2024-05-03 08:30'],
    ['2024年5月3日  08:30', null, '2024年5月3日 08:30'],
    ['昨天 14:20', null, '昨天 14:20'],
    ['3分钟前', null, '3分钟前'],
    ['Fri, 03 May 2024 08:30:00 CST', null, 'Fri, 03 May 2024 08:30:00 CST'],
    ['', null, null],
    [null, null, null],
  ])('%j → %s / %s', (value, publishedAt, publishedText) => {
    expect(readPublished(value)).toEqual({ publishedAt, publishedText });
  });
});

describe('resolvePublished', () => {
  const now = Date.parse('2024-05-03T12:00:00+08:00');
  it.each([
    ['2024年5月3日 08:30', 'Asia/Shanghai', Date.parse('2024-05-03T08:30:00+08:00')],
    ['昨天 14:20', 'Asia/Shanghai', Date.parse('2024-05-02T14:20:00+08:00')],
    ['3分钟前', 'Asia/Shanghai', now - 3 * 60_000],
    ['2024-05-03 08:30', 'UTC', Date.parse('2024-05-03T08:30:00Z')],
    ['不是时间', 'Asia/Shanghai', null],
  ])('%s in %s', (publishedText, timeZone, expected) => {
    const [item] = resolvePublished([{ kind: 'article', content: '', publishedText }], { now, timeZone });
    expect(item?.publishedAt ?? null).toBe(expected);
    expect(item?.publishedText).toBe(publishedText);
  });
});
