/**
 * Events in SQLite or PostgreSQL through Kysely: the event rows with their clustering state, memberships
 * (`event_items`, one event per item) and history. Lists are keyset pages by heat or by latest activity.
 */
import { sql, type Kysely } from 'kysely';
import type { EventHistoryEntry, OpinionEvent, RegionRef, SentimentLabel } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { parseJsonText, toJsonText } from '../json-columns.js';
import { decodeTimeIdCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import { toEventRecord, toEventRow, toHistoryEntry } from './rows.js';
import type {
  EventListFilter,
  EventMemberRecord,
  EventMembership,
  EventRecord,
  EventRepository,
  StoredHeatReference,
} from './types.js';

/** Rows per statement when writing many memberships (well under both engines' parameter limits). */
const CHUNK = 200;

function chunks<T>(values: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) result.push(values.slice(i, i + CHUNK));
  return result;
}

function withoutState(record: EventRecord): OpinionEvent {
  const { centroid: _centroid, heatLog: _heatLog, ...event } = record;
  return event;
}

function jsonList(text: string, column: string): unknown[] {
  const value = parseJsonText(text, column);
  return Array.isArray(value) ? value : [];
}

/** `like` pattern for a substring, with the wildcards of the text escaped. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Events in SQLite or PostgreSQL through Kysely. */
export class KyselyEventRepository implements EventRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(event: EventRecord): Promise<void> {
    await this.db.insertInto('events').values(toEventRow(event)).execute();
  }

  async save(event: EventRecord): Promise<void> {
    const { id: _id, unitId: _unitId, createdAt: _createdAt, ...columns } = toEventRow(event);
    const result = await this.db
      .updateTable('events')
      .set(columns)
      .where('id', '=', event.id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      throw new AppError('NOT_FOUND', `event ${event.id} does not exist`, { id: event.id, entity: 'event' });
    }
  }

  async get(id: string, scope?: Scope): Promise<OpinionEvent | null> {
    const query = this.db.selectFrom('events').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? withoutState(toEventRecord(row)) : null;
  }

  async getRecord(id: string): Promise<EventRecord | null> {
    const row = await this.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toEventRecord(row) : null;
  }

  async listOpen(unitId: string, since: number): Promise<EventRecord[]> {
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('unitId', '=', unitId)
      .where('mergedInto', 'is', null)
      .where('lastPublishedAt', '>=', since)
      .orderBy('id')
      .execute();
    return rows.map(toEventRecord);
  }

  async eventsOfItems(itemIds: readonly string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const part of chunks(itemIds)) {
      if (part.length === 0) continue;
      const rows = await this.db
        .selectFrom('eventItems')
        .select(['itemId', 'eventId'])
        .where('itemId', 'in', part)
        .execute();
      for (const row of rows) result.set(row.itemId, row.eventId);
    }
    return result;
  }

  async addMembers(eventId: string, members: readonly EventMembership[]): Promise<number> {
    let added = 0;
    for (const part of chunks(members)) {
      if (part.length === 0) continue;
      const published = await this.publishedAtOf(part.map((m) => m.itemId));
      const result = await this.db
        .insertInto('eventItems')
        .values(
          part.map((m) => ({
            eventId,
            itemId: m.itemId,
            joinedAt: m.joinedAt,
            centrality: m.centrality,
            publishedAt: published.get(m.itemId) ?? 0,
          })),
        )
        .onConflict((oc) => oc.column('itemId').doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    return added;
  }

  /** The publication time of each given item (at most {@link CHUNK} ids), copied into its membership. */
  private async publishedAtOf(itemIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('items')
      .select(['id', 'publishedAt'])
      .where('id', 'in', itemIds)
      .execute();
    return new Map(rows.map((row) => [row.id, Number(row.publishedAt)]));
  }

  async moveMembers(fromId: string, intoId: string): Promise<number> {
    const result = await this.db
      .updateTable('eventItems')
      .set({ eventId: intoId })
      .where('eventId', '=', fromId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async moveItems(itemIds: readonly string[], intoId: string): Promise<void> {
    for (const part of chunks(itemIds)) {
      if (part.length === 0) continue;
      await this.db.updateTable('eventItems').set({ eventId: intoId }).where('itemId', 'in', part).execute();
    }
  }

  async members(eventId: string): Promise<EventMemberRecord[]> {
    const rows = await this.db
      .selectFrom('eventItems')
      .innerJoin('items', 'items.id', 'eventItems.itemId')
      .select([
        'items.id',
        'items.title',
        'items.content',
        'items.author',
        'items.platform',
        'items.sourceId',
        'items.publishedAt',
        'items.sentiment',
        'items.regions',
        'items.keywords',
        'items.likes',
        'items.comments',
        'items.reposts',
        'items.views',
        'items.parentId',
        'items.dupOf',
        'eventItems.centrality',
        'eventItems.joinedAt',
      ])
      .where('eventItems.eventId', '=', eventId)
      .orderBy('items.publishedAt')
      .orderBy('items.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      content: row.content,
      author: row.author,
      platform: row.platform,
      sourceId: row.sourceId,
      publishedAt: Number(row.publishedAt),
      sentiment: row.sentiment as SentimentLabel | null,
      regions: jsonList(row.regions, 'items.regions') as RegionRef[],
      keywords: jsonList(row.keywords, 'items.keywords').filter((k): k is string => typeof k === 'string'),
      engagement: { likes: row.likes, comments: row.comments, reposts: row.reposts, views: row.views },
      parentId: row.parentId,
      dupOf: row.dupOf,
      centrality: row.centrality,
      joinedAt: Number(row.joinedAt),
    }));
  }

  async countMembers(eventId: string, from: number, to: number): Promise<number> {
    const row = await this.db
      .selectFrom('eventItems')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('eventId', '=', eventId)
      .where('publishedAt', '>=', from)
      .where('publishedAt', '<', to)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async addToItemCount(eventId: string, joined: number): Promise<void> {
    await this.db
      .updateTable('events')
      .set((eb) => ({ itemCount: eb('itemCount', '+', joined) }))
      .where('id', '=', eventId)
      .execute();
  }

  async memberIds(eventId: string, page: PageRequest): Promise<Page<string>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('eventItems')
      .select(['itemId', 'publishedAt'])
      .where('eventId', '=', eventId)
      .orderBy('publishedAt', 'desc')
      .orderBy('itemId', 'desc')
      .limit(limit + 1);
    if (page.cursor) {
      const { at, id } = decodeTimeIdCursor(page.cursor);
      query = query.where((eb) =>
        eb.or([eb('publishedAt', '<', at), eb.and([eb('publishedAt', '=', at), eb('itemId', '<', id)])]),
      );
    }
    const rows = await query.execute();
    return toPage(
      rows,
      limit,
      (row) => ({ at: Number(row.publishedAt), id: row.itemId }),
      (row) => row.itemId,
    );
  }

  async list(
    scope: Scope,
    filter: EventListFilter,
    sort: 'heat' | 'time',
    page: PageRequest,
  ): Promise<Page<OpinionEvent>> {
    const limit = pageLimit(page.limit);
    const key = sort === 'heat' ? sql<number>`coalesce(heat, -1)` : sql<number>`last_published_at`;
    let query = this.db
      .selectFrom('events')
      .selectAll()
      .orderBy(key, 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (!filter.includeMerged) query = query.where('mergedInto', 'is', null);
    if (filter.stages && filter.stages.length > 0) query = query.where('stage', 'in', filter.stages);
    if (filter.from !== undefined) query = query.where('lastPublishedAt', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('firstPublishedAt', '<=', filter.to);
    if (filter.minHeat !== undefined) query = query.where('heat', '>=', filter.minHeat);
    if (filter.text) {
      const pattern = containing(filter.text);
      query = query.where((eb) =>
        eb.or([
          sql<boolean>`title like ${pattern} escape '\\'`,
          sql<boolean>`keywords like ${pattern} escape '\\'`,
        ]),
      );
    }
    if (page.cursor) {
      const { at, id } = decodeTimeIdCursor(page.cursor);
      query = query.where((eb) => eb.or([eb(key, '<', at), eb.and([eb(key, '=', at), eb('id', '<', id)])]));
    }
    const rows = await whereInScope(query, scope).execute();
    return toPage(
      rows,
      limit,
      (row) => ({ at: sort === 'heat' ? (row.heat ?? -1) : Number(row.lastPublishedAt), id: row.id }),
      (row) => withoutState(toEventRecord(row)),
    );
  }

  async appendHistory(entries: readonly Omit<EventHistoryEntry, 'id'>[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db
      .insertInto('eventHistory')
      .values(
        entries.map((entry) => ({
          id: newId(entry.at),
          eventId: entry.eventId,
          kind: entry.kind,
          otherEventId: entry.otherEventId,
          detail: toJsonText(entry.detail),
          at: entry.at,
        })),
      )
      .execute();
  }

  async history(eventId: string): Promise<EventHistoryEntry[]> {
    const rows = await this.db
      .selectFrom('eventHistory')
      .selectAll()
      .where('eventId', '=', eventId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(toHistoryEntry);
  }

  async heatReference(unitId: string, since: number): Promise<StoredHeatReference> {
    const row = await this.db
      .selectFrom('events')
      .select([
        sql<number | string>`count(heat_raw)`.as('count'),
        sql<number | string | null>`avg(heat_raw)`.as('mean'),
        sql<number | string | null>`avg(heat_raw * heat_raw)`.as('square'),
      ])
      .where('unitId', '=', unitId)
      .where('mergedInto', 'is', null)
      .where('lastPublishedAt', '>=', since)
      .executeTakeFirst();
    const count = Number(row?.count ?? 0);
    const mean = Number(row?.mean ?? 0);
    const square = Number(row?.square ?? 0);
    return { count, mean, sd: Math.sqrt(Math.max(0, square - mean * mean)) };
  }
}
