/**
 * Proof that the copy is whole: per table, the row count and a checksum over every copied column of every
 * row (key included), computed on both sides from the same canonical spelling of each value. The checksum is
 * a sum of row digests, so the two engines may return rows in any order.
 */
import { sql, type Kysely } from 'kysely';
import type { TableProgress } from './copy-table.js';
import type { TablePlan } from './plan.js';
import type { SourceDatabase } from './source.js';
import { addDigest, canonical, rowDigest, toTarget, type Adjustment } from './values.js';

/** Rows fetched per round trip from the target cursor. */
const FETCH_ROWS = 2000;

/** Count and checksum of one table on one side. */
export interface TableFingerprint {
  rows: number;
  checksum: string;
}

/** Values of one column that PostgreSQL could not store as they were, and what was done to them. */
export interface ColumnAdjustment {
  table: string;
  column: string;
  adjustment: Adjustment;
  count: number;
}

/**
 * The fingerprint of a source table, its values converted as the copy converts them, and the values the
 * conversion had to change.
 */
export function sourceFingerprint(
  source: SourceDatabase,
  plan: TablePlan,
  onRow: (done: number) => void,
): TableFingerprint & { adjustments: ColumnAdjustment[] } {
  const adjusted = new Map<string, ColumnAdjustment>();
  const note = (column: string, adjustment: Adjustment): void => {
    const key = `${column} ${adjustment}`;
    const entry = adjusted.get(key) ?? { table: plan.table.name, column, adjustment, count: 0 };
    entry.count += 1;
    adjusted.set(key, entry);
  };
  let rows = 0;
  let sum = 0n;
  for (const row of source.rows(plan.table)) {
    const values = plan.columns.map((column) => {
      const converted = toTarget(column.kind, row[column.name]);
      if (converted.adjustment) note(column.name, converted.adjustment);
      return canonical(column.kind, converted.value);
    });
    sum = addDigest(sum, rowDigest(values));
    rows += 1;
    if (rows % FETCH_ROWS === 0) onRow(rows);
  }
  return { rows, checksum: hex(sum), adjustments: [...adjusted.values()] };
}

/** The fingerprint of a target table, read through a cursor so a large table never sits in memory. */
export async function targetFingerprint(
  target: Kysely<unknown>,
  plan: TablePlan,
  onRow: (done: number) => void,
): Promise<TableFingerprint> {
  // Integers as text: the pool reads bigint as a JavaScript number, which would round values past 2^53.
  const names = sql.join(
    plan.columns.map((column) =>
      column.kind === 'int'
        ? sql`${sql.ref(column.name)}::text as ${sql.ref(column.name)}`
        : sql.ref(column.name),
    ),
  );
  return target.transaction().execute(async (trx) => {
    await sql`declare fx_verify no scroll cursor for select ${names} from ${sql.table(plan.table.name)}`.execute(
      trx,
    );
    let rows = 0;
    let sum = 0n;
    for (;;) {
      const fetched = await sql<
        Record<string, unknown>
      >`fetch forward ${sql.raw(String(FETCH_ROWS))} from fx_verify`.execute(trx);
      for (const row of fetched.rows) {
        sum = addDigest(
          sum,
          rowDigest(plan.columns.map((column) => canonical(column.kind, row[column.name]))),
        );
      }
      rows += fetched.rows.length;
      if (fetched.rows.length < FETCH_ROWS) break;
      onRow(rows);
    }
    await sql`close fx_verify`.execute(trx);
    return { rows, checksum: hex(sum) };
  });
}

/** A verify-phase progress event. */
export function verifyProgress(table: string, done: number, total: number, elapsedMs: number): TableProgress {
  return { table, phase: 'verify', done, total, elapsedMs };
}

function hex(sum: bigint): string {
  return sum.toString(16).padStart(16, '0');
}
