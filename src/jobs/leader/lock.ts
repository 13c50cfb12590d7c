/**
 * The scheduler-leader lock (issue 9): a lease with an expiry that exactly one process holds at a time. The
 * holder renews it well before it runs out; a holder that dies (even by SIGKILL) simply stops renewing, and
 * the lease expires so that another process can take it. Implementations: Redis, PostgreSQL, SQLite.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** A lease-based lock that one contender holds at a time. */
export interface LeaderLock {
  /** The contender, as `hostname:pid`, for logs. */
  readonly identity: string;
  /** How long a hold lasts without renewal. */
  readonly ttlMs: number;
  /** Takes the lock when it is free or expired, or extends it when it is already ours; true when ours. */
  acquire(): Promise<boolean>;
  /** Extends our hold by the TTL; false when the lock is no longer ours (it expired and was taken, or released). */
  renew(): Promise<boolean>;
  /** Gives the lock up when it is ours, so that another contender can take it at once. */
  release(): Promise<void>;
  /** Closes the connection behind the lock (without releasing it). */
  close(): Promise<void>;
}

/** What every implementation is configured with. */
export interface LeaseSettings {
  /** Which lock (one per duty set; default `scheduler`). */
  name?: string;
  /** Lease length in milliseconds. */
  ttlMs: number;
  /** Bound on every call to the store (default a quarter of the TTL). */
  callTimeoutMs?: number;
}

/** The default lock name: the process that runs the schedulers and tickers. */
export const SCHEDULER_LOCK = 'scheduler';

/** This process as `hostname:pid`. */
export function processIdentity(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * A token unique to one lock object: the identity plus random bytes, so that two contenders inside one
 * process (tests, or a restart that reuses a pid) never mistake each other's lease for their own.
 */
export function holderToken(identity: string): string {
  return `${identity}:${randomBytes(6).toString('hex')}`;
}

/** The call deadline of `settings` (default a quarter of the TTL, at least 50 ms). */
export function callTimeoutOf(settings: LeaseSettings): number {
  return settings.callTimeoutMs ?? Math.max(50, Math.floor(settings.ttlMs / 4));
}
