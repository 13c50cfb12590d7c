/** The `cluster` job: payload `{ itemIds: string[] }` (ids, not documents); runs {@link clusterItems}. */
import type { JobHandler } from '../../jobs/queue.js';
import { AppError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { ClusterDeps } from './deps.js';
import { clusterItems } from './run.js';

/** The item ids of a cluster job's payload; VALIDATION_FAILED when the payload has none. */
export function clusterPayloadIds(payload: unknown, jobId: string): string[] {
  const ids =
    typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as { itemIds?: unknown }).itemIds
      : undefined;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    throw new AppError('VALIDATION_FAILED', `cluster job ${jobId} has no itemIds list in its payload`);
  }
  return ids as string[];
}

/**
 * The handler of the `cluster` queue. Idempotent: items already in an event are skipped. It logs through the
 * job's logger (bound to the job id); `deps.logger` stays for callers that share deps with other steps.
 */
export function clusterHandler(deps: ClusterDeps & { logger: Logger }): JobHandler {
  return async (job) => {
    const outcome = await clusterItems(deps, clusterPayloadIds(job.payload, job.id));
    job.logger.debug(
      {
        assigned: outcome.assigned,
        created: outcome.created.length,
        merges: outcome.merges.length,
      },
      'cluster done',
    );
  };
}
