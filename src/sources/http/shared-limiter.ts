/**
 * Per-host politeness shared by every process on one Redis (issue 9): request slots per host (a sorted set
 * of slot tokens scored by their expiry, so a process killed mid-request cannot hold a slot for longer than
 * a request can last) and a per-host next-allowed start time, checked and moved in one atomic step. Both scripts read Redis's
 * own clock, so machines with skewed clocks still space their requests correctly.
 *
 * In front of Redis sits an in-process gate (concurrency only) so that one process's waiting requests do
 * not all poll Redis. When Redis errs or does not answer within the call timeout, requests fall back to the
 * in-process limiter for a while, with a warning: collection slows to per-process politeness, it never stops.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../../platform/clock.js';
import { AppError, isAppError } from '../../platform/errors.js';
import { createHostLimiter, type HostLimiter } from './host-limiter.js';
import type { HttpLog, Sleep } from './options.js';

/** Takes a slot (returns -1) or answers how many ms until the earliest slot expires. */
const TAKE_SLOT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return -1
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(0, tonumber(first[2]) - now)`;

/**
 * Starts a request now when the host's spacing allows it (returns 0 and records the start), or answers how
 * long to wait before asking again. Recording the actual start, not a reservation made earlier, keeps the
 * spacing even when a waiting process's timer fires late.
 */
const TRY_START = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if now < nextAt then return nextAt - now end
redis.call('SET', KEYS[1], now + tonumber(ARGV[1]), 'PX', tonumber(ARGV[1]) + 1000)
return 0`;

const FREE_SLOT = `return redis.call('ZREM', KEYS[1], ARGV[1])`;

/** Longest pause between two tries for a slot while all are taken. */
const SLOT_POLL_MS = 100;

/** Settings of the shared limiter. */
export interface SharedLimiterSettings {
  redis: Redis;
  /** Key prefix (`QUEUE_PREFIX`); keys are `<prefix>:politeness:<host>:slots|next`. */
  prefix: string;
  concurrency: number;
  minIntervalMs: number;
  /** How long a slot lives at most: longer than any request attempt can take. */
  slotTtlMs: number;
  /** Bound on one Redis call; also how long the client waits for a connection. */
  callTimeoutMs: number;
  /** How long requests use the local limiter after a Redis failure before trying Redis again. */
  fallbackMs: number;
  clock: Clock;
  sleep: Sleep;
  warn: HttpLog;
}

/** Creates the Redis-backed limiter with its local gate and local fallback. */
export function createSharedHostLimiter(settings: SharedLimiterSettings): HostLimiter {
  const local = { clock: settings.clock, sleep: settings.sleep, concurrency: settings.concurrency };
  const gate = createHostLimiter({ ...local, minIntervalMs: 0 });
  const fallback = createHostLimiter({ ...local, minIntervalMs: settings.minIntervalMs });
  const intervals = new Map<string, number>();
  let redisBackAt = 0;

  async function acquireShared(host: string, signal?: AbortSignal): Promise<() => void> {
    const keys = {
      slots: `${settings.prefix}:politeness:${host}:slots`,
      next: `${settings.prefix}:politeness:${host}:next`,
    };
    const slot = randomBytes(8).toString('hex');
    await takeSlot(settings, keys.slots, slot, signal);
    const free = (): void => {
      call(settings, FREE_SLOT, keys.slots, slot).catch(() => undefined);
    };
    try {
      const interval = String(intervals.get(host) ?? settings.minIntervalMs);
      for (;;) {
        const waitMs = await call(settings, TRY_START, keys.next, interval);
        if (waitMs <= 0) break;
        await settings.sleep(waitMs, signal);
      }
    } catch (error) {
      free();
      throw error;
    }
    return free;
  }

  return {
    async acquire(host, signal) {
      if (settings.clock.now() < redisBackAt) return fallback.acquire(host, signal);
      const releaseGate = await gate.acquire(host, signal);
      try {
        const releaseShared = await acquireShared(host, signal);
        return () => {
          releaseShared();
          releaseGate();
        };
      } catch (error) {
        releaseGate();
        if (!isAppError(error, 'COORDINATION_UNAVAILABLE')) throw error;
        redisBackAt = settings.clock.now() + settings.fallbackMs;
        settings.warn('shared politeness limits unavailable; using per-process limits', {
          host,
          retryInMs: settings.fallbackMs,
          reason: error.message,
        });
        return fallback.acquire(host, signal);
      }
    },
    setMinInterval(host, ms) {
      intervals.set(host, Math.max(settings.minIntervalMs, ms));
      fallback.setMinInterval(host, ms);
    },
  };
}

async function takeSlot(settings: SharedLimiterSettings, key: string, slot: string, signal?: AbortSignal) {
  for (;;) {
    const waitMs = await call(
      settings,
      TAKE_SLOT,
      key,
      String(settings.concurrency),
      String(settings.slotTtlMs),
      slot,
    );
    if (waitMs < 0) return;
    await settings.sleep(Math.min(Math.max(waitMs, 10), SLOT_POLL_MS), signal);
  }
}

/** Runs a script on one key; any failure becomes COORDINATION_UNAVAILABLE. */
async function call(settings: SharedLimiterSettings, script: string, key: string, ...args: string[]) {
  try {
    const answer = await settings.redis.eval(script, 1, key, ...args);
    return Number(answer);
  } catch (error) {
    throw new AppError('COORDINATION_UNAVAILABLE', `redis: ${(error as Error).message}`, {
      key,
      timeoutMs: settings.callTimeoutMs,
    });
  }
}
