import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import type { ExpressionNode } from './ast.js';
import { termsOf } from './ast.js';
import { MAX_NESTING, parseExpression } from './parser.js';
import { formatCaret } from './syntax-error.js';

/** A compact rendering of a tree: terms as text (phrases quoted), operators as prefix lists. */
function show(node: ExpressionNode): string {
  switch (node.type) {
    case 'term':
      return node.quoted ? `"${node.text}"` : node.text;
    case 'and':
    case 'or':
      return `${node.type}(${node.children.map(show).join(', ')})`;
    case 'except':
      return `except(${show(node.include)}, ${show(node.exclude)})`;
    case 'near':
      return `near${node.distance}(${show(node.left)}, ${show(node.right)})`;
  }
}

describe('parseExpression', () => {
  it.each([
    ['a single word', '腐败', '腐败'],
    ['AND', '北京+腐败', 'and(北京, 腐败)'],
    ['OR', '北京|上海', 'or(北京, 上海)'],
    ['except', '腐败-广告', 'except(腐败, 广告)'],
    ['A + B - C is A and B, not C', '北京+腐败-广告', 'except(and(北京, 腐败), 广告)'],
    ['A - B + C keeps the exclusion on A', '北京-广告+腐败', 'and(except(北京, 广告), 腐败)'],
    ['| binds loosest', 'a+b|c+d', 'or(and(a, b), and(c, d))'],
    ['- binds tighter than |', 'a|b-c', 'or(a, except(b, c))'],
    ['parentheses', '(北京|上海)+(腐败|受贿)', 'and(or(北京, 上海), or(腐败, 受贿))'],
    ['whitespace is AND', '北京 腐败  官员', 'and(北京, 腐败, 官员)'],
    ['whitespace next to operators', ' 北京 + 腐败 | 上海 ', 'or(and(北京, 腐败), 上海)'],
    ['a phrase with spaces and operators', '"a + b | c-d"', '"a + b | c-d"'],
    ['a phrase next to a word', '北京"长江 大桥"', 'and(北京, "长江 大桥")'],
    ['NEAR', 'NEAR/5(北京, 腐败)', 'near5(北京, 腐败)'],
    ['near in lower case, phrases inside', 'near/10("市 政府", 拆迁)', 'near10("市 政府", 拆迁)'],
    ['NEAR inside a formula', '官员+NEAR/3(强拆,村民)-广告', 'except(and(官员, near3(强拆, 村民)), 广告)'],
    ['full-width operators', '（北京｜上海）＋腐败－广告', 'except(and(or(北京, 上海), 腐败), 广告)'],
    ['full-width quotes', '“长江 大桥”+北京', 'and("长江 大桥", 北京)'],
    ['full-width NEAR parentheses and comma', 'NEAR/2（北京，腐败）', 'near2(北京, 腐败)'],
    ['a Latin word with digits', 'iPhone15|COVID19', 'or(iPhone15, COVID19)'],
    ['"near" alone is a word', 'near+far', 'and(near, far)'],
    ['nested groups', '((a|b)+(c|(d-e)))', 'and(or(a, b), or(c, except(d, e)))'],
  ])('%s: %s', (_name, expression, expected) => {
    expect(show(parseExpression(expression))).toBe(expected);
  });

  it('records source positions of terms and groups', () => {
    const tree = parseExpression('北京 + "长江 大桥"');
    expect(tree).toMatchObject({ type: 'and', start: 0, end: 12 });
    const [first, second] = termsOf(tree);
    expect(first).toMatchObject({ text: '北京', start: 0, end: 2 });
    expect(second).toMatchObject({ text: '长江 大桥', quoted: true, start: 5, end: 12 });
    expect(parseExpression('(a|b)+c')).toMatchObject({
      children: [{ type: 'or', start: 0, end: 5 }, { start: 6 }],
    });
  });

  it.each([
    ['empty', '', 0, 'empty'],
    ['only spaces', '   ', 0, 'empty'],
    ['a pure negative', '-广告', 0, 'nothing to include'],
    ['a pure negative group', '北京+(-广告)', 4, 'nothing to include'],
    ['a negative alternative', '北京|-广告', 3, 'nothing to include'],
    ['a dangling operator', '北京+', 3, 'expected'],
    ['two operators', '北京+|上海', 3, 'expected'],
    ['an unclosed group', '(北京|上海', 6, '")"'],
    ['an unopened group', '北京)', 2, 'no matching'],
    ['an unclosed phrase', '北京+"长江大桥', 3, 'not closed'],
    ['an empty phrase', '北京+""', 3, 'empty'],
    ['a stray closing quote', '北京”', 2, 'closing quote'],
    ['NEAR without a number', 'NEAR/(a,b)', 0, 'NEAR/n'],
    ['NEAR without parentheses', 'NEAR/3 a', 0, 'NEAR/n'],
    ['NEAR with one term', 'NEAR/3(a)', 8, '","'],
    ['NEAR with a group inside', 'NEAR/3((a|b), c)', 7, 'two words'],
    ['NEAR too far', 'NEAR/5000(a, b)', 0, 'at most'],
    ['a comma outside NEAR', '北京,上海', 2, 'expected'],
  ])('rejects %s with the position', (_name, expression, position, message) => {
    let caught: unknown;
    try {
      parseExpression(expression);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'EXPRESSION_SYNTAX')).toBe(true);
    if (!isAppError(caught)) return;
    expect(caught.details['position']).toBe(position);
    expect(caught.message).toContain(message);
  });

  it('names what it expected and what it found', () => {
    try {
      parseExpression('a + | b');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, 'EXPRESSION_SYNTAX') && error.details).toMatchObject({
        position: 4,
        found: '|',
        expected: expect.stringContaining('a word'),
      });
    }
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = '('.repeat(MAX_NESTING + 1) + 'a' + ')'.repeat(MAX_NESTING + 1);
    expect(() => parseExpression(deep)).toThrow(/nest/);
    const fine = '('.repeat(MAX_NESTING) + 'a' + ')'.repeat(MAX_NESTING);
    expect(parseExpression(fine)).toMatchObject({ type: 'term', text: 'a' });
  });
});

describe('formatCaret', () => {
  it.each([
    ['a Latin expression', 'a + | b', 4, 'a + | b\n    ^'],
    ['wide characters take two columns', '北京+|上海', 3, '北京+|上海\n     ^'],
    ['the end of the expression', '北京+', 3, '北京+\n     ^'],
    ['newlines shown as spaces', 'a\nb)', 3, 'a b)\n   ^'],
  ])('%s', (_name, expression, position, expected) => {
    expect(formatCaret(expression, position)).toBe(expected);
  });
});
