/**
 * Fetching one article's thread: page by page (`{page}` or `{cursor}` in the URL template) until a page is
 * empty, holds nothing new, has no next cursor, or `maxPages` is reached.
 */
import type { RawItem } from '../../domain/collection.js';
import { decodeBody } from '../encoding/index.js';
import { resolvePublished } from '../page/published.js';
import type { CollectContext } from '../types.js';
import type { CommentsConfig } from './config.js';
import { parseCommentThread, type ThreadSpec } from './parse.js';
import { isNewComment, type ThreadMemory } from './thread-state.js';

/** What fetching a thread found. */
export interface ThreadFetch {
  comments: RawItem[];
  httpStatus: number;
}

/** The URL of one thread page. */
export function threadPageUrl(
  template: string | undefined,
  articleUrl: string,
  page: number,
  cursor: string,
): string {
  if (!template) return articleUrl;
  return template
    .replaceAll('{articleUrl}', encodeURIComponent(articleUrl))
    .replaceAll('{page}', String(page))
    .replaceAll('{cursor}', encodeURIComponent(cursor));
}

/** The reading spec of a validated config. */
export function threadSpec(config: CommentsConfig): ThreadSpec {
  if (config.format === 'json' && config.mapping) return { format: 'json', mapping: config.mapping };
  if (config.selectors) return { format: 'html', selectors: config.selectors };
  return { format: 'json', mapping: config.mapping ?? { items: '$', content: 'content' } };
}

/** Fetches the new comments of the thread of `articleUrl`. */
export async function fetchThread(
  context: CollectContext,
  config: CommentsConfig,
  articleUrl: string,
  memory: ThreadMemory | undefined,
): Promise<ThreadFetch> {
  const spec = threadSpec(config);
  const template = config.urlTemplate;
  const paged = template?.includes('{page}') === true;
  const cursored = template?.includes('{cursor}') === true;
  const comments: RawItem[] = [];
  let httpStatus = 0;
  let cursor = '';
  for (let index = 0; index < config.maxPages; index += 1) {
    const url = threadPageUrl(template, articleUrl, config.firstPage + index, cursor);
    const response = await context.http.fetch(url, {
      ...context.fetchDefaults,
      headers: { ...context.fetchDefaults.headers, ...config.headers },
    });
    if (httpStatus === 0) httpStatus = response.status;
    const { text } = decodeBody(response.body, response.contentType, {
      declaredInDocument: config.format === 'html',
    });
    const page = parseCommentThread(text, spec, articleUrl);
    const fresh = resolvePublished(page.comments, context).filter(
      (comment) => isNewComment(comment, memory) && !comments.some((known) => sameComment(known, comment)),
    );
    comments.push(...fresh);
    if (fresh.length === 0 || (!paged && !cursored)) break;
    if (cursored) {
      if (!page.nextCursor || page.nextCursor === cursor) break;
      cursor = page.nextCursor;
    }
  }
  return { comments, httpStatus };
}

function sameComment(a: RawItem, b: RawItem): boolean {
  return a.externalId ? a.externalId === b.externalId : a.content === b.content && a.author === b.author;
}
