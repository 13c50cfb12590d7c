/**
 * Migration 0009: the shared timeline of case records (issue 6). Every transition of an incident, clue,
 * appeal, publication, bulletin or plan task is one row: what was done, from which state to which, by whom,
 * when, with a note. The audit log keeps the security record; the timeline is what the console shows.
 */
import type { Kysely } from 'kysely';

/** Creates `case_timeline` and its per-record index. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_timeline')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('note', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .createIndex('case_timeline_record')
    .on('case_timeline')
    .columns(['record_type', 'record_id', 'seq'])
    .unique()
    .execute();
}
