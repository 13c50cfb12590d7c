/**
 * The comments source kind: the comment threads (新闻跟帖) of one or more articles, HTML or JSON, paged by
 * page number or cursor. While an article is fresh (freshForHours after first seen) its thread is refetched
 * and only comments not returned before come back; after that it is left alone.
 */
import type { RawItem } from '../../domain/collection.js';
import type { Source } from '../../domain/entities.js';
import { isAppError, type AppError } from '../../platform/errors.js';
import type { CollectContext, CollectResult, SourceKindAdapter, SourceState } from '../types.js';
import { commentsConfigSchema, type CommentsConfig } from './config.js';
import { fetchThread } from './thread.js';
import { isFresh, remember, storeThread, threadsOf } from './thread-state.js';

export {
  commentMappingSchema,
  commentSelectorsSchema,
  commentsConfigSchema,
  type CommentMapping,
  type CommentSelectors,
  type CommentsConfig,
} from './config.js';
export { parseCommentThread, type ThreadPage, type ThreadSpec } from './parse.js';
export { getPath, parsePath } from './path.js';
export { readCount } from './count.js';
export { threadPageUrl } from './thread.js';

function articleUrls(config: CommentsConfig): string[] {
  const urls = [...(config.articleUrl ? [config.articleUrl] : []), ...(config.articles ?? [])];
  return [...new Set(urls)];
}

async function collectComments(
  context: CollectContext,
  _source: Source,
  config: CommentsConfig,
  state: SourceState,
): Promise<CollectResult> {
  let threads = threadsOf(state);
  const items: RawItem[] = [];
  const skipped: { reason: string; where: string }[] = [];
  const failures: AppError[] = [];
  let httpStatus: number | null = null;
  const urls = articleUrls(config);
  for (const url of urls) {
    const memory = threads[url];
    if (!isFresh(memory, context.now, config.freshForHours)) continue;
    try {
      const thread = await fetchThread(context, config, url, memory);
      httpStatus ??= thread.httpStatus;
      items.push(...thread.comments);
      threads = storeThread(threads, url, remember(memory, thread.comments, context.now));
    } catch (error) {
      if (!isAppError(error)) throw error;
      context.log('comment thread failed', { url, code: error.code });
      failures.push(error);
      skipped.push({ reason: `${error.code}: ${error.message}`, where: url });
    }
  }
  const [firstFailure] = failures;
  if (firstFailure && failures.length === urls.length) throw firstFailure;
  return { items, notModified: false, state: { ...state, threads }, httpStatus, skipped };
}

/** The comments kind. */
export const commentsKind: SourceKindAdapter<CommentsConfig> = {
  kind: 'comments',
  configSchema: commentsConfigSchema,
  collect: collectComments,
};
