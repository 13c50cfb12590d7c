import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareTexts, dedupPair } from './compare.js';
import { factsConflict, factsOf } from './facts.js';
import { containment } from './shingles.js';

const NOTICE =
  '【通报】3月5日，我市东风路一餐馆发生燃气爆炸，造成2人受伤，伤者已送医救治，事故原因正在调查，请市民注意用气安全。';
const FIXTURES = new URL('../../../test/fixtures/dedup/', import.meta.url);

interface FixturePair {
  id: string;
  a: string;
  b: string;
}

function fixture(name: string): [string, string, string][] {
  return readFileSync(new URL(name, FIXTURES), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FixturePair)
    .map((pair) => [pair.id, pair.a, pair.b]);
}

describe('compareTexts', () => {
  it.each([
    ['the same text', NOTICE, NOTICE],
    ['a repost chain with comments', NOTICE, `说得对[赞]//@网友甲:关注//@某市发布:${NOTICE}`],
    [
      'two reposts with different comments',
      `第3次看到了//@某市发布:${NOTICE}`,
      `关注2天了//@某市发布:${NOTICE}`,
    ],
    ['转发理由 and 原文', NOTICE, `转发理由：扩散\n原文：${NOTICE}`],
    ['punctuation and spacing', NOTICE, NOTICE.replace(/[，。]/gu, ' ')],
    ['full width', NOTICE, NOTICE.replace('3月5日', '３月５日')],
    ['an appended source line', NOTICE, `${NOTICE}\n（来源：某某日报）`],
    ['a copy cut short', NOTICE, `${NOTICE.slice(0, 40)}...全文`],
    ['the comment before the original without a marker', NOTICE, `太吓人了 ${NOTICE}`],
  ])('sees a duplicate in %s', (_name, a, b) => {
    const verdict = compareTexts(a, b);
    expect(verdict.duplicate).toBe(true);
    expect(verdict.similarity).toBeGreaterThanOrEqual(0.7);
    expect(compareTexts(b, a).duplicate).toBe(true);
  });

  it.each([
    ['a comment only', NOTICE, '太吓人了，大家注意安全'],
    ['a short quote of one phrase', NOTICE, '请市民注意用气安全'],
    ['another text', NOTICE, '本周六上午，市图书馆将举办少儿绘本阅读分享会，欢迎家长带孩子参加。'],
    ['two bare reposts', '转发微博', '转发微博'],
    ['the same one-word comment under different originals', '好//@甲:今天下大雨', '好//@乙:明天是晴天'],
    ['empty texts', '', ''],
  ])('sees no duplicate in %s', (_name, a, b) => {
    expect(compareTexts(a, b).duplicate).toBe(false);
  });

  it.each(fixture('hard-negatives.jsonl'))('is not fooled by the template %s', (_id, a, b) => {
    const verdict = compareTexts(a, b);
    expect(verdict.duplicate).toBe(false);
    expect(verdict.similarity).toBeGreaterThan(0.2);
  });

  it.each(fixture('hard-positives.jsonl'))('finds the edited copy %s', (_id, a, b) => {
    expect(compareTexts(a, b).duplicate).toBe(true);
  });

  it('takes extra place names from a finder', () => {
    const a = '湖北襄阳一酒店昨晚发生大火，消防部门连夜扑救，目前火势已得到控制，伤亡情况正在统计中。';
    const b = '湖北宜昌一酒店昨晚发生大火，消防部门连夜扑救，目前火势已得到控制，伤亡情况正在统计中。';
    expect(compareTexts(a, b).duplicate).toBe(true);
    const findPlaces = (text: string): string[] => ['襄阳', '宜昌'].filter((p) => text.includes(p));
    expect(compareTexts(a, b, { findPlaces }).duplicate).toBe(false);
  });
});

describe('dedupPair', () => {
  it('rounds the similarity to three decimals', () => {
    const verdict = dedupPair(NOTICE, `${NOTICE.slice(0, 45)}`);
    expect(verdict.duplicate).toBe(true);
    expect(String(verdict.similarity).length).toBeLessThanOrEqual(5);
  });
});

describe('facts', () => {
  it.each([
    ['digits', '3月5日', ['3', '5']],
    ['Chinese numbers', '二十人受伤', ['二十']],
    ['weekdays', '本周三停水', ['周三']],
    ['place-like names', '在东风路附近', ['东风路']],
  ])('reads %s', (_name, text, expected) => {
    expect([...factsOf(text)].sort()).toEqual([...expected].sort());
  });

  it.each<[string, string[], string[], boolean]>([
    ['a replaced number', ['3', '5'], ['3', '6'], true],
    ['a number added on one side', ['3'], ['3', '7'], false],
    ['a number cut short by truncation', ['2012', '5'], ['20'], false],
    ['nothing on either side', [], [], false],
  ])('conflict: %s', (_name, a, b, expected) => {
    expect(factsConflict(new Set(a), new Set(b))).toBe(expected);
  });
});

describe('containment', () => {
  it.each([
    ['a prefix is wholly contained', '今天下午市区发生火灾', '今天下午市区发生火灾，消防到场', 1],
    ['unrelated text is not', '今天下午市区发生火灾', '明天上午郊区举行比赛', 0],
    ['empty text has nothing to contain', '', '今天', 0],
  ])('%s', (_name, a, b, expected) => {
    expect(containment(a, b)).toBe(expected);
  });
});
