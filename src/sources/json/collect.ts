/**
 * Collecting a json source: fetch page after page (by number or cursor) until a page is empty, holds only
 * items already seen, has no next cursor, or `maxPages` is reached. The first request is conditional when
 * the source does not page, so an unchanged answer costs a 304.
 */
import type { RawItem } from '../../domain/collection.js';
import type { Source } from '../../domain/entities.js';
import type { CollectContext, CollectResult, FetchResponse, SourceState } from '../types.js';
import type { JsonConfig } from './config.js';
import { parseJsonPage } from './parse.js';
import { pageRequest } from './request.js';
import { itemKey, mergeSeen, seenFromState } from './seen.js';

function validators(state: SourceState): { etag: string | null; lastModified: string | null } {
  return {
    etag: typeof state.etag === 'string' ? state.etag : null,
    lastModified: typeof state.lastModified === 'string' ? state.lastModified : null,
  };
}

function firstValue(config: JsonConfig): string | number | null {
  return config.pagination?.type === 'page' ? config.pagination.start : null;
}

/** Collects `source` (see the module comment). */
export async function collectJson(
  context: CollectContext,
  source: Source,
  config: JsonConfig,
  state: SourceState,
): Promise<CollectResult> {
  const previous = seenFromState(state);
  const seenBefore = new Set(previous);
  const keys = new Set<string>();
  const result: CollectResult = { items: [], notModified: false, state: {}, skipped: [] };
  const conditional = config.pagination === undefined && config.method === 'GET';
  let value = firstValue(config);
  let first: FetchResponse | null = null;
  const maxPages = config.pagination?.maxPages ?? 1;
  for (let page = 0; page < maxPages; page += 1) {
    const request = pageRequest(config, context.fetchDefaults, value);
    if (conditional) Object.assign(request.options, validators(state));
    const response = await context.http.fetch(request.url, request.options);
    first ??= response;
    if (response.notModified) return { items: [], notModified: true, state, httpStatus: response.status };
    const parsed = parseJsonPage(response.body, config, response.url, source.platform);
    result.skipped?.push(...parsed.skipped);
    const fresh = addNew(result.items, parsed.items, keys);
    const anyUnseen = fresh.some((item) => !seenBefore.has(itemKey(item)));
    context.log('json page', { url: request.url, items: parsed.items.length, fresh: fresh.length });
    if (parsed.items.length === 0 || !anyUnseen || config.pagination === undefined) break;
    if (config.pagination.type === 'page') value = (typeof value === 'number' ? value : 0) + 1;
    else if (parsed.nextCursor === null || parsed.nextCursor === value) break;
    else value = parsed.nextCursor;
  }
  result.httpStatus = first?.status ?? null;
  result.state = { seen: mergeSeen([...keys], previous) };
  if (conditional && first)
    Object.assign(result.state, { etag: first.etag, lastModified: first.lastModified });
  return result;
}

function addNew(into: RawItem[], items: readonly RawItem[], keys: Set<string>): RawItem[] {
  const fresh: RawItem[] = [];
  for (const item of items) {
    const key = itemKey(item);
    if (keys.has(key)) continue;
    keys.add(key);
    into.push(item);
    fresh.push(item);
  }
  return fresh;
}
