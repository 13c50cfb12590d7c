import { describe, expect, it } from 'vitest';
import type { ExpressionNode } from './ast.js';
import { formatExpression } from './format.js';
import { parseExpression } from './parser.js';

/** The tree without source spans, for comparing trees parsed from different texts. */
function withoutSpans(node: ExpressionNode): unknown {
  switch (node.type) {
    case 'term':
      return { type: 'term', text: node.text, quoted: node.quoted };
    case 'and':
    case 'or':
      return { type: node.type, children: node.children.map(withoutSpans) };
    case 'except':
      return { type: 'except', include: withoutSpans(node.include), exclude: withoutSpans(node.exclude) };
    case 'near':
      return {
        type: 'near',
        left: withoutSpans(node.left),
        right: withoutSpans(node.right),
        distance: node.distance,
      };
  }
}

describe('formatExpression', () => {
  it.each([
    ['a word', '腐败', '腐败'],
    ['AND with implicit and full-width operators', '北京 腐败＋官员', '北京 + 腐败 + 官员'],
    ['OR inside AND keeps its parentheses', '(北京|上海)+拆迁', '(北京 | 上海) + 拆迁'],
    ['redundant parentheses go', '((腐败))+(官员)', '腐败 + 官员'],
    ['except after AND', '北京+腐败-广告', '北京 + 腐败 - 广告'],
    ['a grouped exclusion', '拆迁-(广告|招聘)', '拆迁 - (广告 | 招聘)'],
    ['an exclusion inside a later AND operand', '北京+(拆迁-广告)', '北京 + (拆迁 - 广告)'],
    ['an exclusion as the first AND operand needs none', '(拆迁-广告)+北京', '拆迁 - 广告 + 北京'],
    ['a right-nested OR', 'a|(b|c)', 'a | (b | c)'],
    ['a nested exclusion on the right', 'a-(b-c)', 'a - (b - c)'],
    ['NEAR', 'near/5（强拆，村民）', 'NEAR/5(强拆, 村民)'],
    ['a phrase stays quoted', '"tax reform"+"北京"', '"tax reform" + "北京"'],
    ['a phrase holding a straight quote', '“他说"好"”', '“他说"好"”'],
  ])('%s', (_name, expression, expected) => {
    const ast = parseExpression(expression);
    const formatted = formatExpression(ast);
    expect(formatted).toBe(expected);
    expect(withoutSpans(parseExpression(formatted))).toEqual(withoutSpans(ast));
    expect(formatExpression(parseExpression(formatted))).toBe(formatted);
  });

  it('quotes a hand-built term that would not parse bare', () => {
    const term: ExpressionNode = { type: 'term', text: 'near/3 x', quoted: false, start: 0, end: 8 };
    expect(formatExpression(term)).toBe('"near/3 x"');
  });
});
