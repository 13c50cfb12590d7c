/**
 * Keeping item partitions ahead of need on PostgreSQL: the month of `now` and the months after it get their
 * partition before the first item arrives, and rows that landed in the DEFAULT partition (ids minted
 * outside the partitions that existed, for example items copied in from an older installation) move to a
 * partition of their own month. Idempotent; several processes may run it at once (an advisory lock makes
 * them take turns).
 */
import { sql, type Kysely } from 'kysely';
import type { ItemPartitionReport } from '../repositories.js';
import { foreignKeysReferencing, insertableColumns, isPartitioned, partitionNames } from './catalog.js';
import {
  addForeignKey,
  createMonthPartition,
  DEFAULT_PARTITION,
  dropForeignKey,
  monthsWithRows,
} from './ddl.js';
import {
  addMonths,
  EARLIEST_PARTITION_MS,
  monthPartitionOf,
  monthStartOf,
  monthsAheadOf,
  partitionHorizonOf,
  type MonthPartition,
} from './months.js';

/** How long the run waits for a table lock before it gives up (and is retried on the next run). */
const LOCK_TIMEOUT = '10s';

/** The name whose hash is this task's advisory lock across processes. */
const ADVISORY_LOCK_KEY = 'fengxiang:item-partitions';

/** Besides the months ahead, a span of time whose months should have partitions too. */
export interface PartitionSpan {
  fromMs: number;
  /** Exclusive. */
  toMs: number;
}

/**
 * Creates the partitions the month of `now` and the months ahead need (and those of `cover`, for a copy of
 * old items that is about to arrive), and moves rows out of the DEFAULT partition into partitions of their
 * own months. Does nothing when `items` is not partitioned.
 */
export async function maintainItemPartitions(
  db: Kysely<unknown>,
  now: number,
  cover?: PartitionSpan,
): Promise<ItemPartitionReport> {
  if (db.isTransaction) return maintainInTransaction(db, now, cover);
  return db.transaction().execute((trx) => maintainInTransaction(trx, now, cover));
}

async function maintainInTransaction(
  db: Kysely<unknown>,
  now: number,
  cover: PartitionSpan | undefined,
): Promise<ItemPartitionReport> {
  if (!(await isPartitioned(db, 'items'))) return { created: [], moved: 0 };
  await sql`select pg_advisory_xact_lock(hashtext(${ADVISORY_LOCK_KEY}))`.execute(db);
  await sql`set local lock_timeout = ${sql.lit(LOCK_TIMEOUT)}`.execute(db);
  const existing = new Set(await partitionNames(db, 'items'));
  const starts = await monthsWithRows(db, DEFAULT_PARTITION, EARLIEST_PARTITION_MS, partitionHorizonOf(now));
  const stranded = starts.map(monthPartitionOf).filter((month) => !existing.has(month.name));
  const strandedNames = new Set(stranded.map((month) => month.name));
  const wanted = [...monthsAheadOf(now), ...(cover ? monthsOf(cover) : [])];
  const fresh = new Map(
    wanted
      .filter((month) => !existing.has(month.name) && !strandedNames.has(month.name))
      .map((month) => [month.name, month]),
  );
  for (const month of fresh.values()) await createMonthPartition(db, month);
  const moved = stranded.length === 0 ? 0 : await moveOutOfDefault(db, stranded);
  return { created: [...fresh.keys(), ...strandedNames].sort(), moved };
}

/** The month partitions that cover `span`, from {@link EARLIEST_PARTITION_MS} on. */
function monthsOf(span: PartitionSpan): MonthPartition[] {
  const months: MonthPartition[] = [];
  let start = monthStartOf(Math.max(span.fromMs, EARLIEST_PARTITION_MS));
  while (start < span.toMs) {
    months.push(monthPartitionOf(start));
    start = addMonths(start, 1);
  }
  return months;
}

/**
 * Moves the DEFAULT partition's rows of `months` into new partitions. PostgreSQL refuses to create a
 * partition while the DEFAULT partition holds rows of its range, and deleting them there would cascade to
 * every table that references items, so the referencing foreign keys are dropped for the move and added
 * again (and checked) in the same transaction: nothing outside it ever sees them missing.
 */
async function moveOutOfDefault(db: Kysely<unknown>, months: readonly MonthPartition[]): Promise<number> {
  const references = await foreignKeysReferencing(db, 'items');
  for (const key of references) await dropForeignKey(db, key);
  const columns = sql.raw((await insertableColumns(db, 'items')).join(', '));
  let moved = 0;
  for (const month of months) {
    const inMonth = sql`id >= ${month.fromId} and id < ${month.toId}`;
    await sql`create temporary table item_partition_move on commit drop as
      select ${columns} from ${sql.raw(DEFAULT_PARTITION)} where ${inMonth}`.execute(db);
    const deleted = await sql`delete from ${sql.raw(DEFAULT_PARTITION)} where ${inMonth}`.execute(db);
    await createMonthPartition(db, month);
    await sql`insert into items (${columns}) select ${columns} from item_partition_move`.execute(db);
    await sql`drop table item_partition_move`.execute(db);
    moved += Number(deleted.numAffectedRows ?? 0n);
  }
  for (const key of references) await addForeignKey(db, key);
  return moved;
}
