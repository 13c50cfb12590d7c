/**
 * The maintenance job: housekeeping that keeps the embedded database small. One straight-line orchestrator:
 * read the task from the payload, do it, log what it did. Running it twice changes nothing the second time.
 */
import type { JobHandler, JsonValue } from '../jobs/queue.js';
import { AppError } from '../platform/errors.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { Storage } from '../storage/repositories.js';
import { KEEP_EVERYTHING, runRetention, type RetentionPolicy } from './retention/index.js';

const DAY_MS = 24 * 3600 * 1000;

/** How long ended sessions stay visible (for the audit trail) when no retention policy says otherwise. */
export const SESSION_RETENTION_MS = KEEP_EVERYTHING.sessionsDays * DAY_MS;

/** The maintenance tasks a job can name. */
export const MAINTENANCE_TASKS = ['purge-sessions', 'item-partitions', 'retention'] as const;
/** One of {@link MAINTENANCE_TASKS}. */
export type MaintenanceTask = (typeof MAINTENANCE_TASKS)[number];

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

/**
 * The handler of the `maintenance` queue. `purge-sessions` (hourly) removes ended sessions;
 * `item-partitions` (daily) prepares PostgreSQL's monthly item partitions;
 * `retention` (daily) applies every retention rule (src/pipeline/retention/). Without a policy nothing but
 * ended sessions older than a week is ever deleted.
 */
export function maintenanceHandler(deps: {
  storage: Storage;
  clock: Clock;
  logger: Logger;
  retention?: RetentionPolicy;
}): JobHandler {
  const policy = deps.retention ?? KEEP_EVERYTHING;
  return async (job) => {
    const task = maintenanceTaskOf(job.payload);
    const now = deps.clock.now();
    if (task === 'retention') {
      const counts = await runRetention({ storage: deps.storage, now, logger: job.logger }, policy);
      job.logger.info({ task, ...counts }, 'maintenance done');
      return;
    }
    if (task === 'item-partitions') {
      const report = await deps.storage.itemPartitions.maintain(now);
      job.logger.info({ task, ...report }, 'maintenance done');
      return;
    }
    const purged =
      policy.sessionsDays > 0 ? await deps.storage.sessions.purge(now - policy.sessionsDays * DAY_MS) : 0;
    job.logger.info({ task, purged }, 'maintenance done');
  };
}
