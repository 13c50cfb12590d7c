/**
 * Migration 0007: source authority and spikes (issue 5 §2–3). `key_accounts` is the registry of key
 * accounts (重点账号) staff keep per unit: one row per unit, platform ('' = every platform) and normalised
 * name. `scheme_hits` records which scheme matched which item, with the item's publication time and
 * whether it was negative, so that per-scheme volumes in time buckets are one indexed range read.
 */
import type { Kysely } from 'kysely';

/** Creates key_accounts and scheme_hits. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('key_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('tier', 'text')
    .addColumn('weight', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('key_accounts_unit_platform_name', ['unit_id', 'platform', 'name_key'])
    .execute();
  await db.schema
    .createTable('scheme_hits')
    .addColumn('scheme_id', 'text', (c) => c.notNull().references('schemes.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('negative', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('scheme_hits_pk', ['scheme_id', 'item_id'])
    .execute();
  await db.schema
    .createIndex('scheme_hits_scheme_published')
    .on('scheme_hits')
    .columns(['scheme_id', 'published_at'])
    .execute();
  await db.schema.createIndex('scheme_hits_item').on('scheme_hits').column('item_id').execute();
}
