import { describe, expect, it } from 'vitest';
import { matchExpression, matchNormalized } from './matcher.js';
import { parseExpression } from './parser.js';

function matches(expression: string, text: string): boolean {
  return matchExpression(parseExpression(expression), text).matched;
}

describe('matchExpression', () => {
  it.each([
    ['a Chinese word as substring', '腐败', '某局长涉嫌腐败被查', true],
    ['a Chinese word inside a longer word', '长江', '南京市长江大桥', true],
    ['a missing word', '腐败', '今天天气很好', false],
    ['AND, both present', '北京+腐败', '北京某官员腐败', true],
    ['AND, one missing', '北京+腐败', '上海某官员腐败', false],
    ['implicit AND', '北京 腐败', '腐败问题在北京', true],
    ['OR, either', '北京|上海', '上海发布通报', true],
    ['OR, neither', '北京|上海', '广州发布通报', false],
    ['except, excluded word absent', '腐败-广告', '腐败案通报', true],
    ['except, excluded word present', '腐败-广告', '反腐败广告', false],
    ['A + B - C', '北京+腐败-广告', '北京腐败案', true],
    ['A + B - C with C', '北京+腐败-广告', '北京腐败广告', false],
    ['A - B | C: C alone is enough', '腐败-广告|拆迁', '拆迁广告', true],
    ['group exclusion', '(北京|上海)+拆迁-(广告|招聘)', '上海拆迁招聘启事', false],
    ['a Latin word at word boundaries', 'art', 'Modern art museum', true],
    ['a Latin word inside a longer word does not match', 'art', 'a party at night', false],
    ['a Latin word next to Chinese matches', 'ai', '关于ai治理的讨论', true],
    ['a Latin word followed by digits does not match', 'covid', 'covid19 cases', false],
    ['a Latin term with digits', 'covid19', 'COVID19 cases', true],
    ['case and width are folded', 'ＡＰＰ', '下载app领红包', true],
    ['a phrase with a space', '"tax reform"', 'the Tax  Reform bill', true],
    ['a phrase in the wrong order', '"tax reform"', 'reform of tax', false],
    ['a phrase with operator characters', '"A+B"', '关于A+B公司的传闻', true],
    ['a mixed term is bounded on its Latin side', 'app下载', 'webapp下载', false],
    ['a mixed term matches standing alone', 'app下载', '官方app下载地址', true],
    ['NEAR within distance', 'NEAR/3(强拆, 村民)', '强拆致村民受伤', true],
    ['NEAR in the other order', 'NEAR/3(强拆, 村民)', '村民反映遭强拆', true],
    ['NEAR too far apart', 'NEAR/3(强拆, 村民)', '强拆事件发生后的第二天村民', false],
    ['NEAR/0 needs the terms to touch', 'NEAR/0(长江, 大桥)', '长江大桥', true],
    ['NEAR/0 with one character between', 'NEAR/0(长江, 大桥)', '长江的大桥', false],
    ['NEAR of one term needs two occurrences', 'NEAR/2(报警, 报警)', '报警后再次报警', false],
    ['NEAR of one term with two close occurrences', 'NEAR/2(报警, 报警)', '报警,报警', true],
  ])('%s: %s on %s', (_name, expression, text, expected) => {
    expect(matches(expression, text)).toBe(expected);
  });

  it('reports hits of the terms that matched, in text order, on normalised text', () => {
    const result = matchExpression(parseExpression('(北京|上海)+ＡＩ-广告'), '上海AI大会，北京也有AI');
    expect(result.matched).toBe(true);
    expect(result.hits).toEqual([
      { term: '上海', start: 0, end: 2 },
      { term: 'ai', start: 2, end: 4 },
      { term: '北京', start: 7, end: 9 },
      { term: 'ai', start: 11, end: 13 },
    ]);
  });

  it('reports only the occurrences that satisfy NEAR', () => {
    const result = matchExpression(parseExpression('NEAR/1(强拆, 村民)'), '强拆后来很久以后，村民，强拆');
    expect(result.matched).toBe(true);
    expect(result.hits.map((hit) => [hit.term, hit.start])).toEqual([
      ['村民', 9],
      ['强拆', 12],
    ]);
  });

  it('returns no hits when it does not match, and never reports excluded terms', () => {
    expect(matchExpression(parseExpression('腐败-广告'), '腐败广告')).toEqual({ matched: false, hits: [] });
    const hits = matchExpression(parseExpression('腐败-(广告|招聘)'), '腐败').hits.map((hit) => hit.term);
    expect(hits).toEqual(['腐败']);
  });

  it('matches text that is already normalised without normalising it again', () => {
    const ast = parseExpression('ai');
    expect(matchNormalized(ast, 'ai 治理').matched).toBe(true);
    expect(matchNormalized(ast, 'AI 治理').matched).toBe(false);
  });
});
