import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../platform/errors.js';
import { restoreSqlite, type RestoreResult } from '../../storage/backup/index.js';
import { readConfig } from '../compose.js';
import { parseOptions } from '../options.js';
import { embeddedDatabasePath, jobsBackupPathOf } from './backup.js';
import type { Command } from './types.js';

/**
 * `fengxiang restore FILE`: puts a backup back as the embedded database (and the job queue file taken
 * with it), after checking it; refuses while a server or worker has the database open, and replaces an
 * existing database only with --force, keeping it as `<name>.before-restore-<time>`.
 */
export const restoreCommand: Command = {
  summary: 'restore the embedded database from a backup (checked; the replaced file is kept)',
  usage: 'fengxiang restore FILE [--force] [--config FILE]',
  async run(args) {
    const { values, positionals } = parseOptions(
      'restore',
      args,
      { force: { type: 'boolean' }, config: { type: 'string' } },
      true,
    );
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        'restore: name one backup file\nusage: fengxiang restore FILE [--force]',
      );
    }
    const config = readConfig(values.config);
    const backup = resolve(file);
    const force = values.force === true;
    const now = new Date();
    const main = await restoreSqlite({
      backup,
      target: embeddedDatabasePath(config),
      force,
      kind: 'main',
      now,
    });
    report('database', main);
    const jobsBackup = jobsBackupPathOf(backup);
    if (config.redisUrl === '' && existsSync(jobsBackup)) {
      const jobs = await restoreSqlite({
        backup: jobsBackup,
        target: config.jobsSqlitePath,
        force,
        kind: 'jobs',
        now,
      });
      report('job queue', jobs);
    }
    return 0;
  },
};

function report(what: string, result: RestoreResult): void {
  const items = result.inspection.items === null ? '' : ` (${result.inspection.items} items)`;
  process.stdout.write(`restored ${what} from ${result.inspection.path}${items}\n`);
  if (result.keptAs) process.stdout.write(`  the replaced file is kept as ${result.keptAs}\n`);
  for (const name of result.migrated) process.stdout.write(`  migrated ${name}\n`);
}
