/**
 * Edits found on refetch: a changed text replaces the item's text and the previous one is kept in
 * `item_versions` (the version number goes up by one); changed counters are written in place.
 */
import type { Kysely } from 'kysely';
import type { Engagement } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { ItemContentPatch, ItemVersion } from '../repositories.js';
import type { Database } from '../schema.js';
import { atomically } from '../transactions.js';

function itemNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `item ${id} does not exist`, { id, entity: 'item' });
}

function engagementColumns(engagement: Partial<Engagement> | undefined): Partial<Engagement> {
  if (!engagement) return {};
  return {
    ...(engagement.likes !== undefined && { likes: engagement.likes }),
    ...(engagement.comments !== undefined && { comments: engagement.comments }),
    ...(engagement.reposts !== undefined && { reposts: engagement.reposts }),
    ...(engagement.views !== undefined && { views: engagement.views }),
  };
}

/**
 * Keeps the current text of item `id` as a version and writes the new one. The analysis is reset
 * (analysedAt null), because it described the old text.
 */
export async function updateItemContent(
  db: Kysely<Database>,
  id: string,
  patch: ItemContentPatch,
): Promise<void> {
  await atomically(db, async (trx) => {
    const current = await trx
      .selectFrom('items')
      .select(['title', 'content', 'contentHash', 'version'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!current) throw itemNotFound(id);
    await trx
      .insertInto('itemVersions')
      .values({
        id: newId(patch.updatedAt),
        itemId: id,
        version: current.version,
        title: current.title,
        content: current.content,
        contentHash: current.contentHash,
        recordedAt: patch.updatedAt,
      })
      .execute();
    await trx
      .updateTable('items')
      .set({
        title: patch.title,
        content: patch.content,
        normalizedText: patch.normalizedText,
        tokens: patch.tokens,
        contentHash: patch.contentHash,
        updatedAt: patch.updatedAt,
        version: current.version + 1,
        analysedAt: null,
        evaluatedAt: null,
        ...engagementColumns(patch.engagement),
      })
      .where('id', '=', id)
      .execute();
  });
}

/** The earlier texts of an item, oldest first. */
export async function listItemVersions(db: Kysely<Database>, itemId: string): Promise<ItemVersion[]> {
  return db
    .selectFrom('itemVersions')
    .select(['version', 'title', 'content', 'contentHash', 'recordedAt'])
    .where('itemId', '=', itemId)
    .orderBy('version')
    .execute();
}

/** Writes the given counters of item `id`; NOT_FOUND when it does not exist. */
export async function updateItemEngagement(
  db: Kysely<Database>,
  id: string,
  engagement: Partial<Engagement>,
): Promise<void> {
  const columns = engagementColumns(engagement);
  if (Object.keys(columns).length === 0) {
    const found = await db.selectFrom('items').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) throw itemNotFound(id);
    return;
  }
  const result = await db.updateTable('items').set(columns).where('id', '=', id).executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw itemNotFound(id);
}
