/**
 * Migration 0015: publications (信息发布) with every version of their text and each unit's secret terms;
 * bulletins (信息报送) with their adoptions (采用), leaders' instructions (批示) and feedback, and each
 * unit's list of higher bodies and scoring scheme (issue 6 §6–7). Dialect-neutral; JSON lists are text.
 */
import type { Kysely } from 'kysely';

/** Creates the publication and bulletin tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createPublications(db);
  await createBulletins(db);
}

async function createPublications(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('incident_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('signed_off_by', 'text')
    .addColumn('signed_off_at', 'bigint')
    .addColumn('published_url', 'text')
    .addColumn('published_at', 'bigint')
    .addColumn('reject_reason', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('publications_unit_state')
    .on('publications')
    .columns(['unit_id', 'state'])
    .execute();
  await db.schema
    .createIndex('publications_unit_published')
    .on('publications')
    .columns(['unit_id', 'published_at'])
    .execute();
  await db.schema
    .createTable('publication_versions')
    .addColumn('publication_id', 'text', (c) => c.notNull().references('publications.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text')
    .addColumn('edited_at', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('publication_versions_pk', ['publication_id', 'version'])
    .execute();
  await db.schema
    .createTable('publication_settings')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id'))
    .addColumn('secret_terms', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

async function createBulletins(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bulletins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('item_ids', 'text', (c) => c.notNull())
    .addColumn('event_ids', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint')
    .addColumn('submitted_by', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bulletins_unit_state').on('bulletins').columns(['unit_id', 'state']).execute();
  await db.schema
    .createIndex('bulletins_unit_submitted')
    .on('bulletins')
    .columns(['unit_id', 'submitted_at'])
    .execute();
  await db.schema
    .createTable('bulletin_adoptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bulletin_id', 'text', (c) => c.notNull().references('bulletins.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('adopted_by', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('adopted_at', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('bulletin_adoptions_unit_at')
    .on('bulletin_adoptions')
    .columns(['unit_id', 'adopted_at'])
    .execute();
  await db.schema
    .createIndex('bulletin_adoptions_bulletin')
    .on('bulletin_adoptions')
    .columns(['bulletin_id'])
    .execute();
  await db.schema
    .createTable('bulletin_instructions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bulletin_id', 'text', (c) => c.notNull().references('bulletins.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('leader', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('instructed_at', 'bigint', (c) => c.notNull())
    .addColumn('feedback_text', 'text')
    .addColumn('feedback_at', 'bigint')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('bulletin_instructions_unit_at')
    .on('bulletin_instructions')
    .columns(['unit_id', 'instructed_at'])
    .execute();
  await db.schema
    .createIndex('bulletin_instructions_bulletin')
    .on('bulletin_instructions')
    .columns(['bulletin_id'])
    .execute();
  await db.schema
    .createTable('bulletin_settings')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id'))
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('scoring', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}
