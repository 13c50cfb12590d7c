/**
 * The polling policy of sources, as pure functions: how the interval adapts to how often a source really
 * changes, when the next fetch is due (backoff after failures, Retry-After, key periods, jitter) and what
 * health a source is in. The collect orchestrator and the scheduler call these; they do no I/O.
 */
import type { KeyPeriod, SourceHealthState } from '../../domain/collection.js';

/** No source is polled more often than this, even in a key period. */
export const MIN_POLL_SECONDS = 30;
/** A failing source is retried at least this often, however many errors it has had. */
export const MAX_BACKOFF_SECONDS = 6 * 3600;
/** Spread of the jitter around the computed delay (±10 %). */
export const JITTER_FRACTION = 0.1;

/** The polling settings of a source. */
export interface PollingSettings {
  /** The interval the admin set. */
  intervalSeconds: number;
  /** Bounds of adaptive polling; both null means the interval is fixed. */
  minIntervalSeconds: number | null;
  maxIntervalSeconds: number | null;
}

/** What the last fetch came to, for the policy. */
export interface FetchSummary {
  ok: boolean;
  newItems: number;
  notModified: boolean;
  /** The server asked to wait this long (Retry-After), when it did. */
  retryAfterMs: number | null;
}

/** The adaptive interval bounds; a missing bound is the admin's interval. */
export function intervalBounds(settings: PollingSettings): { min: number; max: number } {
  if (settings.minIntervalSeconds === null && settings.maxIntervalSeconds === null) {
    return { min: settings.intervalSeconds, max: settings.intervalSeconds };
  }
  const min = Math.max(MIN_POLL_SECONDS, settings.minIntervalSeconds ?? settings.intervalSeconds);
  const max = Math.max(min, settings.maxIntervalSeconds ?? settings.intervalSeconds);
  return { min, max };
}

/**
 * The next adaptive interval: a fetch that found something new shortens it by a quarter, one that found
 * nothing lengthens it by a quarter, within the admin's bounds. Failures leave it alone (backoff is separate),
 * so an outage does not teach the source to be polled less once it is back.
 */
export function adaptInterval(
  settings: PollingSettings,
  current: number | null,
  fetch: FetchSummary,
): number {
  const { min, max } = intervalBounds(settings);
  const base = current ?? settings.intervalSeconds;
  if (!fetch.ok) return clamp(base, min, max);
  const factor = fetch.newItems > 0 ? 0.75 : 1.25;
  return clamp(Math.round(base * factor), min, max);
}

/** The inputs of {@link nextFetchDelayMs}. */
export interface DelayInput {
  /** The (adapted) interval in seconds. */
  intervalSeconds: number;
  /** Consecutive failures including the last fetch (0 after a success). */
  consecutiveErrors: number;
  retryAfterMs: number | null;
  /** Key-period multiplier (1 outside key periods). */
  multiplier: number;
  /** A number in [0, 1) for the jitter. */
  random: number;
}

/**
 * How long until the next fetch. After failures the interval doubles per error (capped at six hours, or at
 * the interval when that is longer); a Retry-After is never undercut; a key period divides the delay.
 */
export function nextFetchDelayMs(input: DelayInput): number {
  const base = Math.max(MIN_POLL_SECONDS, input.intervalSeconds / Math.max(1, input.multiplier));
  const backoff =
    input.consecutiveErrors > 0
      ? Math.min(
          base * 2 ** (input.consecutiveErrors - 1),
          Math.max(MAX_BACKOFF_SECONDS, input.intervalSeconds),
        )
      : base;
  const jittered = backoff * (1 + JITTER_FRACTION * (2 * input.random - 1));
  return Math.round(Math.max(jittered * 1000, input.retryAfterMs ?? 0));
}

/** The largest multiplier of the key periods active at `now` that cover the source, or 1. */
export function keyPeriodMultiplier(
  periods: readonly KeyPeriod[],
  source: { id: string; unitId: string },
  now: number,
): number {
  let multiplier = 1;
  for (const period of periods) {
    if (period.startsAt > now || period.endsAt <= now) continue;
    if (coversSource(period, source)) multiplier = Math.max(multiplier, period.multiplier);
  }
  return multiplier;
}

/** Does a key period cover a source: listed by id, by unit, or (when it lists neither) by its own unit. */
export function coversSource(period: KeyPeriod, source: { id: string; unitId: string }): boolean {
  if (period.sourceIds.includes(source.id) || period.unitIds.includes(source.unitId)) return true;
  return period.sourceIds.length === 0 && period.unitIds.length === 0 && period.unitId === source.unitId;
}

/** What the health of a source is computed from. */
export interface HealthInput {
  enabled: boolean;
  consecutiveErrors: number;
  lastFetchAt: number | null;
  lastNewItemAt: number | null;
  createdAt: number;
  expectedPeriodSeconds: number | null;
}

/**
 * A source's health: paused when disabled, new before its first fetch, failing after `failingAfter`
 * consecutive errors, silent when nothing new came for twice its expected update period, otherwise ok.
 */
export function sourceHealth(source: HealthInput, now: number, failingAfter: number): SourceHealthState {
  if (!source.enabled) return 'paused';
  if (source.lastFetchAt === null) return 'new';
  if (source.consecutiveErrors >= failingAfter) return 'failing';
  if (source.expectedPeriodSeconds !== null) {
    const since = source.lastNewItemAt ?? source.createdAt;
    if (now - since > 2 * source.expectedPeriodSeconds * 1000) return 'silent';
  }
  return 'ok';
}

/** The health event a change of health raises, if any. */
export function healthEvent(
  before: SourceHealthState,
  after: SourceHealthState,
): 'failing' | 'silent' | 'recovered' | null {
  if (before === after) return null;
  if (after === 'failing' || after === 'silent') return after;
  if (after === 'ok' && (before === 'failing' || before === 'silent')) return 'recovered';
  return null;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
