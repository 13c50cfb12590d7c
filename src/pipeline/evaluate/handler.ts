/**
 * Evaluation as jobs and ticks: the `evaluate` queue's handler (payload `{ itemIds }`), the function that
 * queues a batch, and the in-process ticker that runs the alert tick on an interval.
 */
import type { JobHandler, JobQueue } from '../../jobs/queue.js';
import { AppError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import { evaluateItems, type EvaluateDeps } from './run.js';
import { runAlertTick, type AlertTickDeps } from './tick.js';

/** Item ids per evaluation job. */
export const EVALUATE_BATCH = 200;

/** Reads `{ itemIds: string[] }`; anything else fails the job with a clear error. */
export function itemIdsOf(payload: unknown, jobId: string): string[] {
  const ids =
    typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as { itemIds?: unknown }).itemIds
      : undefined;
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string')) {
    throw new AppError(
      'VALIDATION_FAILED',
      `evaluate job ${jobId} needs { itemIds: string[] } in its payload`,
    );
  }
  return ids;
}

/** The handler of the `evaluate` queue. */
export function evaluateHandler(deps: EvaluateDeps): JobHandler {
  return async (job) => {
    const report = await evaluateItems({ ...deps, logger: job.logger }, itemIdsOf(job.payload, job.id));
    job.logger.debug(report, 'items evaluated');
  };
}

/** Queues evaluation of stored items in batches of {@link EVALUATE_BATCH}. */
export function evaluationQueuer(queue: JobQueue): (itemIds: readonly string[]) => Promise<void> {
  return async (itemIds) => {
    for (let start = 0; start < itemIds.length; start += EVALUATE_BATCH) {
      await queue.enqueue('evaluate', { itemIds: itemIds.slice(start, start + EVALUATE_BATCH) });
    }
  };
}

/** A running alert ticker. */
export interface AlertTicker {
  /** One tick now (waits for a running one instead of overlapping it). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs the alert tick every `tickMs`; a failed tick is logged and the next one tries again. */
export function startAlertTicker(deps: AlertTickDeps & { tickMs: number; logger: Logger }): AlertTicker {
  let healthSince = deps.clock.now() - 2 * deps.tickMs;
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    running ??= (async () => {
      const startedAt = deps.clock.now();
      try {
        const report = await runAlertTick(deps, healthSince);
        healthSince = startedAt;
        deps.logger.debug(report, 'alert tick');
      } catch (error) {
        deps.logger.error({ err: error }, 'alert tick failed');
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void tick(), deps.tickMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
