/**
 * The structured form compiled to an expression in the browser, exactly as the server's
 * `compileSchemeWords` (src/analysis/expression/words.ts) does it: `(regions)+(subjects)+(people)+(events)
 * -(excludes)`, empty groups left out, words with operator characters or spaces quoted. A test keeps the two
 * in step. DOM-free.
 */
import type { SchemeWords } from './api.js';

const DELIMITERS = new Set([...'+＋|｜-－−(（)）,，"＂“”']);
const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ['“', '”'],
  ['＂', '＂'],
];

function needsQuotes(word: string): boolean {
  return [...word].some((char) => /\s/u.test(char) || DELIMITERS.has(char)) || /^near\//iu.test(word);
}

/** `word` as one term: bare when it can be, otherwise quoted; null when every kind of quote is in it. */
export function quoteWord(word: string): string | null {
  if (!needsQuotes(word)) return word;
  const pair = QUOTES.find(([, closing]) => !word.includes(closing));
  return pair ? `${pair[0]}${word}${pair[1]}` : null;
}

function group(words: readonly string[]): string | null {
  const kept = [...new Set(words.map((word) => word.trim()).filter((word) => word !== ''))];
  const terms = kept.map(quoteWord).filter((term): term is string => term !== null);
  if (terms.length === 0) return null;
  return terms.length === 1 ? (terms[0] ?? null) : `(${terms.join('|')})`;
}

/** The expression of the form, or null when no group but the excludes has a word. */
export function compileWords(words: SchemeWords): string | null {
  const included = [words.regions, words.subjects, words.people, words.events]
    .map(group)
    .filter((part): part is string => part !== null);
  if (included.length === 0) return null;
  const excluded = group(words.excludes);
  return included.join('+') + (excluded === null ? '' : `-${excluded}`);
}

/** A form with no words. */
export const EMPTY_WORDS: SchemeWords = { regions: [], subjects: [], people: [], events: [], excludes: [] };
