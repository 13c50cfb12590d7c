/**
 * The statements that shape item partitions on PostgreSQL: a month partition with its own unique keys,
 * the DEFAULT partition, and dropping and restoring foreign keys around work that must not cascade.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { AppError } from '../../platform/errors.js';
import type { ForeignKeyDefinition } from './catalog.js';
import type { MonthPartition } from './months.js';

/** The partition that catches every row no month partition covers. */
export const DEFAULT_PARTITION = 'items_default';

/**
 * The per-source dedup keys (migration 0002). PostgreSQL can enforce a unique index on a partitioned
 * table only when it contains the partition key, which would make these keys meaningless, so each
 * partition gets its own. Concurrent inserts of one post are minted within the same moment and so meet in
 * the same partition; a post stored in an earlier month is found by the dedup lookup before inserting.
 */
export const PARTITION_UNIQUE_KEYS: ReadonlyArray<{ index: string; columns: string; where: string }> = [
  { index: 'source_external_id', columns: 'source_id, external_id', where: 'external_id is not null' },
  { index: 'source_canonical_url', columns: 'source_id, canonical_url', where: 'canonical_url is not null' },
];

/** A name built here, checked before it is written into SQL unquoted. */
function identifier(name: string): RawBuilder<unknown> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new AppError('STORAGE_UNAVAILABLE', `unexpected identifier ${name}`);
  return sql.raw(name);
}

/** A string literal for a partition bound (ids are hex digits, checked here). */
function idLiteral(id: string): RawBuilder<unknown> {
  if (!/^[0-9a-f]+$/.test(id)) throw new AppError('STORAGE_UNAVAILABLE', `unexpected partition bound ${id}`);
  return sql.raw(`'${id}'`);
}

/** Creates the per-partition unique keys of `partition` (a no-op for keys it has). */
export async function createPartitionUniqueKeys(db: Kysely<unknown>, partition: string): Promise<void> {
  for (const key of PARTITION_UNIQUE_KEYS) {
    await sql`create unique index if not exists ${identifier(`${partition}_${key.index}`)}
      on ${identifier(partition)} (${sql.raw(key.columns)}) where ${sql.raw(key.where)}`.execute(db);
  }
}

/** Creates the partition of one month and its unique keys; a no-op when it exists. */
export async function createMonthPartition(db: Kysely<unknown>, month: MonthPartition): Promise<void> {
  await sql`create table if not exists ${identifier(month.name)} partition of items
    for values from (${idLiteral(month.fromId)}) to (${idLiteral(month.toId)})`.execute(db);
  await createPartitionUniqueKeys(db, month.name);
}

/** Creates the DEFAULT partition and its unique keys; a no-op when it exists. */
export async function createDefaultPartition(db: Kysely<unknown>): Promise<void> {
  await sql`create table if not exists ${identifier(DEFAULT_PARTITION)} partition of items default`.execute(
    db,
  );
  await createPartitionUniqueKeys(db, DEFAULT_PARTITION);
}

/** Drops foreign key `key` (to be added again with {@link addForeignKey}). */
export async function dropForeignKey(db: Kysely<unknown>, key: ForeignKeyDefinition): Promise<void> {
  await sql`alter table ${sql.raw(key.table)} drop constraint ${sql.raw(key.name)}`.execute(db);
}

/** Adds foreign key `key` as it was read from the catalog; PostgreSQL checks every existing row. */
export async function addForeignKey(db: Kysely<unknown>, key: ForeignKeyDefinition): Promise<void> {
  await sql`alter table ${sql.raw(key.table)} add constraint ${sql.raw(key.name)} ${sql.raw(key.definition)}`.execute(
    db,
  );
}

/**
 * The starts (epoch ms, UTC months) of the months that rows of `table` were minted in, for ids that
 * start with 12 hex digits and fall in [`fromMs`, `toMs`). Other rows are not counted.
 */
export async function monthsWithRows(
  db: Kysely<unknown>,
  table: string,
  fromMs: number,
  toMs: number,
): Promise<number[]> {
  const { rows } = await sql<{ monthStart: number | string }>`select distinct
      (extract(epoch from date_trunc('month', to_timestamp(t.ms / 1000.0) at time zone 'UTC')) * 1000)::bigint
        as "monthStart"
    from (select case when id ~ '^[0-9a-f]{12}' then ('x' || substr(id, 1, 12))::bit(48)::bigint end as ms
      from ${identifier(table)}) t
    where t.ms >= ${fromMs} and t.ms < ${toMs} order by 1`.execute(db);
  return rows.map((row) => Number(row.monthStart));
}
