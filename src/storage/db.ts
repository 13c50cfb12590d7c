/**
 * Opening the database named by a URL (`sqlite:PATH`, `sqlite::memory:`, `postgres://…`) and bringing its
 * schema up to date. The only place that knows which engine is in use; everything else gets a Kysely.
 */
import { CamelCasePlugin, Kysely, sql, type MigrationResultSet } from 'kysely';
import { AppError } from '../platform/errors.js';
import type { DialectName } from './dialect/types.js';
import { openPostgres } from './dialect/postgres.js';
import { openSqlite } from './dialect/sqlite.js';
import { runMigrations } from './migrations/runner.js';
import type { Database } from './schema.js';

/** An open database: the query builder, its engine, and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

/** Where a `sqlite:` URL points: a file path, or `:memory:`. */
export function sqlitePathOf(url: string): string {
  const rest = url.slice('sqlite:'.length).replace(/^\/\//, '');
  if (rest === '')
    throw new AppError(
      'CONFIG_INVALID',
      'DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/fengxiang.sqlite',
    );
  return rest;
}

/** Opens the database at `url`. Throws CONFIG_INVALID for an unknown scheme. */
export function openDatabase(
  url: string,
  options: { statementTimeoutMs?: number; onConnectionError?: ((error: Error) => void) | undefined } = {},
): DatabaseHandle {
  const plugins = [new CamelCasePlugin()];
  if (url.startsWith('sqlite:')) {
    const { dialect } = openSqlite(sqlitePathOf(url));
    const db = new Kysely<Database>({ dialect, plugins });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { dialect } = openPostgres(url, options.statementTimeoutMs ?? 30_000, options.onConnectionError);
    const db = new Kysely<Database>({ dialect, plugins });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  throw new AppError(
    'CONFIG_INVALID',
    `DATABASE_URL must start with sqlite: or postgres:// (got "${url.slice(0, 20)}…")`,
  );
}

/**
 * Applies every pending migration in order, serialised across processes (src/storage/migrations/runner.ts);
 * throws with the failing migration's name.
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationResultSet> {
  const result = await runMigrations(handle.db as unknown as Kysely<unknown>, handle.dialect);
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new AppError('STORAGE_UNAVAILABLE', `migration ${failed} failed: ${cause}`);
  }
  return result;
}

/** Answers whether the database responds (for `/readyz`). */
export async function pingDatabase(handle: DatabaseHandle): Promise<boolean> {
  try {
    await sql`select 1`.execute(handle.db);
    return true;
  } catch {
    return false;
  }
}
