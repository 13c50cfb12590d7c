/**
 * The job queue contract (DESIGN.md §4). Two implementations exist: a SQLite table (embedded default) and
 * BullMQ on Redis (scale-out). Jobs carry small JSON payloads — ids, not documents — and every handler is
 * idempotent, because a job whose worker died runs again.
 */
import type { Logger } from '../platform/logger.js';
import type { QueueName } from './catalogue.js';

/** A JSON scalar. */
export type JsonPrimitive = string | number | boolean | null;

/** A value that survives JSON.stringify/parse unchanged: what a job payload may hold. */
export type JsonValue = JsonPrimitive | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Options of one enqueue. Omitted fields take the queue's catalogue defaults. */
export interface EnqueueOptions {
  /**
   * While a job with this key exists in the same queue (waiting, delayed, active, completed until purged,
   * or dead), enqueuing again returns that job with `duplicate: true` instead of adding another.
   */
  idempotencyKey?: string;
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** Attempts before the job becomes a dead letter; defaults to the catalogue's value. */
  maxAttempts?: number;
  /**
   * A positive integer that ranks a job below unprioritised ones (as BullMQ does): jobs without a priority
   * run first, then prioritised jobs, lower numbers first. Use it to keep bulk work (re-analysis, imports)
   * behind live work.
   */
  priority?: number;
}

/** What enqueue returns: the job's id, and whether an existing job was returned instead of a new one. */
export interface EnqueueResult {
  id: string;
  duplicate: boolean;
}

/** What a handler receives. */
export interface JobContext {
  id: string;
  queue: QueueName;
  payload: JsonValue;
  /** 1 for the first run, 2 for the first retry, … */
  attempt: number;
  /** Aborted when the attempt exceeds the queue's timeout; long handlers should honour it and stop. */
  signal: AbortSignal;
  /** The worker's logger bound to `jobId`, `queue` and `attempt`, so every line of the job says which run it is. */
  logger: Logger;
}

/** Processes one job. Throwing fails the attempt: the job retries with backoff, or becomes a dead letter. */
export type JobHandler = (job: JobContext) => Promise<void> | void;

/** Options of {@link JobQueue.process}. */
export interface ProcessOptions {
  /** Handlers running at once in this process; defaults to the catalogue's value. */
  concurrency?: number;
}

/** A running processor of one queue. */
export interface ProcessHandle {
  /** Stops taking new jobs and resolves when the running ones have finished. */
  stop(): Promise<void>;
}

/** A job that exhausted its attempts (or timed out on its last one). */
export interface DeadJob {
  id: string;
  queue: QueueName;
  payload: JsonValue;
  attempts: number;
  lastError: string | null;
  /** Epoch milliseconds of the last failure. */
  failedAt: number | null;
}

/** How many jobs of one queue are in each state. `delayed` includes jobs waiting for a retry. */
export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  dead: number;
}

/** The queue contract shared by the SQLite and BullMQ implementations. */
export interface JobQueue {
  /** Adds a job (or returns the existing one with the same idempotency key). */
  enqueue(queue: QueueName, payload: JsonValue, options?: EnqueueOptions): Promise<EnqueueResult>;
  /** Starts processing `queue` in this process. */
  process(queue: QueueName, handler: JobHandler, options?: ProcessOptions): ProcessHandle;
  /** The most recent dead letters, newest first, of one queue or all. */
  deadLetters(queue?: QueueName, limit?: number): Promise<DeadJob[]>;
  /** Re-queues a dead job with fresh attempts. Throws JOB_NOT_FOUND, or CONFLICT when the job is not dead. */
  retryDead(id: string): Promise<void>;
  /** Counts per state of every catalogue queue. */
  counts(): Promise<Record<QueueName, QueueCounts>>;
  /**
   * Per catalogue queue, the epoch milliseconds since which its oldest waiting job has been ready to run
   * (null when nothing is waiting), so that a stuck or starved queue shows as a growing age. Delayed jobs
   * are not waiting until their time comes.
   */
  oldestWaiting(): Promise<Record<QueueName, number | null>>;
  /** Stops every processor of this instance (waiting for running jobs) and releases the connection. */
  close(): Promise<void>;
}
