/**
 * Migration 0020: `event_items.published_at` repeats the member's publication time (which never changes once
 * an item is stored) so that an event's per-batch questions — how many members in the last hour, which
 * are the newest — walk the index `(event_id, published_at, item_id)` instead of joining every member to
 * `items`: their cost no longer grows with the event's size (issue 9). Existing memberships are filled in
 * from `items` inside this migration's transaction.
 */
import { sql, type Kysely } from 'kysely';

/** Adds and fills `event_items.published_at` and indexes memberships by event and publication time. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table event_items add column published_at bigint not null default 0`.execute(db);
  await sql`update event_items set published_at = (select items.published_at from items where items.id = event_items.item_id)`.execute(
    db,
  );
  await sql`create index event_items_event_published on event_items (event_id, published_at, item_id)`.execute(
    db,
  );
}
