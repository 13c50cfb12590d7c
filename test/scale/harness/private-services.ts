/**
 * A PostgreSQL server and a Redis server of the fault test's own, on free ports under a temporary folder,
 * so the test may stop and start them without disturbing the shared servers other tests use. PostgreSQL
 * runs as the `postgres` user (initdb refuses root); Redis keeps an append-only file so that a restart
 * keeps the queued jobs, as a production Redis for Fengxiang is configured (docs/scale-out.md).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../helpers/ports.js';

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** True when this machine can run a private PostgreSQL and Redis. */
export function privateServicesAvailable(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && spawnSync('redis-server', ['--version']).status === 0;
}

function asPostgres(args: readonly string[]): { code: number | null; output: string } {
  const isRoot = process.getuid?.() === 0;
  const [command, ...rest] = args;
  const result = isRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', command ?? '', ...rest], {
        encoding: 'utf8',
        timeout: 120_000,
      })
    : spawnSync(command ?? '', rest, { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A private PostgreSQL server. */
export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  url: string;
  /** Stops the server (fast shutdown: open connections are cut) and starts it again. */
  restart(downMs: number): Promise<void>;
  remove(): void;
}

/** Initialises and starts a PostgreSQL cluster on a free port. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'fx-fault-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const must = (step: string, result: { code: number | null; output: string }): void => {
    if (result.code !== 0) throw new Error(`${step} failed: ${result.output}`);
  };
  must('initdb', asPostgres([join(PG_BIN, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres']));
  const ctl = (action: string): { code: number | null; output: string } =>
    asPostgres([
      join(PG_BIN, 'pg_ctl'),
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      ...(action === 'stop' ? ['-m', 'fast'] : []),
      action,
    ]);
  must('pg_ctl start', ctl('start'));
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart(downMs) {
      must('pg_ctl stop', ctl('stop'));
      await new Promise((resolve) => setTimeout(resolve, downMs));
      must('pg_ctl start', ctl('start'));
    },
    remove() {
      ctl('stop');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A private Redis server. */
export interface PrivateRedis {
  url: string;
  /** Shuts Redis down (it writes its append-only file) and starts it again on the same port. */
  restart(downMs: number): Promise<void>;
  remove(): Promise<void>;
}

/** Starts redis-server on a free port with an append-only file in a temporary folder. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'fx-fault-redis-'));
  const port = await freePort();
  let server: ChildProcess;
  const launch = async (): Promise<void> => {
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 20_000);
      server.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  };
  const stop = async (): Promise<void> => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    await exited;
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    async restart(downMs) {
      await stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await launch();
    },
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
