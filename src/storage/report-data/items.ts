/**
 * Item figures of a period: totals by sentiment, platforms and volume buckets counted and grouped in SQL;
 * regions and categories, which live in JSON text columns, read as that one column and counted in code.
 */
import { sql, type Kysely } from 'kysely';
import type { ItemTotals, NamedCount, ReportQuery, Traced, VolumeBucket } from '../../domain/report-data.js';
import type { Database } from '../schema.js';
import { checkBuckets } from './checks.js';
import { jsonStrings, num, regionNames, sortedTallies, tallyNames, byCountThenName } from './counts.js';
import { allOf, itemConditions } from './scope.js';
import { TraceLog } from './trace.js';

/** The platform of an item: its own, else its source's kind (null when neither; printed as 未知). */
export const PLATFORM_SQL = sql<
  string | null
>`coalesce(${sql.ref('items.platform')}, ${sql.ref('sources.kind')})`;

/** The name printed for items without a platform or source. */
export const UNKNOWN_PLATFORM = '未知';

/** `1` for a negative item, else `0` (summed, or grouped on so that a group is all negative or none). */
const NEGATIVE = sql<number>`case when ${sql.ref('items.sentiment')} = 'negative' then 1 else 0 end`;

/** Items of the period by sentiment. */
export async function itemTotals(db: Kysely<Database>, query: ReportQuery): Promise<Traced<ItemTotals>> {
  const log = new TraceLog(db);
  const rows = await log.rows(
    db
      .selectFrom('items')
      .select((eb) => ['items.sentiment', eb.fn.countAll().as('n')])
      .where(allOf(itemConditions(query)))
      .groupBy('items.sentiment'),
    'one row per sentiment; total = sum of the rows, null sentiment = unlabelled (in the application)',
  );
  const totals: ItemTotals = { total: 0, positive: 0, neutral: 0, negative: 0, unlabelled: 0 };
  for (const row of rows) {
    const n = num(row.n);
    totals.total += n;
    const key = row.sentiment;
    if (key === 'positive' || key === 'neutral' || key === 'negative') totals[key] += n;
    else totals.unlabelled += n;
  }
  return log.done(totals);
}

/** Items of the period by platform (the item's, else its source's kind, else 未知). */
export async function itemsByPlatform(
  db: Kysely<Database>,
  query: ReportQuery,
): Promise<Traced<NamedCount[]>> {
  const log = new TraceLog(db);
  const rows = await log.rows(
    db
      .selectFrom('items')
      .leftJoin('sources', 'sources.id', 'items.sourceId')
      .select((eb) => [
        PLATFORM_SQL.as('platform'),
        eb.fn.countAll().as('n'),
        eb.fn.sum(NEGATIVE).as('negative'),
      ])
      .where(allOf(itemConditions(query)))
      .groupBy(PLATFORM_SQL),
    `a null platform is printed as ${UNKNOWN_PLATFORM}; rows sorted by count, then name, in the application`,
  );
  const counts = rows.map((row) => ({
    name: row.platform ?? UNKNOWN_PLATFORM,
    count: num(row.n),
    negative: num(row.negative),
  }));
  return log.done(counts.sort(byCountThenName));
}

/**
 * The items of the period with a non-empty JSON list in `column`, grouped by the list's text and by
 * whether they are negative: many items share a list (["housing"], one province), so the database counts
 * them and the application parses each distinct list once. On SQLite a partial covering index
 * (migration 0018) answers this without reading the table.
 */
function groupedLists(
  db: Kysely<Database>,
  query: ReportQuery,
  column: 'items.regions' | 'items.categories',
) {
  return db
    .selectFrom('items')
    .select((eb) => [sql.ref<string>(column).as('list'), NEGATIVE.as('negative'), eb.fn.countAll().as('n')])
    .where(allOf(itemConditions(query)))
    .where(column, '!=', '[]')
    .groupBy([sql.ref(column), NEGATIVE]);
}

/** Items of the period by region at `level`; an item naming two regions counts once in each. */
export async function itemsByRegion(
  db: Kysely<Database>,
  query: ReportQuery,
  level: 'province' | 'city' | 'county',
): Promise<Traced<NamedCount[]>> {
  const log = new TraceLog(db);
  const rows = await log.rows(
    groupedLists(db, query, 'items.regions'),
    `rows = items grouped by their regions list; regions[].${level} counted in the application: an item counts once per distinct ${level}, items without one are not counted`,
  );
  const tallies = new Map<string, NamedCount>();
  for (const row of rows) {
    tallyNames(tallies, regionNames(row.list, level), num(row.negative) === 1, num(row.n));
  }
  return log.done(sortedTallies(tallies));
}

/** Items of the period by category key; an item with two keys counts once under each. */
export async function itemsByCategory(
  db: Kysely<Database>,
  query: ReportQuery,
): Promise<Traced<NamedCount[]>> {
  const log = new TraceLog(db);
  const rows = await log.rows(
    groupedLists(db, query, 'items.categories'),
    'rows = items grouped by their categories list; keys counted in the application: an item counts once per distinct key, items without one are not counted',
  );
  const tallies = new Map<string, NamedCount>();
  for (const row of rows) {
    tallyNames(tallies, jsonStrings(row.list, 'items.categories'), num(row.negative) === 1, num(row.n));
  }
  return log.done(sortedTallies(tallies));
}

/**
 * `floor((published_at - from) / bucketMs)` in integer arithmetic both engines agree on: both operands are
 * cast to bigint (SQLite binds JS numbers as REAL; PostgreSQL divides bigints as integers), and the value
 * is never negative, so truncation is the floor.
 */
export function bucketSql(from: number, bucketMs: number) {
  return sql<number>`(${sql.ref('items.publishedAt')} - cast(${from} as bigint)) / cast(${bucketMs} as bigint)`;
}

/** Every bucket from `from` (count of them given), zeros where `rows` has none. */
export function fillBuckets(
  from: number,
  bucketMs: number,
  count: number,
  rows: readonly { bucket: unknown; total: unknown; negative: unknown }[],
): VolumeBucket[] {
  const buckets: VolumeBucket[] = Array.from({ length: count }, (_, index) => ({
    from: from + index * bucketMs,
    total: 0,
    negative: 0,
  }));
  for (const row of rows) {
    const bucket = buckets[num(row.bucket)];
    if (!bucket) continue;
    bucket.total = num(row.total);
    bucket.negative = num(row.negative);
  }
  return buckets;
}

/** Items of the period per bucket of `bucketMs`, every bucket present. */
export async function volumeSeries(
  db: Kysely<Database>,
  query: ReportQuery,
  bucketMs: number,
): Promise<Traced<VolumeBucket[]>> {
  const count = checkBuckets(bucketMs, query.to - query.from);
  const log = new TraceLog(db);
  const inner = db
    .selectFrom('items')
    .select([bucketSql(query.from, bucketMs).as('bucket'), 'items.sentiment'])
    .where(allOf(itemConditions(query)))
    .as('b');
  const rows = await log.rows(
    db
      .selectFrom(inner)
      .select((eb) => [
        'b.bucket',
        eb.fn.countAll().as('total'),
        eb.fn
          .sum(sql<number>`case when ${sql.ref('b.sentiment')} = 'negative' then 1 else 0 end`)
          .as('negative'),
      ])
      .groupBy('b.bucket'),
    `bucket = floor((published_at - ${query.from}) / ${bucketMs}); buckets without items filled with 0 in the application (${count} buckets)`,
  );
  return log.done(fillBuckets(query.from, bucketMs, count, rows));
}
