/**
 * Baseline for SQLite inserts: better-sqlite3 prepared statements into a plain table with the items
 * table's columns, no secondary index, no FTS, no triggers, in transactions of one batch each, on a file
 * opened with the same pragmas as the application's (WAL, synchronous=NORMAL).
 */
import BetterSqlite3 from 'better-sqlite3';
import type { NewItem } from '../../src/storage/repositories.js';
import { ITEM_COLUMNS, plainRow, plainTableSql, type PlainValue } from './plain-rows.js';

/** An open baseline database and its batch inserter. */
export interface RawSqliteTarget {
  insertBatch(items: NewItem[]): void;
  close(): void;
}

/** Opens `file` (a fresh path), creates the plain table and prepares the insert. */
export function openRawSqlite(file: string): RawSqliteTarget {
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('cache_size = -65536');
  database.exec(plainTableSql('plain_items', 'sqlite'));
  const insert = database.prepare(
    `insert into plain_items (${ITEM_COLUMNS.join(', ')}) values (${ITEM_COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertAll = database.transaction((rows: PlainValue[][]) => {
    for (const row of rows) insert.run(row);
  });
  return {
    insertBatch: (items) => {
      const now = Date.now();
      insertAll(items.map((item) => plainRow(item, now)));
    },
    close: () => database.close(),
  };
}
