/**
 * Process roles and the scheduler leader from the command line: `serve --roles api` answers /healthz, runs
 * no queue workers and leads while alone; a `worker` on the same installation waits its turn and takes over
 * at once when the serve process stops; bad roles are refused with a message naming the valid ones.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sleep, waitFor } from '../jobs/wait.js';
import { freePort } from '../helpers/ports.js';

// Each test starts real `fengxiang` processes, which compile TypeScript on start. No speed is asserted.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const LEADER_TTL_SECONDS = 6;
const dir = mkdtempSync(join(tmpdir(), 'fx-roles-'));
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${join(dir, 'fx.sqlite')}`,
  JOBS_SQLITE_PATH: join(dir, 'jobs.sqlite'),
  REDIS_URL: '',
  LOG_LEVEL: 'info',
  HOST: '127.0.0.1',
  LEADER_TTL_SECONDS: String(LEADER_TTL_SECONDS),
};
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A running `fengxiang` process whose JSON log messages the test reads. */
function start(args: string[]): {
  child: ChildProcess;
  messages: () => string[];
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], { env, cwd: dir });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const messages = (): string[] =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
  return { child, messages, exited };
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).status === 200;
  } catch {
    return false;
  }
}

describe('process roles and the scheduler leader', () => {
  it('serve --roles api serves and leads with no workers; a worker takes over when it stops', async () => {
    const port = await freePort();
    const api = start(['serve', '--roles', 'api', '--port', String(port)]);
    await waitFor(() => healthy(`http://127.0.0.1:${port}/healthz`), 'serve --roles api to answer', 60_000);
    await waitFor(() => api.messages().includes('leader elected'), 'serve to be elected leader');
    expect(api.messages()).not.toContain('workers started');

    const worker = start(['worker', '--roles', 'collect']);
    await waitFor(() => worker.messages().includes('worker running'), 'the worker to run', 60_000);
    expect(worker.messages()).toContain('workers started');
    await sleep(((LEADER_TTL_SECONDS * 1000) / 3) * 2);
    expect(worker.messages()).not.toContain('leader elected');

    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect(api.messages()).toContain('leader stepped down');
    // Sooner than the lease would have expired: the stopping process released it.
    await waitFor(
      () => worker.messages().includes('leader elected'),
      'the worker to take over',
      LEADER_TTL_SECONDS * 1000 - 1000,
    );
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });

  it.each([
    [
      ['serve', '--roles', 'api,dance'],
      'unknown serve role "dance"; valid roles: api, collect, analyse, deliver, report',
    ],
    [['serve', '--roles', 'collect'], 'fengxiang serve needs the "api" role'],
    [['worker', '--roles', 'api'], 'role "api" runs only in fengxiang serve'],
    [['worker', '--roles', 'collect,dance'], 'valid roles: collect, analyse, deliver, report'],
  ])('fengxiang %j is refused with a clear message', (args, message) => {
    const result = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
      env,
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[VALIDATION_FAILED]');
    expect(result.stderr).toContain(message);
  });
});
