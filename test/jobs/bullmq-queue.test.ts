/** The BullMQ job queue against the real Redis of FENGXIANG_TEST_REDIS_URL; skipped with a notice without it. */
import { afterAll, describe, expect, it } from 'vitest';
import { openBullmqJobQueue } from '../../src/jobs/bullmq/bullmq-queue.js';
import { testRedisUrl } from '../helpers/databases.js';
import { describeQueueContract } from './queue-contract.js';
import { deleteKeys, testPrefix } from './redis-prefix.js';

if (testRedisUrl === null) {
  describe.skip('bullmq job queue (FENGXIANG_TEST_REDIS_URL is not set)', () => {
    it('needs Redis', () => undefined);
  });
} else {
  const url = testRedisUrl;
  const prefixes: string[] = [];
  afterAll(() => deleteKeys(url, prefixes));

  describeQueueContract('bullmq', async (catalogue) => {
    const prefix = testPrefix('contract');
    prefixes.push(prefix);
    return openBullmqJobQueue({ url, prefix, catalogue, stalledIntervalMs: 1000 });
  });

  describe('bullmq job queue', () => {
    it('keeps queues of different prefixes apart', async () => {
      const [left, right] = [testPrefix('left'), testPrefix('right')];
      prefixes.push(left, right);
      const a = openBullmqJobQueue({ url, prefix: left });
      const b = openBullmqJobQueue({ url, prefix: right });
      try {
        await a.enqueue('collect', { sourceId: 'only-in-a' });
        expect((await a.counts()).collect.waiting).toBe(1);
        expect((await b.counts()).collect.waiting).toBe(0);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('rejects an id that names no queue', async () => {
      const prefix = testPrefix('ids');
      prefixes.push(prefix);
      const queue = openBullmqJobQueue({ url, prefix });
      try {
        await expect(queue.retryDead('not-a-job-id')).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
      } finally {
        await queue.close();
      }
    });
  });
}
