/**
 * The parser of the monitoring-scheme language (DESIGN.md §5). Grammar, `|` binding loosest:
 *
 * ```
 * expression := sequence ('|' sequence)*
 * sequence   := operand (('+' | '-' | whitespace) operand)*     left to right: A + B - C = (A and B) not C
 * operand    := word | "phrase" | '(' expression ')' | NEAR/n '(' term ',' term ')'
 * ```
 *
 * `-` is binary (except), so an expression or group that starts with `-` has nothing to include and is
 * rejected at that position.
 */
import type { ExpressionNode, NearNode, TermNode } from './ast.js';
import { tokenize, type Token, type TokenKind } from './lexer.js';
import { describeFound, expressionSyntaxError } from './syntax-error.js';

/** How deeply parentheses may nest (keeps a hostile expression from exhausting the stack). */
export const MAX_NESTING = 64;

const OPERAND_STARTS: ReadonlySet<TokenKind> = new Set(['word', 'phrase', 'open', 'near']);
const OPERAND_EXPECTED = 'a word, a "phrase", "(" or NEAR/n(a, b)';

/** Parses `expression` into its tree. Throws AppError EXPRESSION_SYNTAX with the position of the problem. */
export function parseExpression(expression: string): ExpressionNode {
  if (expression.trim() === '') {
    throw expressionSyntaxError('the expression is empty', { position: 0, expected: OPERAND_EXPECTED });
  }
  return new Parser(tokenize(expression)).parseAll();
}

function combine(type: 'and' | 'or', left: ExpressionNode, right: ExpressionNode): ExpressionNode {
  const children = left.type === type ? [...left.children, right] : [left, right];
  return { type, children, start: left.start, end: right.end };
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): ExpressionNode {
    const node = this.parseAlternatives();
    const next = this.peek();
    if (next.kind !== 'end') {
      const message =
        next.kind === 'close' ? 'this ")" has no matching "("' : `unexpected ${describeFound(next.text)}`;
      throw expressionSyntaxError(message, {
        position: next.start,
        expected: 'an operator or the end',
        found: next.text,
      });
    }
    return node;
  }

  private peek(): Token {
    const token = this.tokens[this.index];
    if (!token) throw new Error('the token list always ends with an end token');
    return token;
  }

  private take(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private expect(kind: TokenKind, expected: string): Token {
    const token = this.take();
    if (token.kind !== kind) {
      throw expressionSyntaxError(`expected ${expected} but found ${describeFound(token.text)}`, {
        position: token.start,
        expected,
        found: token.text,
      });
    }
    return token;
  }

  private parseAlternatives(): ExpressionNode {
    let node = this.parseSequence();
    while (this.peek().kind === 'or') {
      this.take();
      node = combine('or', node, this.parseSequence());
    }
    return node;
  }

  private parseSequence(): ExpressionNode {
    let node = this.parseOperand();
    for (;;) {
      const next = this.peek();
      if (next.kind === 'and') {
        this.take();
        node = combine('and', node, this.parseOperand());
      } else if (next.kind === 'except') {
        this.take();
        const exclude = this.parseOperand();
        node = { type: 'except', include: node, exclude, start: node.start, end: exclude.end };
      } else if (OPERAND_STARTS.has(next.kind)) {
        node = combine('and', node, this.parseOperand());
      } else {
        return node;
      }
    }
  }

  private parseOperand(): ExpressionNode {
    const token = this.take();
    switch (token.kind) {
      case 'word':
      case 'phrase':
        return this.termOf(token);
      case 'open':
        return this.parseGroup(token);
      case 'near':
        return this.parseNear(token);
      case 'except':
        throw expressionSyntaxError(
          'nothing to include before "-": "-" excludes from what comes before it (write A - B, not - B)',
          { position: token.start, expected: OPERAND_EXPECTED, found: token.text },
        );
      default:
        throw expressionSyntaxError(`expected ${OPERAND_EXPECTED} but found ${describeFound(token.text)}`, {
          position: token.start,
          expected: OPERAND_EXPECTED,
          found: token.text,
        });
    }
  }

  private termOf(token: Token): TermNode {
    return {
      type: 'term',
      text: token.text,
      quoted: token.kind === 'phrase',
      start: token.start,
      end: token.end,
    };
  }

  private parseGroup(open: Token): ExpressionNode {
    if (++this.depth > MAX_NESTING) {
      throw expressionSyntaxError(`parentheses may nest at most ${MAX_NESTING} deep`, {
        position: open.start,
      });
    }
    const inner = this.parseAlternatives();
    const close = this.expect('close', '")" to close the "(" at position ' + open.start);
    this.depth--;
    return inner.type === 'term' ? inner : { ...inner, start: open.start, end: close.end };
  }

  private parseNearTerm(): TermNode {
    const token = this.take();
    if (token.kind !== 'word' && token.kind !== 'phrase') {
      throw expressionSyntaxError(`NEAR takes two words or phrases, found ${describeFound(token.text)}`, {
        position: token.start,
        expected: 'a word or a "phrase"',
        found: token.text,
      });
    }
    return this.termOf(token);
  }

  private parseNear(near: Token): NearNode {
    this.expect('open', '"(" after NEAR/n');
    const left = this.parseNearTerm();
    this.expect('comma', '"," between the two terms of NEAR');
    const right = this.parseNearTerm();
    const close = this.expect('close', '")" to close NEAR');
    return { type: 'near', left, right, distance: near.distance ?? 0, start: near.start, end: close.end };
  }
}
