import { AppError } from '../../platform/errors.js';
import {
  copySqliteToPostgres,
  type ColumnAdjustment,
  type CopyReport,
  type TableProgress,
} from '../../storage/transfer/index.js';
import { parseOptions } from '../options.js';
import type { Command } from './types.js';

/** How each kind of adjustment is explained under the table. */
const ADJUSTMENT_TEXT: Readonly<Record<ColumnAdjustment['adjustment'], string>> = {
  'nul-removed': 'held NUL characters, which PostgreSQL text cannot store; they were removed',
  'fraction-rounded': 'held fractions in an integer column, which PostgreSQL refuses; they were rounded',
};

/** Progress lines at most this often per table (plus the last batch of each). */
const PROGRESS_EVERY_MS = 1000;

/**
 * `fengxiang copy --from sqlite:PATH --to postgres://…`: moves an embedded installation to PostgreSQL,
 * then prints every table's row counts and whether its checksum matches. Exits non-zero on any mismatch.
 * Ctrl-C stops between batches; `--resume` finishes the copy later.
 */
export const copyCommand: Command = {
  summary: 'copy an embedded SQLite database into PostgreSQL and verify it',
  usage:
    'fengxiang copy --from sqlite:PATH --to postgres://… [--batch N] [--resume] [--connect-timeout SECONDS]',
  async run(args) {
    const { values } = parseOptions('copy', args, {
      from: { type: 'string' },
      to: { type: 'string' },
      batch: { type: 'string' },
      resume: { type: 'boolean' },
      'connect-timeout': { type: 'string' },
    });
    if (!values.from || !values.to)
      throw new AppError('VALIDATION_FAILED', 'copy needs --from sqlite:PATH and --to postgres://…');
    const abort = new AbortController();
    const stop = (): void => abort.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      const report = await copySqliteToPostgres({
        from: values.from,
        to: values.to,
        batchSize: wholeNumber('batch', values.batch, 1000),
        resume: values.resume === true,
        connectTimeoutMs: wholeNumber('connect-timeout', values['connect-timeout'], 10) * 1000,
        onProgress: progressPrinter(),
        signal: abort.signal,
      });
      process.stdout.write(formatReport(report));
      if (!report.matches) {
        const differing = report.tables.filter((table) => !table.matches).map((table) => table.table);
        throw new AppError(
          'TRANSFER_VERIFY_FAILED',
          `the target differs from the source in ${differing.join(', ')}; do not switch over. ` +
            `Was the server still writing to the source? Stop it and run the copy again with --resume.`,
        );
      }
      return 0;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
};

/** Writes `copy items: 12000/50000 rows (24%), 8512 rows/s` lines to stderr, throttled per table. */
function progressPrinter(): (progress: TableProgress) => void {
  const lastPrinted = new Map<string, number>();
  return (progress) => {
    const key = `${progress.phase} ${progress.table}`;
    const finished = progress.done >= progress.total;
    const last = lastPrinted.get(key);
    if (!finished && last !== undefined && progress.elapsedMs - last < PROGRESS_EVERY_MS) return;
    lastPrinted.set(key, progress.elapsedMs);
    const percent = progress.total === 0 ? 100 : Math.floor((100 * progress.done) / progress.total);
    const rate =
      progress.elapsedMs > 0 ? Math.round((progress.done * 1000) / progress.elapsedMs) : progress.done;
    process.stderr.write(`${key}: ${progress.done}/${progress.total} rows (${percent}%), ${rate} rows/s\n`);
  };
}

/** The per-table comparison as an aligned text table. */
function formatReport(report: CopyReport): string {
  const width = Math.max(5, ...report.tables.map((table) => table.table.length));
  const lines = [`${'table'.padEnd(width)}  ${'source'.padStart(10)}  ${'target'.padStart(10)}  checksum`];
  for (const table of report.tables) {
    lines.push(
      `${table.table.padEnd(width)}  ${String(table.sourceRows).padStart(10)}  ${String(table.targetRows).padStart(10)}  ${table.matches ? 'ok' : `DIFFERS (${table.sourceChecksum} ≠ ${table.targetChecksum})`}`,
    );
  }
  const rows = report.tables.reduce((sum, table) => sum + table.sourceRows, 0);
  lines.push(
    report.matches
      ? `all ${report.tables.length} tables match (${rows} rows)`
      : `${report.tables.filter((table) => !table.matches).length} table(s) differ`,
  );
  for (const adjusted of report.adjustments)
    lines.push(
      `note: ${adjusted.count} value(s) of ${adjusted.table}.${adjusted.column} ${ADJUSTMENT_TEXT[adjusted.adjustment]}`,
    );
  return `${lines.join('\n')}\n`;
}

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new AppError(
      'VALIDATION_FAILED',
      `--${name} must be a whole number of at least 1 (got "${value}")`,
    );
  return parsed;
}
