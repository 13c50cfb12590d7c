/**
 * Splitting long id/key lists for `in (…)` queries: SQLite limits bound parameters per statement and
 * PostgreSQL plans very long lists poorly, so repositories query in chunks.
 */

/** `values` in consecutive slices of at most `size`. */
export function chunksOf<T>(values: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
  return chunks;
}
