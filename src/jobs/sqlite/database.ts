/**
 * The SQLite file of the embedded job queue (DESIGN.md §4): its own file, separate from the main database,
 * so that queue churn never bloats or locks the data. Several processes may open the same file.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/**
 * One row per job. `state` is waiting, active, completed or dead; a waiting job whose `run_at` is in the
 * future is "delayed". An active job whose `lease_until` has passed belonged to a worker that died and may
 * be claimed again. Times are epoch milliseconds.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  queue TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('waiting', 'active', 'completed', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0,
  run_at INTEGER NOT NULL,
  lease_until INTEGER,
  locked_by TEXT,
  idempotency_key TEXT,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS jobs_queue_idempotency_key
  ON jobs (queue, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS jobs_ready ON jobs (queue, state, priority, run_at);
CREATE INDEX IF NOT EXISTS jobs_lease ON jobs (queue, state, lease_until);
CREATE INDEX IF NOT EXISTS jobs_finished ON jobs (state, finished_at);
`;

/**
 * Opens (creating when missing) the queue file with WAL, synchronous=NORMAL and a busy timeout so that
 * processes sharing the file wait for each other's short writes instead of failing.
 */
export function openJobsDatabase(file: string, busyTimeoutMs: number): BetterSqlite3.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  database.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.exec(SCHEMA);
  return database;
}
