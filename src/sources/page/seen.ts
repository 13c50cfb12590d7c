/** The bounded list of article URLs a page source has already fetched, kept in its state. */
import type { SourceState } from '../types.js';

/** How many article URLs are remembered. */
export const MAX_SEEN_URLS = 500;

/** The seen URLs of a state (empty when missing or malformed). */
export function seenUrlsOf(state: SourceState): string[] {
  const raw = state['seenUrls'];
  return Array.isArray(raw) ? raw.filter((value): value is string => typeof value === 'string') : [];
}

/** `seen` with `added` appended, trimmed to the most recent {@link MAX_SEEN_URLS}. */
export function rememberUrls(seen: readonly string[], added: readonly string[]): string[] {
  const fresh = added.filter((url) => !seen.includes(url));
  return [...seen, ...fresh].slice(-MAX_SEEN_URLS);
}
