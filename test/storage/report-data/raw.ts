/**
 * The tests' own counts, in raw SQL written apart from the implementation (snake_case names, each
 * engine's own JSON functions for the list columns).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName } from '../../../src/storage/dialect/types.js';
import type { Database } from '../../../src/storage/schema.js';

/** Rows of a raw statement. */
export async function rawRows<R>(db: Kysely<Database>, query: RawBuilder<R>): Promise<R[]> {
  return [...(await query.execute(db)).rows];
}

/** The single number a raw `select … as n` gives. */
export async function rawCount(db: Kysely<Database>, query: RawBuilder<unknown>): Promise<number> {
  const [row] = await rawRows(db, query);
  return typeof row === 'object' && row !== null && 'n' in row ? Number(row.n) : 0;
}

/** Name → count of raw `(name, n)` rows. */
export async function rawCounts(
  db: Kysely<Database>,
  query: RawBuilder<{ name: string; n: unknown }>,
): Promise<Map<string, number>> {
  return new Map((await rawRows(db, query)).map((row) => [row.name, Number(row.n)]));
}

/** Items of one unit published in [from, to), counted per region name at `level`, each engine's JSON way. */
export function regionCountsSql(
  dialect: DialectName,
  unitId: string,
  from: number,
  to: number,
  level: string,
) {
  return dialect === 'sqlite'
    ? sql<{
        name: string;
        n: unknown;
      }>`select json_extract(r.value, ${sql.lit(`$.${level}`)}) as name, count(distinct i.id) as n
        from items i, json_each(i.regions) r
        where i.unit_id = ${unitId} and i.published_at >= ${from} and i.published_at < ${to}
          and json_extract(r.value, ${sql.lit(`$.${level}`)}) is not null
        group by json_extract(r.value, ${sql.lit(`$.${level}`)})`
    : sql<{
        name: string;
        n: unknown;
      }>`select r.value ->> ${sql.lit(level)} as name, count(distinct i.id) as n
        from items i cross join lateral jsonb_array_elements(i.regions::jsonb) r(value)
        where i.unit_id = ${unitId} and i.published_at >= ${from} and i.published_at < ${to}
          and r.value ->> ${sql.lit(level)} is not null
        group by r.value ->> ${sql.lit(level)}`;
}

/** Items of one unit published in [from, to), counted per category key, each engine's JSON way. */
export function categoryCountsSql(dialect: DialectName, unitId: string, from: number, to: number) {
  return dialect === 'sqlite'
    ? sql<{ name: string; n: unknown }>`select c.value as name, count(distinct i.id) as n
        from items i, json_each(i.categories) c
        where i.unit_id = ${unitId} and i.published_at >= ${from} and i.published_at < ${to}
        group by c.value`
    : sql<{ name: string; n: unknown }>`select c.value as name, count(distinct i.id) as n
        from items i cross join lateral jsonb_array_elements_text(i.categories::jsonb) c(value)
        where i.unit_id = ${unitId} and i.published_at >= ${from} and i.published_at < ${to}
        group by c.value`;
}

/** How many items of one unit in [from, to) carry any of the category keys, each engine's JSON way. */
export function categoryAnySql(
  dialect: DialectName,
  unitId: string,
  from: number,
  to: number,
  keys: string[],
) {
  const inList = sql.join(keys);
  return dialect === 'sqlite'
    ? sql<{ n: unknown }>`select count(*) as n from items i
        where i.unit_id = ${unitId} and i.published_at >= ${from} and i.published_at < ${to}
          and exists (select 1 from json_each(i.categories) c where c.value in (${inList}))`
    : sql<{ n: unknown }>`select count(*) as n from items i
        where i.unit_id = ${unitId} and i.published_at >= ${from} and i.published_at < ${to}
          and exists (select 1 from jsonb_array_elements_text(i.categories::jsonb) c(value) where c.value in (${inList}))`;
}
