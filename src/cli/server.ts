/**
 * Every role of `fengxiang serve` in one process (used by `serve` and `demo`): API and console, scheduler,
 * background workers, the alert and report tickers — started in this order, stopped in the reverse one.
 */
import { startDueScheduler } from '../pipeline/collect/due.js';
import { BUILT_IN_SCHEDULES, startScheduler } from '../pipeline/scheduler.js';
import { buildHttpApi, startBackgroundWorkers, type Runtime } from './compose.js';

/** A running server. */
export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts every role of `serve` over `runtime` (workers of `roles`, default the configured ones) on `port`. */
export async function startServer(
  runtime: Runtime,
  port: number,
  roles: readonly string[] = runtime.config.workerRoles,
): Promise<RunningServer> {
  const { config } = runtime;
  const workers = startBackgroundWorkers(runtime, roles);
  const scheduler = startScheduler({
    queue: runtime.queue,
    schedules: BUILT_IN_SCHEDULES,
    timeZone: config.timeZone,
    logger: runtime.logger,
  });
  const dueSources = startDueScheduler({
    storage: runtime.storage,
    queue: runtime.queue,
    clock: runtime.clock,
    logger: runtime.logger,
    tickMs: config.collectTickSeconds * 1000,
    perHostPerTick: config.collectPerHostPerTick,
  });
  const alertTicker = runtime.alerting.startTicker();
  const reportTicker = runtime.reporting.startTicker();
  const app = await buildHttpApi(runtime);
  await app.listen({ host: config.host, port });
  return {
    url: `http://localhost:${port}/`,
    async stop() {
      scheduler.stop();
      await dueSources.stop();
      await alertTicker.stop();
      await reportTicker.stop();
      await app.close();
      await workers.stop();
    },
  };
}
