/** Random Redis key prefixes for BullMQ tests, and removal of everything under them afterwards. */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A prefix no other test run uses. */
export function testPrefix(label: string): string {
  return `fxtest-${label}-${randomBytes(5).toString('hex')}`;
}

/** Deletes every key whose name starts with one of `prefixes`. */
export async function deleteKeys(url: string, prefixes: readonly string[]): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 5000 });
  try {
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
