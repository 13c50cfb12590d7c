/**
 * How a segmented word becomes index tokens. The full-text engines split words again on their own rules
 * (SQLite fts5 unicode61 on anything but letters and digits; PostgreSQL's parser on punctuation, hyphens,
 * dots…), so a word is cut here into its runs of letters and digits first. Index and query both pass
 * through this, so the two always agree.
 *
 * This runs on every word of every analysed item, so the common cases (one CJK character, a run of
 * lower-case letters and digits) are decided from a per-code-unit class table filled on first sight of
 * each unit, without a regular expression; anything else takes the general path.
 */
import { isLowerStable, OTHER_UNIT, RUN_UNIT, unitClass } from '../normalize/char-class.js';

/** Tokens longer than this are cut short (base64 blobs and the like would only bloat the index). */
export const MAX_TOKEN_LENGTH = 64;

/**
 * Separates the precise tokens from the extra sub-words appended for recall, so that no phrase matches
 * across them. Full-width letters never survive normalisation (NFKC folds them), so no query can contain
 * this token, while both engines index it as an ordinary word.
 */
export const EXTRAS_SEPARATOR = 'ｆｘｓｅｐ';

/** A word that is one run of lower-case letters and digits already (the common case after normalisation). */
const SINGLE_RUN = /^[\p{Ll}\p{Lo}\p{N}]+$/u;

function cut(part: string): string {
  return part.length > MAX_TOKEN_LENGTH ? part.slice(0, MAX_TOKEN_LENGTH) : part;
}

/** The general path: a run as it is, else lower case, split on anything but letters and digits, cap. */
function appendGeneral(word: string, out: string[]): void {
  if (SINGLE_RUN.test(word)) {
    out.push(cut(word));
    return;
  }
  for (const part of word.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (part !== '') out.push(cut(part));
  }
}

/**
 * The index token of one segmented word in the common cases, where a word gives at most one: the token,
 * or '' when the word gives none (punctuation). null when the word needs the general path (it may give
 * several tokens); {@link appendTokensOfWord} then has them.
 */
export function singleTokenOfWord(word: string): string | null {
  if (word.length === 1) {
    const unit = word.charCodeAt(0);
    if (unitClass(unit) === OTHER_UNIT) return '';
    return isLowerStable(unit) ? word : word.toLowerCase();
  }
  for (let i = 0; i < word.length; i++) {
    if (unitClass(word.charCodeAt(i)) !== RUN_UNIT) return null;
  }
  return cut(word);
}

/**
 * Appends the index tokens of one segmented word to `out` (what {@link tokensOfWord} returns, without
 * an array per word).
 */
export function appendTokensOfWord(word: string, out: string[]): void {
  const single = singleTokenOfWord(word);
  if (single === null) appendGeneral(word, out);
  else if (single !== '') out.push(single);
}

/** The index tokens of one segmented word: its letter/digit runs, lower-cased and length-capped. */
export function tokensOfWord(word: string): string[] {
  const out: string[] = [];
  appendTokensOfWord(word, out);
  return out;
}

function hasSurrogate(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return true;
  }
  return false;
}

/**
 * The sub-words jieba's search mode adds for one word of the precise cut, in its order: the dictionary
 * words among the word's two-character pieces (words longer than two), then among its three-character
 * pieces (words longer than three). Computed here from the dictionary instead of a second native cut of
 * the whole text; the output is the same (checked against cutForSearch in the tests).
 */
export function searchSubwords(word: string, dictionary: ReadonlySet<string>): string[] {
  const found: string[] = [];
  if (!hasSurrogate(word)) {
    for (let size = 2; size <= 3 && word.length > size; size++) {
      for (let start = 0; start + size <= word.length; start++) {
        const piece = word.slice(start, start + size);
        if (dictionary.has(piece)) found.push(piece);
      }
    }
    return found;
  }
  const chars = Array.from(word);
  for (const size of [2, 3]) {
    if (chars.length <= size) break;
    for (let start = 0; start + size <= chars.length; start++) {
      const piece = chars.slice(start, start + size).join('');
      if (dictionary.has(piece)) found.push(piece);
    }
  }
  return found;
}
