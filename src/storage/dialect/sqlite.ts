import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';

/**
 * Opens a SQLite file tuned as DESIGN.md §4 says: WAL, synchronous=NORMAL, foreign keys, a busy timeout.
 * One connection per process is the one writer. `:memory:` opens a private in-memory database.
 */
export function openSqlite(file: string): { dialect: SqliteDialect; database: BetterSqlite3.Database } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('cache_size = -65536');
  database.pragma('temp_store = MEMORY');
  return { dialect: new SqliteDialect({ database }), database };
}
