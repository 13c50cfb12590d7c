/**
 * Migration 0003: what analysis keeps (issue 4). Items gain their emotion, the department an appeal
 * belongs to, the near-duplicate link (`dup_of`: the original a repost or copy was matched to) and the four
 * 16-bit bands of their SimHash, indexed so that candidates for a new item are found with four index
 * lookups. Staff corrections of sentiment are kept for the next training run.
 */
import type { Kysely } from 'kysely';

/** The number of SimHash bands (4 × 16 bits = 64 bits). */
export const SIMHASH_BANDS = 4;

/** Adds the analysis columns and the corrections table. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns: [string, 'text' | 'real' | 'integer'][] = [
    ['emotion', 'text'],
    ['emotion_score', 'real'],
    ['appeal_department', 'text'],
    ['dup_of', 'text'],
    ...Array.from({ length: SIMHASH_BANDS }, (_, band): [string, 'integer'] => [
      `simhash_band${band}`,
      'integer',
    ]),
  ];
  for (const [name, type] of columns) {
    await db.schema.alterTable('items').addColumn(name, type).execute();
  }
  await db.schema.createIndex('items_dup_of').on('items').column('dup_of').execute();
  for (let band = 0; band < SIMHASH_BANDS; band++) {
    await db.schema
      .createIndex(`items_simhash_band${band}`)
      .on('items')
      .columns([`simhash_band${band}`, 'published_at'])
      .execute();
  }
  await db.schema
    .createTable('sentiment_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('previous', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('corrected_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sentiment_corrections_created')
    .on('sentiment_corrections')
    .column('created_at')
    .execute();
}
