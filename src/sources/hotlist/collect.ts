/**
 * Collecting a hot list: one conditional GET, parse by format, and return the ranked entries plus one
 * searchable item of kind `hot` per entry (its title as text, its heat as views).
 */
import type { HotEntry, RawItem } from '../../domain/collection.js';
import type { Source } from '../../domain/entities.js';
import { decodeBody } from '../encoding/decode.js';
import type { CollectContext, CollectResult, SourceState } from '../types.js';
import type { HotlistConfig } from './config.js';
import type { HotParse } from './entries.js';
import { parseHotHtml } from './parse-html.js';
import { parseHotJson } from './parse-json.js';
import { hotTopicKey } from './topic.js';

function validator(state: SourceState, key: 'etag' | 'lastModified'): string | null {
  const value = state[key];
  return typeof value === 'string' ? value : null;
}

/** The searchable item for a hot entry, seen at `now`. */
export function hotItem(entry: HotEntry, now: number, platform: string | null): RawItem {
  const item: RawItem = {
    kind: 'hot',
    externalId: `hot:${hotTopicKey(entry.title)}`,
    url: entry.url ?? null,
    title: entry.title,
    content: entry.title,
    publishedAt: now,
    platform,
  };
  if (entry.heat !== null && entry.heat !== undefined) item.engagement = { views: entry.heat };
  return item;
}

/** Collects `source` (see the module comment). */
export async function collectHotlist(
  context: CollectContext,
  source: Source,
  config: HotlistConfig,
  state: SourceState,
): Promise<CollectResult> {
  const accept = config.format === 'json' ? 'application/json' : 'text/html,application/xhtml+xml';
  const response = await context.http.fetch(config.url, {
    ...context.fetchDefaults,
    headers: { Accept: accept, ...context.fetchDefaults.headers, ...config.headers },
    etag: validator(state, 'etag'),
    lastModified: validator(state, 'lastModified'),
  });
  if (response.notModified) return { items: [], notModified: true, state, httpStatus: response.status };
  const parsed: HotParse =
    config.format === 'json'
      ? parseHotJson(response.body, config, response.url)
      : parseHotHtml(decodeBody(response.body, response.contentType).text, config, response.url);
  context.log('hot list', { url: config.url, entries: parsed.entries.length });
  return {
    items: parsed.entries.map((entry) => hotItem(entry, context.now, source.platform)),
    hotEntries: parsed.entries,
    notModified: false,
    state: { etag: response.etag, lastModified: response.lastModified },
    httpStatus: response.status,
    skipped: parsed.skipped,
  };
}
