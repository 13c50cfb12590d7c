/**
 * The SQLite side of a copy: opened read-only (a missing file is an error, never a new empty database),
 * its tables discovered from the migration-built schema, and their rows read in row-key order.
 */
import { existsSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../platform/errors.js';
import { sqlitePathOf } from '../db.js';

/** Tables that belong to the migrator, not to the data: each side keeps its own ledger. */
const LEDGER_TABLES = new Set(['schema_migrations', 'schema_migrations_lock']);

/** One table of the source as the copy needs it. */
export interface SourceTable {
  name: string;
  /** Columns in declaration order. */
  columns: string[];
  /** The primary key, or else the first unique constraint: how a row already copied is recognised. */
  key: string[];
  /** Tables this one references by foreign key (other than itself). */
  parents: string[];
  /** Columns that reference this same table (a tree, such as `units.parent_id`). */
  selfReferences: string[];
}

/** One row as SQLite returns it (integers as bigint, so nothing above 2^53 is rounded). */
export type SourceRow = Record<string, unknown>;

/** An open, read-only source database. */
export interface SourceDatabase {
  path: string;
  /** Names of the migrations applied to the source, in order. */
  migrations(): string[];
  /** Every data table, without SQLite's own, full-text shadow and migration-ledger tables. */
  tables(): SourceTable[];
  count(table: string): number;
  /** The smallest and largest value of a text column, or null when the table is empty. */
  textBounds(table: string, column: string): { min: string; max: string } | null;
  /** Up to `limit` rows after row key `after`, with their row key. */
  batch(table: SourceTable, after: bigint, limit: number): { rowKey: bigint; row: SourceRow }[];
  /** Every row, streamed. */
  rows(table: SourceTable): IterableIterator<SourceRow>;
  close(): void;
}

/** Opens `sqlite:PATH` read-only; a missing or foreign file is a clear TRANSFER_SOURCE_INVALID error. */
export function openSource(url: string): SourceDatabase {
  if (!url.startsWith('sqlite:'))
    throw new AppError('TRANSFER_SOURCE_INVALID', `--from must be sqlite:PATH (got "${url.slice(0, 30)}")`);
  const path = sqlitePathOf(url);
  if (path === ':memory:' || !existsSync(path) || !statSync(path).isFile())
    throw new AppError('TRANSFER_SOURCE_INVALID', `no SQLite database file at ${path}`);
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    database.pragma('busy_timeout = 5000');
    database.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    throw new AppError('TRANSFER_SOURCE_INVALID', `${path} is not a SQLite database: ${messageOf(error)}`);
  }
  return sourceOver(database, path);
}

function sourceOver(database: BetterSqlite3.Database, path: string): SourceDatabase {
  return {
    path,
    migrations: () => readMigrations(database, path),
    tables: () => readTables(database),
    count: (table) =>
      Number(
        database
          .prepare(`select count(*) from ${quote(table)}`)
          .pluck()
          .get(),
      ),
    textBounds(table, column) {
      const row = database
        .prepare(`select min(${quote(column)}) as min, max(${quote(column)}) as max from ${quote(table)}`)
        .get() as { min: string | null; max: string | null };
      return row.min === null || row.max === null ? null : { min: String(row.min), max: String(row.max) };
    },
    batch(table, after, limit) {
      const statement = database
        .prepare(
          `select _rowid_ as fx_row_key, ${table.columns.map(quote).join(', ')} from ${quote(table.name)}
           where _rowid_ > ? order by _rowid_ limit ?`,
        )
        .safeIntegers(true);
      return (statement.all(after, limit) as SourceRow[]).map(({ fx_row_key: rowKey, ...row }) => ({
        rowKey: BigInt(rowKey as bigint),
        row,
      }));
    },
    rows(table) {
      return database
        .prepare(`select ${table.columns.map(quote).join(', ')} from ${quote(table.name)}`)
        .safeIntegers(true)
        .iterate() as IterableIterator<SourceRow>;
    },
    close: () => database.close(),
  };
}

function readMigrations(database: BetterSqlite3.Database, path: string): string[] {
  const ledger = database
    .prepare(`select 1 from sqlite_master where type = 'table' and name = 'schema_migrations'`)
    .get();
  if (!ledger)
    throw new AppError(
      'TRANSFER_SOURCE_INVALID',
      `${path} has no schema_migrations table: it is not a Fengxiang database`,
    );
  return database.prepare('select name from schema_migrations order by name').pluck().all() as string[];
}

interface TableListRow {
  schema: string;
  name: string;
  type: string;
}
interface ColumnRow {
  name: string;
  pk: number;
}
interface ForeignKeyRow {
  table: string;
  from: string;
}
interface IndexRow {
  name: string;
  unique: number;
  partial: number;
}

function readTables(database: BetterSqlite3.Database): SourceTable[] {
  const listed = database.prepare('pragma table_list').all() as TableListRow[];
  return listed
    .filter((t) => t.schema === 'main' && t.type === 'table')
    .filter((t) => !t.name.startsWith('sqlite_') && !LEDGER_TABLES.has(t.name))
    .map((t) => describeTable(database, t.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

function describeTable(database: BetterSqlite3.Database, name: string): SourceTable {
  const columns = database.prepare(`pragma table_info(${quote(name)})`).all() as ColumnRow[];
  const foreignKeys = database.prepare(`pragma foreign_key_list(${quote(name)})`).all() as ForeignKeyRow[];
  const primaryKey = columns
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  return {
    name,
    columns: columns.map((c) => c.name),
    key: primaryKey.length > 0 ? primaryKey : firstUniqueKey(database, name),
    parents: [...new Set(foreignKeys.map((f) => f.table).filter((t) => t !== name))].sort(),
    selfReferences: foreignKeys.filter((f) => f.table === name).map((f) => f.from),
  };
}

function firstUniqueKey(database: BetterSqlite3.Database, table: string): string[] {
  const indexes = database.prepare(`pragma index_list(${quote(table)})`).all() as IndexRow[];
  const unique = indexes.find((index) => index.unique === 1 && index.partial === 0);
  if (!unique) return [];
  return (database.prepare(`pragma index_info(${quote(unique.name)})`).all() as { name: string }[]).map(
    (c) => c.name,
  );
}

/** Quotes an identifier for SQLite. */
function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
