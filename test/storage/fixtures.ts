/**
 * A fresh, migrated database per test file on one engine, a clock the tests move by hand, and small
 * builders for the rows most suites need (a unit, a user).
 */
import { ManualClock } from '../../src/platform/clock.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/storage/db.js';
import { KyselyUnitRepository } from '../../src/storage/units/repository.js';
import { KyselyUserRepository } from '../../src/storage/users/repository.js';
import type { DatabaseTarget } from '../helpers/databases.js';

/** The time every suite's clock starts at: 2024-05-01T00:00:00Z. */
export const START = Date.UTC(2024, 4, 1);

/** One open test database and how to remove it. */
export interface TestDatabase {
  handle: DatabaseHandle;
  clock: ManualClock;
  close(): Promise<void>;
}

/** Creates a fresh database on `target`, migrates it and opens it. */
export async function openTestDatabase(target: DatabaseTarget): Promise<TestDatabase> {
  const created = await target.create();
  const handle = openDatabase(created.url);
  await migrateToLatest(handle);
  return {
    handle,
    clock: new ManualClock(START),
    async close() {
      await handle.close();
      await created.drop();
    },
  };
}

/** Creates a root unit named `name`. */
export async function makeUnit(test: TestDatabase, name = 'unit', parentId: string | null = null) {
  return new KyselyUnitRepository(test.handle.db, test.clock).create({ name, parentId });
}

/** Creates a user in `unitId` with a unique username. */
export async function makeUser(test: TestDatabase, unitId: string, username: string) {
  return new KyselyUserRepository(test.handle.db, test.clock).create({
    unitId,
    username,
    displayName: username,
    passwordHash: 'hash',
    roles: ['monitor'],
  });
}
