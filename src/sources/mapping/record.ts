/**
 * One mapped record (a JSON object from an API answer, a CSV row, an imported line) to a raw item: read each
 * item field through its reader, clean HTML out of the text, read counts and times, resolve the link.
 */
import { htmlToText } from '../../analysis/normalize/html.js';
import { resolveUrl } from '../../analysis/normalize/url.js';
import type { RawItem } from '../../domain/collection.js';
import type { Engagement, ItemKind } from '../../domain/entities.js';
import { parseCount, toId, toText, toTime } from './values.js';

/** The item fields a mapping can fill. */
export const ITEM_FIELDS = [
  'id',
  'title',
  'content',
  'url',
  'author',
  'time',
  'likes',
  'comments',
  'reposts',
  'views',
  'ipRegion',
  'parentId',
] as const;
/** One of {@link ITEM_FIELDS}. */
export type ItemField = (typeof ITEM_FIELDS)[number];

/** Reads one field's raw value from a record. */
export type FieldReader = (record: unknown) => unknown;

/** A reader per mapped field; unmapped fields are left empty. */
export type FieldReaders = Partial<Record<ItemField, FieldReader>>;

/** How records become items. */
export interface RecordOptions {
  kind: ItemKind;
  /** Relative links resolve against it (the API answer's URL); without it only absolute links are kept. */
  baseUrl?: string | null;
  platform?: string | null;
}

/** A record that could not become an item, with why. */
export interface RecordError {
  error: string;
}

const ENGAGEMENT_FIELDS = ['likes', 'comments', 'reposts', 'views'] as const satisfies readonly (ItemField &
  keyof Engagement)[];

const MARKUP = /<\/?[a-z][a-z0-9]*(?:\s[^>]*)?\/?>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/iu;

/** Text with any HTML markup removed (plain text passes unchanged apart from trimming). */
export function cleanText(value: string): string {
  return MARKUP.test(value) ? htmlToText(value) : value.trim();
}

function read(readers: FieldReaders, field: ItemField, record: unknown): unknown {
  const reader = readers[field];
  return reader === undefined ? undefined : reader(record);
}

function readText(readers: FieldReaders, field: ItemField, record: unknown): string | null {
  const text = toText(read(readers, field, record));
  if (text === null) return null;
  const cleaned = cleanText(text);
  return cleaned === '' ? null : cleaned;
}

function readUrl(value: unknown, baseUrl: string | null | undefined): string | null {
  const text = toText(value);
  if (text === null) return null;
  if (baseUrl) return resolveUrl(text, baseUrl);
  return /^https?:\/\//iu.test(text) ? text : null;
}

function readEngagement(readers: FieldReaders, record: unknown): Partial<Engagement> | undefined {
  const engagement: Partial<Engagement> = {};
  for (const field of ENGAGEMENT_FIELDS) {
    const count = parseCount(read(readers, field, record));
    if (count !== null) engagement[field] = count;
  }
  return Object.keys(engagement).length > 0 ? engagement : undefined;
}

/** Maps `record` to a raw item, or says why it cannot (no content and no title). */
export function recordToItem(
  record: unknown,
  readers: FieldReaders,
  options: RecordOptions,
): RawItem | RecordError {
  const title = readText(readers, 'title', record);
  const content = readText(readers, 'content', record) ?? title;
  if (content === null) return { error: 'the record has neither content nor title' };
  const time = toTime(read(readers, 'time', record));
  const parentId = toId(read(readers, 'parentId', record));
  const item: RawItem = {
    kind: options.kind,
    externalId: toId(read(readers, 'id', record)),
    url: readUrl(read(readers, 'url', record), options.baseUrl),
    title,
    content,
    author: readText(readers, 'author', record),
    publishedAt: time.publishedAt,
    publishedText: time.publishedText,
    platform: options.platform ?? null,
    ipRegion: readText(readers, 'ipRegion', record),
  };
  if (parentId !== null) item.parent = { externalId: parentId };
  const engagement = readEngagement(readers, record);
  if (engagement) item.engagement = engagement;
  return item;
}

/** True when {@link recordToItem} refused the record. */
export function isRecordError(value: RawItem | RecordError): value is RecordError {
  return 'error' in value;
}
