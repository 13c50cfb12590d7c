/**
 * The maintenance job: housekeeping that keeps the embedded database small. One straight-line orchestrator:
 * read the task from the payload, do it, log what it did. Running it twice changes nothing the second time.
 */
import type { JobHandler, JsonValue } from '../jobs/queue.js';
import { AppError } from '../platform/errors.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { Storage } from '../storage/repositories.js';

/** The maintenance tasks a job can name. */
export const MAINTENANCE_TASKS = ['purge-sessions'] as const;
/** One of {@link MAINTENANCE_TASKS}. */
export type MaintenanceTask = (typeof MAINTENANCE_TASKS)[number];

/** How long expired or revoked sessions stay visible (for the audit trail) before they are deleted. */
export const SESSION_RETENTION_MS = 7 * 24 * 3600 * 1000;

/** Reads the task of a maintenance payload `{ task }`; an unknown task fails the job with a clear error. */
export function maintenanceTaskOf(payload: JsonValue): MaintenanceTask {
  const task =
    typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as { task?: unknown }).task
      : undefined;
  const known = MAINTENANCE_TASKS.find((name) => name === task);
  if (!known) {
    throw new AppError(
      'VALIDATION_FAILED',
      `unknown maintenance task ${JSON.stringify(task)}; known: ${MAINTENANCE_TASKS.join(', ')}`,
    );
  }
  return known;
}

/** The handler of the `maintenance` queue. */
export function maintenanceHandler(deps: { storage: Storage; clock: Clock; logger: Logger }): JobHandler {
  return async (job) => {
    const task = maintenanceTaskOf(job.payload);
    const purged = await deps.storage.sessions.purge(deps.clock.now() - SESSION_RETENTION_MS);
    deps.logger.info({ jobId: job.id, task, purged }, 'maintenance done');
  };
}
