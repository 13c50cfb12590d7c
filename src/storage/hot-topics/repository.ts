/**
 * Hot-list topics (热搜) and their rank over time. Each fetch of a list upserts one topic per entry (keyed
 * by source and normalised title) and appends a sighting, so the console can draw the rank curve. Topics
 * are scoped through their source's unit.
 */
import type { Kysely, Selectable } from 'kysely';
import type { HotTopic } from '../../domain/index.js';
import { newId } from '../../platform/ids.js';
import { decodeTimeIdCursor, pageLimit, toPage } from '../paging.js';
import type {
  HotSighting,
  HotSightingInput,
  HotTopicRepository,
  Page,
  PageRequest,
  Scope,
} from '../repositories.js';
import type { Database, HotTopicsTable } from '../schema.js';
import { whereInScope } from '../scope.js';
import { atomically } from '../transactions.js';

type TopicRow = Selectable<HotTopicsTable>;

const TOPIC_COLUMNS = [
  'hotTopics.id',
  'hotTopics.sourceId',
  'hotTopics.key',
  'hotTopics.title',
  'hotTopics.url',
  'hotTopics.firstSeenAt',
  'hotTopics.lastSeenAt',
  'hotTopics.lastRank',
  'hotTopics.peakRank',
  'hotTopics.lastHeat',
  'hotTopics.peakHeat',
  'hotTopics.sightings',
] as const;

function toHotTopic({ key: _key, ...row }: Omit<TopicRow, 'key'> & { key?: string }): HotTopic {
  return row;
}

function maxHeat(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/** One entry per key: a list that shows a title twice counts it once, at its best rank. */
function bestPerKey(entries: readonly HotSightingInput[]): HotSightingInput[] {
  const byKey = new Map<string, HotSightingInput>();
  for (const entry of entries) {
    const seen = byKey.get(entry.key);
    if (!seen || entry.rank < seen.rank) byKey.set(entry.key, entry);
  }
  return [...byKey.values()];
}

/** The topic after one more sighting; the first sighting is kept, peaks take the best value. */
function sighted(topic: TopicRow, entry: HotSightingInput, at: number): TopicRow {
  return {
    ...topic,
    title: entry.title,
    url: entry.url ?? topic.url,
    lastSeenAt: Math.max(topic.lastSeenAt, at),
    lastRank: entry.rank,
    peakRank: Math.min(topic.peakRank, entry.rank),
    lastHeat: entry.heat,
    peakHeat: maxHeat(topic.peakHeat, entry.heat),
    sightings: topic.sightings + 1,
  };
}

function firstSighting(sourceId: string, entry: HotSightingInput, at: number): TopicRow {
  return {
    id: newId(at),
    sourceId,
    key: entry.key,
    title: entry.title,
    url: entry.url,
    firstSeenAt: at,
    lastSeenAt: at,
    lastRank: entry.rank,
    peakRank: entry.rank,
    lastHeat: entry.heat,
    peakHeat: entry.heat,
    sightings: 1,
  };
}

/** Hot-list topics in SQLite or PostgreSQL through Kysely. */
export class KyselyHotTopicRepository implements HotTopicRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async upsertSightings(
    sourceId: string,
    at: number,
    entries: readonly HotSightingInput[],
  ): Promise<HotTopic[]> {
    const unique = bestPerKey(entries);
    if (unique.length === 0) return [];
    const topics = await atomically(this.db, async (trx) => {
      const stored = await trx
        .selectFrom('hotTopics')
        .selectAll()
        .where('sourceId', '=', sourceId)
        .where(
          'key',
          'in',
          unique.map((entry) => entry.key),
        )
        .execute();
      const byKey = new Map(stored.map((row) => [row.key, row]));
      const result: TopicRow[] = [];
      const sightings: { topicId: string; at: number; rank: number; heat: number | null }[] = [];
      for (const entry of unique) {
        const known = byKey.get(entry.key);
        const topic = known ? sighted(known, entry, at) : firstSighting(sourceId, entry, at);
        if (known) {
          const { id, ...columns } = topic;
          await trx.updateTable('hotTopics').set(columns).where('id', '=', id).execute();
        } else {
          await trx.insertInto('hotTopics').values(topic).execute();
        }
        result.push(topic);
        sightings.push({ topicId: topic.id, at, rank: entry.rank, heat: entry.heat });
      }
      await trx
        .insertInto('hotSightings')
        .values(sightings)
        .onConflict((oc) => oc.columns(['topicId', 'at']).doNothing())
        .execute();
      return result;
    });
    return topics.map(toHotTopic);
  }

  async list(
    scope: Scope,
    filter: { sourceId?: string; from?: number; to?: number },
    page: PageRequest,
  ): Promise<Page<HotTopic>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('hotTopics')
      .innerJoin('sources', 'sources.id', 'hotTopics.sourceId')
      .select(TOPIC_COLUMNS)
      .orderBy('hotTopics.lastSeenAt', 'desc')
      .orderBy('hotTopics.id', 'desc')
      .limit(limit + 1);
    if (filter.sourceId !== undefined) query = query.where('hotTopics.sourceId', '=', filter.sourceId);
    if (filter.from !== undefined) query = query.where('hotTopics.lastSeenAt', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('hotTopics.firstSeenAt', '<', filter.to);
    if (page.cursor) {
      const { at, id } = decodeTimeIdCursor(page.cursor);
      query = query.where((eb) =>
        eb.or([
          eb('hotTopics.lastSeenAt', '<', at),
          eb.and([eb('hotTopics.lastSeenAt', '=', at), eb('hotTopics.id', '<', id)]),
        ]),
      );
    }
    const rows = await whereInScope(query, scope, 'sources.unitId').execute();
    return toPage(rows, limit, (row) => ({ at: row.lastSeenAt, id: row.id }), toHotTopic);
  }

  async get(id: string, scope?: Scope): Promise<HotTopic | null> {
    const query = this.db
      .selectFrom('hotTopics')
      .innerJoin('sources', 'sources.id', 'hotTopics.sourceId')
      .select(TOPIC_COLUMNS)
      .where('hotTopics.id', '=', id);
    const row = await whereInScope(query, scope, 'sources.unitId').executeTakeFirst();
    return row ? toHotTopic(row) : null;
  }

  async history(topicId: string): Promise<HotSighting[]> {
    return this.db
      .selectFrom('hotSightings')
      .select(['at', 'rank', 'heat'])
      .where('topicId', '=', topicId)
      .orderBy('at')
      .execute();
  }
}
