/**
 * Moving an embedded installation to PostgreSQL with nothing lost (`fengxiang copy`). Straight line: open
 * the SQLite source read-only, reach and migrate the target, refuse unless both are at the same migration
 * and the target is empty (or the copy resumes), copy every table in foreign-key order, move identity
 * sequences past the copied keys, then compare row counts and checksums of every table on both sides.
 *
 * The full-text index needs no copying: on PostgreSQL it is a column generated from `items.tokens`, so it
 * is filled as the rows arrive (SQLite's FTS5 table and its shadow tables are skipped).
 */
import { AppError } from '../../platform/errors.js';
import { maintainItemPartitions } from '../partitions/maintain.js';
import { timeOfId } from '../partitions/months.js';
import { copyTable, type TableProgress } from './copy-table.js';
import { checkSameMigrations, checkTargetEmpty, planTables, type TablePlan } from './plan.js';
import { openSource, type SourceDatabase } from './source.js';
import { analyzeTarget, migrateTarget, openTarget, resetSequence, type TargetDatabase } from './target.js';
import { sourceFingerprint, targetFingerprint, verifyProgress, type ColumnAdjustment } from './verify.js';

export type { TableProgress } from './copy-table.js';
export type { ColumnAdjustment } from './verify.js';
export { foreignKeyOrder } from './order.js';

/** What to copy where, and how. */
export interface CopyOptions {
  /** `sqlite:PATH` of the installation to move. */
  from: string;
  /** `postgres://…` of the new database (created, may be empty or unmigrated). */
  to: string;
  /** Rows per batch (one transaction each); 1,000 by default. */
  batchSize?: number;
  /** Continue into a target that already holds part of this copy. */
  resume?: boolean;
  /** How long to wait for the target's first answer (10 s by default). */
  connectTimeoutMs?: number;
  /** Statement timeout on the target (2 minutes by default: verification reads whole tables). */
  statementTimeoutMs?: number;
  /** Told after every batch and during verification. */
  onProgress?: (progress: TableProgress) => void;
  /** Stops the copy between batches (what is committed stays; `resume` finishes it). */
  signal?: AbortSignal;
  now?: () => number;
}

/** One table's outcome. */
export interface TableReport {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
  matches: boolean;
}

/** The outcome of a copy: every table compared, and whether all of them match. */
export interface CopyReport {
  tables: TableReport[];
  matches: boolean;
  /**
   * Values PostgreSQL could not store as SQLite held them: NUL characters removed from text, fractions in
   * integer columns rounded. The checksums compare the adjusted values.
   */
  adjustments: ColumnAdjustment[];
}

const DEFAULT_BATCH = 1000;

/** Copies the SQLite database `from` into the PostgreSQL database `to` and verifies the result. */
export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyReport> {
  const batchSize = batchSizeOf(options.batchSize);
  const source = openSource(options.from);
  try {
    const sourceMigrations = source.migrations();
    const target = await openTarget(options.to, {
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      statementTimeoutMs: options.statementTimeoutMs ?? 120_000,
    });
    try {
      return await copyBetween(source, sourceMigrations, target, { ...options, batchSize });
    } finally {
      await target.handle.close();
    }
  } finally {
    source.close();
  }
}

async function copyBetween(
  source: SourceDatabase,
  sourceMigrations: readonly string[],
  target: TargetDatabase,
  options: CopyOptions & { batchSize: number },
): Promise<CopyReport> {
  checkSameMigrations(sourceMigrations, await migrateTarget(target));
  const plans = await planTables(source, target.db);
  if (!options.resume) await checkTargetEmpty(plans, target.db);
  const now = options.now ?? Date.now;
  await preparePartitions(source, target, now());
  const onProgress = options.onProgress ?? (() => undefined);
  for (const plan of plans) {
    await copyTable(plan, {
      source,
      target: target.db,
      batchSize: options.batchSize,
      resume: options.resume === true,
      onProgress,
      signal: options.signal,
      now,
    });
  }
  for (const plan of plans) {
    for (const column of plan.sequenced) await resetSequence(target.db, plan.table.name, column);
  }
  await analyzeTarget(target.db);
  const tables: TableReport[] = [];
  const adjustments: ColumnAdjustment[] = [];
  for (const plan of plans) {
    const verified = await verifyTable(source, target, plan, onProgress, now);
    tables.push(verified.report);
    adjustments.push(...verified.adjustments);
  }
  return { tables, matches: tables.every((table) => table.matches), adjustments };
}

/**
 * Creates the item partitions of the months the copied items belong to before they arrive, so they land in
 * their own months rather than in the DEFAULT partition (which maintenance would empty later, table lock
 * and all). Nothing happens where items are not partitioned.
 */
async function preparePartitions(source: SourceDatabase, target: TargetDatabase, now: number): Promise<void> {
  const bounds = source.textBounds('items', 'id');
  const fromMs = bounds ? timeOfId(bounds.min) : null;
  const toMs = bounds ? timeOfId(bounds.max) : null;
  await maintainItemPartitions(
    target.db,
    now,
    fromMs !== null && toMs !== null ? { fromMs, toMs: toMs + 1 } : undefined,
  );
}

async function verifyTable(
  source: SourceDatabase,
  target: TargetDatabase,
  plan: TablePlan,
  onProgress: (progress: TableProgress) => void,
  now: () => number,
): Promise<{ report: TableReport; adjustments: ColumnAdjustment[] }> {
  const started = now();
  const total = source.count(plan.table.name);
  const report = (done: number): void =>
    onProgress(verifyProgress(plan.table.name, done, total, now() - started));
  const fromSource = sourceFingerprint(source, plan, report);
  const fromTarget = await targetFingerprint(target.db, plan, report);
  report(total);
  return {
    report: {
      table: plan.table.name,
      sourceRows: fromSource.rows,
      targetRows: fromTarget.rows,
      sourceChecksum: fromSource.checksum,
      targetChecksum: fromTarget.checksum,
      matches: fromSource.rows === fromTarget.rows && fromSource.checksum === fromTarget.checksum,
    },
    adjustments: fromSource.adjustments,
  };
}

function batchSizeOf(value: number | undefined): number {
  const size = value ?? DEFAULT_BATCH;
  if (!Number.isInteger(size) || size < 1 || size > 100_000)
    throw new AppError('VALIDATION_FAILED', `--batch must be a whole number from 1 to 100000 (got ${size})`);
  return size;
}
