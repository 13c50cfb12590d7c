/**
 * The page source kind: a list page read with CSS selectors (with pagination), then each new entry's article
 * page extracted automatically. Article URLs already fetched are remembered (bounded) and not refetched.
 */
import type { Source } from '../../domain/entities.js';
import { AppError } from '../../platform/errors.js';
import type { CollectContext, CollectResult, SourceKindAdapter, SourceState } from '../types.js';
import { harvestArticles } from './articles.js';
import type { ListEntry } from './list.js';
import { validatorsOf } from './conditional.js';
import { pageConfigSchema, type PageConfig } from './config.js';
import { resolvePublished } from './published.js';
import { rememberUrls, seenUrlsOf } from './seen.js';
import { walkListPages } from './walk.js';

export { pageConfigSchema, type PageConfig } from './config.js';
export { parseListPage, type ListEntry, type ListPage, type ListSelectors } from './list.js';
export { extractArticle, stripSiteSuffix, type ExtractedArticle } from './article/index.js';
export { readPublished, resolvePublished, type PublishedReading } from './published.js';
export { MAX_SEEN_URLS } from './seen.js';

function listUrlOf(source: Source, config: PageConfig): string {
  const url = config.listUrl ?? source.url;
  if (!url) {
    throw new AppError('SOURCE_CONFIG_INVALID', `page source "${source.name}" has no listUrl`, {
      sourceId: source.id,
    });
  }
  return url;
}

/** URLs of entries whose page was fetched (a failed one is tried again next time). */
function fetchedUrls(entries: readonly ListEntry[], skipped: readonly { where: string }[]): string[] {
  const failed = new Set(skipped.map((skip) => skip.where));
  return entries.map((entry) => entry.url).filter((url) => !failed.has(url));
}

async function collectPage(
  context: CollectContext,
  source: Source,
  config: PageConfig,
  state: SourceState,
): Promise<CollectResult> {
  const walk = await walkListPages(context, listUrlOf(source, config), config, validatorsOf(state));
  const seen = seenUrlsOf(state);
  const fresh = walk.entries.filter((entry) => !seen.includes(entry.url)).slice(0, config.maxArticles);
  const harvest = await harvestArticles(context, fresh, config);
  return {
    items: resolvePublished(harvest.items, context),
    notModified: walk.notModified,
    state: {
      ...state,
      validators: walk.validators,
      seenUrls: rememberUrls(seen, fetchedUrls(fresh, harvest.skipped)),
    },
    httpStatus: walk.httpStatus,
    skipped: harvest.skipped,
  };
}

/** The page kind. */
export const pageKind: SourceKindAdapter<PageConfig> = {
  kind: 'page',
  configSchema: pageConfigSchema,
  collect: collectPage,
};
