/**
 * Scheduling as data (issue 3 §5): every tick, the sources whose `next_fetch_at` has come become `collect`
 * jobs, at most a few per host per tick so that sources sharing a host are spread out. A picked source's
 * next fetch is pushed out by a claim time, so the next tick does not pick it again while its job waits or
 * runs; the job itself sets the real next time. The enqueue carries an idempotency key naming the due time,
 * so two schedulers, or a restart, never queue the same fetch twice.
 */
import type { JobHandler, JobQueue } from '../../jobs/queue.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { Storage } from '../../storage/repositories.js';
import type { Source } from '../../domain/entities.js';
import { collectSource, type CollectDeps } from './run.js';

/** Sources looked at per tick; the rest wait for the next tick. */
export const DUE_BATCH = 200;
/** How long a picked source is held back while its job waits or runs. */
export const CLAIM_MS = 10 * 60_000;

/** Settings of the due-source scheduler. */
export interface DueSchedulerOptions {
  storage: Storage;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  tickMs: number;
  perHostPerTick: number;
}

/** A running due-source scheduler. */
export interface DueScheduler {
  /** One pass now; resolves to the ids of the sources queued. */
  tick(): Promise<string[]>;
  stop(): Promise<void>;
}

/** Picks at most `perHost` sources per host, in the order given (oldest due first). */
export function capPerHost(sources: readonly Source[], perHost: number): Source[] {
  const taken = new Map<string, number>();
  return sources.filter((source) => {
    const host = source.host ?? `source:${source.id}`;
    const count = taken.get(host) ?? 0;
    if (count >= perHost) return false;
    taken.set(host, count + 1);
    return true;
  });
}

/** Queues the due sources once. */
export async function enqueueDueSources(options: Omit<DueSchedulerOptions, 'tickMs'>): Promise<string[]> {
  const now = options.clock.now();
  const due = capPerHost(await options.storage.sources.listDue(now, DUE_BATCH), options.perHostPerTick);
  const queued: string[] = [];
  for (const source of due) {
    await options.queue.enqueue(
      'collect',
      { sourceId: source.id },
      { idempotencyKey: `collect:${source.id}:${source.nextFetchAt ?? 0}` },
    );
    await options.storage.sources.setNextFetch(source.id, now + CLAIM_MS);
    queued.push(source.id);
  }
  if (queued.length > 0) options.logger.debug({ queued: queued.length }, 'due sources queued');
  return queued;
}

/** Starts ticking every `tickMs`; a failed tick is logged and the next one tries again. */
export function startDueScheduler(options: DueSchedulerOptions): DueScheduler {
  let running: Promise<string[]> | null = null;
  const tick = async (): Promise<string[]> => {
    if (running) return running;
    running = enqueueDueSources(options).finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    tick().catch((error: unknown) => options.logger.error({ err: error }, 'due-source tick failed'));
  }, options.tickMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

/** The handler of the `collect` queue: payload `{ sourceId }`. */
export function collectHandler(deps: CollectDeps): JobHandler {
  return async (job) => {
    const payload = job.payload;
    const sourceId =
      typeof payload === 'object' && payload !== null && !Array.isArray(payload)
        ? (payload as { sourceId?: unknown }).sourceId
        : undefined;
    if (typeof sourceId !== 'string') {
      throw new AppError('VALIDATION_FAILED', `collect job ${job.id} has no sourceId in its payload`);
    }
    await collectSource({ ...deps, logger: job.logger }, sourceId, job.signal);
  };
}
