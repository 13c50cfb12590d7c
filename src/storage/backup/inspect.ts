import { statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { assertSqliteFile } from './sqlite-file.js';

/** What a check of a SQLite database file found. */
export interface SqliteInspection {
  path: string;
  sizeBytes: number;
  /** `PRAGMA integrity_check` lines other than "ok". */
  integrityErrors: string[];
  /** Rows that break a foreign key (`PRAGMA foreign_key_check`). */
  foreignKeyErrors: number;
  tables: number;
  /** Rows of `items`, or null when the file has no such table (the jobs file). */
  items: number | null;
  /** Names in `schema_migrations`, or empty when the file has no ledger. */
  migrations: string[];
}

/** True when the inspected file passed both checks. */
export function inspectionPassed(inspection: SqliteInspection): boolean {
  return inspection.integrityErrors.length === 0 && inspection.foreignKeyErrors === 0;
}

/**
 * Opens a SQLite file read-only and checks it: integrity, foreign keys, tables, items and the applied
 * migrations. Throws BACKUP_NOT_FOUND or BACKUP_INVALID when the file is missing or not SQLite.
 */
export function inspectSqlite(path: string): SqliteInspection {
  assertSqliteFile(path);
  const database = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = database.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const foreignKeys = database.pragma('foreign_key_check') as unknown[];
    const tableNames = (
      database.prepare("select name from sqlite_master where type = 'table'").all() as Array<{
        name: string;
      }>
    ).map((row) => row.name);
    return {
      path,
      sizeBytes: statSync(path).size,
      integrityErrors: integrity.map((row) => row.integrity_check).filter((line) => line !== 'ok'),
      foreignKeyErrors: foreignKeys.length,
      tables: tableNames.length,
      items: tableNames.includes('items') ? countRows(database, 'items') : null,
      migrations: tableNames.includes('schema_migrations') ? migrationNames(database) : [],
    };
  } finally {
    database.close();
  }
}

function countRows(database: BetterSqlite3.Database, table: string): number {
  return (database.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
}

function migrationNames(database: BetterSqlite3.Database): string[] {
  return (
    database.prepare('select name from schema_migrations order by name').all() as Array<{ name: string }>
  ).map((row) => row.name);
}
