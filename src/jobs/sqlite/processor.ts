/**
 * The loop that runs one queue's jobs in this process: claim due jobs up to the concurrency limit, run each
 * handler under a renewed lease, record the outcome, and sleep until the next poll or an in-process wake-up.
 */
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';
import { backoffDelayMs, type QueueName, type QueueSpec } from '../catalogue.js';
import { decodePayload } from '../payload.js';
import type { JobHandler } from '../queue.js';
import { describeError, runWithTimeout } from '../run-handler.js';
import type { ClaimedRow, QueueStatements } from './statements.js';
import { WakeSignal } from './wake-signal.js';

/** What one processor needs. */
export interface ProcessorDeps {
  statements: QueueStatements;
  queue: QueueName;
  spec: QueueSpec;
  handler: JobHandler;
  concurrency: number;
  /** Identifies this process's claims in `locked_by`. */
  workerId: string;
  pollIntervalMs: number;
  clock: Clock;
  logger: Logger;
}

/** Runs one queue until stopped. */
export class SqliteProcessor {
  private readonly running = new Set<Promise<void>>();
  private readonly signal = new WakeSignal();
  private stopping = false;
  private loop: Promise<void> | null = null;

  constructor(private readonly deps: ProcessorDeps) {}

  /** Starts the claim loop. */
  start(): void {
    this.loop ??= this.runLoop();
  }

  /** Makes the loop look for jobs now (a job was enqueued, or a slot came free). */
  wake(): void {
    this.signal.notify();
  }

  /** Stops claiming, then waits for the running handlers to finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.signal.notify();
    await this.loop;
    await Promise.all([...this.running]);
  }

  private async runLoop(): Promise<void> {
    while (!this.stopping) {
      this.fillSlots();
      await this.signal.wait(this.deps.pollIntervalMs);
    }
  }

  private fillSlots(): void {
    while (!this.stopping && this.running.size < this.deps.concurrency) {
      const row = this.claimNext();
      if (!row) return;
      const run = this.execute(row).finally(() => {
        this.running.delete(run);
        this.signal.notify();
      });
      this.running.add(run);
    }
  }

  private claimNext(): ClaimedRow | undefined {
    const { statements, queue, spec, workerId, clock } = this.deps;
    const now = clock.now();
    try {
      return statements.claim.get({ queue, worker: workerId, now, leaseUntil: now + spec.leaseMs });
    } catch (error) {
      this.deps.logger.warn({ queue, err: describeError(error) }, 'job claim failed; retrying at next poll');
      return undefined;
    }
  }

  private async execute(row: ClaimedRow): Promise<void> {
    if (row.attempts > row.maxAttempts) {
      this.record(() => this.bury(row.id, 'the worker running the last attempt stopped (lease expired)'));
      return;
    }
    const heartbeat = setInterval(() => this.renewLease(row.id), Math.max(10, this.deps.spec.leaseMs / 3));
    try {
      const job = {
        id: row.id,
        queue: this.deps.queue,
        payload: decodePayload(row.payload),
        attempt: row.attempts,
      };
      await runWithTimeout(this.deps.handler, job, this.deps.spec.timeoutMs, this.deps.logger);
      this.record(() => this.deps.statements.complete.run(this.held(row.id)).changes);
    } catch (error) {
      this.record(() => this.fail(row, describeError(error)));
    } finally {
      clearInterval(heartbeat);
    }
  }

  private fail(row: ClaimedRow, error: string): number {
    if (row.attempts >= row.maxAttempts) return this.bury(row.id, error);
    const runAt = this.deps.clock.now() + backoffDelayMs(this.deps.spec, row.attempts);
    return this.deps.statements.retryLater.run({ ...this.held(row.id), runAt, error }).changes;
  }

  private bury(id: string, error: string): number {
    this.deps.logger.warn({ queue: this.deps.queue, jobId: id, err: error }, 'job moved to dead letters');
    return this.deps.statements.bury.run({ ...this.held(id), error }).changes;
  }

  private renewLease(id: string): void {
    const leaseUntil = this.deps.clock.now() + this.deps.spec.leaseMs;
    this.record(() => this.deps.statements.renewLease.run({ ...this.held(id), leaseUntil }).changes);
  }

  /** Runs a state change on a held job; zero changed rows means another worker took it after our lease ran out. */
  private record(change: () => number): void {
    try {
      if (change() === 0) {
        this.deps.logger.warn({ queue: this.deps.queue }, 'job lease was lost; another worker owns the job');
      }
    } catch (error) {
      this.deps.logger.error(
        { queue: this.deps.queue, err: describeError(error) },
        'job state update failed',
      );
    }
  }

  private held(id: string): { id: string; worker: string; now: number } {
    return { id, worker: this.deps.workerId, now: this.deps.clock.now() };
  }
}
