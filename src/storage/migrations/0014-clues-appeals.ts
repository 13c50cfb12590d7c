/**
 * Migration 0014: clues (问题线索) and appeals (网络诉求), issue 6 §4–5. A clue keeps its checklist of the
 * four quality criteria, its transfer (to whom, with which evidence) and the outcome as JSON and columns;
 * an appeal keeps its whole handling record in columns so that statistics are plain SQL. Departments
 * appeals are dispatched to are configured per unit. An item becomes at most one appeal.
 */
import type { Kysely } from 'kysely';

/** Creates `clues`, `appeal_departments` and `appeals`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('clues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('item_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('incident_id', 'text')
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('transfer', 'text')
    .addColumn('transferred_at', 'bigint')
    .addColumn('outcome', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('outcome_at', 'bigint')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clues_unit_created').on('clues').columns(['unit_id', 'created_at']).execute();
  await db.schema
    .createIndex('clues_unit_transferred')
    .on('clues')
    .columns(['unit_id', 'transferred_at'])
    .execute();

  await db.schema
    .createTable('appeal_departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('contact', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appeal_departments_unit_name')
    .on('appeal_departments')
    .columns(['unit_id', 'name'])
    .unique()
    .execute();

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('source_id', 'text')
    .addColumn('external_ref', 'text')
    .addColumn('url', 'text')
    .addColumn('citizen_name', 'text')
    .addColumn('citizen_contact', 'text')
    .addColumn('category', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.references('appeal_departments.id').onDelete('set null'))
    .addColumn('dispatched_at', 'bigint')
    .addColumn('due_at', 'bigint')
    .addColumn('extension_days', 'integer')
    .addColumn('extension_reason', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'bigint')
    .addColumn('replied_by', 'text')
    .addColumn('reply_batch_id', 'text')
    .addColumn('handling_days', 'integer')
    .addColumn('on_time', 'integer')
    .addColumn('publish_state', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('published_at', 'bigint')
    .addColumn('published_url', 'text')
    .addColumn('publish_error', 'text')
    .addColumn('satisfaction', 'text')
    .addColumn('closed_at', 'bigint')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appeals_unit_received')
    .on('appeals')
    .columns(['unit_id', 'received_at'])
    .execute();
  await db.schema.createIndex('appeals_item').on('appeals').column('item_id').unique().execute();
  await db.schema.createIndex('appeals_merged_into').on('appeals').column('merged_into_id').execute();
  await db.schema.createIndex('appeals_batch').on('appeals').column('reply_batch_id').execute();
}
