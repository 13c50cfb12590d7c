/**
 * The scale-out job queue (DESIGN.md §4): BullMQ on Redis, one BullMQ queue per catalogue queue, any
 * number of worker processes on any number of machines. Dead letters are BullMQ's failed jobs, which it
 * only keeps once every attempt is spent; a killed worker's jobs come back through BullMQ's stalled-job check.
 */
import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppError } from '../../platform/errors.js';
import { newSecret } from '../../platform/ids.js';
import { createLogger, type Logger } from '../../platform/logger.js';
import { QUEUE_CATALOGUE, QUEUE_NAMES, type QueueCatalogue, type QueueName } from '../catalogue.js';
import { noneWaiting, zeroCounts } from '../counts.js';
import { resolveEnqueueOptions, specOf, type ResolvedEnqueueOptions } from '../enqueue-options.js';
import { encodePayload } from '../payload.js';
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
import { describeError, runWithTimeout } from '../run-handler.js';
import { connectRedis } from './connection.js';
import { bullJobId, externalJobId, parseExternalJobId } from './job-ids.js';

const DAY_SECONDS = 24 * 3600;

/** Options of the BullMQ queue. Only `url` is required. */
export interface BullmqJobQueueOptions {
  /** `redis://…` or `rediss://…`. */
  url: string;
  /** Key prefix in Redis, so that installations (or test runs) sharing a server stay apart (default `fengxiang`). */
  prefix?: string;
  /** Per-queue concurrency, attempts, backoff, lease (BullMQ lock duration) and timeout. */
  catalogue?: QueueCatalogue;
  /**
   * How often workers look for jobs whose lock expired because their worker died, and put them back
   * (default 30 s). A dead worker's job runs again within about lease + 2 × this interval. Give every process
   * sharing a Redis prefix the same value: each check blocks the others for one interval of the checker.
   */
  stalledIntervalMs?: number;
  /** How long completed jobs are kept (default 24 h); their idempotency keys hold as long. */
  keepCompletedMs?: number;
  /** How long dead letters are kept (default 30 days). */
  keepDeadMs?: number;
  /** Bound on each attempt to connect to Redis (default 10 s). */
  connectTimeoutMs?: number;
  logger?: Logger;
}

/** Connects to Redis and returns a {@link JobQueue} on it. */
export function openBullmqJobQueue(options: BullmqJobQueueOptions): BullmqJobQueue {
  return new BullmqJobQueue(options);
}

/** The BullMQ implementation of {@link JobQueue}. */
export class BullmqJobQueue implements JobQueue {
  private readonly connection: Redis;
  private readonly prefix: string;
  private readonly catalogue: QueueCatalogue;
  private readonly logger: Logger;
  private readonly queues = new Map<QueueName, Queue<JsonValue>>();
  private readonly workers = new Set<Worker<JsonValue>>();
  private closed = false;

  constructor(private readonly options: BullmqJobQueueOptions) {
    this.connection = connectRedis(options.url, options.connectTimeoutMs ?? 10_000);
    this.prefix = options.prefix ?? 'fengxiang';
    this.catalogue = options.catalogue ?? QUEUE_CATALOGUE;
    this.logger = options.logger ?? createLogger('silent');
    this.connection.on('error', (error) => this.logger.warn({ err: describeError(error) }, 'Redis error'));
  }

  async enqueue(queue: QueueName, payload: JsonValue, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    this.assertOpen();
    const spec = specOf(this.catalogue, queue);
    const resolved = resolveEnqueueOptions(spec, options);
    encodePayload(payload);
    const jobId = bullJobId(resolved.idempotencyKey);
    const nonce = newSecret(9);
    await this.queueOf(queue).add(nonce, payload, this.jobOptions(queue, jobId, resolved));
    const id = externalJobId(queue, jobId);
    if (resolved.idempotencyKey === null) return { id, duplicate: false };
    const stored = await this.queueOf(queue).getJob(jobId);
    return { id, duplicate: stored !== undefined && stored.name !== nonce };
  }

  process(queue: QueueName, handler: JobHandler, options: ProcessOptions = {}): ProcessHandle {
    this.assertOpen();
    const spec = specOf(this.catalogue, queue);
    const worker = new Worker<JsonValue>(
      queue,
      async (job) => {
        const context = {
          id: externalJobId(queue, job.id ?? ''),
          queue,
          payload: job.data,
          attempt: attemptOf(job),
        };
        await runWithTimeout(handler, context, spec.timeoutMs, this.logger).catch(rethrowDescribed);
      },
      {
        connection: this.connection,
        prefix: this.prefix,
        concurrency: options.concurrency ?? spec.concurrency,
        lockDuration: spec.leaseMs,
        stalledInterval: this.options.stalledIntervalMs ?? 30_000,
        maxStalledCount: 1,
      },
    );
    worker.on('error', (error) => this.logger.warn({ queue, err: describeError(error) }, 'job worker error'));
    this.workers.add(worker);
    return {
      stop: async () => {
        this.workers.delete(worker);
        await worker.close();
      },
    };
  }

