/**
 * The conditions every item figure shares: the units of the query (`items.unit_id in (…)`, nothing for all
 * units, no row for an empty list) and the period on `published_at`, which together use the
 * `items_unit_published (unit_id, published_at, seq)` index.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ReportQuery } from '../../domain/report-data.js';

/** `column in (unitIds)`; null when every unit counts, `1 = 0` for an empty list. */
export function unitCondition(unitIds: readonly string[] | null, column: string): RawBuilder<SqlBool> | null {
  if (unitIds === null) return null;
  if (unitIds.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(unitIds)})`;
}

/** `column >= from and column < to`. */
export function periodCondition(
  query: Pick<ReportQuery, 'from' | 'to'>,
  column: string,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} >= ${query.from} and ${sql.ref(column)} < ${query.to}`;
}

/** The units and period of `query` on `items` (or the alias given). */
export function itemConditions(query: ReportQuery, table = 'items'): RawBuilder<SqlBool>[] {
  const units = unitCondition(query.unitIds, `${table}.unitId`);
  const period = periodCondition(query, `${table}.publishedAt`);
  return units ? [units, period] : [period];
}

/** Conditions joined with `and` (`1 = 1` for none). */
export function allOf(conditions: readonly RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  if (conditions.length === 0) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}
