/**
 * Step 2 of a page collect: turn list entries into article items, fetching and extracting each entry's
 * page (or, with `fetchArticles` off, using what the list shows). A page that fails to fetch is reported as
 * skipped and the entry falls back to the list's title and summary.
 */
import type { RawItem } from '../../domain/collection.js';
import { isAppError } from '../../platform/errors.js';
import { decodeBody } from '../encoding/index.js';
import type { CollectContext } from '../types.js';
import { extractArticle } from './article/index.js';
import type { ListEntry } from './list.js';

/** Items made from entries, and the entries that could not be fetched. */
export interface ArticleHarvest {
  items: RawItem[];
  skipped: { reason: string; where: string }[];
}

function fromList(entry: ListEntry): RawItem | null {
  if (!entry.title && !entry.summary) return null;
  return {
    kind: 'article',
    externalId: entry.url,
    url: entry.url,
    title: entry.title,
    content: entry.summary ?? '',
    publishedAt: entry.publishedAt,
    publishedText: entry.publishedText,
  };
}

async function fromPage(
  context: CollectContext,
  entry: ListEntry,
  headers: Record<string, string> | undefined,
): Promise<RawItem> {
  const response = await context.http.fetch(entry.url, {
    ...context.fetchDefaults,
    headers: { ...context.fetchDefaults.headers, ...headers },
  });
  const { text } = decodeBody(response.body, response.contentType);
  const article = extractArticle(text, response.url);
  const hasOwnTime = article.publishedAt !== null || article.publishedText !== null;
  return {
    kind: 'article',
    externalId: entry.url,
    url: entry.url,
    title: article.title ?? entry.title,
    content: article.content,
    author: article.author,
    publishedAt: hasOwnTime ? article.publishedAt : entry.publishedAt,
    publishedText: hasOwnTime ? article.publishedText : entry.publishedText,
    images: article.images,
  };
}

/** Items for `entries` (in order); article pages are fetched one after another, politely. */
export async function harvestArticles(
  context: CollectContext,
  entries: readonly ListEntry[],
  options: { fetchArticles: boolean; headers?: Record<string, string> | undefined },
): Promise<ArticleHarvest> {
  const items: RawItem[] = [];
  const skipped: ArticleHarvest['skipped'] = [];
  for (const entry of entries) {
    if (!options.fetchArticles) {
      const item = fromList(entry);
      if (item) items.push(item);
      continue;
    }
    try {
      items.push(await fromPage(context, entry, options.headers));
    } catch (error) {
      if (!isAppError(error)) throw error;
      context.log('article page failed', { url: entry.url, code: error.code });
      skipped.push({ reason: `${error.code}: ${error.message}`, where: entry.url });
      const item = fromList(entry);
      if (item) items.push(item);
    }
  }
  return { items, skipped };
}
