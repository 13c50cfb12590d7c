/** The SQLite job queue: the shared contract, plus what only a file-backed queue can show. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { tuneCatalogue } from '../../src/jobs/catalogue.js';
import type { JsonValue } from '../../src/jobs/queue.js';
import {
  openSqliteJobQueue,
  type SqliteJobQueue,
  type SqliteJobQueueOptions,
} from '../../src/jobs/sqlite/sqlite-queue.js';
import { describeQueueContract } from './queue-contract.js';
import { sleep, waitFor } from './wait.js';

const root = mkdtempSync(join(tmpdir(), 'fx-jobs-'));
let fileCounter = 0;
const newFile = (): string => join(root, `jobs-${(fileCounter += 1)}.sqlite`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeQueueContract('sqlite', async (catalogue) =>
  openSqliteJobQueue({ file: newFile(), catalogue, pollIntervalMs: 50 }),
);

describe('sqlite job queue', () => {
  const opened: SqliteJobQueue[] = [];
  function open(options: SqliteJobQueueOptions): SqliteJobQueue {
    const queue = openSqliteJobQueue({ pollIntervalMs: 50, ...options });
    opened.push(queue);
    return queue;
  }
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((queue) => queue.close()));
  });

  it('keeps jobs and dead letters across close and reopen', async () => {
    const file = newFile();
    const first = open({ file, catalogue: tuneCatalogue({ backoffBaseMs: 10 }) });
    const { id } = await first.enqueue('analyse', { itemId: 'persisted' });
    first.process('deliver', () => {
      throw new Error('webhook 503');
    });
    const dead = await first.enqueue('deliver', { alertId: 'a1' }, { maxAttempts: 1 });
    await waitFor(async () => (await first.counts()).deliver.dead === 1, 'a dead letter');
    await first.close();

    const second = open({ file });
    expect((await second.deadLetters('deliver', 5)).map((job) => job.id)).toEqual([dead.id]);
    const seen: { id: string; payload: JsonValue }[] = [];
    second.process('analyse', ({ id: jobId, payload }) => {
      seen.push({ id: jobId, payload });
    });
    await waitFor(() => seen.length === 1, 'the persisted job');
    expect(seen).toEqual([{ id, payload: { itemId: 'persisted' } }]);
  });

  it('uses WAL in its own file', async () => {
    const file = newFile();
    const queue = open({ file });
    await queue.enqueue('collect', { sourceId: 's' });
    const peek = new BetterSqlite3(file, { readonly: true });
    try {
      expect(peek.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(peek.prepare('select queue, state, attempts from jobs').all()).toEqual([
        { queue: 'collect', state: 'waiting', attempts: 0 },
      ]);
    } finally {
      peek.close();
    }
  });

  it('wakes its own processor at once on enqueue, without waiting for the poll', async () => {
    const queue = open({ file: newFile(), pollIntervalMs: 60_000 });
    let ranAt = 0;
    queue.process('deliver', () => {
      ranAt = Date.now();
    });
    await sleep(50);
    const enqueuedAt = Date.now();
    await queue.enqueue('deliver', { alertId: 'fast' });
    await waitFor(() => ranAt > 0, 'the job', 2000);
    expect(ranAt - enqueuedAt).toBeLessThan(1000);
  });

  it('finds jobs enqueued by another process sharing the file by polling', async () => {
    const file = newFile();
    const producer = open({ file });
    const consumer = open({ file, pollIntervalMs: 100 });
    const seen: JsonValue[] = [];
    consumer.process('collect', ({ payload }) => {
      seen.push(payload);
    });
    await producer.enqueue('collect', { sourceId: 'from-producer' });
    await waitFor(() => seen.length === 1, 'the polled job', 3000);
    expect(seen).toEqual([{ sourceId: 'from-producer' }]);
  });

  it('shares one file between several queues without running any job twice', async () => {
    const file = newFile();
    const a = open({ file, workerId: 'a' });
    const b = open({ file, workerId: 'b' });
    const runs = new Map<string, string[]>();
    const handler =
      (worker: string) =>
      async ({ id }: { id: string }) => {
        runs.set(id, [...(runs.get(id) ?? []), worker]);
        await sleep(15);
      };
    for (let i = 0; i < 40; i += 1) await a.enqueue('analyse', { itemId: i });
    a.process('analyse', handler('a'), { concurrency: 2 });
    b.process('analyse', handler('b'), { concurrency: 2 });
    await waitFor(async () => (await a.counts()).analyse.completed === 40, 'all 40 jobs');
    expect(runs.size).toBe(40);
    expect([...runs.values()].every((workers) => workers.length === 1)).toBe(true);
    const byWorker = [...runs.values()].flat();
    expect(byWorker.filter((w) => w === 'a').length).toBeGreaterThan(0);
    expect(byWorker.filter((w) => w === 'b').length).toBeGreaterThan(0);
  });

  it('purges completed jobs after the keep time, which frees their idempotency keys', async () => {
    const queue = open({ file: newFile(), keepCompletedMs: 0 });
    queue.process('maintenance', () => undefined);
    const first = await queue.enqueue(
      'maintenance',
      { task: 'rollup' },
      { idempotencyKey: 'rollup-2024-05' },
    );
    await waitFor(async () => (await queue.counts()).maintenance.completed === 1, 'completion');
    await sleep(5);
    expect(queue.purgeFinished()).toBe(1);
    expect((await queue.counts()).maintenance.completed).toBe(0);
    const second = await queue.enqueue(
      'maintenance',
      { task: 'rollup' },
      { idempotencyKey: 'rollup-2024-05' },
    );
    expect(second.duplicate).toBe(false);
    expect(second.id).not.toBe(first.id);
  });

  it('refuses work once closed', async () => {
    const queue = open({ file: newFile() });
    await queue.close();
    await expect(queue.enqueue('collect', {})).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
  });
});
