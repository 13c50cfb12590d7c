/**
 * parseCommentThread: one page of an article's comment thread, HTML (CSS selectors) or JSON (paths), to
 * comment items linked to the article, with reply-to ids and like counts. Pure; zone-less times stay in
 * `publishedText`.
 */
import { load } from 'cheerio';
import { htmlToText } from '../../analysis/normalize/html.js';
import type { RawItem } from '../../domain/collection.js';
import { AppError } from '../../platform/errors.js';
import { readPublished } from '../page/published.js';
import type { CommentMapping, CommentSelectors } from './config.js';
import { readCount } from './count.js';
import { getPath } from './path.js';

/** How to read a thread page. */
export type ThreadSpec =
  { format: 'html'; selectors: CommentSelectors } | { format: 'json'; mapping: CommentMapping };

/** One page of a thread. */
export interface ThreadPage {
  comments: RawItem[];
  /** The next page's cursor (JSON threads with `mapping.nextCursor`), else null. */
  nextCursor: string | null;
}

/** The fields of one comment as read, before it becomes an item. */
interface CommentFields {
  id: unknown;
  content: string;
  author: unknown;
  time: unknown;
  likes: unknown;
  replyTo: unknown;
  ipRegion: unknown;
}

function idText(value: unknown): string | null {
  if (typeof value === 'number' && value > 0) return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' || text === '0' ? null : text;
}

function plain(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).replace(/\s+/gu, ' ').trim();
  return text === '' ? null : text;
}

function toItem(fields: CommentFields, articleUrl: string): RawItem | null {
  if (fields.content === '') return null;
  const likes = readCount(fields.likes);
  const region = plain(fields.ipRegion)?.replace(/^IP\s*属地\s*[：:]\s*|^来自/u, '') ?? null;
  return {
    kind: 'comment',
    externalId: idText(fields.id),
    content: fields.content,
    author: plain(fields.author),
    ...readPublished(typeof fields.time === 'string' ? plain(fields.time) : fields.time),
    parent: { url: articleUrl },
    replyToExternalId: idText(fields.replyTo),
    engagement: likes === null ? {} : { likes },
    ipRegion: region,
  };
}

function parseHtml(text: string, selectors: CommentSelectors, articleUrl: string): ThreadPage {
  const $ = load(text);
  const comments: RawItem[] = [];
  $(selectors.item).each((_, element) => {
    const item = $(element);
    const pick = (selector: string | undefined): string | null =>
      selector ? plain(item.find(selector).first().text()) : null;
    const timeNode = selectors.time ? item.find(selectors.time).first() : null;
    const comment = toItem(
      {
        id: selectors.id ? item.attr(selectors.id) : undefined,
        content: htmlToText(item.find(selectors.content).first().html() ?? '').trim(),
        author: pick(selectors.author),
        time: timeNode ? (timeNode.attr('datetime') ?? timeNode.text()) : null,
        likes: pick(selectors.likes),
        replyTo: selectors.replyTo ? item.attr(selectors.replyTo) : undefined,
        ipRegion: pick(selectors.ipRegion),
      },
      articleUrl,
    );
    if (comment) comments.push(comment);
  });
  return { comments, nextCursor: null };
}

function parseJson(text: string, mapping: CommentMapping, articleUrl: string): ThreadPage {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('PARSE_FAILED', `comment thread of ${articleUrl} is not JSON: ${reason}`, {
      articleUrl,
    });
  }
  const list = getPath(root, mapping.items);
  if (!Array.isArray(list)) {
    throw new AppError('PARSE_FAILED', `comment thread of ${articleUrl} has no array at "${mapping.items}"`, {
      articleUrl,
    });
  }
  const at = (entry: unknown, path: string | undefined): unknown => (path ? getPath(entry, path) : undefined);
  const comments = list.flatMap((entry: unknown) => {
    const content = at(entry, mapping.content);
    const comment = toItem(
      {
        id: at(entry, mapping.id),
        content: typeof content === 'string' ? htmlToText(content).trim() : '',
        author: at(entry, mapping.author),
        time: at(entry, mapping.time),
        likes: at(entry, mapping.likes),
        replyTo: at(entry, mapping.replyTo),
        ipRegion: at(entry, mapping.ipRegion),
      },
      articleUrl,
    );
    return comment ? [comment] : [];
  });
  return { comments, nextCursor: idText(mapping.nextCursor ? getPath(root, mapping.nextCursor) : null) };
}

/** Parses one thread page (already decoded text) of the article at `articleUrl`. */
export function parseCommentThread(text: string, spec: ThreadSpec, articleUrl: string): ThreadPage {
  return spec.format === 'html'
    ? parseHtml(text, spec.selectors, articleUrl)
    : parseJson(text, spec.mapping, articleUrl);
}
