/**
 * Login rate limiting: failed logins are counted per user name and per client address within a sliding
 * window; past the limit further attempts are refused with LOGIN_RATE_LIMITED and a Retry-After. The
 * interface lets a shared (Redis) limiter replace the in-memory one when several API processes run.
 */
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';

/** Counts failed logins and refuses attempts over the limit. */
export interface LoginLimiter {
  /** Throws LOGIN_RATE_LIMITED (details.retryAfterSeconds) when the user name or address is locked. */
  assertAllowed(username: string, ip: string | null): Promise<void>;
  recordFailure(username: string, ip: string | null): Promise<void>;
  /** A successful login clears the failures counted against the user name. */
  recordSuccess(username: string): Promise<void>;
}

/** Limits of a {@link LoginLimiter}. */
export interface LoginLimits {
  maxFailuresPerUsername: number;
  maxFailuresPerIp: number;
  windowMs: number;
}

/** Past this many tracked keys, expired ones are swept so memory stays bounded. */
const SWEEP_THRESHOLD = 10_000;

/** The embedded default: failure times kept in memory of this process. */
export class InMemoryLoginLimiter implements LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: LoginLimits,
  ) {}

  async assertAllowed(username: string, ip: string | null): Promise<void> {
    const now = this.clock.now();
    const waits = [
      this.waitFor(userKey(username), this.limits.maxFailuresPerUsername, now),
      ip === null ? 0 : this.waitFor(ipKey(ip), this.limits.maxFailuresPerIp, now),
    ];
    const waitMs = Math.max(...waits);
    if (waitMs > 0) {
      throw new AppError('LOGIN_RATE_LIMITED', 'too many failed logins, try again later', {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    }
  }

  async recordFailure(username: string, ip: string | null): Promise<void> {
    const now = this.clock.now();
    this.add(userKey(username), now);
    if (ip !== null) this.add(ipKey(ip), now);
    if (this.failures.size > SWEEP_THRESHOLD) this.sweep(now);
  }

  async recordSuccess(username: string): Promise<void> {
    this.failures.delete(userKey(username));
  }

  /** How long `key` stays locked (0 when it is not). */
  private waitFor(key: string, max: number, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < max) return 0;
    const unlockingFailure = recent[recent.length - max] ?? now;
    return Math.max(1, unlockingFailure + this.limits.windowMs - now);
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((at) => at > now - this.limits.windowMs);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  private add(key: string, now: number): void {
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}

function userKey(username: string): string {
  return `u:${username.toLowerCase()}`;
}

function ipKey(ip: string): string {
  return `ip:${ip}`;
}
