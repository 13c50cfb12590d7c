import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { extractKeywords, isKeywordCandidate } from './extract.js';
import { loadIdfModel } from './load.js';
import { idfModelFrom, type IdfModel } from './model.js';

const model: IdfModel = idfModelFrom(
  {
    format: 1,
    documents: 100,
    step: 0.5,
    unknown: 10,
    buckets: { '1': '发生 今天', '4': '火灾 小区', '8': '消防 救援', '9': '燃气' },
  },
  '# comment\n的\n今天\n转发\n',
);

describe('idfModelFrom', () => {
  it('spreads the buckets into words and reads stop words without comments', () => {
    expect(model.idf.get('火灾')).toBe(2);
    expect(model.idf.get('燃气')).toBe(4.5);
    expect(model.unknownIdf).toBe(5);
    expect([...model.stopWords]).toEqual(['的', '今天', '转发']);
  });

  it.each([null, { format: 2 }, { format: 1, documents: 1, step: 1, unknown: 1 }])(
    'rejects a malformed table %j',
    (file) => {
      expect(() => idfModelFrom(file, '')).toThrow(/IDF model/);
      try {
        idfModelFrom(file, '');
      } catch (error) {
        expect(isAppError(error, 'CONFIG_INVALID')).toBe(true);
      }
    },
  );
});

describe('isKeywordCandidate', () => {
  it.each([
    ['an ordinary word', '火灾', true],
    ['a Latin word', 'iphone', true],
    ['a stop word', '今天', false],
    ['one Chinese character', '火', false],
    ['one astral character', '𠮷', false],
    ['digits', '2024', false],
    ['a year', '2024年', false],
    ['a Chinese number', '三十', false],
    ['an amount', '15.8元', false],
    ['a percentage', '30%', false],
    ['punctuation', '……', false],
    ['a model name with digits', 'g60', true],
  ])('%s', (_name, token, expected) => {
    expect(isKeywordCandidate(token, model.stopWords)).toBe(expected);
  });
});

describe('extractKeywords', () => {
  it.each<[string, string[], number, string[]]>([
    [
      'rare words first, stop words and numbers out',
      ['今天', '小区', '发生', '火灾', '消防', '救援', '2', '人', '的'],
      8,
      ['消防', '救援', '小区', '火灾', '发生'],
    ],
    ['counts multiply the IDF', ['火灾', '火灾', '火灾', '燃气'], 8, ['火灾', '燃气']],
    ['unknown words are as rare as the rarest', ['某某路', '燃气', '消防'], 2, ['某某路', '燃气']],
    ['ties keep text order', ['救援', '消防'], 8, ['救援', '消防']],
    ['k limits the list', ['消防', '救援', '燃气', '火灾'], 1, ['燃气']],
    ['nothing usable', ['的', '2024', '。'], 8, []],
    ['k of zero', ['燃气'], 0, []],
  ])('%s', (_name, tokens, k, expected) => {
    expect(extractKeywords(tokens, model, k)).toEqual(expected);
  });
});

describe('extractKeywords across calls', () => {
  /** The definition: tally candidates, score count × IDF, sort by score then first appearance. */
  function reference(tokens: string[], k: number): string[] {
    const tallies = new Map<string, { count: number; first: number }>();
    tokens.forEach((token, i) => {
      const tally = tallies.get(token);
      if (tally) tally.count++;
      else if (isKeywordCandidate(token, model.stopWords)) tallies.set(token, { count: 1, first: i });
    });
    return [...tallies]
      .map(([word, t]) => ({
        word,
        score: t.count * (model.idf.get(word) ?? model.unknownIdf),
        first: t.first,
      }))
      .sort((a, b) => b.score - a.score || a.first - b.first)
      .slice(0, k)
      .map((entry) => entry.word);
  }

  it.each<[string, string[], number]>([
    ['repeats in one call count, not across calls', ['火灾', '消防', '火灾', '小区', '火灾'], 2],
    ['the same tokens again', ['火灾', '消防', '火灾', '小区', '火灾'], 2],
    ['ties at the cut keep the earlier word', ['小区', '火灾', '发生', '救援', '消防'], 3],
    ['stop words repeated', ['今天', '今天', '燃气', '的', '燃气'], 8],
    [
      'more candidates than k',
      ['甲乙', '丙丁', '戊己', '庚辛', '壬癸', '子丑', '寅卯', '辰巳', '午未', '申酉'],
      4,
    ],
  ])('%s', (_name, tokens, k) => {
    expect(extractKeywords(tokens, model, k)).toEqual(reference(tokens, k));
  });
});

describe('loadIdfModel', () => {
  it('loads the shipped table, whose IDF ranks rare words above common ones', () => {
    const shipped = loadIdfModel();
    expect(shipped.idf.size).toBeGreaterThan(10_000);
    expect(shipped.stopWords.has('的')).toBe(true);
    const common = shipped.idf.get('中国') ?? 0;
    const rare = shipped.idf.get('消防') ?? 0;
    expect(rare).toBeGreaterThan(common);
    expect(shipped.unknownIdf).toBeGreaterThanOrEqual(rare);
  });

  it('names the directory when the files are missing', () => {
    expect(() => loadIdfModel(new URL('file:///nonexistent/idf/'))).toThrow(/nonexistent/);
  });
});
