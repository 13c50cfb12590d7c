/** The 信息 page's pure parts: query parameters, highlight terms and the CSV record counter of the export. */
import { describe, expect, it } from 'vitest';
import { CsvRecordCounter } from '../../web/src/features/items/csv-count.js';
import {
  EMPTY_FILTERS,
  exportPath,
  highlightTerms,
  searchPath,
  splitByTerms,
} from '../../web/src/features/items/query.js';

describe('the items search as query parameters', () => {
  it('sends the same filters to the list and the export, with the scheme ANDed to the expression', () => {
    const state = {
      ...EMPTY_FILTERS,
      q: '停水',
      schemeId: 's1',
      schemeExpression: '苏州|姑苏',
      sentiments: ['negative' as const],
      platforms: ['weibo', 'news'],
      duplicates: 'distinct' as const,
    };
    const list = new URL(searchPath(state, 50, 'c1'), 'http://x');
    const file = new URL(exportPath(state, 'xlsx'), 'http://x');
    expect(list.searchParams.get('q')).toBe('(苏州|姑苏)+(停水)');
    expect(list.searchParams.get('platform')).toBe('weibo,news');
    expect(list.searchParams.get('distinctOnly')).toBe('true');
    expect(list.searchParams.get('cursor')).toBe('c1');
    for (const key of ['q', 'platform', 'sentiment', 'distinctOnly', 'sort']) {
      expect(file.searchParams.get(key)).toBe(list.searchParams.get(key));
    }
    expect(file.searchParams.get('format')).toBe('xlsx');
    expect(file.searchParams.has('limit')).toBe(false);
  });

  it('passes the unit chosen in the shell to the list and the export, and nothing when none is', () => {
    const list = new URL(searchPath(EMPTY_FILTERS, 20, null, 'u-gusu'), 'http://x');
    const file = new URL(exportPath(EMPTY_FILTERS, 'csv', 'u-gusu'), 'http://x');
    expect(list.searchParams.get('unitId')).toBe('u-gusu');
    expect(file.searchParams.get('unitId')).toBe('u-gusu');
    expect(new URL(searchPath(EMPTY_FILTERS, 20, null), 'http://x').searchParams.has('unitId')).toBe(false);
  });
});

describe('highlight terms', () => {
  it('keeps words and phrases and leaves out exceptions and NEAR', () => {
    expect(highlightTerms('(苏州|南京)+地铁-塌陷')).toEqual(['苏州', '南京', '地铁']);
    expect(highlightTerms('"小区 停水"+NEAR/5(物业, 回应)-(谣言|假的)+水务')).toEqual([
      '小区 停水',
      '物业',
      '回应',
      '水务',
    ]);
  });

  it('splits text at the terms, case-insensitively', () => {
    expect(splitByTerms('Metro 停水 metro', ['metro'])).toEqual([
      { text: 'Metro', hit: true },
      { text: ' 停水 ', hit: false },
      { text: 'metro', hit: true },
    ]);
    expect(splitByTerms('<b>x</b>', [])).toEqual([{ text: '<b>x</b>', hit: false }]);
  });
});

describe('the CSV record counter', () => {
  it('counts records across chunks, not the line breaks inside quotes', () => {
    const counter = new CsvRecordCounter();
    for (const chunk of ['编号,正文\r\n1,"第一行\n第', '二行"\r\n2,普通\r', '\n']) counter.push(chunk);
    expect(counter.records).toBe(2);
  });
});
