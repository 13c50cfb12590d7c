/**
 * The leader lock of the embedded default: a lease row in the job queue's SQLite file. SQLite is one
 * machine, but two `fengxiang serve` on the same files must still not both lead, and one killed by SIGKILL
 * must hand over; a lease with an expiry on the machine's clock does both. Every statement runs under the
 * file's busy timeout, which bounds how long a call can wait for another process's write.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { openJobsDatabase } from '../sqlite/database.js';
import {
  callTimeoutOf,
  holderToken,
  processIdentity,
  SCHEDULER_LOCK,
  type LeaderLock,
  type LeaseSettings,
} from './lock.js';

const SCHEMA = `CREATE TABLE IF NOT EXISTS leader_leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL
)`;

const ACQUIRE = `INSERT INTO leader_leases (name, holder, expires_at) VALUES (@name, @holder, @expiresAt)
ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
WHERE leader_leases.expires_at <= @now OR leader_leases.holder = excluded.holder`;

const RENEW = `UPDATE leader_leases SET expires_at = @expiresAt WHERE name = @name AND holder = @holder`;

const RELEASE = `DELETE FROM leader_leases WHERE name = @name AND holder = @holder`;

/** Settings of the SQLite lock. */
export interface SqliteLockSettings extends LeaseSettings {
  /** The job queue's file (`JOBS_SQLITE_PATH`). */
  file: string;
}

/** Opens its own connection to the job queue's file. */
export function openSqliteLeaderLock(settings: SqliteLockSettings): LeaderLock {
  const database: BetterSqlite3.Database = openJobsDatabase(settings.file, callTimeoutOf(settings));
  database.exec(SCHEMA);
  const statements = {
    acquire: database.prepare(ACQUIRE),
    renew: database.prepare(RENEW),
    release: database.prepare(RELEASE),
  };
  const identity = processIdentity();
  const key = { name: settings.name ?? SCHEDULER_LOCK, holder: holderToken(identity) };
  const lease = (): { now: number; expiresAt: number } => {
    const now = Date.now();
    return { now, expiresAt: now + settings.ttlMs };
  };
  return {
    identity,
    ttlMs: settings.ttlMs,
    acquire: async () => statements.acquire.run({ ...key, ...lease() }).changes === 1,
    renew: async () => statements.renew.run({ ...key, expiresAt: lease().expiresAt }).changes === 1,
    async release() {
      statements.release.run(key);
    },
    async close() {
      database.close();
    },
  };
}
