/**
 * Time-ordered row keys for SQLite. On SQLite an item's `seq` (its rowid, and the rowid of its full-text
 * entry) is `publishedAt × 1024 + n`, so that rowid order is publication-time order. FTS5 then returns the
 * matches of a term newest first straight from its index and stops after one page, instead of collecting
 * every match and sorting it: a common word over millions of items costs one page, not one sort. Time
 * windows and keyset cursors become rowid ranges that FTS5 also honours.
 *
 * `n` counts the items that share one millisecond (up to 1024; more spill into the next millisecond,
 * which shifts them by 1 ms in the order and nothing else). The numbers stay below 2^53 until the year
 * 2248, so they are exact in JavaScript. PostgreSQL keeps its identity column: its planner orders by
 * `published_at` through a b-tree index instead.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Row keys per millisecond of publication time. */
export const KEYS_PER_MS = 1024;

/** Lookups of used keys per statement (two bound values each). */
const LOOKUP_CHUNK = 400;

/** The first key of a publication time. */
export function firstKeyAt(publishedAt: number): number {
  return Math.max(0, Math.floor(publishedAt)) * KEYS_PER_MS;
}

/** The publication time a key belongs to (the millisecond it was filed under). */
export function timeOfKey(seq: number): number {
  return Math.floor(seq / KEYS_PER_MS);
}

/** Assigns time-ordered keys to rows about to be inserted, continuing after keys already stored. */
export async function assignTimeKeys(
  db: Kysely<Database>,
  rows: readonly { publishedAt: number }[],
): Promise<number[]> {
  const next = await nextFreeKeys(db, [...new Set(rows.map((row) => Math.floor(row.publishedAt)))]);
  const keys: number[] = [];
  for (const row of rows) {
    let millisecond = Math.floor(row.publishedAt);
    let key = next.get(millisecond) ?? firstKeyAt(millisecond);
    while (key >= firstKeyAt(millisecond + 1)) {
      millisecond += 1;
      if (!next.has(millisecond)) {
        const found = await nextFreeKeys(db, [millisecond]);
        next.set(millisecond, found.get(millisecond) ?? firstKeyAt(millisecond));
      }
      key = next.get(millisecond) ?? firstKeyAt(millisecond);
    }
    next.set(millisecond, key + 1);
    keys.push(key);
  }
  return keys;
}

/** For each millisecond, the first key not yet used by a stored item. */
async function nextFreeKeys(
  db: Kysely<Database>,
  milliseconds: readonly number[],
): Promise<Map<number, number>> {
  const next = new Map<number, number>();
  for (let start = 0; start < milliseconds.length; start += LOOKUP_CHUNK) {
    const chunk = milliseconds.slice(start, start + LOOKUP_CHUNK);
    const lookups = chunk.map(
      (ms) =>
        sql`select ${ms} as ms, (select max(seq) from items where seq >= ${firstKeyAt(ms)} and seq < ${firstKeyAt(ms + 1)}) as used`,
    );
    const { rows } = await sql<{
      ms: number;
      used: number | null;
    }>`${sql.join(lookups, sql` union all `)}`.execute(db);
    for (const row of rows)
      next.set(Number(row.ms), row.used === null ? firstKeyAt(Number(row.ms)) : Number(row.used) + 1);
  }
  return next;
}
