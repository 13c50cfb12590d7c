/**
 * The embedded job queue (DESIGN.md §4): a table in its own SQLite file. Any number of processes may share
 * the file; claims are single atomic UPDATEs, and a job whose process died runs again once its lease expires.
 */
import { hostname } from 'node:os';
import type BetterSqlite3 from 'better-sqlite3';
import { systemClock, type Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId, newSecret } from '../../platform/ids.js';
import { createLogger, type Logger } from '../../platform/logger.js';
import { QUEUE_CATALOGUE, isQueueName, type QueueCatalogue, type QueueName } from '../catalogue.js';
import { noneWaiting, zeroCounts } from '../counts.js';
import { resolveEnqueueOptions, specOf } from '../enqueue-options.js';
import { decodePayload, encodePayload } from '../payload.js';
import type {
  DeadJob,
  EnqueueOptions,
  EnqueueResult,
  JobHandler,
  JobQueue,
  JsonValue,
  ProcessHandle,
  ProcessOptions,
  QueueCounts,
} from '../queue.js';
import { openJobsDatabase } from './database.js';
import { SqliteProcessor } from './processor.js';
import { prepareStatements, type QueueStatements } from './statements.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Options of the SQLite queue. Only `file` is required. */
export interface SqliteJobQueueOptions {
  /** The queue's own SQLite file (e.g. `./data/jobs.sqlite`); `:memory:` works within one process only. */
  file: string;
  /** Per-queue concurrency, attempts, backoff, lease and timeout; default {@link QUEUE_CATALOGUE}. */
  catalogue?: QueueCatalogue;
  /**
   * How often an idle processor looks for due jobs (default 500 ms). Jobs enqueued by this process wake
   * it at once; the poll finds jobs enqueued by other processes, delayed jobs and expired leases.
   */
  pollIntervalMs?: number;
  /** How long completed jobs are kept before being purged (default 24 h); their idempotency keys hold as long. */
  keepCompletedMs?: number;
  /** How long dead letters are kept for inspection and retry before being purged (default 30 days). */
  keepDeadMs?: number;
  /** How often the purge runs (default 10 minutes). */
  purgeIntervalMs?: number;
  /** How long a write waits for another process's write to finish before failing (default 5 s). */
  busyTimeoutMs?: number;
  /** Names this process's claims (default host:pid:random). */
  workerId?: string;
  clock?: Clock;
  logger?: Logger;
}

/** Opens the queue file and returns a {@link JobQueue} on it. */
export function openSqliteJobQueue(options: SqliteJobQueueOptions): SqliteJobQueue {
  return new SqliteJobQueue(options);
}

