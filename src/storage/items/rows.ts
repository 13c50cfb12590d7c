/**
 * Items between the domain and the `items` table: JSON lists as text, booleans as 0/1, engagement as four
 * counters. Reads check the JSON shapes so that a damaged row fails loudly.
 */
import type { Insertable } from 'kysely';
import type { Emotion, Item, ItemKind, RegionRef, SentimentLabel } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { parseJsonText, toJsonText } from '../json-columns.js';
import type { NewItem } from '../repositories.js';
import type { ItemsTable } from '../schema.js';

/** The stored columns an {@link Item} is read from (not the engine-specific search column). */
export const ITEM_COLUMNS = [
  'seq',
  'id',
  'unitId',
  'sourceId',
  'kind',
  'platform',
  'url',
  'title',
  'content',
  'author',
  'parentId',
  'sourceRegion',
  'ipRegion',
  'language',
  'sentiment',
  'sentimentScore',
  'categories',
  'regions',
  'appeal',
  'keywords',
  'simhash',
  'contentHash',
  'likes',
  'comments',
  'reposts',
  'views',
  'publishedAt',
  'collectedAt',
  'analysedAt',
  'externalId',
  'canonicalUrl',
  'replyToId',
  'images',
  'version',
  'updatedAt',
  'emotion',
  'emotionScore',
  'appealDepartment',
  'dupOf',
] as const;

/** A row as selected with {@link ITEM_COLUMNS}. */
export type ItemRow = Pick<Omit<ItemsTable, 'seq'> & { seq: number }, (typeof ITEM_COLUMNS)[number]>;

function stringList(text: string, column: string): string[] {
  const value = parseJsonText(text, column);
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw new AppError('INTERNAL', `column ${column} does not hold a list of strings`);
  }
  return value as string[];
}

function regionList(text: string): RegionRef[] {
  const value = parseJsonText(text, 'items.regions');
  if (!Array.isArray(value)) throw new AppError('INTERNAL', 'column items.regions does not hold a list');
  return value as RegionRef[];
}

/** The domain item of a row. */
export function toItem(row: ItemRow): Item {
  return {
    id: row.id,
    unitId: row.unitId,
    sourceId: row.sourceId,
    kind: row.kind as ItemKind,
    platform: row.platform,
    url: row.url,
    title: row.title,
    content: row.content,
    author: row.author,
    parentId: row.parentId,
    sourceRegion: row.sourceRegion,
    ipRegion: row.ipRegion,
    language: row.language,
    sentiment: row.sentiment as SentimentLabel | null,
    sentimentScore: row.sentimentScore,
    categories: stringList(row.categories, 'items.categories'),
    regions: regionList(row.regions),
    appeal: row.appeal === null ? null : row.appeal !== 0,
    keywords: stringList(row.keywords, 'items.keywords'),
    simhash: row.simhash,
    contentHash: row.contentHash,
    engagement: { likes: row.likes, comments: row.comments, reposts: row.reposts, views: row.views },
    publishedAt: row.publishedAt,
    collectedAt: row.collectedAt,
    analysedAt: row.analysedAt,
    externalId: row.externalId,
    canonicalUrl: row.canonicalUrl,
    replyToId: row.replyToId,
    images: stringList(row.images, 'items.images'),
    version: row.version,
    updatedAt: row.updatedAt,
    emotion: row.emotion as Emotion | null,
    emotionScore: row.emotionScore,
    appealDepartment: row.appealDepartment,
    dupOf: row.dupOf,
  };
}

/** The four 16-bit bands of a 16-hex-digit SimHash, for the banded near-duplicate lookup. */
export function simhashBands(simhash: string | null | undefined): (number | null)[] {
  if (!simhash || !/^[0-9a-f]{16}$/u.test(simhash)) return [null, null, null, null];
  return [0, 4, 8, 12].map((start) => Number.parseInt(simhash.slice(start, start + 4), 16));
}

/** The row of a new item; analysis fields not given are left unset (null or empty lists). */
export function toInsertRow(item: NewItem, now: number): Insertable<ItemsTable> {
  return {
    id: item.id ?? newId(now),
    unitId: item.unitId,
    sourceId: item.sourceId ?? null,
    kind: item.kind,
    platform: item.platform ?? null,
    url: item.url ?? null,
    canonicalUrl: item.canonicalUrl ?? null,
    title: item.title ?? null,
    content: item.content,
    normalizedText: item.normalizedText ?? '',
    tokens: item.tokens ?? '',
    author: item.author ?? null,
    parentId: item.parentId ?? null,
    sourceRegion: item.sourceRegion ?? null,
    ipRegion: item.ipRegion ?? null,
    language: item.language ?? null,
    sentiment: item.sentiment ?? null,
    sentimentScore: item.sentimentScore ?? null,
    categories: toJsonText(item.categories ?? []),
    regions: toJsonText(item.regions ?? []),
    appeal: item.appeal === undefined || item.appeal === null ? null : item.appeal ? 1 : 0,
    keywords: toJsonText(item.keywords ?? []),
    simhash: item.simhash ?? null,
    ...bandColumns(item.simhash),
    emotion: item.emotion ?? null,
    emotionScore: item.emotionScore ?? null,
    appealDepartment: item.appealDepartment ?? null,
    dupOf: item.dupOf ?? null,
    contentHash: item.contentHash,
    likes: item.engagement?.likes ?? 0,
    comments: item.engagement?.comments ?? 0,
    reposts: item.engagement?.reposts ?? 0,
    views: item.engagement?.views ?? 0,
    publishedAt: item.publishedAt,
    collectedAt: item.collectedAt,
    analysedAt: item.analysedAt ?? null,
    createdAt: now,
    externalId: item.externalId ?? null,
    replyToId: item.replyToId ?? null,
    images: toJsonText(item.images ?? []),
    updatedAt: null,
    version: 1,
  };
}

/** The band columns of a SimHash. */
export function bandColumns(simhash: string | null | undefined): {
  simhashBand0: number | null;
  simhashBand1: number | null;
  simhashBand2: number | null;
  simhashBand3: number | null;
} {
  const [b0 = null, b1 = null, b2 = null, b3 = null] = simhashBands(simhash);
  return { simhashBand0: b0, simhashBand1: b1, simhashBand2: b2, simhashBand3: b3 };
}
