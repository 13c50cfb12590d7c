/**
 * The ids a json source saw last time, newest first and bounded, so that paging stops at the first page
 * holding nothing new.
 */
import type { RawItem } from '../../domain/collection.js';

/** How many item keys the state keeps. */
export const SEEN_LIMIT = 1000;

/** The key an item is recognised by: its id, else its link, else its title or text. */
export function itemKey(item: RawItem): string {
  if (item.externalId) return `id:${item.externalId}`;
  if (item.url) return `url:${item.url}`;
  return `text:${item.title ?? item.content}`;
}

/** The keys remembered in `state` (anything malformed is ignored). */
export function seenFromState(state: Record<string, unknown>): string[] {
  const seen = state.seen;
  return Array.isArray(seen) ? seen.filter((key): key is string => typeof key === 'string') : [];
}

/** This run's keys first, then the older ones, each once, at most {@link SEEN_LIMIT}. */
export function mergeSeen(current: readonly string[], previous: readonly string[]): string[] {
  return [...new Set([...current, ...previous])].slice(0, SEEN_LIMIT);
}
