/**
 * The dossier of one event for a special report (专报): the event, its first item, key spreaders,
 * platform mix and volume (grouped in SQL over all the event's items), and the three voices, which need
 * each item's tier (key account, else source) and so are classified in code over the members' light rows.
 */
import { sql, type Kysely } from 'kysely';
import type { MediaTier } from '../../domain/index.js';
import type { EventDossier, ItemBrief, NamedCount, Traced } from '../../domain/report-data.js';
import type { Database } from '../schema.js';
import { ENGAGEMENT_SQL, loadBriefs, loadTiers, type TierResolver } from './briefs.js';
import { checkBuckets } from './checks.js';
import { byCountThenName, num } from './counts.js';
import { representativeIds, toEventBrief } from './events.js';
import { bucketSql, fillBuckets, PLATFORM_SQL, UNKNOWN_PLATFORM } from './items.js';
import { unitCondition } from './scope.js';
import { TraceLog } from './trace.js';

/** Spreaders listed at most. */
const SPREADERS = 10;
/** Briefs quoted per voice. */
const PER_VOICE = 3;

type Voice = 'official' | 'media' | 'public';

/** Government → official; central, provincial, local media → media; anyone else → public. */
export function voiceOf(tier: MediaTier | null): Voice {
  if (tier === 'government') return 'official';
  if (tier === 'central' || tier === 'provincial' || tier === 'local') return 'media';
  return 'public';
}

/** The event's items joined to their sources. */
function members(db: Kysely<Database>, eventId: string) {
  return db
    .selectFrom('eventItems')
    .innerJoin('items', 'items.id', 'eventItems.itemId')
    .leftJoin('sources', 'sources.id', 'items.sourceId')
    .where('eventItems.eventId', '=', eventId);
}

interface Member {
  id: string;
  unitId: string;
  platform: string | null;
  author: string | null;
  sourceTier: string | null;
  engagement: unknown;
  publishedAt: unknown;
  sentiment: string | null;
}

