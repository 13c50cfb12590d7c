/**
 * MediaCrawler records to items, by the platform tables: posts as `post` items, comments as `comment`
 * items linked to their post (`parent.externalId`, and its link when known) and to the comment they answer
 * (`replyToExternalId`). The platform and file type are settled on the first record and kept for the file.
 */
import { isRecordError, recordToItem, type FieldReaders, type ItemField } from '../../mapping/record.js';
import { toId, toText } from '../../mapping/values.js';
import type { ImportedItem, ImportOptions, RecordMapper } from '../types.js';
import { fileTypeFromFields, fileTypeFromPath, platformFromFields, platformFromPath } from './detect.js';
import type { FieldTable, MediaCrawlerFileType, PlatformTable } from './platforms.js';

/** Ids MediaCrawler writes for "no parent comment". */
const NO_PARENT = new Set(['', '0', 'none', 'null']);

function readersOf(table: FieldTable): FieldReaders {
  const readers: FieldReaders = {};
  for (const [field, names] of Object.entries(table) as [ItemField, readonly string[]][]) {
    readers[field] = (record) => {
      const values = record as Record<string, unknown>;
      return names.map((name) => values[name]).find((value) => toText(value) !== null);
    };
  }
  return readers;
}

/** `发布于 江苏`, `IP属地：广东` → `江苏`, `广东`. */
export function cleanIpRegion(value: string | null | undefined): string | null {
  if (!value) return null;
  const cleaned = value.replace(/^(?:发布于|IP属地[:：]?|来自)\s*/u, '').trim();
  return cleaned === '' ? null : cleaned;
}

function imagesOf(record: Record<string, unknown>): string[] {
  const list = record.image_list;
  const urls = Array.isArray(list) ? list.map(toText) : (toText(list) ?? '').split(',');
  return urls
    .filter((url): url is string => url !== null && /^https?:\/\//u.test(url.trim()))
    .map((url) => url.trim());
}

function linkComment(
  item: ImportedItem,
  record: Record<string, unknown>,
  table: PlatformTable,
): ImportedItem {
  const postId = toId(record[table.postId]);
  const postUrl =
    toText(record.note_url) ?? (postId !== null && table.postUrl ? table.postUrl(postId) : null);
  const replyTo = toId(record.parent_comment_id);
  const linked: ImportedItem = { ...item, parent: { externalId: postId, url: postUrl } };
  if (replyTo !== null && !NO_PARENT.has(replyTo.toLowerCase()) && replyTo !== item.externalId) {
    linked.replyToExternalId = replyTo;
  }
  return linked;
}

function mapWith(
  table: PlatformTable,
  type: 'contents' | 'comments',
  options: ImportOptions,
  record: Record<string, unknown>,
): ImportedItem | { error: string } {
  const platform = options.platform ?? table.platform;
  const kind = type === 'comments' ? 'comment' : 'post';
  const mapped = recordToItem(record, readersOf(table[type]), { kind, platform });
  if (isRecordError(mapped)) return mapped;
  const item: ImportedItem = { ...mapped, platform, ipRegion: cleanIpRegion(mapped.ipRegion) };
  if (type === 'comments') return linkComment(item, record, table);
  const images = imagesOf(record);
  return images.length > 0 ? { ...item, images } : item;
}

/** A mapper for the MediaCrawler file at `path`. */
export function mediaCrawlerMapper(path: string, options: ImportOptions): RecordMapper {
  let settled: { table: PlatformTable; type: MediaCrawlerFileType } | null = null;
  return (record) => {
    if (settled === null) {
      const keys = Object.keys(record);
      const table = platformFromPath(path) ?? platformFromFields(keys);
      if (table === null) {
        return {
          error: `cannot tell the MediaCrawler platform from the path or the fields (${keys.slice(0, 8).join(', ')})`,
        };
      }
      settled = { table, type: fileTypeFromPath(path) ?? fileTypeFromFields(keys, table) };
    }
    if (settled.type === 'creators') return { error: 'MediaCrawler creator files list accounts, not posts' };
    return mapWith(settled.table, settled.type, options, record);
  };
}
