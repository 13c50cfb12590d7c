/**
 * The kill test: a worker process dies (SIGKILL) in the middle of a job; after its lease runs out another
 * worker runs the job again, and the job completes exactly once. Done for SQLite always, for BullMQ when
 * FENGXIANG_TEST_REDIS_URL is set (with a short lock duration and stalled-job interval).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBullmqJobQueue } from '../../src/jobs/bullmq/bullmq-queue.js';
import { tuneCatalogue } from '../../src/jobs/catalogue.js';
import type { JobQueue } from '../../src/jobs/queue.js';
import { openSqliteJobQueue } from '../../src/jobs/sqlite/sqlite-queue.js';
import { testRedisUrl } from '../helpers/databases.js';
import { deleteKeys, testPrefix } from './redis-prefix.js';
import { sleep, waitFor } from './wait.js';

const REPO = resolve(import.meta.dirname, '../..');
const FIXTURE = join(REPO, 'test/jobs/fixtures/worker-process.ts');
const LEASE_MS = 1000;
const catalogue = tuneCatalogue({ leaseMs: LEASE_MS });

interface Scenario {
  /** Environment for the child worker, besides FX_MARKER_DIR and FX_LEASE_MS. */
  childEnv: Record<string, string>;
  /** Opens a queue on the same store (as a producer or as the replacement worker). */
  open(): JobQueue;
}

/** Runs the kill scenario and checks that the job ran to completion exactly once, on its second attempt. */
async function killMidJobAndRecover(dir: string, scenario: Scenario): Promise<void> {
  const producer = scenario.open();
  const { id } = await producer.enqueue('collect', { sourceId: 'killed-mid-job' });
  await producer.close();

  const child = startChildWorker(dir, scenario.childEnv);
  const stderr = collect(child);
  await waitFor(
    () => existsSync(join(dir, 'started')),
    `the child worker to start the job (stderr: ${stderr()})`,
    20_000,
  );
  expect(readFileSync(join(dir, 'started'), 'utf8')).toContain(`${id} 1 ${child.pid}`);
  child.kill('SIGKILL');
  await once(child, 'exit');

  const worker = scenario.open();
  try {
    expect((await worker.counts()).collect).toMatchObject({ active: 1, completed: 0 });
    const completions = join(dir, 'completed');
    worker.process('collect', ({ id: jobId, attempt }) =>
      appendFileSync(completions, `${jobId} ${attempt}\n`),
    );
    await waitFor(async () => (await worker.counts()).collect.completed === 1, 'the recovered job', 15_000);
    await sleep(3 * LEASE_MS);
    expect(readFileSync(completions, 'utf8').trim().split('\n')).toEqual([`${id} 2`]);
    expect((await worker.counts()).collect).toEqual({
      waiting: 0,
      active: 0,
      delayed: 0,
      completed: 1,
      dead: 0,
    });
  } finally {
    await worker.close();
  }
}

function startChildWorker(dir: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    cwd: REPO,
    env: { ...process.env, ...env, FX_MARKER_DIR: dir, FX_LEASE_MS: String(LEASE_MS) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

function collect(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text.slice(-2000);
}

describe('a worker killed mid-job', () => {
  const dirs: string[] = [];
  const newDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'fx-kill-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('sqlite: the job runs again after the lease expires and completes exactly once', async () => {
    const dir = newDir();
    const file = join(dir, 'jobs.sqlite');
    await killMidJobAndRecover(dir, {
      childEnv: { FX_QUEUE_KIND: 'sqlite', FX_SQLITE_FILE: file },
      open: () => openSqliteJobQueue({ file, catalogue, pollIntervalMs: 100 }),
    });
  });

  const redisUrl = testRedisUrl;
  it.skipIf(redisUrl === null)(
    'bullmq: the stalled job runs again and completes exactly once (skipped without FENGXIANG_TEST_REDIS_URL)',
    async () => {
      const url = redisUrl ?? '';
      const prefix = testPrefix('kill');
      try {
        await killMidJobAndRecover(newDir(), {
          childEnv: { FX_QUEUE_KIND: 'bullmq', FX_REDIS_URL: url, FX_PREFIX: prefix, FX_STALLED_MS: '500' },
          open: () => openBullmqJobQueue({ url, prefix, catalogue, stalledIntervalMs: 500 }),
        });
      } finally {
        await deleteKeys(url, [prefix]);
      }
    },
  );
});