/** The SQLite implementation of {@link JobQueue}. */
export class SqliteJobQueue implements JobQueue {
  private readonly db: BetterSqlite3.Database;
  private readonly statements: QueueStatements;
  private readonly catalogue: QueueCatalogue;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly workerId: string;
  private readonly processors = new Map<QueueName, Set<SqliteProcessor>>();
  private readonly purgeTimer: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: SqliteJobQueueOptions) {
    this.db = openJobsDatabase(options.file, options.busyTimeoutMs ?? 5000);
    this.statements = prepareStatements(this.db);
    this.catalogue = options.catalogue ?? QUEUE_CATALOGUE;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? createLogger('silent');
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${newSecret(6)}`;
    this.purgeFinished();
    this.purgeTimer = setInterval(() => this.purgeFinished(), options.purgeIntervalMs ?? 10 * 60_000);
    this.purgeTimer.unref();
  }

  async enqueue(queue: QueueName, payload: JsonValue, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    this.assertOpen();
    const resolved = resolveEnqueueOptions(specOf(this.catalogue, queue), options);
    const now = this.clock.now();
    const params = {
      id: newId(now),
      queue,
      payload: encodePayload(payload),
      maxAttempts: resolved.maxAttempts,
      priority: resolved.priority,
      runAt: now + resolved.delayMs,
      idempotencyKey: resolved.idempotencyKey,
      now,
    };
    const result = this.db.transaction(() => this.insertOrFind(params)).immediate();
    if (!result.duplicate && resolved.delayMs === 0) this.wakeProcessors(queue);
    return result;
  }

  process(queue: QueueName, handler: JobHandler, options: ProcessOptions = {}): ProcessHandle {
    this.assertOpen();
    const spec = specOf(this.catalogue, queue);
    const processor = new SqliteProcessor({
      statements: this.statements,
      queue,
      spec,
      handler,
      concurrency: options.concurrency ?? spec.concurrency,
      workerId: this.workerId,
      pollIntervalMs: this.options.pollIntervalMs ?? 500,
      clock: this.clock,
      logger: this.logger,
    });
    const group = this.processors.get(queue) ?? new Set();
    this.processors.set(queue, group.add(processor));
    processor.start();
    return {
      stop: async () => {
        group.delete(processor);
        await processor.stop();
      },
    };
  }

  async deadLetters(queue?: QueueName, limit = 50): Promise<DeadJob[]> {
    this.assertOpen();
    const rows = this.statements.deadLetters.all({ queue: queue ?? null, limit });
    return rows
      .filter((row) => isQueueName(row.queue))
      .map((row) => ({
        id: row.id,
        queue: row.queue as QueueName,
        payload: decodePayload(row.payload),
        attempts: row.attempts,
        lastError: row.lastError,
        failedAt: row.finishedAt,
      }));
  }

  async retryDead(id: string): Promise<void> {
    this.assertOpen();
    if (this.statements.revive.run({ id, now: this.clock.now() }).changes === 1) {
      this.processors.forEach((group) => group.forEach((processor) => processor.wake()));
      return;
    }
    const row = this.statements.stateOf.get({ id });
    if (!row) throw new AppError('JOB_NOT_FOUND', `job ${id} does not exist`, { id });
    throw new AppError('CONFLICT', `job ${id} is ${row.state}, not dead`, { id, state: row.state });
  }

  async counts(): Promise<Record<QueueName, QueueCounts>> {
    this.assertOpen();
    const counts = zeroCounts();
    for (const { queue, ...row } of this.statements.counts.all({ now: this.clock.now() })) {
      if (isQueueName(queue)) counts[queue] = row;
    }
    return counts;
  }

  async oldestWaiting(): Promise<Record<QueueName, number | null>> {
    this.assertOpen();
    const oldest = noneWaiting();
    for (const { queue, readyAt } of this.statements.oldestWaiting.all({ now: this.clock.now() })) {
      if (isQueueName(queue)) oldest[queue] = readyAt;
    }
    return oldest;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.purgeTimer);
    const all = [...this.processors.values()].flatMap((group) => [...group]);
    this.processors.clear();
    await Promise.all(all.map((processor) => processor.stop()));
    this.db.close();
  }

  /**
   * Deletes completed jobs older than `keepCompletedMs` and dead ones older than `keepDeadMs`; returns how
   * many went. Runs on open and every `purgeIntervalMs`.
   */
  purgeFinished(): number {
    const now = this.clock.now();
    const completedBefore = now - (this.options.keepCompletedMs ?? DAY);
    const deadBefore = now - (this.options.keepDeadMs ?? 30 * DAY);
    try {
      return (
        this.statements.purge.run({ state: 'completed', before: completedBefore }).changes +
        this.statements.purge.run({ state: 'dead', before: deadBefore }).changes
      );
    } catch (error) {
      this.logger.warn({ err: String(error) }, 'job purge failed; it runs again later');
      return 0;
    }
  }

  private insertOrFind(params: Parameters<QueueStatements['insert']['get']>[0]): EnqueueResult {
    const inserted = this.statements.insert.get(params);
    if (inserted) return { id: inserted.id, duplicate: false };
    const existing = this.statements.findByKey.get({ queue: params.queue, key: params.idempotencyKey ?? '' });
    if (!existing)
      throw new AppError('INTERNAL', `job insert into ${params.queue} neither added nor found a row`);
    return { id: existing.id, duplicate: true };
  }

  private wakeProcessors(queue: QueueName): void {
    this.processors.get(queue)?.forEach((processor) => processor.wake());
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('STORAGE_UNAVAILABLE', 'the job queue is closed');
  }
}
