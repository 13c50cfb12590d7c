/**
 * A server for the 信息 page's browser test: the API test server with the real expression parser and
 * jieba segmentation (so the search box behaves as in production), an alert bus for the shell's live
 * alerts, its clock at the real time, the administrator, and searchable items of the last days — a post
 * with a comment and a copy, so the drawer has a spread to show; an item carrying script, event-handler
 * and `javascript:` payloads with a comment and a copy carrying them too; and a child unit with items of
 * its own, so the shell's unit switcher has something to narrow.
 */
import { createAlertBus } from '../../src/alerts/bus.js';
import { parseExpression } from '../../src/analysis/expression/index.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import type { User } from '../../src/domain/index.js';
import type { NewItem } from '../../src/storage/repositories.js';
import { sqliteTarget } from '../helpers/databases.js';
import { startServer, type TestServer } from '../api/harness.js';
import { seedRoot } from '../api/seed.js';
import { XSS_CONTENT, XSS_TITLE, xssItem } from './console-server.js';

/** A running server for the items page. */
export interface ItemsServer {
  server: TestServer;
  admin: User;
  /** The post that has a comment and a copy. */
  postId: string;
  commentId: string;
  copyId: string;
  /** The item with the payloads, its comment and its copy (both carrying payloads as well). */
  xss: { id: string; commentId: string; copyId: string };
  /** The child unit and the ids of its items. */
  child: { unitId: string; name: string; itemIds: string[] };
  close(): Promise<void>;
}

/** The name of the child unit. */
export const CHILD_UNIT = '姑苏区网信办';

const TOPICS = ['小区停水', '地铁延误', '学校食堂', '医院排队', '道路施工'];
const PLATFORMS = ['weibo', 'news', 'forum', 'douyin'];
const HOUR = 3_600_000;

function searchable(segmenter: Segmenter, item: NewItem): NewItem {
  return { ...item, tokens: segmenter.tokensForIndex(`${item.title ?? ''} ${item.content}`) };
}

function sampleItems(unitId: string, now: number, count: number): NewItem[] {
  return Array.from({ length: count }, (_, n) => {
    const topic = TOPICS[n % TOPICS.length] ?? '民生';
    const publishedAt = now - (n + 1) * HOUR;
    return {
      unitId,
      kind: 'post' as const,
      platform: PLATFORMS[n % PLATFORMS.length] ?? null,
      url: `https://example.cn/items/${n}`,
      title: `${topic}问题引发关注 ${n}`,
      content: `网友反映${topic}问题，希望有关部门尽快处理。第${n}条。`,
      author: `网友${n}`,
      contentHash: `items-${n}`,
      sentiment: (['negative', 'neutral', 'positive'] as const)[n % 3],
      categories: ['gov_service'],
      regions: [{ province: '江苏省', city: '苏州市', county: '姑苏区' }],
      keywords: [topic],
      engagement: { likes: n * 3, comments: n, reposts: 0, views: 0 },
      publishedAt,
      collectedAt: publishedAt,
    };
  });
}

/** Starts the server on a fresh SQLite database and seeds `count` items besides the spread and the payloads. */
export async function startItemsServer(options: { items?: number } = {}): Promise<ItemsServer> {
  const segmenter = new Segmenter();
  const server = await startServer(sqliteTarget, {
    extraDeps: { alertBus: createAlertBus() },
    parseSearchQuery: (q) => segmenter.toSearchTree(parseExpression(q)),
  });
  server.clock.advance(Date.now() - server.clock.now());
  const root = await seedRoot(server);
  const unitId = root.unit.id;
  const now = server.clock.now();
  const items = [...sampleItems(unitId, now, options.items ?? 40), xssItem(unitId, now)];
  const stored = await server.storage.items.insertMany(items.map((item) => searchable(segmenter, item)));
  const xssId = stored[stored.length - 1] ?? '';
  const hostile = xssItem(unitId, now);
  const [xssCommentId = '', xssCopyId = ''] = await server.storage.items.insertMany([
    {
      ...hostile,
      kind: 'comment',
      title: null,
      content: `评论 ${XSS_CONTENT}`,
      contentHash: 'items-xss-comment',
      parentId: xssId,
    },
    {
      ...hostile,
      title: `转载 ${XSS_TITLE}`,
      content: `转载 ${XSS_CONTENT}`,
      contentHash: 'items-xss-copy',
      dupOf: xssId,
      publishedAt: now - 20_000,
    },
  ]);
  const child = await server.storage.units.create({ name: CHILD_UNIT, parentId: unitId });
  const childItemIds = await server.storage.items.insertMany(
    sampleItems(child.id, now, 3).map((item, n) =>
      searchable(segmenter, { ...item, title: `姑苏区本地消息 ${n}`, contentHash: `items-child-${n}` }),
    ),
  );
  const post: NewItem = {
    unitId,
    kind: 'post',
    platform: 'weibo',
    url: 'https://weibo.example.cn/post/1',
    title: '小区停水三天无人管',
    content: '我们小区已经停水三天，物业和水务都没有回应，请有关部门尽快处理。',
    author: '居民甲',
    contentHash: 'items-post',
    sentiment: 'negative',
    emotion: 'anger',
    appeal: true,
    categories: ['gov_service'],
    keywords: ['停水', '物业'],
    publishedAt: now - 10 * 60_000,
    collectedAt: now - 10 * 60_000,
  };
  const [postId = ''] = await server.storage.items.insertMany([searchable(segmenter, post)]);
  const [commentId = '', copyId = ''] = await server.storage.items.insertMany([
    searchable(segmenter, {
      ...post,
      kind: 'comment',
      title: null,
      content: '同样停水，楼上也没水',
      author: '居民乙',
      url: null,
      contentHash: 'items-comment',
      parentId: postId,
      publishedAt: now - 5 * 60_000,
    }),
    searchable(segmenter, {
      ...post,
      platform: 'forum',
      url: 'https://bbs.example.cn/t/9',
      author: '搬运号',
      contentHash: 'items-copy',
      dupOf: postId,
      publishedAt: now - 4 * 60_000,
    }),
  ]);
  return {
    server,
    admin: root.user,
    postId,
    commentId,
    copyId,
    xss: { id: xssId, commentId: xssCommentId, copyId: xssCopyId },
    child: { unitId: child.id, name: CHILD_UNIT, itemIds: childItemIds },
    close: () => server.close(),
  };
}
