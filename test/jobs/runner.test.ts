import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_NAMES, type QueueName } from '../../src/jobs/catalogue.js';
import type { JobHandler } from '../../src/jobs/queue.js';
import { startWorkers, type JobHandlers } from '../../src/jobs/runner.js';
import { AppError } from '../../src/platform/errors.js';
import { createMetrics } from '../../src/platform/metrics/index.js';
import { sampleValue } from '../helpers/prometheus.js';
import { openSqliteJobQueue, type SqliteJobQueue } from '../../src/jobs/sqlite/sqlite-queue.js';
import { sleep, waitFor } from './wait.js';

describe('worker runner', () => {
  let dir = '';
  let queue: SqliteJobQueue | null = null;
  function openQueue(): SqliteJobQueue {
    dir = mkdtempSync(join(tmpdir(), 'fx-runner-'));
    queue = openSqliteJobQueue({ file: join(dir, 'jobs.sqlite'), pollIntervalMs: 50 });
    return queue;
  }
  afterEach(async () => {
    await queue?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function recordingHandlers(ran: QueueName[]): JobHandlers {
    const entries = QUEUE_NAMES.map((name): [QueueName, JobHandler] => [name, () => void ran.push(name)]);
    return Object.fromEntries(entries);
  }

  it('processes only the queues of the given roles', async () => {
    const jobs = openQueue();
    const ran: QueueName[] = [];
    const workers = startWorkers({
      queue: jobs,
      roles: ['deliver', 'report'],
      handlers: recordingHandlers(ran),
    });
    expect(workers.queues).toEqual(['deliver', 'report', 'maintenance']);
    expect(workers.unhandled).toEqual([]);
    for (const name of QUEUE_NAMES) await jobs.enqueue(name, { probe: name });
    await waitFor(() => ran.length === 3, 'the three queues of deliver and report');
    await sleep(300);
    await workers.stop();

    expect([...ran].sort()).toEqual(['deliver', 'maintenance', 'report']);
    const counts = await jobs.counts();
    for (const name of ['collect', 'analyse', 'cluster', 'evaluate'] as const) {
      expect(counts[name]).toMatchObject({ waiting: 1, completed: 0 });
    }
  });

  it('reports queues of its roles that have no handler, and leaves their jobs waiting', async () => {
    const jobs = openQueue();
    const ran: QueueName[] = [];
    const workers = startWorkers({
      queue: jobs,
      roles: ['analyse'],
      handlers: { analyse: () => void ran.push('analyse') },
    });
    expect(workers.queues).toEqual(['analyse']);
    expect(workers.unhandled).toEqual(['cluster', 'evaluate']);
    await jobs.enqueue('cluster', { eventId: 'e1' });
    await jobs.enqueue('analyse', { itemId: 'i1' });
    await waitFor(() => ran.length === 1, 'the analyse job');
    await workers.stop();
    expect((await jobs.counts()).cluster.waiting).toBe(1);
  });

  it('applies a concurrency override', async () => {
    const jobs = openQueue();
    let running = 0;
    let peak = 0;
    const workers = startWorkers({
      queue: jobs,
      roles: ['collect'],
      concurrency: { collect: 1 },
      handlers: {
        collect: async () => {
          running += 1;
          peak = Math.max(peak, running);
          await sleep(30);
          running -= 1;
        },
      },
    });
    for (let i = 0; i < 5; i += 1) await jobs.enqueue('collect', { sourceId: i });
    await waitFor(async () => (await jobs.counts()).collect.completed === 5, 'five jobs');
    await workers.stop();
    expect(peak).toBe(1);
  });

  it('times every attempt by queue and outcome, and counts failures by error code', async () => {
    const jobs = openQueue();
    const metrics = createMetrics({ now: () => Date.now(), processMetrics: false });
    const workers = startWorkers({
      queue: jobs,
      roles: ['collect'],
      metrics,
      handlers: {
        collect: ({ payload }) => {
          if ((payload as { fail?: boolean }).fail) throw new AppError('FETCH_TIMEOUT', 'the site is slow');
        },
      },
    });
    await jobs.enqueue('collect', { fail: false });
    await jobs.enqueue('collect', { fail: true }, { maxAttempts: 1 });
    await waitFor(async () => (await jobs.counts()).collect.dead === 1, 'the dead job');
    await waitFor(async () => (await jobs.counts()).collect.completed === 1, 'the completed job');
    await workers.stop();

    const text = await metrics.render();
    const attempts = (outcome: string) =>
      sampleValue(text, 'fengxiang_job_duration_seconds_count', { queue: 'collect', outcome });
    expect(attempts('completed')).toBe(1);
    expect(attempts('failed')).toBe(1);
    expect(sampleValue(text, 'fengxiang_errors_total', { code: 'FETCH_TIMEOUT', origin: 'job' })).toBe(1);
  });

  it('refuses an unknown role before starting anything', () => {
    const jobs = openQueue();
    expect(() => startWorkers({ queue: jobs, roles: ['collector'], handlers: {} })).toThrow(
      /unknown worker role "collector"; valid roles: collect, analyse, deliver, report/,
    );
  });
});
