/**
 * Choosing the leader lock from the installation's stores: Redis when the queues run there (scale-out),
 * otherwise PostgreSQL when the data lives there (several machines without Redis), otherwise the embedded
 * job queue file (one machine).
 */
import type { Logger } from '../../platform/logger.js';
import type { LeaderLock } from './lock.js';
import { openPostgresLeaderLock } from './postgres-lock.js';
import { openRedisLeaderLock } from './redis-lock.js';
import { openSqliteLeaderLock } from './sqlite-lock.js';

/** Where the lock can live (config keys redisUrl, queuePrefix, databaseUrl, jobsSqlitePath). */
export interface LeaderLockSettings {
  /** Empty or absent: no Redis. */
  redisUrl?: string;
  queuePrefix: string;
  databaseUrl: string;
  jobsSqlitePath: string;
  ttlMs: number;
  name?: string;
  logger?: Logger;
}

/** Which store a lock opened with `settings` uses. */
export function leaderLockKind(settings: LeaderLockSettings): 'redis' | 'postgres' | 'sqlite' {
  if (settings.redisUrl) return 'redis';
  return /^postgres(ql)?:\/\//.test(settings.databaseUrl) ? 'postgres' : 'sqlite';
}

/** Opens the leader lock of the installation. */
export function openLeaderLock(settings: LeaderLockSettings): LeaderLock {
  const lease = {
    ttlMs: settings.ttlMs,
    ...(settings.name === undefined ? {} : { name: settings.name }),
  };
  const logger = settings.logger ? { logger: settings.logger } : {};
  switch (leaderLockKind(settings)) {
    case 'redis':
      return openRedisLeaderLock({
        ...lease,
        ...logger,
        url: settings.redisUrl ?? '',
        prefix: settings.queuePrefix,
      });
    case 'postgres':
      return openPostgresLeaderLock({ ...lease, ...logger, url: settings.databaseUrl });
    case 'sqlite':
      return openSqliteLeaderLock({ ...lease, file: settings.jobsSqlitePath });
  }
}
