/**
 * How a segmented word becomes index tokens. The full-text engines split words again on their own rules
 * (SQLite fts5 unicode61 on anything but letters and digits; PostgreSQL's parser on punctuation, hyphens,
 * dots…), so a word is cut here into its runs of letters and digits first. Index and query both pass
 * through this, so the two always agree.
 */

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

/** One letter or digit (single-character words are most of a cut: spaces, punctuation, particles). */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** The index tokens of one segmented word: its letter/digit runs, lower-cased and length-capped. */
export function tokensOfWord(word: string): string[] {
  if (word.length === 1) return LETTER_OR_DIGIT.test(word) ? [word.toLowerCase()] : [];
  if (SINGLE_RUN.test(word)) return [word.length > MAX_TOKEN_LENGTH ? word.slice(0, MAX_TOKEN_LENGTH) : word];
  return word
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => part !== '')
    .map((part) => (part.length > MAX_TOKEN_LENGTH ? part.slice(0, MAX_TOKEN_LENGTH) : part));
}

/**
 * The sub-words jieba's search mode adds for one word of the precise cut, in its order: the dictionary
 * words among the word's two-character pieces (words longer than two), then among its three-character
 * pieces (words longer than three). Computed here from the dictionary instead of a second native cut of
 * the whole text; the output is the same (checked against cutForSearch in the tests).
 */
export function searchSubwords(word: string, dictionary: ReadonlySet<string>): string[] {
  const chars = Array.from(word);
  const found: string[] = [];
  for (const size of [2, 3]) {
    if (chars.length <= size) break;
    for (let start = 0; start + size <= chars.length; start++) {
      const piece = chars.slice(start, start + size).join('');
      if (dictionary.has(piece)) found.push(piece);
    }
  }
  return found;
}
