/**
 * Parsing one JSON API answer (pure): decode the bytes as UTF-8 JSON, find the item array, map each element
 * to a raw item, and read the next cursor when the source pages by cursor.
 */
import type { RawItem } from '../../domain/collection.js';
import { AppError } from '../../platform/errors.js';
import { compilePath, parsePath, selectAll, type FieldGetter } from '../mapping/path.js';
import { isRecordError, recordToItem, type FieldReaders, type ItemField } from '../mapping/record.js';
import { toText } from '../mapping/values.js';
import type { JsonConfig } from './config.js';

/** What one answer holds. */
export interface JsonPage {
  items: RawItem[];
  skipped: { reason: string; where: string }[];
  /** The cursor for the next page (cursor paging only), null when the answer has none. */
  nextCursor: string | null;
}

/** Decodes `body` as UTF-8 JSON (a byte-order mark is dropped); PARSE_FAILED names the URL. */
export function decodeJson(body: Buffer, url: string): unknown {
  const text = new TextDecoder('utf-8').decode(body).replace(/^\uFEFF/u, '');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('PARSE_FAILED', `${url}: the answer is not JSON (${reason})`, { url });
  }
}

/** Compiles the field paths of `fields` into readers. */
export function fieldReaders(fields: JsonConfig['fields']): FieldReaders {
  const readers: FieldReaders = {};
  for (const [field, path] of Object.entries(fields) as [ItemField, string | undefined][]) {
    if (path === undefined) continue;
    const getter: FieldGetter = compilePath(path);
    readers[field] = getter.first;
  }
  return readers;
}

function itemArray(root: unknown, config: JsonConfig, url: string): unknown[] {
  const steps = parsePath(config.items);
  const found = selectAll(root, steps);
  if (steps.some((step) => 'every' in step)) return found;
  const [array] = found;
  if (Array.isArray(array)) return array as unknown[];
  if (array === null || array === undefined) return [];
  throw new AppError('PARSE_FAILED', `${url}: "${config.items}" is not an array`, {
    url,
    path: config.items,
  });
}

/** Parses one answer of a json source fetched from `url` (the final URL, for relative links). */
export function parseJsonPage(
  body: Buffer,
  config: JsonConfig,
  url: string,
  platform: string | null,
): JsonPage {
  const root = decodeJson(body, url);
  const readers = fieldReaders(config.fields);
  const page: JsonPage = { items: [], skipped: [], nextCursor: null };
  itemArray(root, config, url).forEach((element, index) => {
    const mapped = recordToItem(element, readers, { kind: config.kind, baseUrl: url, platform });
    if (isRecordError(mapped))
      page.skipped.push({ reason: mapped.error, where: `${url} ${config.items}[${index}]` });
    else page.items.push(mapped);
  });
  if (config.pagination?.type === 'cursor') {
    page.nextCursor = toText(compilePath(config.pagination.next).first(root));
  }
  return page;
}
