/**
 * The leader lock on PostgreSQL, for installations without Redis: a lease row with an expiry rather than a
 * session advisory lock. Why a lease: a session lock lives as long as the server thinks the connection is
 * alive, which after a network partition or a machine that lost power can be many minutes (until TCP
 * keepalive gives up), and it breaks behind a transaction-pooling PgBouncer; a lease ends at a known time
 * on the database's own clock whatever happened to the holder, exactly like the Redis key, so both stores
 * give the same guarantee. The table belongs to the lock (like the queue's tables in its SQLite file) and
 * is created on first use under a transaction-scoped advisory lock, so concurrent first starts do not race.
 */
import pg from 'pg';
import type { Logger } from '../../platform/logger.js';
import {
  callTimeoutOf,
  holderToken,
  processIdentity,
  SCHEDULER_LOCK,
  type LeaderLock,
  type LeaseSettings,
} from './lock.js';

/** The lease table; one row per lock name. */
export const LEASE_TABLE = 'fengxiang_leader_leases';

const CREATE = `create table if not exists ${LEASE_TABLE} (
  name text primary key,
  holder text not null,
  expires_at timestamptz not null
)`;

const ACQUIRE = `insert into ${LEASE_TABLE} as lease (name, holder, expires_at)
values ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
where lease.expires_at <= clock_timestamp() or lease.holder = excluded.holder`;

const RENEW = `update ${LEASE_TABLE} set expires_at = clock_timestamp() + $3 * interval '1 millisecond'
where name = $1 and holder = $2`;

const RELEASE = `delete from ${LEASE_TABLE} where name = $1 and holder = $2`;

/** Settings of the PostgreSQL lock. */
export interface PostgresLockSettings extends LeaseSettings {
  /** `postgres://…` (the installation's DATABASE_URL). */
  url: string;
  logger?: Logger;
}

/** Opens a one-connection pool for the lock; the table is created by the first call. */
export function openPostgresLeaderLock(settings: PostgresLockSettings): LeaderLock {
  const timeoutMs = callTimeoutOf(settings);
  const pool = new pg.Pool({
    connectionString: settings.url,
    max: 1,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    statement_timeout: timeoutMs,
    keepAlive: true,
  });
  pool.on('error', (error) => settings.logger?.debug({ err: error }, 'leader lock: postgres error'));
  const name = settings.name ?? SCHEDULER_LOCK;
  const identity = processIdentity();
  const token = holderToken(identity);
  let ready: Promise<void> | null = null;

  async function run(sql: string, values: unknown[]): Promise<number> {
    ready ??= createTable(pool).catch((error: unknown) => {
      ready = null;
      throw error;
    });
    await ready;
    return (await pool.query(sql, values)).rowCount ?? 0;
  }

  return {
    identity,
    ttlMs: settings.ttlMs,
    acquire: async () => (await run(ACQUIRE, [name, token, settings.ttlMs])) === 1,
    renew: async () => (await run(RENEW, [name, token, settings.ttlMs])) === 1,
    async release() {
      await run(RELEASE, [name, token]);
    },
    close: () => pool.end(),
  };
}

async function createTable(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // Serialises concurrent first starts: `create table if not exists` alone can race in PostgreSQL.
    await client.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [LEASE_TABLE]);
    await client.query(CREATE);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
