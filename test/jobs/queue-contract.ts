/**
 * The behaviour every JobQueue implementation must show, run against SQLite and BullMQ alike. Each test opens
 * a fresh queue (new file, or new Redis prefix) so that tests never see each other's jobs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tuneCatalogue, type QueueCatalogue, type QueueName } from '../../src/jobs/catalogue.js';
import type { JobQueue, JsonValue } from '../../src/jobs/queue.js';
import { gate, sleep, waitFor } from './wait.js';

/** Opens a fresh, empty queue with the given catalogue. */
export type OpenQueue = (catalogue: QueueCatalogue) => Promise<JobQueue>;

/** Short backoff and timeouts so that retries happen within a test. */
const FAST = tuneCatalogue({ backoffBaseMs: 100, leaseMs: 5000, timeoutMs: 5000 });

/** Registers the contract suite for one implementation. */
export function describeQueueContract(name: string, open: OpenQueue): void {
  describe(`${name}: JobQueue contract`, () => {
    const opened: JobQueue[] = [];
    async function fresh(catalogue: QueueCatalogue = FAST): Promise<JobQueue> {
      const queue = await open(catalogue);
      opened.push(queue);
      return queue;
    }
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((queue) => queue.close()));
    });

    it('runs an enqueued job once with its payload, queue, id and attempt 1', async () => {
      const queue = await fresh();
      const seen: { id: string; queue: QueueName; payload: JsonValue; attempt: number }[] = [];
      queue.process('analyse', ({ id, queue: name, payload, attempt }) => {
        seen.push({ id, queue: name, payload, attempt });
      });
      const payload = { itemIds: ['a1', 'b2'], note: '风向 ✓', force: false, depth: 2, parent: null };
      const { id, duplicate } = await queue.enqueue('analyse', payload);
      await waitFor(async () => (await queue.counts()).analyse.completed === 1, 'completion');
      expect(duplicate).toBe(false);
      expect(seen).toEqual([{ id, queue: 'analyse', payload, attempt: 1 }]);
    });

    it('returns the existing job for a repeated idempotency key, per queue, while the job is kept', async () => {
      const queue = await fresh();
      const key = 'collect:source-7:2024-05-03T12:00';
      const first = await queue.enqueue('collect', { sourceId: 'source-7' }, { idempotencyKey: key });
      const again = await queue.enqueue('collect', { sourceId: 'source-7' }, { idempotencyKey: key });
      const otherQueue = await queue.enqueue('analyse', { sourceId: 'source-7' }, { idempotencyKey: key });
      expect(first.duplicate).toBe(false);
      expect(again).toEqual({ id: first.id, duplicate: true });
      expect(otherQueue.duplicate).toBe(false);
      expect(otherQueue.id).not.toBe(first.id);
      expect((await queue.counts()).collect.waiting).toBe(1);

      let runs = 0;
      queue.process('collect', () => {
        runs += 1;
      });
      await waitFor(async () => (await queue.counts()).collect.completed === 1, 'completion');
      const afterCompletion = await queue.enqueue(
        'collect',
        { sourceId: 'source-7' },
        { idempotencyKey: key },
      );
      await sleep(300);
      expect(afterCompletion).toEqual({ id: first.id, duplicate: true });
      expect(runs).toBe(1);
    });

    it('retries with exponential backoff, dead-letters after the last attempt, and retryDead runs it again', async () => {
      const queue = await fresh();
      const attempts: { attempt: number; at: number }[] = [];
      let smtpUp = false;
      queue.process('deliver', ({ attempt }) => {
        attempts.push({ attempt, at: Date.now() });
        if (!smtpUp) throw new Error('smtp down');
      });
      const { id } = await queue.enqueue('deliver', { alertId: 'alert-1' }, { maxAttempts: 3 });
      await waitFor(async () => (await queue.counts()).deliver.dead === 1, 'dead letter');

      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
      const gaps = attempts.slice(1).map((a, i) => a.at - (attempts[i]?.at ?? 0));
      expect(gaps[0]).toBeGreaterThanOrEqual(90);
      expect(gaps[1]).toBeGreaterThanOrEqual(190);
      const dead = await queue.deadLetters('deliver', 10);
      expect(dead).toHaveLength(1);
      expect(dead[0]).toMatchObject({ id, queue: 'deliver', payload: { alertId: 'alert-1' }, attempts: 3 });
      expect(dead[0]?.lastError).toContain('smtp down');
      expect(dead[0]?.failedAt).toBeGreaterThan(0);
      expect(await queue.deadLetters('collect', 10)).toEqual([]);
      expect((await queue.deadLetters(undefined, 10)).map((job) => job.id)).toEqual([id]);

      smtpUp = true;
      await queue.retryDead(id);
      await waitFor(async () => (await queue.counts()).deliver.completed === 1, 'completion after retryDead');
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 1]);
      expect((await queue.counts()).deliver.dead).toBe(0);
      expect(await queue.deadLetters('deliver', 10)).toEqual([]);
      await expect(queue.retryDead(id)).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('refuses retryDead of an unknown job', async () => {
      const queue = await fresh();
      await expect(queue.retryDead('deliver/no-such-job')).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
    });

    it('never runs more handlers at once than the concurrency', async () => {
      const queue = await fresh();
      let running = 0;
      let peak = 0;
      let done = 0;
      queue.process(
        'analyse',
        async () => {
          running += 1;
          peak = Math.max(peak, running);
          await sleep(60);
          running -= 1;
          done += 1;
        },
        { concurrency: 3 },
      );
      for (let i = 0; i < 12; i += 1) await queue.enqueue('analyse', { itemId: `item-${i}` });
      await waitFor(() => done === 12, 'all 12 jobs');
      expect(peak).toBe(3);
    });

    it('holds a delayed job until its time', async () => {
      const queue = await fresh();
      const enqueuedAt = Date.now();
      await queue.enqueue('report', { reportId: 'daily' }, { delayMs: 600 });
      const before = await queue.counts();
      expect(before.report).toMatchObject({ waiting: 0, delayed: 1 });
      let ranAt = 0;
      queue.process('report', () => {
        ranAt = Date.now();
      });
      await sleep(250);
      expect(ranAt).toBe(0);
      await waitFor(() => ranAt > 0, 'the delayed job');
      expect(ranAt - enqueuedAt).toBeGreaterThanOrEqual(580);
    });

    it('counts waiting, delayed, active, completed and dead jobs per queue', async () => {
      const queue = await fresh();
      await queue.enqueue('collect', { sourceId: 's1' });
      await queue.enqueue('collect', { sourceId: 's2' });
      await queue.enqueue('collect', { sourceId: 's3' }, { delayMs: 60_000 });
      const hold = gate();
      queue.process('evaluate', () => hold.promise);
      queue.process('maintenance', () => {
        throw new Error('disk full');
      });
      await queue.enqueue('evaluate', { eventId: 'e1' });
      await queue.enqueue('maintenance', { task: 'purge' }, { maxAttempts: 1 });
      await waitFor(async () => (await queue.counts()).evaluate.active === 1, 'an active job');
      await waitFor(async () => (await queue.counts()).maintenance.dead === 1, 'a dead job');
      hold.open();
      await waitFor(async () => (await queue.counts()).evaluate.completed === 1, 'completion');

      const counts = await queue.counts();
      expect(counts.collect).toEqual({ waiting: 2, active: 0, delayed: 1, completed: 0, dead: 0 });
      expect(counts.evaluate).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 1, dead: 0 });
      expect(counts.maintenance).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 0, dead: 1 });
      expect(counts.deliver).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 0, dead: 0 });
      expect(Object.keys(counts).sort()).toEqual(
        ['analyse', 'cluster', 'collect', 'deliver', 'evaluate', 'maintenance', 'report'].sort(),
      );
    });

    it('tells since when the oldest ready job of each queue has waited, not counting delayed jobs', async () => {
      const queue = await fresh();
      expect(Object.values(await queue.oldestWaiting()).every((at) => at === null)).toBe(true);
      const before = Date.now();
      await queue.enqueue('collect', { sourceId: 'first' });
      const between = Date.now();
      await sleep(20);
      await queue.enqueue('collect', { sourceId: 'second' });
      await queue.enqueue('collect', { sourceId: 'second' }, { priority: 3 });
      await queue.enqueue('cluster', { itemIds: ['later'] }, { delayMs: 60_000 });

      const oldest = await queue.oldestWaiting();
      expect(oldest.collect).not.toBeNull();
      expect(oldest.collect ?? 0).toBeGreaterThanOrEqual(before);
      expect(oldest.collect ?? Infinity).toBeLessThanOrEqual(between);
      expect(oldest.cluster).toBeNull();
      expect(oldest.analyse).toBeNull();
      expect(Object.keys(oldest).sort()).toEqual(
        ['analyse', 'cluster', 'collect', 'deliver', 'evaluate', 'maintenance', 'report'].sort(),
      );

      queue.process('collect', () => undefined);
      await waitFor(async () => (await queue.counts()).collect.completed === 3, 'completion');
      expect((await queue.oldestWaiting()).collect).toBeNull();
    });

    it('hands the handler a logger bound to the job id, queue and attempt', async () => {
      const queue = await fresh();
      const bound: unknown[] = [];
      queue.process('report', (job) => {
        bound.push(job.logger.bindings());
      });
      const { id } = await queue.enqueue('report', { reportId: 'r1' });
      await waitFor(async () => (await queue.counts()).report.completed === 1, 'completion');
      expect(bound).toEqual([expect.objectContaining({ jobId: id, queue: 'report', attempt: 1 })]);
    });

    it('fails an attempt that outlives the queue timeout and aborts its signal', async () => {
      const queue = await fresh(tuneCatalogue({ timeoutMs: 150, backoffBaseMs: 50 }, FAST));
      let aborted = false;
      queue.process('cluster', ({ signal }) => {
        return new Promise<void>((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          });
        });
      });
      await queue.enqueue('cluster', { itemId: 'slow' }, { maxAttempts: 1 });
      await waitFor(async () => (await queue.counts()).cluster.dead === 1, 'the timed-out job');
      expect(aborted).toBe(true);
      expect((await queue.deadLetters('cluster', 1))[0]?.lastError).toContain('JOB_TIMED_OUT');
    });

    it('runs unprioritised jobs first, then prioritised ones by ascending number', async () => {
      const queue = await fresh();
      await queue.enqueue('analyse', 'bulk-5', { priority: 5 });
      await queue.enqueue('analyse', 'live-1');
      await queue.enqueue('analyse', 'bulk-1', { priority: 1 });
      await queue.enqueue('analyse', 'live-2');
      const order: JsonValue[] = [];
      queue.process(
        'analyse',
        ({ payload }) => {
          order.push(payload);
        },
        { concurrency: 1 },
      );
      await waitFor(() => order.length === 4, 'four jobs');
      expect(order).toEqual(['live-1', 'live-2', 'bulk-1', 'bulk-5']);
    });

    it('rejects an oversized payload, an unknown queue and bad options', async () => {
      const queue = await fresh();
      await expect(queue.enqueue('analyse', { text: 'x'.repeat(70_000) })).rejects.toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
      });
      await expect(queue.enqueue('nope' as QueueName, {})).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      await expect(queue.enqueue('analyse', {}, { maxAttempts: 0 })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      await expect(queue.enqueue('analyse', {}, { delayMs: -1 })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect((await queue.counts()).analyse.waiting).toBe(0);
    });

    it('stop() waits for running handlers and takes no new jobs afterwards', async () => {
      const queue = await fresh();
      let finished = 0;
      const handle = queue.process('report', async () => {
        await sleep(200);
        finished += 1;
      });
      await queue.enqueue('report', { reportId: 'r1' });
      await waitFor(async () => (await queue.counts()).report.active === 1, 'an active job');
      await handle.stop();
      expect(finished).toBe(1);
      await queue.enqueue('report', { reportId: 'r2' });
      await sleep(300);
      expect(finished).toBe(1);
      expect((await queue.counts()).report.waiting).toBe(1);
    });
  });
}
