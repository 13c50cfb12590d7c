/**
 * The item filters and the scope as SQL conditions on `items`. Lists combine with OR inside a filter and
 * filters with AND; an empty list means the filter is not set. Categories and provinces live in JSON text
 * columns and match with LIKE on their quoted JSON form, which both engines run the same way.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ItemFilters, Scope } from '../repositories.js';

type Condition = RawBuilder<SqlBool>;

function column(name: string): RawBuilder<unknown> {
  return sql.ref(`items.${name}`);
}

function oneOf(name: string, values: readonly string[] | undefined): Condition | null {
  if (!values || values.length === 0) return null;
  return sql<SqlBool>`${column(name)} in (${sql.join(values)})`;
}

/** `%…%` around `fragment`, with the LIKE wildcards and the escape character escaped. */
function containsPattern(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function jsonContainsAny(name: string, fragments: readonly string[] | undefined): Condition | null {
  if (!fragments || fragments.length === 0) return null;
  const likes = fragments.map(
    (fragment) => sql<SqlBool>`${column(name)} like ${containsPattern(fragment)} escape '\\'`,
  );
  return sql<SqlBool>`(${sql.join(likes, sql` or `)})`;
}

function flag(name: string, value: boolean | undefined): Condition | null {
  return value === undefined ? null : sql<SqlBool>`${column(name)} = ${value ? 1 : 0}`;
}

function presence(name: string, present: boolean | undefined): Condition | null {
  if (present === undefined) return null;
  return present ? sql<SqlBool>`${column(name)} is not null` : sql<SqlBool>`${column(name)} is null`;
}

/** The scope as a condition: nothing when unrestricted, no row for an empty list. */
export function scopeCondition(scope: Scope): Condition | null {
  if (scope.unitIds === null) return null;
  if (scope.unitIds.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${column('unitId')} in (${sql.join(scope.unitIds)})`;
}

/** Every set filter as one condition each. */
export function filterConditions(filters: ItemFilters): Condition[] {
  const conditions: (Condition | null)[] = [
    filters.from === undefined ? null : sql<SqlBool>`${column('publishedAt')} >= ${filters.from}`,
    filters.to === undefined ? null : sql<SqlBool>`${column('publishedAt')} < ${filters.to}`,
    oneOf('sourceId', filters.sourceIds),
    oneOf('kind', filters.kinds),
    oneOf('platform', filters.platforms),
    oneOf('sentiment', filters.sentiments),
    oneOf('language', filters.languages),
    jsonContainsAny(
      'categories',
      filters.categories?.map((key) => JSON.stringify(key)),
    ),
    jsonContainsAny(
      'regions',
      filters.provinces?.map((name) => `"province":${JSON.stringify(name)}`),
    ),
    flag('appeal', filters.appeal),
    filters.parentId === undefined ? null : sql<SqlBool>`${column('parentId')} = ${filters.parentId}`,
    filters.dupOf === undefined ? null : sql<SqlBool>`${column('dupOf')} = ${filters.dupOf}`,
    presence('parentId', filters.originalsOnly === undefined ? undefined : !filters.originalsOnly),
    presence('dupOf', filters.distinctOnly === undefined ? undefined : !filters.distinctOnly),
    presence('analysedAt', filters.analysed),
  ];
  return conditions.filter((condition): condition is Condition => condition !== null);
}
