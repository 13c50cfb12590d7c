import { readConfig } from '../compose.js';
import { migrateToLatest, openDatabase } from '../../storage/db.js';
import { parseOptions } from '../options.js';
import type { Command } from './types.js';

/** `fengxiang migrate`: applies pending migrations and reports each one. Safe to run again. */
export const migrateCommand: Command = {
  summary: 'bring the database schema up to date',
  usage: 'fengxiang migrate [--config FILE]',
  async run(args) {
    const { values } = parseOptions('migrate', args, { config: { type: 'string' } });
    const config = readConfig(values.config);
    const handle = openDatabase(config.databaseUrl, {
      statementTimeoutMs: config.databaseStatementTimeoutMs,
    });
    try {
      const result = await migrateToLatest(handle);
      const applied = result.results ?? [];
      for (const migration of applied) process.stdout.write(`applied ${migration.migrationName}\n`);
      process.stdout.write(
        applied.length === 0 ? 'schema is up to date\n' : `${applied.length} migration(s) applied\n`,
      );
      return 0;
    } finally {
      await handle.close();
    }
  },
};
