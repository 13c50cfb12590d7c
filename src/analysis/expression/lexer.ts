/**
 * Cuts an expression into tokens. Operators have ASCII and full-width forms (＋ ｜ － （ ） ， “ ”), so that
 * a scheme typed with a Chinese input method parses the same. Positions are offsets into the expression
 * as written.
 */
import { describeFound, expressionSyntaxError } from './syntax-error.js';

/** The kinds of token of the expression language. */
export type TokenKind =
  'word' | 'phrase' | 'and' | 'or' | 'except' | 'open' | 'close' | 'comma' | 'near' | 'end';

/** One token; `text` is the word or phrase content, `distance` the n of `NEAR/n`. */
export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  distance?: number;
}

/** The largest n accepted in `NEAR/n`. */
export const MAX_NEAR_DISTANCE = 1000;

const OPERATORS: Readonly<Record<string, TokenKind>> = {
  '+': 'and',
  '＋': 'and',
  '|': 'or',
  '｜': 'or',
  '-': 'except',
  '－': 'except',
  '−': 'except',
  '(': 'open',
  '（': 'open',
  ')': 'close',
  '）': 'close',
  ',': 'comma',
  '，': 'comma',
};

/** Each opening quote and the quote that closes it. */
const QUOTE_PAIRS: Readonly<Record<string, string>> = { '"': '"', '＂': '＂', '“': '”' };

/** Characters that end a bare word. */
export function isDelimiter(char: string): boolean {
  return /\s/u.test(char) || char in OPERATORS || char in QUOTE_PAIRS || char === '”';
}

const NEAR_PATTERN = /^near\/(\d+)\s*[(（]/iu;

function readPhrase(expression: string, start: number): Token {
  const opening = expression.charAt(start);
  const closing = QUOTE_PAIRS[opening] ?? '"';
  const end = expression.indexOf(closing, start + 1);
  if (end < 0) {
    throw expressionSyntaxError(`the phrase opened here is not closed with ${closing}`, {
      position: start,
      expected: closing,
      found: describeFound(undefined),
    });
  }
  const text = expression.slice(start + 1, end);
  if (text.trim() === '') {
    throw expressionSyntaxError('the quoted phrase is empty', { position: start, expected: 'a phrase' });
  }
  return { kind: 'phrase', text, start, end: end + 1 };
}

function readNear(expression: string, start: number): Token | null {
  const rest = expression.slice(start);
  if (!/^near\//iu.test(rest)) return null;
  const match = NEAR_PATTERN.exec(rest);
  if (!match?.[1]) {
    throw expressionSyntaxError('NEAR must be written NEAR/n(a, b) with a whole number n', {
      position: start,
      expected: 'NEAR/n(',
      found: describeFound(rest.slice(0, 8)),
    });
  }
  const distance = Number(match[1]);
  if (distance > MAX_NEAR_DISTANCE) {
    throw expressionSyntaxError(`the NEAR distance may be at most ${MAX_NEAR_DISTANCE}`, {
      position: start,
      expected: `a number up to ${MAX_NEAR_DISTANCE}`,
      found: match[1],
    });
  }
  const end = start + 5 + match[1].length;
  return { kind: 'near', text: expression.slice(start, end), start, end, distance };
}

function readWord(expression: string, start: number): Token {
  let end = start;
  while (end < expression.length && !isDelimiter(expression.charAt(end))) end++;
  return { kind: 'word', text: expression.slice(start, end), start, end };
}

/** All tokens of `expression`, ending with one `end` token. Throws EXPRESSION_SYNTAX on a bad quote or NEAR. */
export function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < expression.length) {
    const char = expression.charAt(at);
    const operator = OPERATORS[char];
    let token: Token;
    if (/\s/u.test(char)) {
      at++;
      continue;
    } else if (operator) {
      token = { kind: operator, text: char, start: at, end: at + 1 };
    } else if (char in QUOTE_PAIRS) {
      token = readPhrase(expression, at);
    } else if (char === '”') {
      throw expressionSyntaxError('a closing quote without an opening one', { position: at, found: '”' });
    } else {
      token = readNear(expression, at) ?? readWord(expression, at);
    }
    tokens.push(token);
    at = token.end;
  }
  tokens.push({ kind: 'end', text: '', start: expression.length, end: expression.length });
  return tokens;
}
