import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BullmqJobQueue } from '../../src/jobs/bullmq/bullmq-queue.js';
import { openJobQueue } from '../../src/jobs/open.js';
import { SqliteJobQueue } from '../../src/jobs/sqlite/sqlite-queue.js';
import { testRedisUrl } from '../helpers/databases.js';
import { deleteKeys, testPrefix } from './redis-prefix.js';

describe('openJobQueue', () => {
  it('uses the SQLite file when no Redis URL is configured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fx-open-'));
    const jobsSqlitePath = join(dir, 'nested', 'jobs.sqlite');
    const queue = openJobQueue({ redisUrl: '', queuePrefix: 'fengxiang', jobsSqlitePath });
    try {
      expect(queue).toBeInstanceOf(SqliteJobQueue);
      await queue.enqueue('collect', { sourceId: 's' });
      expect(existsSync(jobsSqlitePath)).toBe(true);
    } finally {
      await queue.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(testRedisUrl === null)(
    'uses BullMQ under the prefix when a Redis URL is configured',
    async () => {
      const url = testRedisUrl ?? '';
      const prefix = testPrefix('open');
      const queue = openJobQueue({
        redisUrl: url,
        queuePrefix: prefix,
        jobsSqlitePath: '/nonexistent/jobs.sqlite',
      });
      try {
        expect(queue).toBeInstanceOf(BullmqJobQueue);
        await queue.enqueue('report', { reportId: 'r' });
        expect((await queue.counts()).report.waiting).toBe(1);
      } finally {
        await queue.close();
        await deleteKeys(url, [prefix]);
      }
    },
  );
});
