/**
 * The permission rule as SQL: a caller restricted to some units sees only rows of those units. Used by
 * every repository whose reads take a {@link Scope}.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Scope } from './repositories.js';

/** Anything with Kysely's `where(expression)` (select, update and delete builders). */
interface Filterable<QB> {
  where(expression: Expression<SqlBool>): QB;
}

/**
 * Adds `column in (scope.unitIds)` to `query`. An unrestricted (or absent) scope adds nothing; an empty
 * list matches no row. Rows whose unit is null match only an unrestricted scope.
 */
export function whereInScope<QB extends Filterable<QB>>(
  query: QB,
  scope: Scope | undefined,
  column = 'unitId',
): QB {
  if (scope === undefined || scope.unitIds === null) return query;
  if (scope.unitIds.length === 0) return query.where(sql<SqlBool>`1 = 0`);
  return query.where(sql<SqlBool>`${sql.ref(column)} in (${sql.join(scope.unitIds)})`);
}
