/**
 * Migration 0019: `alerts.notified_count` holds the value an alert was last notified at, which for heat
 * and spike triggers is a fraction (heat 86.6). PostgreSQL's bigint refused those rows, so such alerts
 * failed to save there; the column becomes double precision. SQLite stores the fraction as it is already
 * (integer affinity keeps a REAL that has no exact integer form), so nothing changes on SQLite.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect/types.js';

/** Widens `alerts.notified_count` to a floating-point column on PostgreSQL. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`alter table alerts alter column notified_count type double precision`.execute(db);
}
