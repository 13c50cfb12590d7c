/**
 * Exact-dedup lookups for collection: stored items and tombstones of one source matched by platform id,
 * canonical URL or content hash (one query per key kind and chunk), and id lookups for linking comments
 * to their posts.
 */
import type { Kysely } from 'kysely';
import { chunksOf } from '../chunks.js';
import type { ExistingItemKey, ItemDedupKeys, TombstoneKey, TombstoneKeyType } from '../repositories.js';
import type { Database } from '../schema.js';

/** Keys per `in (…)` list, well inside both engines' parameter limits. */
const KEYS_PER_QUERY = 900;

const ITEM_KEY_COLUMNS = {
  externalIds: 'externalId',
  canonicalUrls: 'canonicalUrl',
  contentHashes: 'contentHash',
} as const;

const TOMBSTONE_KEY_TYPES: Record<keyof ItemDedupKeys, TombstoneKeyType> = {
  externalIds: 'external_id',
  canonicalUrls: 'canonical_url',
  contentHashes: 'content_hash',
};

function chunks(values: readonly string[]): string[][] {
  return chunksOf([...new Set(values)], KEYS_PER_QUERY);
}

function keyKinds(keys: ItemDedupKeys): (keyof ItemDedupKeys)[] {
  return (Object.keys(ITEM_KEY_COLUMNS) as (keyof ItemDedupKeys)[]).filter((kind) => keys[kind].length > 0);
}

/** Stored items of `sourceId` (null: items without a source) that share any key, each once. */
export async function findExistingItems(
  db: Kysely<Database>,
  sourceId: string | null,
  keys: ItemDedupKeys,
): Promise<ExistingItemKey[]> {
  const found = new Map<string, ExistingItemKey>();
  for (const kind of keyKinds(keys)) {
    for (const chunk of chunks(keys[kind])) {
      const rows = await db
        .selectFrom('items')
        .select([
          'id',
          'externalId',
          'canonicalUrl',
          'contentHash',
          'title',
          'likes',
          'comments',
          'reposts',
          'views',
          'version',
        ])
        .where('sourceId', sourceId === null ? 'is' : '=', sourceId)
        .where(ITEM_KEY_COLUMNS[kind], 'in', chunk)
        .execute();
      for (const { likes, comments, reposts, views, ...row } of rows) {
        found.set(row.id, { ...row, engagement: { likes, comments, reposts, views } });
      }
    }
  }
  return [...found.values()];
}

/** Tombstoned keys of `sourceId` (null: items without a source) among `keys`. */
export async function findTombstoneKeys(
  db: Kysely<Database>,
  sourceId: string | null,
  keys: ItemDedupKeys,
): Promise<TombstoneKey[]> {
  const found: TombstoneKey[] = [];
  for (const kind of keyKinds(keys)) {
    const keyType = TOMBSTONE_KEY_TYPES[kind];
    for (const chunk of chunks(keys[kind])) {
      const rows = await db
        .selectFrom('itemTombstones')
        .select(['key', 'itemId', 'reason'])
        .where('sourceId', sourceId === null ? 'is' : '=', sourceId)
        .where('keyType', '=', keyType)
        .where('key', 'in', chunk)
        .execute();
      for (const row of rows) {
        found.push({
          itemId: row.itemId,
          keyType,
          externalId: keyType === 'external_id' ? row.key : null,
          canonicalUrl: keyType === 'canonical_url' ? row.key : null,
          contentHash: keyType === 'content_hash' ? row.key : null,
          reason: row.reason === 'merged' ? 'merged' : 'deleted',
        });
      }
    }
  }
  return found;
}

/** Item ids of `sourceId` by platform id. */
export async function itemIdsByExternalId(
  db: Kysely<Database>,
  sourceId: string,
  externalIds: readonly string[],
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const chunk of chunks(externalIds)) {
    const rows = await db
      .selectFrom('items')
      .select(['id', 'externalId'])
      .where('sourceId', '=', sourceId)
      .where('externalId', 'in', chunk)
      .execute();
    for (const row of rows) if (row.externalId !== null) result.set(row.externalId, row.id);
  }
  return result;
}

/** Item ids by canonical URL across sources; the oldest item wins when several share a URL. */
export async function itemIdsByCanonicalUrl(
  db: Kysely<Database>,
  canonicalUrls: readonly string[],
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const chunk of chunks(canonicalUrls)) {
    const rows = await db
      .selectFrom('items')
      .select(['id', 'canonicalUrl'])
      .where('canonicalUrl', 'in', chunk)
      .orderBy('seq', 'desc')
      .execute();
    for (const row of rows) if (row.canonicalUrl !== null) result.set(row.canonicalUrl, row.id);
  }
  return result;
}
