/**
 * Migration 0012: the office calendar and duty (issue 6 §1, §8).
 *
 * - `work_calendars`: one working-day calendar per unit (time zone, holidays, make-up workdays as JSON
 *   lists of `YYYY-MM-DD`); the row with unit key `*` is the installation default.
 * - `duty_handovers`: shift hand-over notes (交接班记录), listed per unit newest first.
 * - `key_period_duty`: the duty a key period requires (24-hour duty, people at once), one row per period.
 */
import type { Kysely } from 'kysely';

/** Creates the calendar and duty tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('work_calendars')
    .addColumn('unit_key', 'text', (c) => c.primaryKey())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('holidays', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('workdays', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('duty_handovers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('shift_id', 'text')
    .addColumn('from_user_id', 'text', (c) => c.notNull())
    .addColumn('to_user_id', 'text', (c) => c.notNull())
    .addColumn('handed_over_at', 'bigint', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('open_matters', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('duty_handovers_unit_time')
    .on('duty_handovers')
    .columns(['unit_id', 'handed_over_at', 'id'])
    .execute();

  await db.schema
    .createTable('key_period_duty')
    .addColumn('key_period_id', 'text', (c) =>
      c.primaryKey().references('key_periods.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('round_the_clock', 'integer', (c) => c.notNull())
    .addColumn('min_on_duty', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}
