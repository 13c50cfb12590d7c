/**
 * Migration 0017: on PostgreSQL, `items` becomes a table partitioned by month of its time-ordered id, with
 * the full-text GIN index and every other index per partition (storage/partitions/convert.ts says why by id).
 * Existing rows move inside this migration's transaction. SQLite is unchanged: its rowid is already a
 * time-ordered key (storage/items/time-keys.ts).
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect/types.js';
import { partitionItemsTable } from '../partitions/convert.js';

/** Partitions `items` on PostgreSQL; nothing on SQLite. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return;
  await partitionItemsTable(db, Date.now());
}
