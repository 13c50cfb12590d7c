/**
 * Items as a report quotes them ({@link ItemBrief}) and the tier of an item: the tier of the unit's key
 * account that posted it when (platform, author) matches one (an account without a platform matches every
 * platform), else the tier of its source, else null.
 */
import { sql, type Kysely } from 'kysely';
import { KeyAccountMatcher } from '../../analysis/authority/matcher.js';
import { MEDIA_TIERS, type MediaTier, type SentimentLabel } from '../../domain/index.js';
import type { ItemBrief } from '../../domain/report-data.js';
import type { Database } from '../schema.js';
import { jsonStrings, num } from './counts.js';
import { PLATFORM_SQL } from './items.js';
import type { TraceLog } from './trace.js';

/** Characters of an excerpt. */
const EXCERPT_CHARS = 120;
/** Characters of content read for an excerpt: enough for 120 after collapsing ordinary whitespace. */
const CONTENT_READ_CHARS = 600;

/** likes + comments + reposts. */
export const ENGAGEMENT_SQL = sql<number>`(${sql.ref('items.likes')} + ${sql.ref('items.comments')} + ${sql.ref('items.reposts')})`;

/** What tier resolution needs of an item. */
export interface TierInput {
  unitId: string;
  platform: string | null;
  author: string | null;
  sourceTier: string | null;
}

interface TierAccount {
  platform: string | null;
  name: string;
  tier: MediaTier;
}

function mediaTier(value: string | null): MediaTier | null {
  return value !== null && (MEDIA_TIERS as readonly string[]).includes(value) ? (value as MediaTier) : null;
}

/** Tiers of items of some units, from their key accounts that carry a tier. */
export class TierResolver {
  constructor(private readonly matchers: ReadonlyMap<string, KeyAccountMatcher<TierAccount>>) {}

  /** The key account's tier, else the source's, else null. */
  tierOf(item: TierInput): MediaTier | null {
    const account = this.matchers.get(item.unitId)?.match(item);
    return account?.tier ?? mediaTier(item.sourceTier);
  }
}

/** Reads the key accounts with a tier of `unitIds` (one statement) and builds their matchers. */
export async function loadTiers(
  log: TraceLog,
  db: Kysely<Database>,
  unitIds: readonly string[],
): Promise<TierResolver> {
  const units = [...new Set(unitIds)];
  if (units.length === 0) return new TierResolver(new Map());
  const rows = await log.rows(
    db
      .selectFrom('keyAccounts')
      .select(['unitId', 'platform', 'name', 'tier'])
      .where('unitId', 'in', units)
      .where('tier', 'is not', null)
      .orderBy('id'),
    "item tier = the tier of the unit's key account matching (platform, normalised author; platform '' matches all), else the source's tier (in the application)",
  );
  const byUnit = new Map<string, TierAccount[]>();
  for (const row of rows) {
    const tier = mediaTier(row.tier);
    if (tier === null) continue;
    const list = byUnit.get(row.unitId) ?? [];
    list.push({ platform: row.platform === '' ? null : row.platform, name: row.name, tier });
    byUnit.set(row.unitId, list);
  }
  const matchers = new Map<string, KeyAccountMatcher<TierAccount>>();
  for (const [unitId, accounts] of byUnit) matchers.set(unitId, new KeyAccountMatcher(accounts));
  return new TierResolver(matchers);
}

/** The first 120 characters of `content` with runs of whitespace collapsed to one space. */
export function excerptOf(content: string): string {
  return Array.from(content.replace(/\s+/gu, ' ').trim()).slice(0, EXCERPT_CHARS).join('');
}

/** The columns a brief is made of, from `items` left-joined to `sources`. */
export function briefQuery(db: Kysely<Database>) {
  return db
    .selectFrom('items')
    .leftJoin('sources', 'sources.id', 'items.sourceId')
    .select([
      'items.id',
      'items.unitId',
      'items.title',
      sql<string>`substr(${sql.ref('items.content')}, 1, ${sql.lit(CONTENT_READ_CHARS)})`.as('content'),
      PLATFORM_SQL.as('platform'),
      'items.author',
      'items.url',
      'items.publishedAt',
      'items.sentiment',
      'items.categories',
      ENGAGEMENT_SQL.as('engagement'),
      'sources.tier as sourceTier',
    ]);
}

/** A row of {@link briefQuery}. */
export type BriefRow = Awaited<ReturnType<ReturnType<typeof briefQuery>['execute']>>[number];

/** The brief of a row, its tier resolved. */
export function toBrief(row: BriefRow, tiers: TierResolver): ItemBrief {
  return {
    id: row.id,
    title: row.title,
    excerpt: excerptOf(row.content),
    platform: row.platform,
    author: row.author,
    url: row.url,
    publishedAt: num(row.publishedAt),
    sentiment: row.sentiment as SentimentLabel | null,
    categories: jsonStrings(row.categories, 'items.categories'),
    engagement: num(row.engagement),
    tier: tiers.tierOf(row),
  };
}

/**
 * Briefs of the items with these ids, by id: one statement for the items and, unless `known` tiers are
 * given, one for their units' key accounts.
 */
export async function loadBriefs(
  log: TraceLog,
  db: Kysely<Database>,
  ids: readonly string[],
  known?: TierResolver,
): Promise<Map<string, ItemBrief>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await log.rows(briefQuery(db).where('items.id', 'in', unique));
  const tiers =
    known ??
    (await loadTiers(
      log,
      db,
      rows.map((row) => row.unitId),
    ));
  return new Map(rows.map((row) => [row.id, toBrief(row, tiers)]));
}
