/**
 * Copying one table: source rows in row-key order, a batch at a time, each batch one transaction on the
 * target that skips rows already there (so a rerun after an interruption adds only what is missing).
 * A table that references itself (the unit tree) is written with those references empty first and given
 * them in a second pass, so a child never waits for a parent copied later.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { AppError } from '../../platform/errors.js';
import type { TablePlan } from './plan.js';
import type { SourceDatabase, SourceRow } from './source.js';
import { countTarget, type TargetColumn } from './target.js';
import { toTarget } from './values.js';

/** Below the smallest SQLite row key (rowids are signed 64-bit integers). */
const BEFORE_FIRST_ROW = -(2n ** 63n);

/** Progress of one table, after each batch. */
export interface TableProgress {
  table: string;
  phase: 'copy' | 'verify';
  done: number;
  total: number;
  elapsedMs: number;
}

/** What copying a table needs besides the table. */
export interface CopyTableContext {
  source: SourceDatabase;
  target: Kysely<unknown>;
  batchSize: number;
  /** Skip tables whose rows are all there already (the verification still compares them). */
  resume: boolean;
  onProgress: (progress: TableProgress) => void;
  signal: AbortSignal | undefined;
  now: () => number;
}

/** What one table's copy did. */
export interface TableCopyResult {
  /** Rows read from the source (each written, or skipped because it was already there). */
  read: number;
  /** The table was left alone: resuming, and the target already held as many rows as the source. */
  skipped: boolean;
}

/** Copies every row of `plan`'s table that the target does not have yet. */
export async function copyTable(plan: TablePlan, context: CopyTableContext): Promise<TableCopyResult> {
  const total = context.source.count(plan.table.name);
  const selfReferences = new Set(plan.table.selfReferences);
  if (context.resume && (await countTarget(context.target, plan.table.name)) === total) {
    if (selfReferences.size > 0) await linkSelfReferences(plan, context);
    context.onProgress({ table: plan.table.name, phase: 'copy', done: total, total, elapsedMs: 0 });
    return { read: 0, skipped: true };
  }
  const started = context.now();
  let after = BEFORE_FIRST_ROW;
  let read = 0;
  for (;;) {
    throwIfAborted(context.signal, plan.table.name);
    const batch = context.source.batch(plan.table, after, context.batchSize);
    if (batch.length === 0) break;
    const converted = convertRows(
      plan.columns,
      batch.map((entry) => entry.row),
      selfReferences,
    );
    await context.target
      .transaction()
      .execute((trx) => insertMissing(plan, converted.columnValues).execute(trx));
    after = batch.at(-1)?.rowKey ?? after;
    read += batch.length;
    context.onProgress({
      table: plan.table.name,
      phase: 'copy',
      done: read,
      total,
      elapsedMs: context.now() - started,
    });
  }
  if (selfReferences.size > 0) await linkSelfReferences(plan, context);
  return { read, skipped: false };
}

/** Column-wise arrays of converted values (one array per target column), for `unnest`. */
function convertRows(
  columns: readonly TargetColumn[],
  rows: readonly SourceRow[],
  withheld: ReadonlySet<string>,
): { columnValues: unknown[][] } {
  const columnValues = columns.map((column) =>
    rows.map((row) => (withheld.has(column.name) ? null : toTarget(column.kind, row[column.name]).value)),
  );
  return { columnValues };
}

/**
 * `insert … select from unnest(…) on conflict do nothing`: one parameter per column whatever the batch
 * size, and rows already present (by any unique key, the primary key first among them) are left alone.
 */
function insertMissing(plan: TablePlan, columnValues: unknown[][]): RawBuilder<unknown> {
  const names = sql.join(plan.columns.map((column) => sql.ref(column.name)));
  const arrays = sql.join(
    plan.columns.map((column, index) => sql`${columnValues[index] ?? []}::${sql.raw(column.type)}[]`),
  );
  const overriding = plan.sequenced.length > 0 ? sql`overriding system value` : sql``;
  return sql`insert into ${sql.table(plan.table.name)} (${names}) ${overriding}
    select * from unnest(${arrays}) on conflict do nothing`;
}

/** Second pass for a self-referencing table: sets the references withheld by the first pass. */
async function linkSelfReferences(plan: TablePlan, context: CopyTableContext): Promise<void> {
  const keyColumns = plan.columns.filter((column) => plan.table.key.includes(column.name));
  const linkColumns = plan.columns.filter((column) => plan.table.selfReferences.includes(column.name));
  if (keyColumns.length === 0)
    throw new AppError('TRANSFER_SCHEMA_MISMATCH', `table ${plan.table.name} has no key to link its rows by`);
  let after = BEFORE_FIRST_ROW;
  for (;;) {
    throwIfAborted(context.signal, plan.table.name);
    const batch = context.source.batch(plan.table, after, context.batchSize);
    if (batch.length === 0) break;
    const rows = batch.map((entry) => entry.row);
    const columns = [...keyColumns, ...linkColumns];
    const { columnValues } = convertRows(columns, rows, new Set());
    const aliases = sql.join(columns.map((column) => sql.ref(column.name)));
    const arrays = sql.join(
      columns.map((column, index) => sql`${columnValues[index] ?? []}::${sql.raw(column.type)}[]`),
    );
    const assignments = sql.join(linkColumns.map((c) => sql`${sql.ref(c.name)} = v.${sql.ref(c.name)}`));
    const matches = sql.join(
      keyColumns.map((c) => sql`t.${sql.ref(c.name)} = v.${sql.ref(c.name)}`),
      sql` and `,
    );
    await context.target.transaction().execute((trx) =>
      sql`update ${sql.table(plan.table.name)} as t set ${assignments}
        from unnest(${arrays}) as v(${aliases}) where ${matches}`.execute(trx),
    );
    after = batch.at(-1)?.rowKey ?? after;
  }
}

function throwIfAborted(signal: AbortSignal | undefined, table: string): void {
  if (signal?.aborted)
    throw new AppError('TRANSFER_INTERRUPTED', `the copy was interrupted in table ${table}`, { table });
}
