/**
 * Keyed hashes of author names. An office may choose to store only these, so that posts by one author can
 * still be grouped (for coordinated-posting detection, say) while private people are not profiled by name.
 *
 * The hash is stable: `h:` followed by the lower-case hex HMAC-SHA256, keyed with the office's secret, of
 * the name in normal form (NFKC, lower case, whitespace collapsed, a leading `@` removed). The same name and
 * key always give the same hash; without the key the name cannot be confirmed by guessing. Changing the key
 * changes every hash.
 */
import { createHmac } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import { normalizeText } from './text.js';

/** Prefix that marks a stored author as a keyed hash rather than a name. */
export const AUTHOR_HASH_PREFIX = 'h:';

/** The normal form of an author name that the hash is taken over (`@张三 ` and `张三` are the same). */
export function normalizeAuthorName(name: string): string {
  return normalizeText(name).replace(/^@+\s*/u, '');
}

/**
 * `h:` + hex HMAC-SHA256 of the normalised name under `key`. Throws CONFIG_INVALID when the key is empty
 * (an unkeyed hash of a name is easy to reverse) and VALIDATION_FAILED when the name is empty after
 * normalisation (callers store no author then, rather than one hash shared by every anonymous post).
 */
export function hashAuthor(name: string, key: string): string {
  if (key.length === 0) {
    throw new AppError(
      'CONFIG_INVALID',
      'The author-hash key is empty; set a secret key to hash author names',
    );
  }
  const normal = normalizeAuthorName(name);
  if (normal.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The author name is empty after normalisation; there is nothing to hash',
    );
  }
  return AUTHOR_HASH_PREFIX + createHmac('sha256', key).update(normal, 'utf8').digest('hex');
}

/** True when a stored author value is a keyed hash made by {@link hashAuthor}. */
export function isAuthorHash(value: string): boolean {
  return /^h:[0-9a-f]{64}$/u.test(value);
}
