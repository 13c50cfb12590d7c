/**
 * The maintenance job and the scheduler on real parts: a SQLite job queue file, real storage on both engines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteJobQueue } from '../../src/jobs/sqlite/sqlite-queue.js';
import { startWorkers } from '../../src/jobs/runner.js';
import {
  maintenanceHandler,
  maintenanceTaskOf,
  SESSION_RETENTION_MS,
} from '../../src/pipeline/maintenance.js';
import { slotKey, startScheduler, type Schedule } from '../../src/pipeline/scheduler.js';
import { ManualClock } from '../../src/platform/clock.js';
import { isAppError } from '../../src/platform/errors.js';
import { createLogger } from '../../src/platform/logger.js';
import { openStorage, type Storage } from '../../src/storage/index.js';
import { databaseTargets } from '../helpers/databases.js';

/** Queue files of this file's tests, removed at the end. */
const jobsRoot = mkdtempSync(join(tmpdir(), 'fx-jobs-'));
afterAll(() => rmSync(jobsRoot, { recursive: true, force: true }));

const logger = createLogger('silent');
const DAY = 24 * 3600 * 1000;

describe('maintenanceTaskOf', () => {
  it.each([[{ task: 'purge-sessions' }], [{ task: 'purge-sessions', extra: 1 }]])('reads %j', (payload) => {
    expect(maintenanceTaskOf(payload)).toBe('purge-sessions');
  });
  it.each([[null], ['purge-sessions'], [{ task: 'drop-everything' }], [[1, 2]]])('rejects %j', (payload) => {
    let caught: unknown;
    try {
      maintenanceTaskOf(payload);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'VALIDATION_FAILED')).toBe(true);
  });
});

describe('slotKey', () => {
  it('names the schedule and the second it fired, so every scheduler agrees', () => {
    const schedule: Schedule = { name: 'x', cron: '* * * * *', queue: 'maintenance', payload: null };
    expect(slotKey(schedule, new Date('2024-05-01T08:17:42Z'))).toBe('x@2024-05-01T08:17:42');
  });
});

describe.each(databaseTargets)('maintenance job on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  const clock = new ManualClock(Date.UTC(2024, 4, 20));

  beforeAll(async () => {
    const created = await target.create();
    drop = created.drop;
    storage = await openStorage(created.url, { clock });
  });
  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('purges sessions that ended more than the retention ago, through the queue', async () => {
    const unit = await storage.units.create({ name: 'u', parentId: null });
    const user = await storage.users.create({
      unitId: unit.id,
      username: 'purger',
      displayName: 'P',
      passwordHash: 'x',
      roles: ['viewer'],
    });
    const session = (hash: string, expiresAt: number) =>
      storage.sessions.create({
        userId: user.id,
        tokenHash: hash,
        csrfToken: 'c',
        expiresAt,
        ip: null,
        userAgent: null,
      });
    const old = await session('old', clock.now() - SESSION_RETENTION_MS - DAY);
    const recent = await session('recent', clock.now() - DAY);
    const live = await session('live', clock.now() + DAY);

    const queue = openSqliteJobQueue({ file: join(mkdtempSync(join(jobsRoot, 'queue-')), 'jobs.sqlite') });
    const workers = startWorkers({
      queue,
      roles: ['report'],
      handlers: { maintenance: maintenanceHandler({ storage, clock, logger }) },
    });
    await queue.enqueue('maintenance', { task: 'purge-sessions' });
    for (let i = 0; i < 100 && (await queue.counts()).maintenance.completed === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await workers.stop();
    await queue.close();

    expect(await storage.sessions.get(old.id)).toBeNull();
    expect(await storage.sessions.get(recent.id)).not.toBeNull();
    expect(await storage.sessions.get(live.id)).not.toBeNull();
  });
});

describe('startScheduler', () => {
  it('enqueues each slot once even when two schedulers run', async () => {
    const queue = openSqliteJobQueue({ file: join(mkdtempSync(join(jobsRoot, 'queue-')), 'jobs.sqlite') });
    const schedule: Schedule = {
      name: 'tick',
      cron: '* * * * * *',
      queue: 'maintenance',
      payload: { task: 'purge-sessions' },
    };
    const first = startScheduler({ queue, schedules: [schedule], timeZone: 'Asia/Shanghai', logger });
    const second = startScheduler({ queue, schedules: [schedule], timeZone: 'Asia/Shanghai', logger });
    await new Promise((r) => setTimeout(r, 2600));
    first.stop();
    second.stop();
    const counts = (await queue.counts()).maintenance;
    await queue.close();
    const total = counts.waiting + counts.active + counts.delayed + counts.completed;
    expect(total).toBeGreaterThanOrEqual(2);
    expect(total).toBeLessThanOrEqual(3);
  });
});
