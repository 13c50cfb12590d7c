import { openRuntime, readConfig, startBackgroundWorkers, untilSignal } from '../compose.js';
import { parseOptions } from '../options.js';
import type { Command } from './types.js';

/** `fengxiang worker`: background roles only (no HTTP), until SIGINT/SIGTERM. */
export const workerCommand: Command = {
  summary: 'background roles only (collect, analyse, deliver, report)',
  usage: 'fengxiang worker [--roles a,b] [--config FILE]',
  async run(args) {
    const { values } = parseOptions('worker', args, {
      config: { type: 'string' },
      roles: { type: 'string' },
    });
    const config = readConfig(values.config);
    const runtime = await openRuntime(config);
    const roles =
      values.roles !== undefined ? values.roles.split(',').map((r) => r.trim()) : config.workerRoles;
    let workers;
    try {
      workers = startBackgroundWorkers(runtime, roles);
    } catch (error) {
      await runtime.close();
      throw error;
    }
    const reportTicker = roles.includes('report') ? runtime.reporting.startTicker() : null;
    runtime.logger.info({ roles, queues: workers.queues }, 'worker running');
    const signal = await untilSignal();
    runtime.logger.info({ signal }, 'worker stopping');
    await reportTicker?.stop();
    await workers.stop();
    await runtime.close();
    return 0;
  },
};
