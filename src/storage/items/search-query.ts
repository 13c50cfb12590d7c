/**
 * The SQL of one item search page. The full-text part is the only dialect difference: SQLite joins the
 * FTS5 table (rowid = items.seq) and scores with bm25; PostgreSQL matches the generated tsvector column
 * and scores with ts_rank. Filters, scope, keyset and order are shared.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { SearchNode } from '../../analysis/expression/search-tree.js';
import { toTsQuery } from '../dialect/search-postgres.js';
import { toFts5Match } from '../dialect/search-sqlite.js';
import type { DialectName } from '../dialect/types.js';
import type { ItemSearch } from '../repositories.js';
import type { ItemCursor } from './cursor.js';
import { filterConditions, scopeCondition } from './filters.js';
import { ITEM_COLUMNS, type ItemRow } from './rows.js';
import { idFloorForPublishedFrom } from '../partitions/months.js';
import { firstKeyAt } from './time-keys.js';

/** A row of a search page: the item columns and, in relevance order, its score (higher is better). */
export type ScoredItemRow = ItemRow & { score: number | null };

type Condition = RawBuilder<SqlBool>;

/** Where the rows come from, the full-text condition and the relevance score, per engine. */
interface TextMatch {
  from: RawBuilder<unknown>;
  condition: Condition | null;
  score: RawBuilder<number> | null;
}

function textMatch(dialect: DialectName, match: SearchNode | null): TextMatch {
  if (match === null) return { from: sql`items`, condition: null, score: null };
  if (dialect === 'sqlite') {
    return {
      // CROSS JOIN keeps the full-text index as the outer loop, so its rowid order serves the ORDER BY.
      from: sql`items_fts cross join items on items.seq = items_fts.rowid`,
      condition: sql<SqlBool>`items_fts match ${toFts5Match(match)}`,
      score: sql<number>`(-bm25(items_fts))`,
    };
  }
  return {
    from: sql`items cross join to_tsquery('simple', ${toTsQuery(match)}) as search_query`,
    condition: sql<SqlBool>`items.search @@ search_query`,
    score: sql<number>`ts_rank(items.search, search_query)`,
  };
}

/**
 * Whether this search walks the SQLite full-text index in rowid order: rowids are time-ordered keys
 * (time-keys.ts), so time order, time windows and the keyset are rowid order and rowid ranges, which
 * FTS5 answers newest first without collecting and sorting every match.
 */
function walksTimeKeys(dialect: DialectName, query: ItemSearch, byRelevance: boolean): boolean {
  return dialect === 'sqlite' && query.match !== null && !byRelevance;
}

/** Rowid-range conditions of a time-keyed walk: the window and the keyset, for FTS5 to honour. */
function timeKeyConditions(query: ItemSearch, cursor: ItemCursor | null): Condition[] {
  const conditions: Condition[] = [];
  const { from, to } = query.filters;
  if (from !== undefined) conditions.push(sql<SqlBool>`items_fts.rowid >= ${firstKeyAt(from)}`);
  // Items that spilled past their millisecond sit a little higher; the exact published_at filter stays too.
  if (to !== undefined) conditions.push(sql<SqlBool>`items_fts.rowid < ${firstKeyAt(to + TO_SLACK_MS)}`);
  if (cursor) conditions.push(sql<SqlBool>`items_fts.rowid < ${cursor.seq}`);
  return conditions;
}

/**
 * On PostgreSQL, items are partitioned by their time-ordered id (storage/partitions/convert.ts): a search
 * from a date also bounds the id from below, so the planner reads only the partitions from that date on.
 */
function partitionCondition(dialect: DialectName, query: ItemSearch): Condition | null {
  const { from } = query.filters;
  if (dialect !== 'postgres' || from === undefined) return null;
  return sql<SqlBool>`items.id >= ${idFloorForPublishedFrom(from)}`;
}

/** How far past `to` a time-keyed walk looks for items that spilled into later milliseconds. */
const TO_SLACK_MS = 1000;

function keysetCondition(cursor: ItemCursor, score: RawBuilder<number> | null): Condition {
  if (cursor.sort === 'time') {
    return sql<SqlBool>`(items.published_at, items.seq) < (${cursor.publishedAt}, ${cursor.seq})`;
  }
  const after = sql`cast(${cursor.score} as real)`;
  const rank = score ?? sql<number>`0`;
  return sql<SqlBool>`(${rank} < ${after} or (${rank} = ${after} and items.seq < ${cursor.seq}))`;
}

/** The order a search really runs in: relevance needs a text match, otherwise time. */
export function effectiveSort(query: ItemSearch): 'time' | 'relevance' {
  return query.sort === 'relevance' && query.match !== null ? 'relevance' : 'time';
}

/**
 * The statement for one page: `limit` rows after `cursor` (fetch one more than shown to learn whether a
 * next page exists). `cursor` must be of the {@link effectiveSort} of `query`.
 */
export function searchStatement(
  dialect: DialectName,
  query: ItemSearch,
  cursor: ItemCursor | null,
  limit: number,
): RawBuilder<ScoredItemRow> {
  const text = textMatch(dialect, query.match);
  const byRelevance = effectiveSort(query) === 'relevance';
  const timeKeyed = walksTimeKeys(dialect, query, byRelevance);
  const score = byRelevance ? text.score : null;
  const conditions = [
    text.condition,
    scopeCondition(query.scope),
    ...filterConditions(query.filters),
    partitionCondition(dialect, query),
  ].filter((condition): condition is Condition => condition !== null);
  if (timeKeyed) conditions.push(...timeKeyConditions(query, cursor));
  else if (cursor) conditions.push(keysetCondition(cursor, score));
  const where = conditions.length === 0 ? sql`` : sql`where ${sql.join(conditions, sql` and `)}`;
  const columns = sql.join(ITEM_COLUMNS.map((name) => sql.ref(`items.${name}`)));
  const order = byRelevance
    ? sql`order by score desc, items.seq desc`
    : timeKeyed
      ? sql`order by items_fts.rowid desc`
      : sql`order by items.published_at desc, items.seq desc`;
  return sql<ScoredItemRow>`select ${columns}, ${score ?? sql`null`} as score from ${text.from} ${where} ${order} limit ${limit}`;
}
