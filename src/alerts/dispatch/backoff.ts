/**
 * When a failed delivery is tried again (pure): exponential backoff with full jitter between half and
 * the whole step, capped; null once the attempts are used up (the delivery is dead).
 */

/** The retry policy. */
export interface RetryPolicy {
  /** The delay after the first failure, in ms. */
  baseDelayMs: number;
  /** The longest delay, in ms. */
  maxDelayMs: number;
  /** Attempts in all; the delivery is dead after this many failures. */
  maxAttempts: number;
}

/** The default policy: 5 s, 10 s, 20 s … up to 30 min, 8 attempts (about an hour of retries). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 5_000,
  maxDelayMs: 30 * 60_000,
  maxAttempts: 8,
};

/**
 * The time of the next attempt after `attempts` attempts failed, or null when none is left. `random`
 * returns a number in [0, 1) and spreads retries of many deliveries apart.
 */
export function nextAttemptAt(
  attempts: number,
  now: number,
  policy: RetryPolicy,
  random: () => number,
): number | null {
  if (attempts >= policy.maxAttempts) return null;
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const jitter = Math.min(Math.max(random(), 0), 1);
  return now + Math.round(step / 2 + (step / 2) * jitter);
}
