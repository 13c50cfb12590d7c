/**
 * Migration 0008: when an item was last evaluated (scheme hits, events, alert rules). New and edited items
 * have none; the evaluation sweep finds those that a crash between storing and queueing left behind, through
 * a partial index that holds only the unevaluated rows and so stays small.
 */
import { sql, type Kysely } from 'kysely';

/** Adds `items.evaluated_at` and the index of unevaluated items by collection time. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('items').addColumn('evaluated_at', 'bigint').execute();
  await db.schema
    .createIndex('items_unevaluated')
    .on('items')
    .column('collected_at')
    .where(sql.ref('evaluated_at'), 'is', null)
    .execute();
}
