/**
 * When a failed report e-mail is tried again (pure): after 1 minute, then 2, 4, 8 … capped at 1 hour, until
 * the attempts are used up and the delivery is dead. No jitter: report deliveries are few and a schedule's
 * recipients may as well be retried together.
 */

/** The delay after the first failure. */
export const FIRST_RETRY_MS = 60_000;
/** The longest delay between two attempts. */
export const MAX_RETRY_MS = 3600_000;
/** Attempts in all by default (REPORT_DELIVERY_MAX_ATTEMPTS). */
export const DEFAULT_DELIVERY_MAX_ATTEMPTS = 6;

/** The time of the next attempt after `attempts` attempts failed, or null when none is left. */
export function retryAt(attempts: number, now: number, maxAttempts: number): number | null {
  if (attempts >= maxAttempts) return null;
  const step = FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1);
  return now + Math.min(MAX_RETRY_MS, step);
}
