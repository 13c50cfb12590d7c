import { openRuntime, readConfig, untilSignal } from '../compose.js';
import { parseOptions } from '../options.js';
import { startServer } from '../server.js';
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
    const port = values.port !== undefined ? Number(values.port) : config.port;
    const server = await startServer(runtime, port, roles);
    runtime.logger.info(
      { url: `http://localhost:${port}`, database: runtime.storage.dialect },
      'Fengxiang is serving',
    );
    const signal = await untilSignal();
    runtime.logger.info({ signal }, 'shutting down');
    await server.stop();
    await runtime.close();
    return 0;
  },
};