/** Most engaged first, then newest, then id. */
function byEngagement(a: Member, b: Member): number {
  return (
    num(b.engagement) - num(a.engagement) ||
    num(b.publishedAt) - num(a.publishedAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Voice counts and the most engaged ids of each voice. */
function classify(rows: readonly Member[], tiers: TierResolver) {
  const groups: Record<Voice, Member[]> = { official: [], media: [], public: [] };
  for (const row of rows) groups[voiceOf(tiers.tierOf(row))].push(row);
  const top = (voice: Voice) =>
    groups[voice]
      .sort(byEngagement)
      .slice(0, PER_VOICE)
      .map((row) => row.id);
  return {
    counts: { official: groups.official.length, media: groups.media.length, public: groups.public.length },
    ids: { official: top('official'), media: top('media'), public: top('public') },
  };
}

function pick(briefs: ReadonlyMap<string, ItemBrief>, ids: readonly string[]): ItemBrief[] {
  return ids.flatMap((id) => {
    const brief = briefs.get(id);
    return brief ? [brief] : [];
  });
}

async function spreaders(log: TraceLog, db: Kysely<Database>, eventId: string, tiers: TierResolver) {
  const engagementSum = sql<number>`sum(${ENGAGEMENT_SQL})`;
  const rows = await log.rows(
    members(db, eventId)
      .select((eb) => [
        'items.author',
        PLATFORM_SQL.as('platform'),
        eb.fn.countAll().as('n'),
        engagementSum.as('engagement'),
        eb.fn.max('sources.tier').as('sourceTier'),
        eb.fn.min('items.unitId').as('unitId'),
      ])
      .where('items.author', 'is not', null)
      .groupBy(['items.author', PLATFORM_SQL])
      .orderBy(engagementSum, 'desc')
      .orderBy(sql`count(*)`, 'desc')
      .orderBy('items.author')
      .limit(SPREADERS),
    'spreader tier = key account tier for (author, platform), else the highest-sorting source tier of their items (in the application)',
  );
  return rows.map((row) => ({
    name: row.author ?? '',
    platform: row.platform,
    tier: tiers.tierOf({ ...row, sourceTier: row.sourceTier ?? null }),
    items: num(row.n),
    engagement: num(row.engagement),
  }));
}

async function platformMix(log: TraceLog, db: Kysely<Database>, eventId: string): Promise<NamedCount[]> {
  const rows = await log.rows(
    members(db, eventId)
      .select((eb) => [
        PLATFORM_SQL.as('platform'),
        eb.fn.countAll().as('n'),
        eb.fn
          .sum(sql<number>`case when ${sql.ref('items.sentiment')} = 'negative' then 1 else 0 end`)
          .as('negative'),
      ])
      .groupBy(PLATFORM_SQL),
    `a null platform is printed as ${UNKNOWN_PLATFORM}; sorted by count, then name, in the application`,
  );
  return rows
    .map((row) => ({
      name: row.platform ?? UNKNOWN_PLATFORM,
      count: num(row.n),
      negative: num(row.negative),
    }))
    .sort(byCountThenName);
}

async function volume(
  log: TraceLog,
  db: Kysely<Database>,
  eventId: string,
  first: number,
  last: number,
  bucketMs: number,
) {
  const count = checkBuckets(bucketMs, last - first + 1);
  const inner = members(db, eventId)
    .select([bucketSql(first, bucketMs).as('bucket'), 'items.sentiment'])
    .as('b');
  const rows = await log.rows(
    db
      .selectFrom(inner)
      .select((eb) => [
        'b.bucket',
        eb.fn.countAll().as('total'),
        eb.fn
          .sum(sql<number>`case when ${sql.ref('b.sentiment')} = 'negative' then 1 else 0 end`)
          .as('negative'),
      ])
      .groupBy('b.bucket'),
    `bucket = floor((published_at - ${first}) / ${bucketMs}) from the event's first item to its last; empty buckets filled with 0 in the application`,
  );
  return fillBuckets(first, bucketMs, count, rows);
}

/** The dossier of `eventId`, or null when it does not exist or is not in `unitIds`. */
export async function eventDossier(
  db: Kysely<Database>,
  unitIds: readonly string[] | null,
  eventId: string,
  bucketMs: number,
): Promise<Traced<EventDossier> | null> {
  checkBuckets(bucketMs, 0);
  const log = new TraceLog(db);
  const units = unitCondition(unitIds, 'events.unitId');
  let eventQuery = db.selectFrom('events').selectAll().where('events.id', '=', eventId);
  if (units) eventQuery = eventQuery.where(units);
  const [event] = await log.rows(eventQuery);
  if (!event) return null;
  const rows: Member[] = await log.rows(
    members(db, eventId)
      .select([
        'items.id',
        'items.unitId',
        PLATFORM_SQL.as('platform'),
        'items.author',
        'sources.tier as sourceTier',
        ENGAGEMENT_SQL.as('engagement'),
        'items.publishedAt',
        'items.sentiment',
      ])
      .orderBy('items.publishedAt')
      .orderBy('items.id'),
    'origin = the first row; itemsInPeriod and negativeInPeriod counted over all rows; voices classified by tier (government → official; central/provincial/local → media; else public) in the application',
  );
  const tiers = await loadTiers(log, db, [event.unitId, ...rows.map((row) => row.unitId)]);
  const voices = classify(rows, tiers);
  const origin = rows[0];
  const first = num(origin?.publishedAt ?? event.firstPublishedAt);
  const last = num(rows.at(-1)?.publishedAt ?? event.lastPublishedAt);
  const spread = await spreaders(log, db, eventId, tiers);
  const mix = await platformMix(log, db, eventId);
  const buckets = await volume(log, db, eventId, first, last, bucketMs);
  const briefs = await loadBriefs(
    log,
    db,
    [
      ...(origin ? [origin.id] : []),
      ...representativeIds(event),
      ...voices.ids.official,
      ...voices.ids.media,
      ...voices.ids.public,
    ],
    tiers,
  );
  const negative = rows.filter((row) => row.sentiment === 'negative').length;
  return log.done({
    event: toEventBrief(event, { itemsInPeriod: rows.length, negativeInPeriod: negative }, briefs),
    origin: origin ? (briefs.get(origin.id) ?? null) : null,
    spreaders: spread,
    platformMix: mix,
    volume: buckets,
    voices: {
      official: pick(briefs, voices.ids.official),
      media: pick(briefs, voices.ids.media),
      public: pick(briefs, voices.ids.public),
    },
    voiceCounts: voices.counts,
  });
}
