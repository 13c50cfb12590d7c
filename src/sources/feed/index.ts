/**
 * The feed source kind: RSS 2.0, RSS 1.0/RDF, Atom and JSON Feed, fetched with conditional GET. Items are
 * articles; zone-less and Chinese-form dates are resolved in the config's (or the source's) time zone.
 */
import { z } from 'zod';
import type { Source } from '../../domain/entities.js';
import { AppError } from '../../platform/errors.js';
import { fetchConditional, validatorsOf } from '../page/conditional.js';
import { resolvePublished } from '../page/published.js';
import type { CollectContext, CollectResult, SourceKindAdapter, SourceState } from '../types.js';
import { parseFeed } from './parse.js';

export { parseFeed, type ParseFeedOptions, type ParsedFeed } from './parse.js';
export { prepareFeedXml } from './clean.js';

/** Config of a feed source. */
export const feedConfigSchema = z.object({
  /** The feed URL; the source's own URL when left out. */
  url: z.url().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  /** Time zone for zone-less dates, when it differs from the source's. */
  timeZone: z.string().min(1).optional(),
});

/** A validated feed config. */
export type FeedConfig = z.infer<typeof feedConfigSchema>;

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8';

/** The URL a feed source fetches; SOURCE_CONFIG_INVALID when it has none. */
export function feedUrl(source: Source, config: FeedConfig): string {
  const url = config.url ?? source.url;
  if (!url) {
    throw new AppError('SOURCE_CONFIG_INVALID', `feed source "${source.name}" has no url`, {
      sourceId: source.id,
    });
  }
  return url;
}

async function collectFeed(
  context: CollectContext,
  source: Source,
  config: FeedConfig,
  state: SourceState,
): Promise<CollectResult> {
  const url = feedUrl(source, config);
  const { response, validators } = await fetchConditional(context, url, validatorsOf(state), {
    Accept: FEED_ACCEPT,
    ...config.headers,
  });
  const nextState = { ...state, validators };
  if (response.notModified) {
    return { items: [], notModified: true, state: nextState, httpStatus: response.status };
  }
  const parsed = parseFeed(response.body, response.contentType, { url: response.url });
  const timeZone = config.timeZone ?? context.timeZone;
  return {
    items: resolvePublished(parsed.items, { now: context.now, timeZone }),
    notModified: false,
    state: nextState,
    httpStatus: response.status,
    skipped: parsed.skipped,
  };
}

/** The feed kind. */
export const feedKind: SourceKindAdapter<FeedConfig> = {
  kind: 'feed',
  configSchema: feedConfigSchema,
  collect: collectFeed,
};
