/**
 * Insert + index throughput on PostgreSQL: `storage.items.insertMany` (the generated tsvector, GIN and the
 * items indexes) in batches of 500, beside the raw `pg` driver sending one multi-row INSERT per batch into a
 * plain table, both in a scratch database the benchmark creates and drops. Sizes are measured separately:
 * the repository's database is sized before the baseline table is added.
 */
import { openStorage } from '../../src/storage/index.js';
import { openRawPostgres } from '../baselines/raw-postgres.js';
import { describeMachine, today } from '../support/machine.js';
import type { BenchSection } from '../support/report.js';
import { databaseSizeMiB, serverVersion, withScratchDatabase } from '../support/scratch-postgres.js';
import { batchesOf, loadCorpusItems, type Benchmark } from './context.js';
import { INSERT_BATCH, measureRawInsert, measureRepositoryInsert } from './insert-measure.js';
import { insertTable, type InsertRow } from './insert-table.js';

const DEFAULT_ITEMS = 100_000;

/** The `insert-postgres` benchmark; skipped with a message when no server URL is given. */
export const insertPostgresBenchmark: Benchmark = {
  name: 'insert-postgres',
  async run(context) {
    const serverUrl = context.options.postgresUrl;
    if (!serverUrl) {
      process.stderr.write(
        'insert-postgres skipped: no PostgreSQL (set --postgres URL, FENGXIANG_BENCH_POSTGRES_URL or FENGXIANG_TEST_POSTGRES_URL)\n',
      );
      return null;
    }
    const size = context.options.items ?? DEFAULT_ITEMS;
    const items = await loadCorpusItems(await context.corpus(size), size);
    const version = await serverVersion(serverUrl);
    const repository = await withScratchDatabase(serverUrl, async (url): Promise<InsertRow> => {
      const storage = await openStorage(url);
      try {
        const figures = await measureRepositoryInsert(storage, items, 'storage.items.insertMany (postgres)');
        return {
          path: 'storage.items.insertMany (Kysely, tsvector + GIN, 7 indexes)',
          figures,
          sizeMiB: await databaseSizeMiB(url),
        };
      } finally {
        await storage.close();
      }
    });
    const baseline = await withScratchDatabase(serverUrl, async (url): Promise<InsertRow> => {
      const raw = await openRawPostgres(url);
      try {
        const figures = await measureRawInsert(
          batchesOf(items, INSERT_BATCH),
          'raw pg multi-row insert',
          raw.insertBatch,
        );
        return { path: 'raw pg multi-row INSERT, plain table', figures, sizeMiB: await databaseSizeMiB(url) };
      } finally {
        await raw.close();
      }
    });
    return section(size, version, repository, baseline);
  },
};

function section(size: number, version: string, repository: InsertRow, baseline: InsertRow): BenchSection {
  return {
    name: 'insert-postgres',
    title: 'Insert and index throughput — PostgreSQL',
    context: [
      `Measured ${today()} on ${describeMachine()}; PostgreSQL ${version} on the same machine (127.0.0.1).`,
      `${size.toLocaleString('en')} corpus items, batches of ${INSERT_BATCH}, each path in its own fresh database.`,
      `Reproduce: \`npm run bench -- --only insert-postgres --items ${size} --postgres postgres://postgres@127.0.0.1:5432/postgres\`.`,
    ],
    tables: [insertTable(repository, baseline)],
    notes: [
      'The baseline sends the same rows as one multi-row INSERT per batch into a table with no tsvector column, ' +
        'no GIN index and no secondary index; the ratio is repository items/s ÷ baseline items/s. Peak RSS is ' +
        "the Node process's only (the server's memory is not counted). Database size includes the catalog (~7 MiB).",
    ],
  };
}
