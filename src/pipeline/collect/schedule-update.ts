/**
 * The bookkeeping of one fetch: from the source as it was and what the fetch came to, the next fetch time,
 * the adapted interval, the new health and the health event (if the health changed). Pure.
 */
import type { KeyPeriod, SourceHealthState } from '../../domain/collection.js';
import type { Source } from '../../domain/entities.js';
import {
  adaptInterval,
  healthEvent,
  keyPeriodMultiplier,
  nextFetchDelayMs,
  sourceHealth,
  type FetchSummary,
} from '../schedule/policy.js';

/** Scheduling state kept in a source's state beside the kind's own state. */
export interface PollState {
  /** The adapted interval in seconds (absent until the first fetch). */
  intervalSeconds?: number;
}

/** What {@link scheduleAfterFetch} decides. */
export interface ScheduleUpdate {
  nextFetchAt: number;
  poll: PollState;
  consecutiveErrors: number;
  health: SourceHealthState;
  event: 'failing' | 'silent' | 'recovered' | null;
}

/** The poll state inside a source's state, tolerating anything malformed. */
export function pollStateOf(state: Record<string, unknown>): PollState {
  const poll = state['poll'];
  if (typeof poll !== 'object' || poll === null) return {};
  const interval = (poll as { intervalSeconds?: unknown }).intervalSeconds;
  return typeof interval === 'number' && interval > 0 ? { intervalSeconds: interval } : {};
}

/** The kind's own state inside a source's state. */
export function kindStateOf(state: Record<string, unknown>): Record<string, unknown> {
  const kind = state['kind'];
  return typeof kind === 'object' && kind !== null && !Array.isArray(kind)
    ? (kind as Record<string, unknown>)
    : {};
}

/** Decides the schedule after a fetch of `source` at `now`. */
export function scheduleAfterFetch(input: {
  source: Source;
  fetch: FetchSummary;
  now: number;
  keyPeriods: readonly KeyPeriod[];
  failingAfter: number;
  random: number;
}): ScheduleUpdate {
  const { source, fetch, now } = input;
  const poll = pollStateOf(source.state);
  const intervalSeconds = adaptInterval(source, poll.intervalSeconds ?? null, fetch);
  const consecutiveErrors = fetch.ok ? 0 : source.consecutiveErrors + 1;
  const delay = nextFetchDelayMs({
    intervalSeconds,
    consecutiveErrors,
    retryAfterMs: fetch.retryAfterMs,
    multiplier: keyPeriodMultiplier(input.keyPeriods, source, now),
    random: input.random,
  });
  const health = sourceHealth(
    {
      enabled: source.enabled,
      consecutiveErrors,
      lastFetchAt: now,
      lastNewItemAt: fetch.newItems > 0 ? now : source.lastNewItemAt,
      createdAt: source.createdAt,
      expectedPeriodSeconds: source.expectedPeriodSeconds,
    },
    now,
    input.failingAfter,
  );
  return {
    nextFetchAt: now + delay,
    poll: { intervalSeconds },
    consecutiveErrors,
    health,
    event: healthEvent(source.health, health),
  };
}
