/**
 * Running migrations safely on a live system. Several `fengxiang migrate` (or self-migrating `serve`)
 * processes may start at once; they must apply each migration once and never half of one:
 *
 * - PostgreSQL: Kysely's Migrator takes a session advisory lock and runs all pending migrations in one
 *   transaction, so a second migrator waits for the first and then finds nothing to do.
 * - SQLite: Kysely takes no lock and no transaction there (its adapter assumes one connection), so the
 *   whole run is wrapped in `BEGIN IMMEDIATE`, which takes the database's write lock across processes.
 *
 * A database that already holds migrations this build does not know (a newer release migrated it) is left
 * alone when every migration of this build is applied: migrations are additive, so the older code keeps
 * working on the newer schema (docs/operations.md, "Migrations and upgrades").
 */
import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { AppError } from '../../platform/errors.js';
import type { DialectName } from '../dialect/types.js';
import { migrationProvider } from './index.js';

/** The ledger of applied migrations. */
export const MIGRATION_TABLE = 'schema_migrations';
const LOCK_TABLE = 'schema_migrations_lock';
/** How long a SQLite migrator waits for another process's write lock before giving up. */
const SQLITE_LOCK_WAIT_MS = 10 * 60 * 1000;
const SQLITE_LOCK_RETRY_MS = 200;

/** What `fengxiang migrate --status` shows. */
export interface MigrationStatus {
  applied: Array<{ name: string; appliedAt: string }>;
  pending: string[];
  /** Applied migrations this build does not know (the database was migrated by a newer release). */
  unknown: string[];
}

/** The migration names this build ships, in order. */
export async function knownMigrationNames(dialect: DialectName): Promise<string[]> {
  return Object.keys(await migrationProvider(dialect).getMigrations()).sort();
}

/** Lists applied, pending and unknown migrations without changing anything. */
export async function readMigrationStatus(
  db: Kysely<unknown>,
  dialect: DialectName,
): Promise<MigrationStatus> {
  const known = await knownMigrationNames(dialect);
  const applied = await appliedMigrations(db);
  const appliedNames = new Set(applied.map((row) => row.name));
  return {
    applied,
    pending: known.filter((name) => !appliedNames.has(name)),
    unknown: applied.map((row) => row.name).filter((name) => !known.includes(name)),
  };
}

async function appliedMigrations(db: Kysely<unknown>): Promise<Array<{ name: string; appliedAt: string }>> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === MIGRATION_TABLE)) return [];
  const result = await sql<{
    name: string;
    timestamp: string;
  }>`select name, timestamp from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
  return result.rows.map((row) => ({ name: row.name, appliedAt: row.timestamp }));
}

/** Applies every pending migration under a cross-process lock; see the file comment. */
export async function runMigrations(db: Kysely<unknown>, dialect: DialectName): Promise<MigrationResultSet> {
  const status = await readMigrationStatus(db, dialect);
  if (status.unknown.length > 0 && status.pending.length === 0) return { results: [] };
  if (dialect === 'postgres') return migrateWith(db, dialect);
  return db.connection().execute(async (connection) => {
    await beginImmediate(connection);
    try {
      const result = await migrateWith(connection, dialect);
      await sql`${sql.raw(result.error ? 'rollback' : 'commit')}`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

function migrateWith(db: Kysely<unknown>, dialect: DialectName): Promise<MigrationResultSet> {
  return new Migrator({
    db,
    provider: migrationProvider(dialect),
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: LOCK_TABLE,
  }).migrateToLatest();
}

/** Takes SQLite's write lock, waiting (beyond the busy timeout) while another process migrates or writes. */
async function beginImmediate(connection: Kysely<unknown>): Promise<void> {
  const deadline = Date.now() + SQLITE_LOCK_WAIT_MS;
  for (;;) {
    try {
      await sql`begin immediate`.execute(connection);
      return;
    } catch (error) {
      const busy = error instanceof Error && /SQLITE_BUSY|database is locked/i.test(String(error));
      if (!busy || Date.now() > deadline) {
        throw new AppError('STORAGE_UNAVAILABLE', `could not lock the database to migrate: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, SQLITE_LOCK_RETRY_MS));
    }
  }
}