  async deadLetters(queue?: QueueName, limit = 50): Promise<DeadJob[]> {
    this.assertOpen();
    const names = queue ? [queue] : [...QUEUE_NAMES];
    const perQueue = await Promise.all(names.map((name) => this.deadLettersOf(name, limit)));
    return perQueue
      .flat()
      .sort((a, b) => (b.failedAt ?? 0) - (a.failedAt ?? 0))
      .slice(0, limit);
  }

  async retryDead(id: string): Promise<void> {
    this.assertOpen();
    const { queue, bullId } = parseExternalJobId(id);
    const job = await this.queueOf(queue).getJob(bullId);
    if (!job) throw new AppError('JOB_NOT_FOUND', `job ${id} does not exist`, { id });
    const state = await job.getState();
    if (state !== 'failed') throw new AppError('CONFLICT', `job ${id} is ${state}, not dead`, { id, state });
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
  }

  async counts(): Promise<Record<QueueName, QueueCounts>> {
    this.assertOpen();
    const counts = zeroCounts();
    await Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const raw = await this.queueOf(name).getJobCounts(
          'waiting',
          'prioritized',
          'paused',
          'active',
          'delayed',
          'completed',
          'failed',
        );
        const of = (key: string): number => raw[key] ?? 0;
        counts[name] = {
          waiting: of('waiting') + of('prioritized') + of('paused'),
          active: of('active'),
          delayed: of('delayed'),
          completed: of('completed'),
          dead: of('failed'),
        };
      }),
    );
    return counts;
  }

  /**
   * Looks at the longest-waiting job of each waiting list (FIFO list, paused list, and the next job of the
   * prioritised set), so one scrape costs a few Redis calls whatever the backlog; a long-starved low-priority
   * job behind a stream of higher-priority ones is not seen.
   */
  async oldestWaiting(): Promise<Record<QueueName, number | null>> {
    this.assertOpen();
    const oldest = noneWaiting();
    await Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const queue = this.queueOf(name);
        const heads = await Promise.all(
          (['wait', 'paused', 'prioritized'] as const).map((type) => queue.getJobs([type], 0, 0, true)),
        );
        const readyAts = heads.flat().map(readyAtOf);
        oldest[name] = readyAts.length > 0 ? Math.min(...readyAts) : null;
      }),
    );
    return oldest;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const workers = [...this.workers];
    this.workers.clear();
    await Promise.all(workers.map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    await this.connection.quit().catch(() => this.connection.disconnect());
  }

  private async deadLettersOf(queue: QueueName, limit: number): Promise<DeadJob[]> {
    const jobs = await this.queueOf(queue).getFailed(0, limit - 1);
    return jobs.map((job) => ({
      id: externalJobId(queue, job.id ?? ''),
      queue,
      payload: job.data as JsonValue,
      attempts: job.attemptsMade,
      lastError: job.failedReason || null,
      failedAt: job.finishedOn ?? null,
    }));
  }

  private jobOptions(queue: QueueName, jobId: string, resolved: ResolvedEnqueueOptions): JobsOptions {
    return {
      jobId,
      attempts: resolved.maxAttempts,
      backoff: { type: 'exponential', delay: this.catalogue[queue].backoffBaseMs },
      ...(resolved.delayMs > 0 ? { delay: resolved.delayMs } : {}),
      ...(resolved.priority > 0 ? { priority: resolved.priority } : {}),
      removeOnComplete: { age: Math.ceil((this.options.keepCompletedMs ?? DAY_SECONDS * 1000) / 1000) },
      removeOnFail: { age: Math.ceil((this.options.keepDeadMs ?? 30 * DAY_SECONDS * 1000) / 1000) },
    };
  }

  private queueOf(name: QueueName): Queue<JsonValue> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue<JsonValue>(name, { connection: this.connection, prefix: this.prefix });
      queue.on('error', (error) =>
        this.logger.warn({ queue: name, err: describeError(error) }, 'queue error'),
      );
      this.queues.set(name, queue);
    }
    return queue;
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('STORAGE_UNAVAILABLE', 'the job queue is closed');
  }
}

/**
 * When a waiting job became ready: its creation plus its delay, or for a retry the start of the failed
 * attempt plus the backoff (BullMQ keeps no "failed at" for retried jobs, so this errs towards older).
 */
function readyAtOf(job: Job<JsonValue>): number {
  const delay = job.delay || 0;
  return Math.max(job.timestamp + delay, (job.processedOn ?? 0) + delay);
}

/** The attempt number of a job about to run: BullMQ counts started attempts, including stalled ones. */
function attemptOf(job: Job<JsonValue>): number {
  return Math.max(job.attemptsStarted, job.attemptsMade + 1);
}

/**
 * BullMQ keeps only `error.message` as the failure reason; rethrowing with the described error (code or
 * class name, then message) makes dead letters read the same as in the SQLite queue.
 */
function rethrowDescribed(error: unknown): never {
  throw new AppError('INTERNAL', describeError(error), { cause: error });
}
