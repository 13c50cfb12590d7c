/**
 * The formatter: an expression tree back to text in one canonical form (` + `, ` | `, ` - `, `NEAR/n(a, b)`,
 * parentheses only where the grammar needs them), so that parsing the result gives the same tree. Schemes
 * are stored and shown in this form.
 */
import type { ExpressionNode, TermNode } from './ast.js';
import { isDelimiter } from './lexer.js';
import { expressionSyntaxError } from './syntax-error.js';

const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ['“', '”'],
  ['＂', '＂'],
];

function isBare(text: string): boolean {
  return text !== '' && ![...text].some(isDelimiter) && !/^near\//iu.test(text);
}

function formatTerm(term: TermNode): string {
  if (!term.quoted && isBare(term.text)) return term.text;
  const pair = QUOTE_PAIRS.find(([, closing]) => !term.text.includes(closing));
  if (!pair) {
    throw expressionSyntaxError(`the phrase ${JSON.stringify(term.text)} contains every kind of quote`, {
      position: term.start,
      found: term.text,
    });
  }
  return `${pair[0]}${term.text}${pair[1]}`;
}

function grouped(node: ExpressionNode, needsParentheses: boolean): string {
  const text = formatExpression(node);
  return needsParentheses ? `(${text})` : text;
}

/** Whether `child` needs parentheses as operand `index` of an AND (`+` and `-` bind left to right). */
function andOperandNeedsParentheses(child: ExpressionNode, index: number): boolean {
  return child.type === 'or' || child.type === 'and' || (child.type === 'except' && index > 0);
}

/** The canonical text of an expression tree; `parseExpression(formatExpression(t))` gives `t` back. */
export function formatExpression(node: ExpressionNode): string {
  switch (node.type) {
    case 'term':
      return formatTerm(node);
    case 'near':
      return `NEAR/${node.distance}(${formatTerm(node.left)}, ${formatTerm(node.right)})`;
    case 'or':
      return node.children.map((child) => grouped(child, child.type === 'or')).join(' | ');
    case 'and':
      return node.children
        .map((child, index) => grouped(child, andOperandNeedsParentheses(child, index)))
        .join(' + ');
    case 'except': {
      const include = grouped(node.include, node.include.type === 'or');
      const exclude = grouped(node.exclude, node.exclude.type !== 'term' && node.exclude.type !== 'near');
      return `${include} - ${exclude}`;
    }
  }
}
