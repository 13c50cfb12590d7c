import { describe, expect, it } from 'vitest';
import type { SchemeWords } from '../../domain/index.js';
import { isAppError } from '../../platform/errors.js';
import { matchExpression } from './matcher.js';
import { parseExpression } from './parser.js';
import { compileSchemeWords, quoteWord } from './words.js';

function words(partial: Partial<SchemeWords>): SchemeWords {
  return { regions: [], subjects: [], people: [], events: [], excludes: [], ...partial };
}

describe('compileSchemeWords', () => {
  it.each([
    [
      'every group',
      words({
        regions: ['苏州', '姑苏'],
        subjects: ['教育局'],
        people: ['张局长'],
        events: ['收费', '补课'],
        excludes: ['广告', '招聘'],
      }),
      '(苏州|姑苏)+教育局+张局长+(收费|补课)-(广告|招聘)',
    ],
    ['empty groups left out', words({ regions: ['苏州'], events: ['拆迁'] }), '苏州+拆迁'],
    ['a single exclude', words({ subjects: ['医院'], excludes: ['广告'] }), '医院-广告'],
    ['blank and repeated words dropped', words({ regions: [' 苏州 ', '', '苏州', '  '] }), '苏州'],
    [
      'words with operators or spaces quoted',
      words({ subjects: ['A+B公司', '长江 大桥', 'covid-19'] }),
      '("A+B公司"|"长江 大桥"|"covid-19")',
    ],
    ['a word that looks like NEAR quoted', words({ subjects: ['near/3'] }), '"near/3"'],
  ])('%s', (_name, input, expected) => {
    expect(compileSchemeWords(input)).toBe(expected);
  });

  it('compiles to an expression that parses and matches as the groups say', () => {
    const expression = compileSchemeWords(
      words({ regions: ['苏州', '姑苏'], subjects: ['A+B公司'], events: ['裁员'], excludes: ['招聘'] }),
    );
    const ast = parseExpression(expression);
    expect(matchExpression(ast, '姑苏区A+B公司传出裁员消息').matched).toBe(true);
    expect(matchExpression(ast, '苏州A+B公司裁员后开始招聘').matched).toBe(false);
    expect(matchExpression(ast, '苏州某公司裁员').matched).toBe(false);
  });

  it.each([
    ['nothing at all', words({})],
    ['only excludes', words({ excludes: ['广告'] })],
  ])('rejects %s: nothing to include', (_name, input) => {
    expect(() => compileSchemeWords(input)).toThrow(/nothing to include/);
    try {
      compileSchemeWords(input);
    } catch (error) {
      expect(isAppError(error, 'EXPRESSION_SYNTAX')).toBe(true);
    }
  });
});

describe('quoteWord', () => {
  it.each([
    ['plain', '腐败', '腐败'],
    ['with an ASCII quote', '说"好"的', '“说"好"的”'],
    ['with both ASCII and closing curly quotes', '"a”', '＂"a”＂'],
    ['with parentheses', '（通报）', '"（通报）"'],
  ])('%s', (_name, word, expected) => {
    const quoted = quoteWord(word);
    expect(quoted).toBe(expected);
    expect(parseExpression(quoted)).toMatchObject({ type: 'term', text: word });
  });

  it('refuses a word holding every closing quote', () => {
    expect(() => quoteWord('"”＂')).toThrow(/every kind of quote/);
  });
});
