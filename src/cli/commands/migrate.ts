import type { Kysely } from 'kysely';
import { readConfig } from '../compose.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../storage/db.js';
import { readMigrationStatus } from '../../storage/migrations/runner.js';
import { maintainItemPartitions } from '../../storage/partitions/maintain.js';
import { parseOptions } from '../options.js';
import type { Command } from './types.js';

/**
 * `fengxiang migrate`: applies pending migrations and reports each one. Safe to run again, and safe on a
 * live system: concurrent runs are serialised and each run commits all or nothing (docs/operations.md).
 * `--status` lists applied and pending migrations and changes nothing.
 */
export const migrateCommand: Command = {
  summary: 'bring the database schema up to date (--status: list applied and pending migrations)',
  usage: 'fengxiang migrate [--status] [--config FILE]',
  async run(args) {
    const { values } = parseOptions('migrate', args, {
      config: { type: 'string' },
      status: { type: 'boolean' },
    });
    const config = readConfig(values.config);
    const handle = openDatabase(config.databaseUrl, {
      statementTimeoutMs: config.databaseStatementTimeoutMs,
    });
    try {
      return values.status ? await printStatus(handle) : await applyPending(handle);
    } finally {
      await handle.close();
    }
  },
};

async function applyPending(handle: DatabaseHandle): Promise<number> {
  const result = await migrateToLatest(handle);
  const applied = result.results ?? [];
  for (const migration of applied) process.stdout.write(`applied ${migration.migrationName}\n`);
  process.stdout.write(
    applied.length === 0 ? 'schema is up to date\n' : `${applied.length} migration(s) applied\n`,
  );
  await prepareItemPartitions(handle);
  return 0;
}

/**
 * PostgreSQL: creates the item partitions of this month and the months ahead and empties the DEFAULT
 * partition (also done daily by the `item-partitions` maintenance task). A failure here loses nothing, since
 * the DEFAULT partition takes any row, so it is reported and the command still succeeds.
 */
async function prepareItemPartitions(handle: DatabaseHandle): Promise<void> {
  if (handle.dialect !== 'postgres') return;
  try {
    const report = await maintainItemPartitions(handle.db as unknown as Kysely<unknown>, Date.now());
    if (report.created.length > 0)
      process.stdout.write(`created item partitions ${report.created.join(', ')}\n`);
    if (report.moved > 0) process.stdout.write(`moved ${report.moved} item(s) out of items_default\n`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `warning: item partitions not prepared (${reason}); the daily maintenance retries\n`,
    );
  }
}

async function printStatus(handle: DatabaseHandle): Promise<number> {
  const status = await readMigrationStatus(handle.db as unknown as Kysely<unknown>, handle.dialect);
  for (const row of status.applied) {
    const note = status.unknown.includes(row.name) ? '  (not in this build: a newer release)' : '';
    process.stdout.write(`applied  ${row.name}  ${row.appliedAt}${note}\n`);
  }
  for (const name of status.pending) process.stdout.write(`pending  ${name}\n`);
  process.stdout.write(
    `${status.applied.length} applied, ${status.pending.length} pending` +
      (status.unknown.length > 0 ? `, ${status.unknown.length} from a newer release` : '') +
      '\n',
  );
  return 0;
}
