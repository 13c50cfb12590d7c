import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../platform/errors.js';
import { migrateToLatest, openDatabase } from '../db.js';
import { knownMigrationNames } from '../migrations/runner.js';
import { sqliteInUse } from './in-use.js';
import { inspectionPassed, inspectSqlite, type SqliteInspection } from './inspect.js';

/** What to restore where. */
export interface RestoreRequest {
  backup: string;
  target: string;
  /** Replace an existing database (it is kept as `<target>.before-restore-<time>`). */
  force: boolean;
  /** `main` checks the schema version and migrates forward; `jobs` is the embedded queue file. */
  kind: 'main' | 'jobs';
  now: Date;
}

/** What a restore did. */
export interface RestoreResult {
  inspection: SqliteInspection;
  /** Where the replaced database was kept, or null when there was none. */
  keptAs: string | null;
  /** Migrations applied to bring an older backup up to this build. */
  migrated: string[];
}

/** `20240503-142000`: a file-name-safe UTC stamp. */
export function fileStamp(at: Date): string {
  return at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/**
 * Restores a backup file over `target`: checks it (integrity, foreign keys, a schema this build knows),
 * refuses a database another process has open and an existing one without `force`, copies it beside the
 * target, migrates the copy forward, and only then swaps it in by rename, keeping the old file.
 */
export async function restoreSqlite(request: RestoreRequest): Promise<RestoreResult> {
  const inspection = inspectSqlite(request.backup);
  if (!inspectionPassed(inspection)) {
    const problems = [...inspection.integrityErrors.slice(0, 5)];
    if (inspection.foreignKeyErrors > 0) problems.push(`${inspection.foreignKeyErrors} foreign key errors`);
    throw new AppError(
      'BACKUP_INVALID',
      `${request.backup} failed the integrity check: ${problems.join('; ')}`,
    );
  }
  if (request.kind === 'main') await assertKnownSchema(inspection);
  assertReplaceable(request);
  mkdirSync(dirname(request.target), { recursive: true });
  const staged = `${request.target}.restoring`;
  rmSync(staged, { force: true });
  copyFileSync(request.backup, staged);
  fsyncFile(staged);
  const migrated = request.kind === 'main' ? await migrateForward(staged) : [];
  const keptAs = existsSync(request.target)
    ? `${request.target}.before-restore-${fileStamp(request.now)}`
    : null;
  if (keptAs) renameSync(request.target, keptAs);
  for (const suffix of ['-wal', '-shm']) rmSync(`${request.target}${suffix}`, { force: true });
  renameSync(staged, request.target);
  return { inspection, keptAs, migrated };
}

async function assertKnownSchema(inspection: SqliteInspection): Promise<void> {
  if (inspection.migrations.length === 0 || inspection.items === null) {
    throw new AppError(
      'BACKUP_INVALID',
      `${inspection.path} is not a Fengxiang database (no schema_migrations)`,
    );
  }
  const known = await knownMigrationNames('sqlite');
  const newer = inspection.migrations.filter((name) => !known.includes(name));
  if (newer.length > 0) {
    throw new AppError(
      'BACKUP_SCHEMA_NEWER',
      `${inspection.path} has migrations this build does not know (${newer.join(', ')}); upgrade first`,
    );
  }
}

function assertReplaceable(request: RestoreRequest): void {
  if (!existsSync(request.target)) return;
  if (sqliteInUse(request.target)) {
    throw new AppError(
      'RESTORE_TARGET_IN_USE',
      `${request.target} is open in another process; stop fengxiang serve/worker first`,
    );
  }
  if (!request.force) {
    throw new AppError('RESTORE_TARGET_EXISTS', `${request.target} exists; pass --force to replace it`);
  }
}

async function migrateForward(path: string): Promise<string[]> {
  const handle = openDatabase(`sqlite:${path}`);
  try {
    const result = await migrateToLatest(handle);
    return (result.results ?? []).map((migration) => migration.migrationName);
  } finally {
    await handle.close();
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
