/**
 * Every SQL statement of the SQLite queue, prepared once per open file. Each state change is one
 * statement, so it is atomic even when several processes share the file.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** A job as the claim statement returns it. */
export interface ClaimedRow {
  id: string;
  payload: string;
  attempts: number;
  maxAttempts: number;
}

/** A dead job as the dead-letter listing returns it. */
export interface DeadRow {
  id: string;
  queue: string;
  payload: string;
  attempts: number;
  lastError: string | null;
  finishedAt: number | null;
}

/** Per-queue state counts. */
export interface CountRow {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  dead: number;
}

/** A new job's columns. */
export interface InsertParams {
  id: string;
  queue: string;
  payload: string;
  maxAttempts: number;
  priority: number;
  runAt: number;
  idempotencyKey: string | null;
  now: number;
}

/** Identifies one claim on a job: only its holder may renew or finish it. */
export interface LeaseParams {
  id: string;
  worker: string;
  now: number;
}

/** The prepared statements of one queue file. */
export interface QueueStatements {
  insert: BetterSqlite3.Statement<[InsertParams], { id: string }>;
  findByKey: BetterSqlite3.Statement<[{ queue: string; key: string }], { id: string }>;
  claim: BetterSqlite3.Statement<
    [{ queue: string; worker: string; now: number; leaseUntil: number }],
    ClaimedRow
  >;
  renewLease: BetterSqlite3.Statement<[LeaseParams & { leaseUntil: number }]>;
  complete: BetterSqlite3.Statement<[LeaseParams]>;
  retryLater: BetterSqlite3.Statement<[LeaseParams & { runAt: number; error: string }]>;
  bury: BetterSqlite3.Statement<[LeaseParams & { error: string }]>;
  deadLetters: BetterSqlite3.Statement<[{ queue: string | null; limit: number }], DeadRow>;
  revive: BetterSqlite3.Statement<[{ id: string; now: number }]>;
  stateOf: BetterSqlite3.Statement<[{ id: string }], { state: string }>;
  counts: BetterSqlite3.Statement<[{ now: number }], CountRow>;
  oldestWaiting: BetterSqlite3.Statement<[{ now: number }], { queue: string; readyAt: number }>;
  purge: BetterSqlite3.Statement<[{ state: string; before: number }]>;
}

/**
 * The best ready job: waiting and due, or active with a lease that expired (its worker died). Each branch
 * is one index range (jobs_ready, jobs_lease), so finished rows kept for idempotency are never scanned.
 */
const CLAIM = `
UPDATE jobs
SET state = 'active', attempts = attempts + 1, locked_by = @worker, lease_until = @leaseUntil, updated_at = @now
WHERE id = (
  SELECT id FROM (
    SELECT * FROM (
      SELECT id, priority, run_at, rowid AS seq FROM jobs
      WHERE queue = @queue AND state = 'waiting' AND run_at <= @now
      ORDER BY priority, run_at, rowid LIMIT 1)
    UNION ALL
    SELECT * FROM (
      SELECT id, priority, run_at, rowid AS seq FROM jobs
      WHERE queue = @queue AND state = 'active' AND lease_until <= @now
      ORDER BY lease_until LIMIT 1))
  ORDER BY priority, run_at, seq
  LIMIT 1
)
RETURNING id, payload, attempts, max_attempts AS maxAttempts`;

const HELD = `id = @id AND locked_by = @worker AND state = 'active'`;

/** Prepares the statements against an open queue file. */
export function prepareStatements(db: BetterSqlite3.Database): QueueStatements {
  return {
    insert: db.prepare(`
      INSERT INTO jobs (id, queue, payload, state, max_attempts, priority, run_at, idempotency_key,
                        created_at, updated_at)
      VALUES (@id, @queue, @payload, 'waiting', @maxAttempts, @priority, @runAt, @idempotencyKey, @now, @now)
      ON CONFLICT (queue, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
      RETURNING id`),
    findByKey: db.prepare(`SELECT id FROM jobs WHERE queue = @queue AND idempotency_key = @key`),
    claim: db.prepare(CLAIM),
    renewLease: db.prepare(`UPDATE jobs SET lease_until = @leaseUntil, updated_at = @now WHERE ${HELD}`),
    complete: db.prepare(`
      UPDATE jobs SET state = 'completed', lease_until = NULL, locked_by = NULL, last_error = NULL,
                      finished_at = @now, updated_at = @now
      WHERE ${HELD}`),
    retryLater: db.prepare(`
      UPDATE jobs SET state = 'waiting', run_at = @runAt, lease_until = NULL, locked_by = NULL,
                      last_error = @error, updated_at = @now
      WHERE ${HELD}`),
    bury: db.prepare(`
      UPDATE jobs SET state = 'dead', attempts = MIN(attempts, max_attempts), lease_until = NULL,
                      locked_by = NULL, last_error = @error, finished_at = @now, updated_at = @now
      WHERE ${HELD}`),
    deadLetters: db.prepare(`
      SELECT id, queue, payload, attempts, last_error AS lastError, finished_at AS finishedAt
      FROM jobs WHERE state = 'dead' AND (@queue IS NULL OR queue = @queue)
      ORDER BY finished_at DESC, id DESC LIMIT @limit`),
    revive: db.prepare(`
      UPDATE jobs SET state = 'waiting', attempts = 0, run_at = @now, finished_at = NULL, updated_at = @now
      WHERE id = @id AND state = 'dead'`),
    stateOf: db.prepare(`SELECT state FROM jobs WHERE id = @id`),
    counts: db.prepare(`
      SELECT queue,
             SUM(state = 'waiting' AND run_at <= @now) AS waiting,
             SUM(state = 'active') AS active,
             SUM(state = 'waiting' AND run_at > @now) AS delayed,
             SUM(state = 'completed') AS completed,
             SUM(state = 'dead') AS dead
      FROM jobs GROUP BY queue`),
    oldestWaiting: db.prepare(`
      SELECT queue, MIN(run_at) AS readyAt FROM jobs
      WHERE state = 'waiting' AND run_at <= @now GROUP BY queue`),
    purge: db.prepare(`DELETE FROM jobs WHERE state = @state AND finished_at < @before`),
  };
}
