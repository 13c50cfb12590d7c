import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../../config/index.js';
import { AppError } from '../../platform/errors.js';
import {
  backupSqliteOnline,
  fileStamp,
  inspectionPassed,
  inspectSqlite,
  type BackupProgress,
  type SqliteInspection,
} from '../../storage/backup/index.js';
import { sqlitePathOf } from '../../storage/db.js';
import { readConfig } from '../compose.js';
import { parseOptions } from '../options.js';
import type { Command } from './types.js';

const POSTGRES_PROCEDURE =
  'PostgreSQL is backed up with its own tools: `pg_dump -Fc "$DATABASE_URL" -f fengxiang.dump` ' +
  '(restore with pg_restore), or pg_basebackup with WAL archiving for point-in-time recovery; ' +
  'see docs/operations.md, "Backup and restore"';

/** The embedded database file of `config`; PostgreSQL and in-memory databases are refused with the procedure. */
export function embeddedDatabasePath(config: Config): string {
  if (!config.databaseUrl.startsWith('sqlite:')) throw new AppError('BACKUP_UNSUPPORTED', POSTGRES_PROCEDURE);
  const path = sqlitePathOf(config.databaseUrl);
  if (path === ':memory:')
    throw new AppError('BACKUP_UNSUPPORTED', 'an in-memory database cannot be backed up');
  return path;
}

/** The jobs backup that goes with the main backup `file`: `X.sqlite` → `X.jobs.sqlite`. */
export function jobsBackupPathOf(file: string): string {
  return file.endsWith('.sqlite') ? `${file.slice(0, -'.sqlite'.length)}.jobs.sqlite` : `${file}.jobs.sqlite`;
}

/**
 * `fengxiang backup`: an online copy of the embedded database (and of the embedded job queue) taken while
 * the server keeps running, then checked (integrity, foreign keys) and summarised. Exits 1 when the copy
 * fails its check.
 */
export const backupCommand: Command = {
  summary: 'online backup of the embedded SQLite database and job queue, checked after copying',
  usage: 'fengxiang backup [--out FILE|DIR] [--config FILE]',
  async run(args) {
    const { values } = parseOptions('backup', args, {
      out: { type: 'string' },
      config: { type: 'string' },
    });
    const config = readConfig(values.config);
    const source = embeddedDatabasePath(config);
    const started = Date.now();
    const out = outputPath(values.out, config, new Date(started));
    const copies: Array<[string, string]> = [[source, out]];
    if (config.redisUrl === '' && existsSync(config.jobsSqlitePath)) {
      copies.push([config.jobsSqlitePath, jobsBackupPathOf(out)]);
    }
    const inspections: SqliteInspection[] = [];
    for (const [from, to] of copies) {
      const result = await backupSqliteOnline(from, to, progressPrinter(to));
      process.stderr.write(`backup ${to}: 100% of ${result.pages} pages\n`);
      if (result.restarts > 0)
        process.stderr.write(`backup: copy restarted ${result.restarts} time(s) by writes\n`);
      inspections.push(inspectSqlite(to));
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    for (const inspection of inspections) process.stdout.write(summaryLine(inspection));
    process.stdout.write(`backup took ${seconds} s\n`);
    return inspections.every(inspectionPassed) ? 0 : 1;
  },
};

function outputPath(out: string | undefined, config: Config, at: Date): string {
  const name = `fengxiang-${fileStamp(at)}.sqlite`;
  const path = out === undefined ? join(config.dataDir, 'backups', name) : resolve(out);
  const target = existsSync(path) && statSync(path).isDirectory() ? join(path, name) : path;
  if (existsSync(target)) {
    throw new AppError('VALIDATION_FAILED', `backup: ${target} exists; choose another --out`);
  }
  mkdirSync(dirname(target), { recursive: true });
  return target;
}

function progressPrinter(file: string): (progress: BackupProgress) => void {
  let lastShown = -1;
  return ({ totalPages, remainingPages }) => {
    const percent = totalPages === 0 ? 100 : Math.floor(((totalPages - remainingPages) * 100) / totalPages);
    if (percent < lastShown + 10 || percent === 100) return;
    lastShown = percent;
    process.stderr.write(`backup ${file}: ${percent}% of ${totalPages} pages\n`);
  };
}

function summaryLine(inspection: SqliteInspection): string {
  const verdict = inspectionPassed(inspection)
    ? 'integrity ok, foreign keys ok'
    : `CHECK FAILED: ${[...inspection.integrityErrors.slice(0, 3), `${inspection.foreignKeyErrors} foreign key errors`].join('; ')}`;
  const items = inspection.items === null ? '' : `, ${inspection.items} items`;
  const mb = (inspection.sizeBytes / 1024 / 1024).toFixed(1);
  return `${inspection.path}: ${inspection.tables} tables${items}, ${mb} MB, ${verdict}\n`;
}
