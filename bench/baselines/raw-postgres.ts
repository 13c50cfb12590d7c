/**
 * Baseline for PostgreSQL inserts: the `pg` driver sending one multi-row INSERT per batch into a plain table
 * with the items table's columns, no tsvector, no GIN and no secondary index.
 */
import pg from 'pg';
import type { NewItem } from '../../src/storage/repositories.js';
import { ITEM_COLUMNS, plainRow, plainTableSql } from './plain-rows.js';

/** An open baseline connection and its batch inserter. */
export interface RawPostgresTarget {
  insertBatch(items: NewItem[]): Promise<void>;
  close(): Promise<void>;
}

function placeholders(rows: number, columns: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells = Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`);
    tuples.push(`(${cells.join(', ')})`);
  }
  return tuples.join(', ');
}

/** Connects to `url`, creates the plain table and returns the inserter. */
export async function openRawPostgres(url: string): Promise<RawPostgresTarget> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(plainTableSql('plain_items', 'postgres'));
  const head = `insert into plain_items (${ITEM_COLUMNS.join(', ')}) values `;
  return {
    insertBatch: async (items) => {
      const now = Date.now();
      const values = items.flatMap((item) => plainRow(item, now));
      await client.query(head + placeholders(items.length, ITEM_COLUMNS.length), values);
    },
    close: () => client.end(),
  };
}
