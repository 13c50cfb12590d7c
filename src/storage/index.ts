/**
 * Storage's public face: open a database by URL and get every repository over it. The rest of Fengxiang
 * imports storage from here and sees only the interfaces of repositories.ts.
 */
import type { Clock } from '../platform/clock.js';
import { migrateToLatest, openDatabase } from './db.js';
import type { Storage } from './repositories.js';
import { KyselyStorage } from './storage.js';

export type * from './repositories.js';
export type { Repositories, StorageOptions } from './storage.js';

/** How {@link openStorage} opens the database. */
export interface OpenStorageOptions {
  /** Apply pending migrations before use (default true). */
  migrate?: boolean;
  /** PostgreSQL statement timeout (default 30 s). */
  statementTimeoutMs?: number;
  /** The source of createdAt/updatedAt times; the wall clock by default. */
  clock?: Clock;
  /** Told when the server drops an idle PostgreSQL connection (the pool replaces it); ignored by default. */
  onConnectionError?: (error: Error) => void;
}

/**
 * Opens the database at `url` (`sqlite:PATH`, `sqlite::memory:`, `postgres://…`), brings its schema up
 * to date unless told not to, and returns the storage. The database is closed again if migration fails.
 */
export async function openStorage(url: string, options: OpenStorageOptions = {}): Promise<Storage> {
  const handle = openDatabase(url, {
    statementTimeoutMs: options.statementTimeoutMs,
    onConnectionError: options.onConnectionError,
  });
  try {
    if (options.migrate !== false) await migrateToLatest(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return new KyselyStorage(handle, { clock: options.clock });
}
