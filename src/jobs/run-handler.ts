/**
 * Running one handler attempt with a time limit, shared by both queue implementations so that a hung
 * handler fails its attempt the same way everywhere.
 */
import { AppError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import type { JobContext, JobHandler } from './queue.js';

/** Longest error text kept with a job. */
const MAX_ERROR_LENGTH = 2000;

/**
 * Runs `handler` and rejects with JOB_TIMED_OUT after `timeoutMs`, aborting the handler's signal. The
 * handler is not killed (JavaScript cannot do that): it must honour the signal or its side effects may
 * overlap with the retry. The handler's logger is a child of `logger` bound to the job's id, queue and attempt.
 */
export async function runWithTimeout(
  handler: JobHandler,
  job: Omit<JobContext, 'signal' | 'logger'>,
  timeoutMs: number,
  logger: Logger,
): Promise<void> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new AppError(
        'JOB_TIMED_OUT',
        `job ${job.id} in ${job.queue} ran longer than ${timeoutMs} ms`,
      );
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    await Promise.race([
      Promise.resolve().then(() =>
        handler({ ...job, signal: controller.signal, logger: jobLogger(logger, job) }),
      ),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** `logger` bound to one attempt of one job. */
export function jobLogger(logger: Logger, job: Pick<JobContext, 'id' | 'queue' | 'attempt'>): Logger {
  return logger.child({ jobId: job.id, queue: job.queue, attempt: job.attempt });
}

/** A short, storable description of whatever a handler threw. */
export function describeError(error: unknown): string {
  const text =
    error instanceof AppError
      ? `${error.code}: ${error.message}`
      : error instanceof Error
        ? `${error.name}: ${error.message}`
        : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}
