/**
 * Insert + index throughput on SQLite: `storage.items.insertMany` (Kysely, the FTS5 triggers and the items
 * indexes) in batches of 500 into a fresh file, beside raw better-sqlite3 inserts of the same rows into a
 * plain table in another fresh file, measured in the same run.
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStorage } from '../../src/storage/index.js';
import { openRawSqlite } from '../baselines/raw-sqlite.js';
import { describeMachine, today } from '../support/machine.js';
import type { BenchSection } from '../support/report.js';
import { batchesOf, loadCorpusItems, type Benchmark } from './context.js';
import { INSERT_BATCH, measureRawInsert, measureRepositoryInsert } from './insert-measure.js';
import { insertTable } from './insert-table.js';

const DEFAULT_ITEMS = 100_000;

/** Size of a SQLite database with its WAL, in MiB. */
export function sqliteSizeMiB(file: string): number {
  const parts = [file, `${file}-wal`].filter((f) => existsSync(f));
  return parts.reduce((sum, f) => sum + statSync(f).size, 0) / 1024 / 1024;
}

/** The `insert-sqlite` benchmark. */
export const insertSqliteBenchmark: Benchmark = {
  name: 'insert-sqlite',
  async run(context) {
    const size = context.options.items ?? DEFAULT_ITEMS;
    const files = await context.corpus(size);
    const items = await loadCorpusItems(files, size);
    const dir = mkdtempSync(join(context.outDir, 'insert-sqlite-'));
    try {
      const rawFile = join(dir, 'raw.sqlite');
      const raw = openRawSqlite(rawFile);
      const baseline = await measureRawInsert(
        batchesOf(items, INSERT_BATCH),
        'raw better-sqlite3',
        raw.insertBatch,
      );
      raw.close();
      const appFile = join(dir, 'app.sqlite');
      const storage = await openStorage(`sqlite:${appFile}`);
      const repository = await measureRepositoryInsert(storage, items, 'storage.items.insertMany (sqlite)');
      await storage.close();
      return section(size, [
        {
          path: 'storage.items.insertMany (Kysely, FTS5 triggers, 7 indexes)',
          figures: repository,
          sizeMiB: sqliteSizeMiB(appFile),
        },
        {
          path: 'raw better-sqlite3 prepared insert, plain table',
          figures: baseline,
          sizeMiB: sqliteSizeMiB(rawFile),
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function section(size: number, [repository, baseline]: Parameters<typeof insertTable>): BenchSection {
  return {
    name: 'insert-sqlite',
    title: 'Insert and index throughput — SQLite',
    context: [
      `Measured ${today()} on ${describeMachine()}.`,
      `${size.toLocaleString('en')} corpus items (seed fixed), batches of ${INSERT_BATCH}, one transaction per batch, fresh database files.`,
      `Reproduce: \`npm run bench -- --only insert-sqlite --items ${size}\`.`,
    ],
    tables: [insertTable(repository, baseline)],
    notes: [
      'The baseline writes the same rows (same columns, JSON as text) with a prepared statement into a table ' +
        'with no secondary index, no FTS5 index and no trigger; the ratio is repository items/s ÷ baseline items/s.',
    ],
  };
}
