/**
 * The count and the most engaged items of a selection (negative items, items of sensitive categories):
 * one COUNT and one ordered, limited SELECT, both with the same conditions.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ItemBrief, ItemSelection, ReportQuery, Traced } from '../../domain/report-data.js';
import { AppError } from '../../platform/errors.js';
import type { Database } from '../schema.js';
import { briefQuery, ENGAGEMENT_SQL, loadTiers, toBrief } from './briefs.js';
import { num } from './counts.js';
import { allOf, itemConditions } from './scope.js';
import { TraceLog } from './trace.js';

/** The most items a list may ask for. */
const MAX_LIMIT = 1_000;

/** `%…%` around `fragment` with the LIKE wildcards and the escape character escaped. */
function containsPattern(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The conditions of a selection: sentiment, and any of the category keys (LIKE on their JSON form). */
function selectionConditions(selection: ItemSelection): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (selection.sentiment !== undefined) {
    conditions.push(sql<SqlBool>`${sql.ref('items.sentiment')} = ${selection.sentiment}`);
  }
  if (selection.categories !== undefined) {
    if (selection.categories.length === 0) return [sql<SqlBool>`1 = 0`];
    const likes = selection.categories.map(
      (key) =>
        sql<SqlBool>`${sql.ref('items.categories')} like ${containsPattern(JSON.stringify(key))} escape '\\'`,
    );
    conditions.push(sql<SqlBool>`(${sql.join(likes, sql` or `)})`);
  }
  return conditions;
}

/** Items of the selection in the period: how many, and the `limit` most engaged (then newest, then id). */
export async function topItems(
  db: Kysely<Database>,
  query: ReportQuery,
  selection: ItemSelection,
  limit: number,
): Promise<Traced<{ count: number; items: ItemBrief[] }>> {
  if (!Number.isSafeInteger(limit) || limit < 0 || limit > MAX_LIMIT) {
    throw new AppError('VALIDATION_FAILED', `limit must be an integer from 0 to ${MAX_LIMIT}`, {
      field: 'limit',
      value: limit,
    });
  }
  const where = allOf([...itemConditions(query), ...selectionConditions(selection)]);
  const log = new TraceLog(db);
  const [counted] = await log.rows(
    db
      .selectFrom('items')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(where),
  );
  const rows = await log.rows(
    briefQuery(db)
      .where(where)
      .orderBy(ENGAGEMENT_SQL, 'desc')
      .orderBy('items.publishedAt', 'desc')
      .orderBy('items.id')
      .limit(limit),
  );
  const tiers = await loadTiers(
    log,
    db,
    rows.map((row) => row.unitId),
  );
  return log.done({ count: num(counted?.n), items: rows.map((row) => toBrief(row, tiers)) });
}
