/**
 * The worker runner behind `fengxiang serve` and `fengxiang worker --roles a,b`: it processes exactly the
 * catalogue queues that belong to the given roles, with the handler registered for each, and measures every
 * attempt (duration and outcome per queue, failures by error code).
 */
import { performance } from 'node:perf_hooks';
import { isAppError } from '../platform/errors.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { noMetrics, type MetricsRecorder } from '../platform/metrics/index.js';
import { QUEUE_CATALOGUE, queuesForRoles, type QueueCatalogue, type QueueName } from './catalogue.js';
import type { JobHandler, JobQueue, ProcessHandle } from './queue.js';

/** The handler of each queue, as the composition root wires them. */
export type JobHandlers = Partial<Record<QueueName, JobHandler>>;

/** What {@link startWorkers} needs. */
export interface StartWorkersOptions {
  queue: JobQueue;
  /** Worker roles to run (validated: an unknown role throws VALIDATION_FAILED listing the valid ones). */
  roles: readonly string[];
  handlers: JobHandlers;
  /** Per-queue concurrency overrides; otherwise the catalogue's. */
  concurrency?: Partial<Record<QueueName, number>>;
  catalogue?: QueueCatalogue;
  logger?: Logger;
  /** Where job durations and failures are counted; pass {@link noMetrics} to count nothing. */
  metrics?: MetricsRecorder;
}

/** The running workers of one process. */
export interface RunningWorkers {
  /** The queues being processed. */
  queues: QueueName[];
  /** Queues of the roles that have no handler yet; their jobs wait for a process that has one. */
  unhandled: QueueName[];
  /** Stops every processor, waiting for running jobs. */
  stop(): Promise<void>;
}

/** Starts a processor for each queue of `roles` that has a handler. */
export function startWorkers(options: StartWorkersOptions): RunningWorkers {
  const logger = options.logger ?? createLogger('silent');
  const wanted = queuesForRoles(options.roles, options.catalogue ?? QUEUE_CATALOGUE);
  const queues = wanted.filter((queue) => options.handlers[queue] !== undefined);
  const unhandled = wanted.filter((queue) => options.handlers[queue] === undefined);
  if (unhandled.length > 0) logger.warn({ queues: unhandled }, 'no handler registered for these queues');
  const handles: ProcessHandle[] = queues.map((queue) => {
    const handler = measured(options.handlers[queue] as JobHandler, options.metrics ?? noMetrics);
    const concurrency = options.concurrency?.[queue];
    return options.queue.process(queue, handler, concurrency === undefined ? {} : { concurrency });
  });
  logger.info({ roles: options.roles, queues }, 'workers started');
  return {
    queues,
    unhandled,
    stop: async () => {
      await Promise.all(handles.map((handle) => handle.stop()));
    },
  };
}

/**
 * `handler` with each attempt timed and its outcome counted; a failure is logged on the job's logger (with
 * its error code) and rethrown, so the queue still retries or buries it.
 */
function measured(handler: JobHandler, metrics: MetricsRecorder): JobHandler {
  return async (job) => {
    const startedAt = performance.now();
    const seconds = (): number => (performance.now() - startedAt) / 1000;
    try {
      await handler(job);
      metrics.jobFinished(job.queue, 'completed', seconds());
    } catch (error) {
      const code = isAppError(error) ? error.code : 'INTERNAL';
      metrics.jobFinished(job.queue, 'failed', seconds());
      metrics.errorCounted(code, 'job');
      job.logger.warn({ err: error, code }, 'job attempt failed');
      throw error;
    }
  };
}
