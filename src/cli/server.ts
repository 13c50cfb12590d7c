/**
 * A `fengxiang serve` process (used by `serve` and `demo`): the API and console, the background workers of
 * its worker roles, and contention for the scheduler leader (whose duties run here only while this process
 * leads). Started in this order, stopped in the reverse one.
 */
import type { Leadership } from '../jobs/leader/index.js';
import type { RunningWorkers } from '../jobs/runner.js';
import { buildHttpApi, startBackgroundWorkers, type Runtime } from './compose.js';
import { startLeaderContention } from './leadership.js';
import { API_ROLE } from './roles.js';

/** A running server. */
export interface RunningServer {
  url: string;
  /** True while this process is the scheduler leader. */
  isLeader(): boolean;
  stop(): Promise<void>;
}

/**
 * Starts `serve` over `runtime` on `port`: the API, workers of `roles` (default the configured worker roles;
 * `api` in the list is ignored, an empty list runs no workers) and leader contention.
 */
export async function startServer(
  runtime: Runtime,
  port: number,
  roles: readonly string[] = runtime.config.workerRoles,
): Promise<RunningServer> {
  const { config } = runtime;
  const workerRoles = roles.filter((role) => role !== API_ROLE);
  const workers: RunningWorkers | null =
    workerRoles.length > 0 ? startBackgroundWorkers(runtime, workerRoles) : null;
  let leadership: Leadership | null = null;
  try {
    leadership = startLeaderContention(runtime);
    const app = await buildHttpApi(runtime);
    await app.listen({ host: config.host, port });
    const contention = leadership;
    return {
      url: `http://localhost:${port}/`,
      isLeader: () => contention.isLeader(),
      async stop() {
        await contention.stop();
        await app.close();
        await workers?.stop();
      },
    };
  } catch (error) {
    await leadership?.stop();
    await workers?.stop();
    throw error;
  }
}
