/**
 * Named locks across processes (`storage.locks`, issue 9): on PostgreSQL two holders of one name — two
 * storages, as two worker processes have — run one after the other while other names run at once; and when
 * the server drops the connection a lock is held on, the process is told (not crashed) and the storage keeps
 * answering. On SQLite (one writing process) the work simply runs.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(databaseTargets)('named locks on $name', (target) => {
  let url: string;
  let drop: () => Promise<void>;
  let first: Storage;
  let second: Storage;
  const dropped: Error[] = [];

  beforeAll(async () => {
    const database = await target.create();
    url = database.url;
    drop = database.drop;
    first = await openStorage(url, { migrate: true, onConnectionError: (error) => dropped.push(error) });
    second = await openStorage(url);
  });

  afterAll(async () => {
    await first.close();
    await second.close();
    await drop();
  });

  it('runs the work and passes its result and errors on', async () => {
    expect(await first.locks.hold('result', async () => 42)).toBe(42);
    await expect(
      first.locks.hold('failing', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await first.locks.hold('failing', async () => 'free again')).toBe('free again');
  });

  it.skipIf(target.name !== 'postgres')('serialises holders of one name across storages', async () => {
    const events: string[] = [];
    const work = (who: string, ms: number) => async (): Promise<void> => {
      events.push(`${who} in`);
      await sleep(ms);
      events.push(`${who} out`);
    };
    const a = first.locks.hold('unit-1', work('a', 300));
    await sleep(50);
    const b = second.locks.hold('unit-1', work('b', 10));
    const c = second.locks.hold('unit-2', work('c', 10));
    await Promise.all([a, b, c]);
    expect(events.indexOf('b in')).toBeGreaterThan(events.indexOf('a out'));
    expect(events.indexOf('c out')).toBeLessThan(events.indexOf('a out'));
  });

  it.skipIf(target.name !== 'postgres')(
    'survives the server dropping the connection a lock is held on',
    async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await first.locks.hold('dropped', async () => {
          const { rows } = await admin.query<{ pid: number }>(
            "select pid from pg_locks where locktype = 'advisory' and granted",
          );
          for (const row of rows) await admin.query('select pg_terminate_backend($1)', [row.pid]);
          await sleep(300);
        });
      } finally {
        await admin.end();
      }
      expect(dropped.length).toBeGreaterThan(0);
      expect(await first.ping()).toBe(true);
      expect(await first.locks.hold('dropped', async () => 'again')).toBe('again');
    },
  );
});
