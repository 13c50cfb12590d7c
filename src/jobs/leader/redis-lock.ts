/**
 * The leader lock on Redis: `SET key token NX PX ttl` semantics, with renewal and release done by Lua
 * scripts that act only while the key still holds our token, so a process whose lease expired can never
 * extend or delete the lease of the process that took over. Every command has a timeout.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../../platform/logger.js';
import {
  callTimeoutOf,
  holderToken,
  processIdentity,
  SCHEDULER_LOCK,
  type LeaderLock,
  type LeaseSettings,
} from './lock.js';

/** Takes the key when free, or extends it when it already holds our token. */
const ACQUIRE = `
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if current then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

/** Extends the key only while it holds our token. */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

/** Deletes the key only while it holds our token. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/** Settings of the Redis lock. */
export interface RedisLockSettings extends LeaseSettings {
  url: string;
  /** Key prefix shared with the queues (`QUEUE_PREFIX`); the key is `<prefix>:leader:<name>`. */
  prefix: string;
  logger?: Logger;
}

/** Opens a Redis connection for the lock. */
export function openRedisLeaderLock(settings: RedisLockSettings): LeaderLock {
  const timeoutMs = callTimeoutOf(settings);
  const redis = new Redis(settings.url, {
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 1,
  });
  redis.on('error', (error: unknown) => settings.logger?.debug({ err: error }, 'leader lock: redis error'));
  const key = `${settings.prefix}:leader:${settings.name ?? SCHEDULER_LOCK}`;
  const identity = processIdentity();
  const token = holderToken(identity);
  const ttl = String(settings.ttlMs);
  return {
    identity,
    ttlMs: settings.ttlMs,
    acquire: async () => (await redis.eval(ACQUIRE, 1, key, token, ttl)) === 1,
    renew: async () => (await redis.eval(RENEW, 1, key, token, ttl)) === 1,
    async release() {
      await redis.eval(RELEASE, 1, key, token);
    },
    async close() {
      redis.disconnect();
    },
  };
}
