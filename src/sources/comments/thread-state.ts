/**
 * What a comments source remembers per article thread: when the article was first seen (threads are
 * refetched only while it is fresh), the newest comment's id and time, and the ids already returned, so a
 * refetch returns new comments only. Bounded: the most recent threads and ids.
 */
import type { RawItem } from '../../domain/collection.js';
import { withRecent } from '../page/conditional.js';
import type { SourceState } from '../types.js';

/** One thread's memory. */
export interface ThreadMemory {
  firstSeenAt: number;
  newestId: string | null;
  newestAt: number | null;
  seenIds: string[];
}

/** Threads remembered, by article URL. */
export type ThreadMap = Record<string, ThreadMemory>;

const MAX_THREADS = 500;
const MAX_IDS_PER_THREAD = 1000;

function isMemory(value: unknown): value is ThreadMemory {
  if (typeof value !== 'object' || value === null) return false;
  const memory = value as Record<string, unknown>;
  return typeof memory['firstSeenAt'] === 'number' && Array.isArray(memory['seenIds']);
}

/** The thread map of a state (malformed entries dropped). */
export function threadsOf(state: SourceState): ThreadMap {
  const raw = state['threads'];
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => isMemory(value)));
}

/** True when the thread is still refetched at `now`. */
export function isFresh(memory: ThreadMemory | undefined, now: number, freshForHours: number): boolean {
  return memory === undefined || now - memory.firstSeenAt <= freshForHours * 3_600_000;
}

/** True when `comment` was not returned before: by id, else by being newer than the newest time seen. */
export function isNewComment(comment: RawItem, memory: ThreadMemory | undefined): boolean {
  if (!memory) return true;
  if (comment.externalId) return !memory.seenIds.includes(comment.externalId);
  return memory.newestAt === null || (comment.publishedAt ?? 0) > memory.newestAt;
}

/** The memory after returning `comments` (already resolved to absolute times where possible). */
export function remember(
  memory: ThreadMemory | undefined,
  comments: readonly RawItem[],
  now: number,
): ThreadMemory {
  const base: ThreadMemory = memory ?? { firstSeenAt: now, newestId: null, newestAt: null, seenIds: [] };
  let { newestId, newestAt } = base;
  for (const comment of comments) {
    const at = comment.publishedAt ?? null;
    if (at !== null && (newestAt === null || at > newestAt)) {
      newestAt = at;
      newestId = comment.externalId ?? null;
    }
  }
  const ids = comments.flatMap((comment) => (comment.externalId ? [comment.externalId] : []));
  return { ...base, newestId, newestAt, seenIds: [...base.seenIds, ...ids].slice(-MAX_IDS_PER_THREAD) };
}

/** `threads` with `url` set to `memory`, trimmed to the most recently updated threads. */
export function storeThread(threads: ThreadMap, url: string, memory: ThreadMemory): ThreadMap {
  return withRecent(threads, url, memory, MAX_THREADS);
}
