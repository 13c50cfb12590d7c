/**
 * The text normaliser that matching, dedup and indexing share: full-width to half-width (NFKC),
 * traditional → simplified, lower case, and one space for every run of whitespace. Repost chains are
 * recognised separately (repost.ts), on text the caller chooses.
 */
import { toSimplified } from './traditional.js';

/** Full-width letters, digits and punctuation to their ordinary forms, and compatibility forms folded. */
export function foldCompatibilityForms(text: string): string {
  return text.normalize('NFKC');
}

/** Traditional characters to simplified ones (see traditional.ts); simplified text is left as it is. */
export function simplifyCharacters(text: string): string {
  return toSimplified(text);
}

/** Lower case, so that matching ignores case. */
export function lowerCase(text: string): string {
  return text.toLowerCase();
}

const WHITESPACE_RUN = /\s+/gu;

/** Every run of whitespace becomes one space, and the ends are trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * The normal form every matcher and the search index work on. Positions reported on normalised text
 * refer to this string, not to the original (NFKC may change lengths).
 */
export function normalizeText(text: string): string {
  return collapseWhitespace(lowerCase(simplifyCharacters(foldCompatibilityForms(text))));
}
