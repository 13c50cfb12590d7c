/**
 * Migration 0016: reports (issue 7) — generated reports with their document and data snapshot (JSON text),
 * the rendered files of issued reports (BLOB on SQLite, bytea on PostgreSQL), recurring schedules, e-mail
 * deliveries and per-unit settings. The issue number (期数) is unique per unit, type and year; drafts keep
 * null there, and both engines treat NULLs as distinct, so the index binds issued reports only. A schedule
 * makes at most one report per period start for the same reason.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect/types.js';

/** Creates the report tables. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await createReports(db, dialect);
  await createSchedules(db);
  await createDeliveries(db);
  await db.schema
    .createTable('report_settings')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id'))
    .addColumn('daily_cutoff', 'text', (c) => c.notNull())
    .addColumn('week_starts_on', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('templates', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

async function createReports(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('period_from', 'bigint', (c) => c.notNull())
    .addColumn('period_to', 'bigint', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issue_year', 'integer')
    .addColumn('issue_number', 'integer')
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('schedule_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('reviewer_id', 'text')
    .addColumn('review_note', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'bigint')
    .addColumn('issued_by', 'text')
    .addColumn('issued_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reports_issue_number')
    .on('reports')
    .columns(['unit_id', 'type', 'issue_year', 'issue_number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('reports_schedule_slot')
    .on('reports')
    .columns(['schedule_id', 'period_from'])
    .unique()
    .execute();
  await db.schema
    .createIndex('reports_unit_period')
    .on('reports')
    .columns(['unit_id', 'period_from'])
    .execute();
  await db.schema
    .createIndex('reports_unit_issued')
    .on('reports')
    .columns(['unit_id', 'issued_at'])
    .execute();
  await db.schema
    .createTable('report_files')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_files_pk', ['report_id', 'format'])
    .execute();
}

async function createSchedules(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('auto_issue', 'integer', (c) => c.notNull())
    .addColumn('reviewer_id', 'text')
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('formats', 'text', (c) => c.notNull())
    .addColumn('last_run_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_schedules_unit').on('report_schedules').column('unit_id').execute();
}

async function createDeliveries(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_deliveries_key')
    .on('report_deliveries')
    .columns(['report_id', 'recipient'])
    .unique()
    .execute();
  await db.schema
    .createIndex('report_deliveries_due')
    .on('report_deliveries')
    .columns(['state', 'next_attempt_at'])
    .execute();
}
