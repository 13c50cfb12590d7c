/**
 * Content hashes for exact-duplicate detection: SHA-256 (hex) over the normalised title and content, so
 * that trivial formatting changes (case, full-width forms, runs of whitespace, zero-width characters, and
 * line breaks or spaces next to Chinese or Japanese characters, which HTML extraction adds or drops) do not
 * give a new hash. The title and content are joined by a newline, which normalisation never leaves
 * inside either, so moving words between title and content changes the hash.
 */
import { createHash } from 'node:crypto';
import { normalizeText } from './text.js';

const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/gu;
const CJK = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f]';
const SPACE_BY_CJK = new RegExp(`(?<=${CJK}) | (?=${CJK})`, 'gu');

/** Text in the form the content hash is taken over. */
export function normalizeForHash(text: string): string {
  return normalizeText(text.replace(INVISIBLE, '')).replace(SPACE_BY_CJK, '');
}

/** Title (optional) and content of an item. */
export interface HashInput {
  title?: string | null;
  content: string;
}

/** SHA-256 hex (64 characters) over the normalised title and content. */
export function contentHash(input: HashInput): string {
  const title = normalizeForHash(input.title ?? '');
  const content = normalizeForHash(input.content);
  return createHash('sha256').update(`${title}\n${content}`, 'utf8').digest('hex');
}
