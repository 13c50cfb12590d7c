/** The scheduler leader: the lock (Redis, PostgreSQL or SQLite) and the runner that contends for it. */
export {
  startLeadership,
  type Duty,
  type DutyHandle,
  type Leadership,
  type LeadershipOptions,
} from './leadership.js';
export { processIdentity, SCHEDULER_LOCK, type LeaderLock, type LeaseSettings } from './lock.js';
export { leaderLockKind, openLeaderLock, type LeaderLockSettings } from './open.js';
export { openPostgresLeaderLock, type PostgresLockSettings } from './postgres-lock.js';
export { openRedisLeaderLock, type RedisLockSettings } from './redis-lock.js';
export { openSqliteLeaderLock, type SqliteLockSettings } from './sqlite-lock.js';
