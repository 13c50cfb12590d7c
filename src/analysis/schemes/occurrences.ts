/**
 * The occurrences of scheme words in one item, per field, found in one automaton pass per field and
 * filtered by the Latin word-boundary rule of the expression language (see expression/occurrences.ts).
 */
import { isSpacedWordCharacter, type Occurrence } from '../expression/occurrences.js';
import type { WordAutomaton } from './automaton.js';
import type { WordEntry } from './formula.js';

/** The fields a scheme can target. */
export type SchemeField = 'title' | 'content';

/** The occurrences of each word found in one field, in text order (a word's ends come in order). */
export interface FieldOccurrences {
  field: SchemeField;
  byWord: Map<number, Occurrence[]>;
}

function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return text.slice(start, index);
}

function charAt(text: string, index: number): string {
  const point = text.codePointAt(index);
  return point === undefined ? '' : String.fromCodePoint(point);
}

/** True when the occurrence respects the word's boundary checks. */
function isBounded(text: string, entry: WordEntry, start: number, end: number): boolean {
  if (entry.checkStart && isSpacedWordCharacter(charBefore(text, start))) return false;
  return !(entry.checkEnd && isSpacedWordCharacter(charAt(text, end)));
}

/** Every bounded occurrence of every word in `text` (already normalised). */
export function findFieldOccurrences(
  automaton: WordAutomaton,
  words: readonly WordEntry[],
  field: SchemeField,
  text: string,
): FieldOccurrences {
  const byWord = new Map<number, Occurrence[]>();
  automaton.scan(text, (word, end) => {
    const entry = words[word];
    if (!entry) return;
    const start = end - entry.text.length;
    if (!isBounded(text, entry, start, end)) return;
    const list = byWord.get(word);
    if (list) list.push({ start, end });
    else byWord.set(word, [{ start, end }]);
  });
  return { field, byWord };
}
