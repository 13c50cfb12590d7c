/**
 * Deleting and merging items. Either way the item's dedup keys become tombstones of its source, so a
 * later fetch that sees the same post again does not bring it back. The search index follows by trigger
 * (SQLite) or with the row (PostgreSQL); stored versions go with the item.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Clock } from '../../platform/clock.js';
import type { TombstoneKeyType, TombstoneReason } from '../repositories.js';
import type { Database } from '../schema.js';
import { atomically } from '../transactions.js';

interface ItemKeysRow {
  id: string;
  sourceId: string | null;
  externalId: string | null;
  canonicalUrl: string | null;
  contentHash: string;
}

async function readKeys(db: Kysely<Database>, id: string): Promise<ItemKeysRow> {
  const row = await db
    .selectFrom('items')
    .select(['id', 'sourceId', 'externalId', 'canonicalUrl', 'contentHash'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `item ${id} does not exist`, { id, entity: 'item' });
  return row;
}

async function writeTombstones(
  db: Kysely<Database>,
  item: ItemKeysRow,
  pointTo: string,
  reason: TombstoneReason,
  now: number,
): Promise<void> {
  const keys: [TombstoneKeyType, string | null][] = [
    ['external_id', item.externalId],
    ['canonical_url', item.canonicalUrl],
    ['content_hash', item.contentHash],
  ];
  const rows = keys.flatMap(([keyType, key]) =>
    key === null || key === ''
      ? []
      : [{ id: newId(now), sourceId: item.sourceId, keyType, key, itemId: pointTo, reason, createdAt: now }],
  );
  if (rows.length === 0) return;
  await db
    .insertInto('itemTombstones')
    .values(rows)
    .onConflict((oc) => oc.columns(['sourceId', 'keyType', 'key']).doNothing())
    .execute();
}

/** Tombstones the keys of item `id` and deletes it. */
export async function deleteItem(
  db: Kysely<Database>,
  clock: Clock,
  id: string,
  reason: TombstoneReason,
): Promise<void> {
  await atomically(db, async (trx) => {
    const item = await readKeys(trx, id);
    await writeTombstones(trx, item, item.id, reason, clock.now());
    await trx.deleteFrom('items').where('id', '=', id).execute();
  });
}

/**
 * Merges item `duplicateId` into `keepId`: its comments and replies point at the kept item, its keys
 * become tombstones pointing there, and it is deleted.
 */
export async function mergeItemInto(
  db: Kysely<Database>,
  clock: Clock,
  duplicateId: string,
  keepId: string,
): Promise<void> {
  if (duplicateId === keepId) {
    throw new AppError('BAD_REQUEST', `item ${keepId} cannot be merged into itself`, { id: keepId });
  }
  await atomically(db, async (trx) => {
    const duplicate = await readKeys(trx, duplicateId);
    await readKeys(trx, keepId);
    await trx.updateTable('items').set({ parentId: keepId }).where('parentId', '=', duplicateId).execute();
    await trx.updateTable('items').set({ replyToId: keepId }).where('replyToId', '=', duplicateId).execute();
    await writeTombstones(trx, duplicate, keepId, 'merged', clock.now());
    await trx.deleteFrom('items').where('id', '=', duplicateId).execute();
  });
}
