/**
 * The generic mapper of jsonl, csv and xlsx imports: each field is read from the column (or JSONL key or
 * path) the mapping names, else from the first common English or Chinese column name the record has.
 * Column names match ignoring case and surrounding spaces.
 */
import { ITEM_KINDS, type ItemKind } from '../../domain/entities.js';
import { getPath } from '../mapping/path.js';
import { isRecordError, recordToItem, type FieldReaders, type ItemField } from '../mapping/record.js';
import { toText } from '../mapping/values.js';
import type { ColumnMapping, ImportOptions, RecordMapper } from './types.js';

/** Common column names per field, tried in order. */
export const DEFAULT_COLUMNS: Required<Record<keyof ColumnMapping, readonly string[]>> = {
  id: ['id', 'external_id', 'externalId', '编号', 'ID号'],
  title: ['title', '标题', '题目'],
  content: ['content', 'text', 'body', '内容', '正文', '文本'],
  url: ['url', 'link', 'href', '链接', '网址', '原文链接', '地址'],
  author: ['author', 'user', 'nickname', '作者', '发布者', '发布人', '用户名', '昵称'],
  time: ['time', 'published_at', 'publishedAt', 'date', 'created_at', '发布时间', '时间', '日期'],
  parentId: ['parent_id', 'parentId', '父ID', '原帖ID'],
  likes: ['likes', 'like_count', '点赞数', '点赞', '点赞量'],
  comments: ['comments', 'comment_count', '评论数', '评论量'],
  reposts: ['reposts', 'shares', 'share_count', '转发数', '分享数', '转发量'],
  views: ['views', 'view_count', 'reads', '阅读数', '浏览量', '播放量', '阅读量'],
  ipRegion: ['ip_region', 'ipRegion', 'ip_location', 'IP属地', 'ip属地'],
  kind: ['kind', 'type', '类型'],
  platform: ['platform', 'site', '平台', '来源平台'],
};

/** Chinese names of item kinds as spreadsheets write them. */
const KIND_NAMES: Record<string, ItemKind> = {
  文章: 'article',
  新闻: 'article',
  帖子: 'post',
  微博: 'post',
  评论: 'comment',
  跟帖: 'comment',
  回复: 'comment',
  转发: 'repost',
  留言: 'message',
  热搜: 'hot',
};

const MAPPED_FIELDS: readonly ItemField[] = [
  'id',
  'title',
  'content',
  'url',
  'author',
  'time',
  'parentId',
  'likes',
  'comments',
  'reposts',
  'views',
  'ipRegion',
];

function fold(name: string): string {
  return name.trim().toLowerCase();
}

/** A lookup of a record's values by folded column name (first column of a name wins). */
function indexRecord(record: Record<string, unknown>): Map<string, unknown> {
  const index = new Map<string, unknown>();
  for (const [key, value] of Object.entries(record)) {
    if (!index.has(fold(key))) index.set(fold(key), value);
  }
  return index;
}

function readerFor(names: readonly string[], record: Record<string, unknown>, index: Map<string, unknown>) {
  for (const name of names) {
    const value = index.has(fold(name))
      ? index.get(fold(name))
      : /[.[$]/u.test(name)
        ? getPath(record, name)
        : undefined;
    if (toText(value) !== null || typeof value === 'number') return value;
  }
  return undefined;
}

function readKind(value: unknown, hasParent: boolean): ItemKind | { error: string } {
  const text = toText(value);
  if (text === null) return hasParent ? 'comment' : 'post';
  const known = (ITEM_KINDS as readonly string[]).includes(text.toLowerCase())
    ? (text.toLowerCase() as ItemKind)
    : KIND_NAMES[text];
  return (
    known ?? {
      error: `unknown kind "${text}" (expected ${ITEM_KINDS.join(', ')} or 文章/帖子/评论/转发/留言)`,
    }
  );
}

/** The mapper of generic rows under `options` (see the module comment). */
export function columnMapper(options: ImportOptions): RecordMapper {
  const names = (field: keyof ColumnMapping): readonly string[] => {
    const chosen = options.mapping?.[field];
    return chosen === undefined ? DEFAULT_COLUMNS[field] : [chosen];
  };
  return (record) => {
    const index = indexRecord(record);
    const read = (field: keyof ColumnMapping): unknown => readerFor(names(field), record, index);
    const readers: FieldReaders = {};
    for (const field of MAPPED_FIELDS) readers[field] = () => read(field);
    const kind = readKind(read('kind'), toText(read('parentId')) !== null);
    if (typeof kind !== 'string') return kind;
    const platform = options.platform ?? toText(read('platform'));
    const item = recordToItem(record, readers, { kind, platform });
    if (isRecordError(item)) return item;
    return { ...item, platform };
  };
}
