/**
 * PostgreSQL connections the server drops while idle (a restart, a failover, an administrator's
 * pg_terminate_backend) must be reported and replaced, never thrown as an uncaught error that stops the
 * server or worker.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/index.js';
import { postgresTarget } from '../helpers/databases.js';

describe.skipIf(!postgresTarget)('PostgreSQL connections dropped by the server', () => {
  it('reports the dropped idle connection and keeps answering', async () => {
    if (!postgresTarget) return;
    const database = await postgresTarget.create();
    const dropped: Error[] = [];
    const storage = await openStorage(database.url, { onConnectionError: (error) => dropped.push(error) });
    try {
      await storage.units.create({ name: '网信办', parentId: null });
      const name = new URL(database.url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: database.url.replace(`/${name}`, '/postgres') });
      await admin.connect();
      const killed = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      await admin.end();
      expect(killed.rowCount).toBeGreaterThan(0);
      await expect.poll(() => dropped.length, { timeout: 5_000 }).toBeGreaterThan(0);
      const units = await storage.units.list({ unitIds: null });
      expect(units.map((unit) => unit.name)).toEqual(['网信办']);
    } finally {
      await storage.close();
      await database.drop();
    }
  });
});
