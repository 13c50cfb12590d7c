import { openRuntime, readConfig, startBackgroundWorkers, untilSignal } from '../compose.js';
import { startLeaderContention } from '../leadership.js';
import { serveWorkerMetrics } from '../metrics-server.js';
import { parseOptions } from '../options.js';
import { parseRoles } from '../roles.js';
import type { Command } from './types.js';

/**
 * `fengxiang worker`: background roles only (no HTTP), plus contention for the scheduler leader, until
 * SIGINT/SIGTERM.
 */
export const workerCommand: Command = {
  summary: 'background roles only (collect, analyse, deliver, report); scheduler when elected leader',
  usage: 'fengxiang worker [--roles collect,analyse,deliver,report] [--metrics-port N] [--config FILE]',
  async run(args) {
    const { values } = parseOptions('worker', args, {
      config: { type: 'string' },
      roles: { type: 'string' },
      'metrics-port': { type: 'string' },
    });
    const config = readConfig(values.config);
    const { workers: roles } = parseRoles('worker', values.roles, config.workerRoles);
    const runtime = await openRuntime(config);
    let workers;
    let metricsServer = null;
    try {
      metricsServer = await serveWorkerMetrics(runtime, values['metrics-port']);
      workers = startBackgroundWorkers(runtime, roles);
    } catch (error) {
      await metricsServer?.stop();
      await runtime.close();
      throw error;
    }
    const leadership = startLeaderContention(runtime);
    runtime.logger.info({ roles, queues: workers.queues }, 'worker running');
    const signal = await untilSignal();
    runtime.logger.info({ signal }, 'worker stopping');
    await metricsServer?.stop();
    await leadership.stop();
    await workers.stop();
    await runtime.close();
    return 0;
  },
};
