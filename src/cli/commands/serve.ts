import { startDueScheduler } from '../../pipeline/collect/due.js';
import { BUILT_IN_SCHEDULES, startScheduler } from '../../pipeline/scheduler.js';
import { buildHttpApi, openRuntime, readConfig, startBackgroundWorkers, untilSignal } from '../compose.js';
import { parseOptions } from '../options.js';
import type { Command } from './types.js';

/** `fengxiang serve`: API, scheduler and background workers in one process, until SIGINT/SIGTERM. */
export const serveCommand: Command = {
  summary: 'all roles in one process: API + console + scheduler + workers',
  usage: 'fengxiang serve [--config FILE] [--port N] [--roles a,b]',
  async run(args) {
    const { values } = parseOptions('serve', args, {
      config: { type: 'string' },
      port: { type: 'string' },
      roles: { type: 'string' },
    });
    const config = readConfig(values.config);
    const runtime = await openRuntime(config);
    const roles =
      values.roles !== undefined ? values.roles.split(',').map((r) => r.trim()) : config.workerRoles;
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
    const port = values.port !== undefined ? Number(values.port) : config.port;
    await app.listen({ host: config.host, port });
    runtime.logger.info(
      { url: `http://localhost:${port}`, database: runtime.storage.dialect },
      'Fengxiang is serving',
    );
    const signal = await untilSignal();
    runtime.logger.info({ signal }, 'shutting down');
    scheduler.stop();
    await dueSources.stop();
    await alertTicker.stop();
    await reportTicker.stop();
    await app.close();
    await workers.stop();
    await runtime.close();
    return 0;
  },
};
