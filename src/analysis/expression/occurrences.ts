/**
 * Where a term occurs in normalised text. Terms in scripts written without spaces (Chinese, Japanese,
 * Korean, Thai…) match as substrings; a term that begins or ends with a letter or digit of a spaced script
 * (Latin, Cyrillic…) must not continue a longer word on that side, so `art` does not match `party`.
 */

/** One occurrence: `start` inclusive, `end` exclusive, in the normalised text. */
export interface Occurrence {
  start: number;
  end: number;
}

const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}_]/u;

/** True for a letter or digit of a script that separates words with spaces. */
export function isSpacedWordCharacter(char: string): boolean {
  return char !== '' && WORD_CHARACTER.test(char) && !UNSPACED_SCRIPT.test(char);
}

function codePointBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const isLowSurrogate = low >= 0xdc00 && low <= 0xdfff;
  return text.slice(isLowSurrogate && index >= 2 ? index - 2 : index - 1, index);
}

function codePointAt(text: string, index: number): string {
  const point = text.codePointAt(index);
  return point === undefined ? '' : String.fromCodePoint(point);
}

/** Every occurrence of `term` (already normalised, non-empty) in `text`, overlapping ones included. */
export function findOccurrences(text: string, term: string): Occurrence[] {
  if (term === '') return [];
  const checkStart = isSpacedWordCharacter(codePointAt(term, 0));
  const checkEnd = isSpacedWordCharacter(codePointBefore(term, term.length));
  const found: Occurrence[] = [];
  for (let start = text.indexOf(term); start >= 0; start = text.indexOf(term, start + 1)) {
    const end = start + term.length;
    if (checkStart && isSpacedWordCharacter(codePointBefore(text, start))) continue;
    if (checkEnd && isSpacedWordCharacter(codePointAt(text, end))) continue;
    found.push({ start, end });
  }
  return found;
}

/** Characters strictly between two occurrences; 0 when they touch or overlap. */
export function gapBetween(a: Occurrence, b: Occurrence): number {
  return Math.max(0, b.start - a.end, a.start - b.end);
}
