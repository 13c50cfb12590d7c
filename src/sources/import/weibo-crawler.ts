/**
 * weibo-crawler CSV (github.com/dataabc/weibo-crawler) to items. It writes one file per user, at
 * `weibo/<screen name>/<user id>.csv`, with these columns:
 *
 * | column | field |
 * |---|---|
 * | id | externalId (the numeric mid) |
 * | bid | link `https://m.weibo.cn/status/<bid>` |
 * | 正文 | content |
 * | 头条文章url | link when the post is a headline article |
 * | 原始图片url | images (comma separated) |
 * | 位置 | (place tag of the post, not kept) |
 * | 日期 | publishedText (zone-less) |
 * | 工具 | (client, not kept) |
 * | 点赞数 / 评论数 / 转发数 | likes / comments / reposts |
 * | 话题, @用户 | (kept inside the text) |
 * | 发布者 / 用户昵称 / screen_name | author (else the folder name) |
 * | IP属地 | ipRegion (newer versions) |
 * | 是否原创, 源微博id | a repost of that post when 是否原创 is False |
 */
import { isRecordError, recordToItem, type FieldReaders } from '../mapping/record.js';
import { toId, toText } from '../mapping/values.js';
import { cleanIpRegion } from './mediacrawler/map.js';
import type { ImportOptions, ImportedItem, RecordMapper } from './types.js';

/** The header columns that mark a weibo-crawler file. */
export const WEIBO_CRAWLER_COLUMNS = ['bid', '正文'] as const;

function column(...names: string[]) {
  return (record: unknown): unknown => {
    const values = record as Record<string, unknown>;
    return names.map((name) => values[name]).find((value) => toText(value) !== null);
  };
}

const READERS: FieldReaders = {
  id: column('id', '微博id'),
  content: column('正文'),
  time: column('完整日期', '日期', '发布时间'),
  likes: column('点赞数'),
  comments: column('评论数'),
  reposts: column('转发数'),
  author: column('发布者', '用户昵称', 'screen_name'),
  ipRegion: column('IP属地', 'ip属地'),
};

/** The screen name a weibo-crawler path carries (`weibo/<screen name>/<uid>.csv`), or null. */
export function authorFromPath(path: string): string | null {
  const parts = path.split(/[\\/]/u);
  const folder = parts.at(-2);
  return folder && folder !== 'weibo' && folder !== '.' ? folder : null;
}

function linkOf(record: Record<string, unknown>): string | null {
  const article = toText(record['头条文章url']);
  if (article !== null && /^https?:\/\//u.test(article)) return article;
  const bid = toText(record.bid) ?? toId(record.id);
  return bid === null ? null : `https://m.weibo.cn/status/${bid}`;
}

function imagesOf(record: Record<string, unknown>): string[] {
  return (toText(record['原始图片url']) ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => /^https?:\/\//u.test(url));
}

function repostOf(item: ImportedItem, record: Record<string, unknown>): ImportedItem {
  const original = toText(record['是否原创']);
  const sourceId = toId(record['源微博id']);
  if (original === null || !/^(false|否|0)$/iu.test(original) || sourceId === null) return item;
  return { ...item, kind: 'repost', parent: { externalId: sourceId, url: toText(record['源微博url']) } };
}

/** A mapper for the weibo-crawler file at `path`. */
export function weiboCrawlerMapper(path: string, options: ImportOptions): RecordMapper {
  const folderAuthor = authorFromPath(path);
  const platform = options.platform ?? 'weibo';
  return (record) => {
    const mapped = recordToItem(record, READERS, { kind: 'post', platform });
    if (isRecordError(mapped)) return mapped;
    const item: ImportedItem = {
      ...mapped,
      platform,
      url: linkOf(record),
      author: mapped.author ?? folderAuthor,
      ipRegion: cleanIpRegion(mapped.ipRegion),
    };
    const images = imagesOf(record);
    if (images.length > 0) item.images = images;
    return repostOf(item, record);
  };
}
