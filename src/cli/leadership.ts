/**
 * The scheduler leader of an installation (issue 9): the duties only one process may run at a time — the
 * cron scheduler, the due-source scheduler, the alert ticker (with case deadlines) and the report ticker —
 * and the contention every `serve` and `worker` process takes part in, over the lock of the installation's
 * stores (Redis, else PostgreSQL, else the embedded job queue file).
 */
import { openLeaderLock, startLeadership, type Duty, type Leadership } from '../jobs/leader/index.js';
import { startDueScheduler } from '../pipeline/collect/due.js';
import { BUILT_IN_SCHEDULES, startScheduler } from '../pipeline/scheduler.js';
import type { Runtime } from './compose.js';

/** The leader duties over `runtime`; each can be started again after it was stopped. */
export function leaderDuties(runtime: Runtime): Duty[] {
  const { config, logger } = runtime;
  return [
    {
      name: 'scheduler',
      start: () =>
        startScheduler({
          queue: runtime.queue,
          schedules: BUILT_IN_SCHEDULES,
          timeZone: config.timeZone,
          logger,
        }),
    },
    {
      name: 'due-sources',
      start: () =>
        startDueScheduler({
          storage: runtime.storage,
          queue: runtime.queue,
          clock: runtime.clock,
          logger,
          tickMs: config.collectTickSeconds * 1000,
          perHostPerTick: config.collectPerHostPerTick,
        }),
    },
    { name: 'alert-ticker', start: () => runtime.alerting.startTicker() },
    { name: 'report-ticker', start: () => runtime.reporting.startTicker() },
  ];
}

/**
 * Opens the installation's leader lock and starts contending with `duties` (default {@link leaderDuties});
 * `stop` hands leadership over at once and closes the lock's connection.
 */
export function startLeaderContention(
  runtime: Runtime,
  duties: readonly Duty[] = leaderDuties(runtime),
): Leadership {
  const { config, logger } = runtime;
  const lock = openLeaderLock({
    redisUrl: config.redisUrl,
    queuePrefix: config.queuePrefix,
    databaseUrl: config.databaseUrl,
    jobsSqlitePath: config.jobsSqlitePath,
    ttlMs: config.leaderTtlSeconds * 1000,
    logger,
  });
  const leadership = startLeadership({ lock, duties, logger });
  return {
    isLeader: () => leadership.isLeader(),
    async stop() {
      await leadership.stop();
      await lock.close();
    },
  };
}
