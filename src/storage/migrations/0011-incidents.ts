/**
 * Migration 0011: incidents (issue 6 §1). The incident record with its verification, closing summary and
 * after-action review; the items attached to it; transfers between units; who was notified; statements
 * (口径) with their review state and every version of their text; and each unit's deadline rules by level.
 * Timeline and deadlines live in the shared case tables (0009, 0010). Dialect-neutral.
 */
import type { Kysely } from 'kysely';

/** Creates the incident tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createIncidents(db);
  await createLinks(db);
  await createResponses(db);
  await createRules(db);
}

async function createIncidents(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text')
    .addColumn('event_id', 'text')
    .addColumn('handler_user_id', 'text')
    .addColumn('verification_result', 'text')
    .addColumn('verification', 'text')
    .addColumn('closing_summary', 'text')
    .addColumn('review', 'text')
    .addColumn('opened_by', 'text')
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'bigint')
    .addColumn('reopen_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incidents_unit_opened')
    .on('incidents')
    .columns(['unit_id', 'opened_at'])
    .execute();
  await db.schema.createIndex('incidents_opened').on('incidents').columns(['opened_at', 'id']).execute();
  await db.schema.createIndex('incidents_alert').on('incidents').column('alert_id').execute();
}

async function createLinks(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_items')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text')
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_items_pk', ['incident_id', 'item_id'])
    .execute();
  await db.schema
    .createTable('incident_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('from_unit_id', 'text', (c) => c.notNull())
    .addColumn('to_unit_id', 'text', (c) => c.notNull())
    .addColumn('from_handler_user_id', 'text')
    .addColumn('to_handler_user_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_transfers_incident')
    .on('incident_transfers')
    .columns(['incident_id', 'at'])
    .execute();
  await db.schema
    .createTable('incident_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('notified_at', 'bigint', (c) => c.notNull())
    .addColumn('by_user_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_notifications_incident')
    .on('incident_notifications')
    .columns(['incident_id', 'notified_at'])
    .execute();
}

async function createResponses(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('approved_version', 'integer')
    .addColumn('created_by', 'text')
    .addColumn('submitted_at', 'bigint')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'bigint')
    .addColumn('rejected_reason', 'text')
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'bigint')
    .addColumn('published_url', 'text')
    .addColumn('published_channel', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_responses_incident')
    .on('incident_responses')
    .columns(['incident_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('incident_response_versions')
    .addColumn('response_id', 'text', (c) => c.notNull().references('incident_responses.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text')
    .addColumn('edited_at', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('incident_response_versions_pk', ['response_id', 'version'])
    .execute();
}

async function createRules(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_deadline_rules')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('amount_unit', 'text', (c) => c.notNull())
    .addColumn('remind_before_minutes', 'integer')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_deadline_rules_pk', ['unit_id', 'level', 'kind'])
    .execute();
}
