/**
 * When to try again: 429 and 503 answers and network errors are retried a few times, after the server's
 * Retry-After when it sent one, otherwise after an exponential backoff with jitter. Pure functions.
 */

/** Statuses that mean "come back later". */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/**
 * Milliseconds to wait according to a Retry-After header (delta seconds or an HTTP date), relative to `now`;
 * null when the header is absent or unreadable. Dates in the past give 0.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/**
 * The backoff before retry number `attempt` (0 for the first retry): half of `base * 2^attempt` fixed and
 * half random, never above `capMs`.
 */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const step = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(step / 2 + (random() * step) / 2);
}
