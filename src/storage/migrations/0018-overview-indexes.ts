/**
 * Migration 0018: indexes that answer the dashboard overview (GET /stats/overview) from the index alone.
 * A year of items is hundreds of thousands of wide rows (text, tokens); the overview needs only a few
 * narrow columns of them, so each of its counts walks a covering index by unit and period instead of the
 * table. On SQLite the region and category counts get partial covering indexes with their JSON column;
 * PostgreSQL keeps those out of its indexes (a B-tree entry must stay under about 2.7 kB, which a long
 * region list could pass) and reads them from the heap, whose wide text lives out of line in TOAST.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect/types.js';

/** Creates the overview indexes. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await sql`create index items_overview on items (unit_id, published_at, sentiment, platform, source_id)`.execute(
    db,
  );
  if (dialect !== 'sqlite') return;
  await sql`create index items_overview_regions on items (unit_id, published_at, sentiment, regions) where regions <> '[]'`.execute(
    db,
  );
  await sql`create index items_overview_categories on items (unit_id, published_at, sentiment, categories) where categories <> '[]'`.execute(
    db,
  );
}
