/** The Redis connection of the BullMQ queue. */
import { Redis } from 'ioredis';

/**
 * Connects to Redis at `url`. BullMQ's workers block on Redis and need `maxRetriesPerRequest: null` so that
 * a short outage pauses them instead of failing commands; `connectTimeoutMs` bounds each connection attempt.
 */
export function connectRedis(url: string, connectTimeoutMs: number): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectTimeout: connectTimeoutMs });
}
