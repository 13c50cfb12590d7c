import { openRuntime, readConfig, untilSignal } from '../compose.js';
import { parseOptions } from '../options.js';
import { parseRoles } from '../roles.js';
import { startServer } from '../server.js';
import type { Command } from './types.js';

/**
 * `fengxiang serve`: the API and console plus the worker roles asked for (all of them by default), and
 * contention for the scheduler leader, until SIGINT/SIGTERM. `--roles api` runs the API alone.
 */
export const serveCommand: Command = {
  summary: 'API + console, the worker roles asked for (all by default), scheduler when elected leader',
  usage: 'fengxiang serve [--config FILE] [--port N] [--roles api[,collect,analyse,deliver,report]]',
  async run(args) {
    const { values } = parseOptions('serve', args, {
      config: { type: 'string' },
      port: { type: 'string' },
      roles: { type: 'string' },
    });
    const config = readConfig(values.config);
    const roles = parseRoles('serve', values.roles, config.workerRoles);
    const runtime = await openRuntime(config);
    const port = values.port !== undefined ? Number(values.port) : config.port;
    let server;
    try {
      server = await startServer(runtime, port, roles.workers);
    } catch (error) {
      await runtime.close();
      throw error;
    }
    runtime.logger.info(
      {
        url: `http://localhost:${port}`,
        database: runtime.storage.dialect,
        roles: ['api', ...roles.workers],
      },
      'Fengxiang is serving',
    );
    const signal = await untilSignal();
    runtime.logger.info({ signal }, 'shutting down');
    await server.stop();
    await runtime.close();
    return 0;
  },
};
