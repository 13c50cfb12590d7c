/**
 * Items in SQLite or PostgreSQL through Kysely: chunked bulk inserts in one transaction, analysis
 * updates, and the search (full text, filters, scope, time or relevance order, keyset pages). The
 * engine-specific parts of the search sit in dialect/search-*.ts and search-query.ts.
 */
import type { Kysely } from 'kysely';
import { chunksOf } from '../chunks.js';
import type { Engagement, Item, ItemAnalysis } from '../../domain/index.js';
import { systemClock, type Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { isUniqueViolation } from '../constraint-errors.js';
import type { DialectName } from '../dialect/types.js';
import { toJsonText } from '../json-columns.js';
import { pageLimit } from '../paging.js';
import type {
  ExistingItemKey,
  ItemContentPatch,
  ItemDedupKeys,
  ItemRepository,
  ItemSearch,
  ItemVersion,
  NearDuplicateCandidate,
  NewItem,
  Page,
  Scope,
  TombstoneKey,
  TombstoneReason,
} from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import { atomically } from '../transactions.js';
import { decodeItemCursor, encodeItemCursor, type ItemCursor } from './cursor.js';
import {
  findExistingItems,
  findTombstoneKeys,
  itemIdsByCanonicalUrl,
  itemIdsByExternalId,
} from './dedup-keys.js';
import { listItemVersions, updateItemContent, updateItemEngagement } from './edits.js';
import { deleteItem, mergeItemInto } from './removal.js';
import { findNearDuplicateCandidates } from './near-duplicates.js';
import { bandColumns, ITEM_COLUMNS, toInsertRow, toItem } from './rows.js';
import { effectiveSort, searchStatement, type ScoredItemRow } from './search-query.js';
import { assignTimeKeys } from './time-keys.js';

/** Rows per INSERT statement: about 16,000 bound values, inside both engines' parameter limits. */
export const INSERT_CHUNK_ROWS = 500;

type AnalysisUpdate = ItemAnalysis & { normalizedText: string; tokens: string; analysedAt: number };

function cursorAfter(row: ScoredItemRow, sort: 'time' | 'relevance'): ItemCursor {
  return sort === 'relevance'
    ? { sort, score: row.score ?? 0, seq: row.seq }
    : { sort, publishedAt: row.publishedAt, seq: row.seq };
}

/** Items repository over one database (or one transaction). */
export class KyselyItemRepository implements ItemRepository {
  /** `clock` stamps createdAt of new rows; the wall clock unless a test or replay passes its own. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
    private readonly clock: Clock = systemClock,
  ) {}

  async insertMany(items: NewItem[]): Promise<string[]> {
    if (items.length === 0) return [];
    const now = this.clock.now();
    const rows = items.map((item) => toInsertRow(item, now));
    try {
      await atomically(this.db, async (db) => {
        if (this.dialect === 'sqlite') {
          const keys = await assignTimeKeys(db, rows);
          rows.forEach((row, index) => {
            row.seq = keys[index];
          });
        }
        for (let start = 0; start < rows.length; start += INSERT_CHUNK_ROWS) {
          await db
            .insertInto('items')
            .values(rows.slice(start, start + INSERT_CHUNK_ROWS))
            .execute();
        }
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new AppError(
        'CONFLICT',
        'an item repeats the id, platform id or canonical URL of a stored item of its source',
        { entity: 'item' },
      );
    }
    return rows.map((row) => row.id);
  }

  async get(id: string, scope?: Scope): Promise<Item | null> {
    const query = this.db.selectFrom('items').select(ITEM_COLUMNS).where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toItem(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<Item[]> {
    const items: Item[] = [];
    for (const chunk of chunksOf(ids, ID_CHUNK)) {
      const rows = await this.db.selectFrom('items').select(ITEM_COLUMNS).where('id', 'in', chunk).execute();
      items.push(...rows.map(toItem));
    }
    return items;
  }

  async markEvaluated(ids: readonly string[], at: number): Promise<void> {
    for (const chunk of chunksOf(ids, ID_CHUNK)) {
      await this.db.updateTable('items').set({ evaluatedAt: at }).where('id', 'in', chunk).execute();
    }
  }

  async unevaluated(ids: readonly string[]): Promise<string[]> {
    const found: string[] = [];
    for (const chunk of chunksOf(ids, ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('items')
        .select('id')
        .where('id', 'in', chunk)
        .where('evaluatedAt', 'is', null)
        .execute();
      found.push(...rows.map((row) => row.id));
    }
    return found;
  }

  async listUnevaluated(from: number, to: number, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('items')
      .select('id')
      .where('evaluatedAt', 'is', null)
      .where('collectedAt', '>=', from)
      .where('collectedAt', '<', to)
      .orderBy('collectedAt')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  async search(query: ItemSearch): Promise<Page<Item>> {
    const limit = pageLimit(query.page.limit);
    const sort = effectiveSort(query);
    const cursor = query.page.cursor ? decodeItemCursor(query.page.cursor, sort) : null;
    const { rows } = await searchStatement(this.dialect, query, cursor, limit + 1).execute(this.db);
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      items: shown.map(toItem),
      nextCursor: rows.length > limit && last ? encodeItemCursor(cursorAfter(last, sort)) : null,
    };
  }

  async saveAnalysis(id: string, analysis: AnalysisUpdate): Promise<void> {
    const result = await this.db
      .updateTable('items')
      .set({
        language: analysis.language,
        sentiment: analysis.sentiment,
        sentimentScore: analysis.sentimentScore,
        categories: toJsonText(analysis.categories),
        regions: toJsonText(analysis.regions),
        appeal: analysis.appeal === null ? null : analysis.appeal ? 1 : 0,
        keywords: toJsonText(analysis.keywords),
        simhash: analysis.simhash,
        ...bandColumns(analysis.simhash),
        emotion: analysis.emotion,
        emotionScore: analysis.emotionScore,
        appealDepartment: analysis.appealDepartment,
        normalizedText: analysis.normalizedText,
        tokens: analysis.tokens,
        analysedAt: analysis.analysedAt,
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      throw new AppError('NOT_FOUND', `item ${id} does not exist`, { id, entity: 'item' });
    }
  }

  async count(scope: Scope): Promise<number> {
    const query = this.db.selectFrom('items').select((eb) => eb.fn.countAll<number | string>().as('count'));
    const row = await whereInScope(query, scope).executeTakeFirstOrThrow();
    return Number(row.count);
  }

  findExisting(sourceId: string | null, keys: ItemDedupKeys): Promise<ExistingItemKey[]> {
    return findExistingItems(this.db, sourceId, keys);
  }

  findTombstones(sourceId: string | null, keys: ItemDedupKeys): Promise<TombstoneKey[]> {
    return findTombstoneKeys(this.db, sourceId, keys);
  }

  updateContent(id: string, patch: ItemContentPatch): Promise<void> {
    return updateItemContent(this.db, id, patch);
  }

  listVersions(itemId: string): Promise<ItemVersion[]> {
    return listItemVersions(this.db, itemId);
  }

  updateEngagement(id: string, engagement: Partial<Engagement>): Promise<void> {
    return updateItemEngagement(this.db, id, engagement);
  }

  idsByExternalId(sourceId: string, externalIds: readonly string[]): Promise<Map<string, string>> {
    return itemIdsByExternalId(this.db, sourceId, externalIds);
  }

  nearDuplicateCandidates(unitId: string, simhash: string, since: number): Promise<NearDuplicateCandidate[]> {
    return findNearDuplicateCandidates(this.db, unitId, simhash, since);
  }

  async textsOf(ids: readonly string[]): Promise<Map<string, { title: string | null; content: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('items')
      .select(['id', 'title', 'content'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((row) => [row.id, { title: row.title, content: row.content }]));
  }

  idsByCanonicalUrl(canonicalUrls: readonly string[]): Promise<Map<string, string>> {
    return itemIdsByCanonicalUrl(this.db, canonicalUrls);
  }

  delete(id: string, reason: TombstoneReason): Promise<void> {
    return deleteItem(this.db, this.clock, id, reason);
  }

  mergeInto(duplicateId: string, keepId: string): Promise<void> {
    return mergeItemInto(this.db, this.clock, duplicateId, keepId);
  }
}

/** Ids per `in (…)` list: well under SQLite's bound-parameter limit. */
const ID_CHUNK = 500;
