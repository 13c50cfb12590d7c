/**
 * Migration 0010: deadlines of case records (issue 6). One row per record and kind of deadline (an incident's
 * first response, an appeal's reply…): when it is due, when to remind, and whether the reminder and the overdue
 * escalation went out and the duty was done. The deadline sweep reads the due rows through two small indexes.
 */
import type { Kysely } from 'kysely';

/** Creates `case_deadlines`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_deadlines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('remind_at', 'bigint')
    .addColumn('reminded_at', 'bigint')
    .addColumn('escalated_at', 'bigint')
    .addColumn('done_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_deadlines_record')
    .on('case_deadlines')
    .columns(['record_type', 'record_id', 'kind'])
    .unique()
    .execute();
  await db.schema
    .createIndex('case_deadlines_due')
    .on('case_deadlines')
    .columns(['done_at', 'due_at'])
    .execute();
}
