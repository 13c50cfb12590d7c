/**
 * Dictionary entries for the segmenter (jieba's user-dictionary format, `word frequency` per line), parsed
 * by a pure function so that the loader stays a thin file read.
 */
import { AppError } from '../../platform/errors.js';

/** A word and its dictionary frequency. */
export interface DictionaryWord {
  word: string;
  frequency: number;
}

const ENTRY = /^(\S+)\s+(\d+)(?:\s+\S+)?$/u;

/** The entries of a dictionary text; blank lines are skipped, a malformed line is CONFIG_INVALID naming it. */
export function parseDictionary(text: string, origin: string): DictionaryWord[] {
  const words: DictionaryWord[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const match = ENTRY.exec(line);
    if (!match?.[1] || !match[2]) {
      throw new AppError(
        'CONFIG_INVALID',
        `${origin} line ${index + 1}: expected "word frequency", found "${line}"`,
        {
          origin,
          line: index + 1,
        },
      );
    }
    words.push({ word: match[1], frequency: Number(match[2]) });
  });
  return words;
}
