/**
 * The text normaliser that matching, dedup and indexing share: full-width to half-width (NFKC),
 * traditional → simplified, lower case, and one space for every run of whitespace. Repost chains are
 * recognised separately (repost.ts), on text the caller chooses.
 */
import { isTraditionalUnit, toSimplified } from './traditional.js';

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
 * True when a code unit of NFKC-folded text is known to be left alone by the later steps: printable ASCII
 * other than capitals and the space, and simplified CJK characters and punctuation (U+3001–U+9FFF) other
 * than traditional ones. Anything else (other scripts, which may have case; other spaces; surrogates)
 * answers false and sends the text through every step.
 */
function isPlainUnit(unit: number): boolean {
  if (unit < 0x80) return unit > 0x20 && unit < 0x7f && (unit < 0x41 || unit > 0x5a);
  return unit > 0x3000 && unit < 0xa000 && !isTraditionalUnit(unit);
}

/**
 * True when traditional → simplified, lower case and whitespace collapsing would all leave `folded`
 * as it is: every unit is plain (see isPlainUnit) or a single space between two other characters. One
 * pass over the units, cheaper than the three steps on the common simplified Chinese text.
 */
function isAlreadyNormal(folded: string): boolean {
  const last = folded.length - 1;
  for (let i = 0; i <= last; i++) {
    const unit = folded.charCodeAt(i);
    if (isPlainUnit(unit)) continue;
    if (unit !== 0x20 || i === 0 || i === last || folded.charCodeAt(i + 1) === 0x20) return false;
  }
  return true;
}

/**
 * The normal form every matcher and the search index work on. Positions reported on normalised text
 * refer to this string, not to the original (NFKC may change lengths).
 */
export function normalizeText(text: string): string {
  const folded = foldCompatibilityForms(text);
  if (isAlreadyNormal(folded)) return folded;
  return collapseWhitespace(lowerCase(simplifyCharacters(folded)));
}

/** What {@link normalizeTextNoting} answers. */
export interface NoticedNormalization {
  /** normalizeText of the text. */
  normalized: string;
  /**
   * False when no traditional character was converted: `normalized` is then also the plain form of the
   * text (NFKC, lower case, whitespace runs as one space, trimmed), which is the sentiment model's
   * normalisation (sentiment/normalize.ts), so full analysis hands it over instead of normalising twice.
   */
  simplified: boolean;
}

/** normalizeText, and whether it converted traditional characters on the way. */
export function normalizeTextNoting(text: string): NoticedNormalization {
  const folded = foldCompatibilityForms(text);
  if (isAlreadyNormal(folded)) return { normalized: folded, simplified: false };
  const simplified = simplifyCharacters(folded);
  return { normalized: collapseWhitespace(lowerCase(simplified)), simplified: simplified !== folded };
}
