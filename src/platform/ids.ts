import { randomBytes } from 'node:crypto';

/**
 * A new time-ordered id: 12 hex digits of epoch milliseconds then 16 random hex digits. Sorting ids as
 * strings sorts them by creation time, which keeps B-tree inserts local on both database engines.
 */
export function newId(now: number = Date.now()): string {
  return now.toString(16).padStart(12, '0') + randomBytes(8).toString('hex');
}

/** A random secret of `bytes` bytes, URL-safe base64, for tokens and session cookies. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
