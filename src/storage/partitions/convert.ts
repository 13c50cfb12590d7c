/**
 * Turning the plain `items` table of migrations 0001–0016 into a table partitioned by RANGE (id) on
 * PostgreSQL, with every row, index and foreign key kept. Read from the catalog rather than restated, so
 * columns and indexes added by earlier migrations come along unchanged.
 *
 * Why `id` is the partition key: four tables reference `items.id` with ON DELETE CASCADE, and PostgreSQL
 * needs a unique key that contains the partition key to be referenced. Partitioning by `id` makes `id`
 * itself the primary key, so the references stay as they are. Ids begin with the hex milliseconds of the
 * moment the item was collected (platform/ids.ts), so ranges of ids are ranges of time; `seq` stays an
 * identity column (unique by its sequence) for the keyset order, with a plain index.
 */
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../platform/errors.js';
import {
  foreignKeysOf,
  foreignKeysReferencing,
  indexesOf,
  insertableColumns,
  isPartitioned,
  type IndexDefinition,
} from './catalog.js';
import {
  addForeignKey,
  createDefaultPartition,
  createMonthPartition,
  dropForeignKey,
  monthsWithRows,
  PARTITION_UNIQUE_KEYS,
} from './ddl.js';
import { EARLIEST_PARTITION_MS, monthPartitionOf, monthsAheadOf, partitionHorizonOf } from './months.js';

/** Where the rows wait while the partitioned table is built. */
const OLD_TABLE = 'items_unpartitioned';

/**
 * Rebuilds `items` as a partitioned table inside the caller's transaction: the DEFAULT partition, one
 * partition per month that holds rows, and the month of `now` and the months ahead. Does nothing when
 * `items` is partitioned already. Holds an exclusive lock on `items` until the transaction commits.
 */
export async function partitionItemsTable(db: Kysely<unknown>, now: number): Promise<void> {
  if (await isPartitioned(db, 'items')) return;
  await sql`set local statement_timeout = 0`.execute(db);
  const references = await foreignKeysReferencing(db, 'items');
  const ownKeys = await foreignKeysOf(db, 'items');
  const indexes = await indexesOf(db, 'items');
  const parentIndexes = indexes.filter((index) => !index.backsConstraint && !index.unique);
  checkUniqueIndexes(indexes);

  for (const key of references) await dropForeignKey(db, key);
  for (const index of indexes.filter((each) => !each.backsConstraint)) {
    await sql`drop index ${sql.raw(quoted(index.name))}`.execute(db);
  }
  await sql`alter table items rename to ${sql.raw(OLD_TABLE)}`.execute(db);
  await dropKeyConstraints(db);

  await sql`create table items (like ${sql.raw(OLD_TABLE)}
    including defaults including generated including identity including constraints)
    partition by range (id)`.execute(db);
  await sql`alter table items add constraint items_pkey primary key (id)`.execute(db);
  await createPartitions(db, now);
  await copyRows(db);
  await sql`drop table ${sql.raw(OLD_TABLE)}`.execute(db);
  await renameIdentitySequence(db);

  for (const index of parentIndexes) await sql.raw(index.definition).execute(db);
  await sql`create index items_seq on items (seq)`.execute(db);
  for (const key of ownKeys) await addForeignKey(db, key);
  for (const key of references) await addForeignKey(db, key);
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The unique indexes that do not back a constraint must be the per-partition keys this module knows. */
function checkUniqueIndexes(indexes: readonly IndexDefinition[]): void {
  const known = new Set(PARTITION_UNIQUE_KEYS.map((key) => `items_${key.index}`));
  const unknown = indexes.filter((index) => index.unique && !index.backsConstraint && !known.has(index.name));
  if (unknown.length > 0) {
    throw new AppError(
      'STORAGE_UNAVAILABLE',
      `cannot partition items: unique index ${unknown.map((index) => index.name).join(', ')} has no per-partition form`,
    );
  }
}

/** Frees the names `items_pkey` and `items_id_key` that the old table's key constraints hold. */
async function dropKeyConstraints(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ name: string }>`select quote_ident(conname) as name from pg_constraint
    where conrelid = ${OLD_TABLE}::regclass and contype in ('p', 'u')`.execute(db);
  for (const row of rows) {
    await sql`alter table ${sql.raw(OLD_TABLE)} drop constraint ${sql.raw(row.name)}`.execute(db);
  }
}

async function createPartitions(db: Kysely<unknown>, now: number): Promise<void> {
  await createDefaultPartition(db);
  const starts = await monthsWithRows(db, OLD_TABLE, EARLIEST_PARTITION_MS, partitionHorizonOf(now));
  const months = new Map([...starts.map(monthPartitionOf), ...monthsAheadOf(now)].map((m) => [m.name, m]));
  for (const month of months.values()) await createMonthPartition(db, month);
}

/** Copies every row with its `seq`, then moves the identity sequence past the highest one. */
async function copyRows(db: Kysely<unknown>): Promise<void> {
  const columns = sql.raw((await insertableColumns(db, OLD_TABLE)).join(', '));
  await sql`insert into items (${columns}) select ${columns} from ${sql.raw(OLD_TABLE)}`.execute(db);
  await sql`select setval(pg_get_serial_sequence('items', 'seq'), coalesce(max(seq), 0) + 1, false)
    from items`.execute(db);
}

/** The new identity sequence was named beside the old one; it takes the usual name once that is gone. */
async function renameIdentitySequence(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{
    name: string | null;
  }>`select pg_get_serial_sequence('items', 'seq') as name`.execute(db);
  const name = rows[0]?.name;
  const usual = await sql<{
    taken: boolean;
  }>`select to_regclass('items_seq_seq') is not null as taken`.execute(db);
  if (name && usual.rows[0]?.taken === false) {
    await sql`alter sequence ${sql.raw(name)} rename to items_seq_seq`.execute(db);
  }
}
