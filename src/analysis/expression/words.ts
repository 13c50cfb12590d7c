/**
 * The structured form of a scheme (地域词, 主体词, 人物词, 事件词, 排除词) compiled to an expression:
 * `(regions) + (subjects) + (people) + (events) - (excludes)`, empty groups left out. Words that hold
 * operator characters or spaces are quoted, so every word stays one term.
 */
import type { SchemeWords } from '../../domain/index.js';
import { isDelimiter } from './lexer.js';
import { expressionSyntaxError } from './syntax-error.js';

/** Quote pairs tried in order; a word is wrapped in the first pair whose closing quote it does not contain. */
const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ['“', '”'],
  ['＂', '＂'],
];

function needsQuotes(word: string): boolean {
  return [...word].some(isDelimiter) || /^near\//iu.test(word);
}

/** `word` as one term of an expression: bare when it can be, otherwise quoted. */
export function quoteWord(word: string): string {
  if (!needsQuotes(word)) return word;
  const pair = QUOTES.find(([, closing]) => !word.includes(closing));
  if (!pair) {
    throw expressionSyntaxError(`the word ${JSON.stringify(word)} contains every kind of quote`, {
      position: 0,
      found: word,
    });
  }
  return `${pair[0]}${word}${pair[1]}`;
}

function group(words: readonly string[]): string | null {
  const kept = [...new Set(words.map((word) => word.trim()).filter((word) => word !== ''))];
  if (kept.length === 0) return null;
  const terms = kept.map(quoteWord);
  return terms.length === 1 ? (terms[0] ?? null) : `(${terms.join('|')})`;
}

/**
 * The expression of a structured scheme. Throws EXPRESSION_SYNTAX when no group but the excludes has a
 * word (a scheme must include something).
 */
export function compileSchemeWords(words: SchemeWords): string {
  const included = [words.regions, words.subjects, words.people, words.events]
    .map(group)
    .filter((part): part is string => part !== null);
  if (included.length === 0) {
    throw expressionSyntaxError(
      'the scheme has no region, subject, person or event words: there is nothing to include',
      { position: 0, expected: 'at least one word outside the excludes' },
    );
  }
  const excluded = group(words.excludes);
  return included.join('+') + (excluded === null ? '' : `-${excluded}`);
}
