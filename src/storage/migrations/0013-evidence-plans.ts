/**
 * Migration 0013: evidence (取证) and emergency plans (应急预案), issue 6 §2–3.
 *
 * `evidence` holds one immutable row per capture of an item for an incident or clue: hashes, source URL,
 * retrieval time, HTTP status, the item's text and the page's extracted text. The raw page and the
 * screenshot bytes live in `evidence_blobs` (BLOB on SQLite, bytea on PostgreSQL) so lists never read them.
 *
 * `plans` keeps each plan's current content (JSON text) and `plan_versions` every version of it;
 * `plan_activations` records a plan version activated on a record and `plan_tasks` its checklist.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect/types.js';

async function createEvidence(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('captured_at', 'bigint', (c) => c.notNull())
    .addColumn('captured_by', 'text')
    .addColumn('source_url', 'text')
    .addColumn('final_url', 'text')
    .addColumn('http_status', 'integer')
    .addColumn('content_type', 'text')
    .addColumn('raw_sha256', 'text')
    .addColumn('raw_size', 'bigint')
    .addColumn('page_error', 'text')
    .addColumn('item_text', 'text', (c) => c.notNull())
    .addColumn('item_text_sha256', 'text', (c) => c.notNull())
    .addColumn('page_text', 'text')
    .addColumn('page_text_sha256', 'text')
    .addColumn('screenshot_sha256', 'text')
    .addColumn('screenshot_size', 'bigint')
    .addColumn('screenshot_skipped', 'text')
    .addColumn('item', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_record')
    .on('evidence')
    .columns(['record_type', 'record_id', 'id'])
    .execute();
  await db.schema.createIndex('evidence_item').on('evidence').columns(['item_id', 'id']).execute();
  await db.schema
    .createTable('evidence_blobs')
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_blobs_pk', ['evidence_id', 'kind'])
    .execute();
}

async function createPlans(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plans_unit').on('plans').columns(['unit_id', 'category', 'level']).execute();
  await db.schema
    .createTable('plan_versions')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_versions_pk', ['plan_id', 'version'])
    .execute();
  await db.schema
    .createTable('plan_activations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('plan_version', 'integer', (c) => c.notNull())
    .addColumn('plan_name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('activated_at', 'bigint', (c) => c.notNull())
    .addColumn('activated_by', 'text')
    .execute();
  await db.schema
    .createIndex('plan_activations_record')
    .on('plan_activations')
    .columns(['record_type', 'record_id'])
    .execute();
  await db.schema
    .createIndex('plan_activations_unit_time')
    .on('plan_activations')
    .columns(['unit_id', 'activated_at'])
    .execute();
  await db.schema
    .createTable('plan_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activation_id', 'text', (c) => c.notNull().references('plan_activations.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('role_key', 'text')
    .addColumn('owner_user_ids', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('done_at', 'bigint')
    .addColumn('done_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_tasks_activation')
    .on('plan_tasks')
    .columns(['activation_id', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('plan_tasks_unit_state')
    .on('plan_tasks')
    .columns(['unit_id', 'state'])
    .execute();
}

/** Creates the evidence and plan tables. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await createEvidence(db, dialect);
  await createPlans(db);
}
