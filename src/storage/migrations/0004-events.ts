/**
 * Migration 0004: events (issue 5). `events` holds the OpinionEvent fields plus what clustering keeps
 * between runs (the bounded centroid as JSON and the raw heat the unit's reference is computed from);
 * `event_items` says which event each item belongs to (an item belongs to at most one); `event_history`
 * records creations, merges, splits and stage changes so an event's id stays meaningful.
 */
import type { Kysely } from 'kysely';

/** Creates the three event tables and their indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('first_item_id', 'text')
    .addColumn('first_published_at', 'bigint', (c) => c.notNull())
    .addColumn('last_published_at', 'bigint', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('repost_count', 'integer', (c) => c.notNull())
    .addColumn('source_count', 'integer', (c) => c.notNull())
    .addColumn('platforms', 'text', (c) => c.notNull())
    .addColumn('regions', 'text', (c) => c.notNull())
    .addColumn('sentiment', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('heat', 'real')
    .addColumn('heat_raw', 'real')
    .addColumn('heat_version', 'text')
    .addColumn('representative_ids', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'text')
    .addColumn('centroid', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('events_unit_last')
    .on('events')
    .columns(['unit_id', 'last_published_at'])
    .execute();
  await db.schema.createIndex('events_last').on('events').columns(['last_published_at', 'id']).execute();
  await db.schema.createIndex('events_heat').on('events').columns(['heat', 'id']).execute();
  await db.schema.createIndex('events_merged_into').on('events').column('merged_into').execute();

  await db.schema
    .createTable('event_items')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().unique().references('items.id').onDelete('cascade'))
    .addColumn('joined_at', 'bigint', (c) => c.notNull())
    .addColumn('centrality', 'real', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('event_items_event')
    .on('event_items')
    .columns(['event_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('event_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('other_event_id', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('event_history_event')
    .on('event_history')
    .columns(['event_id', 'at'])
    .execute();
}
