/**
 * Seeds for the 监测方案 and 事件 browser test, added to a running console server: posts about a boat
 * accident at 金鸡湖 in 苏州 (most of them news of the accident, two about a drill, three about another
 * lake), a repost of the first post, and the event they cluster into.
 */
import { clusterItems } from '../../src/pipeline/cluster/index.js';
import type { NewItem } from '../../src/storage/repositories.js';
import type { ConsoleServer } from './console-server.js';

/** What the seed wrote. */
export interface SchemeSeed {
  /** Items a scheme of 苏州 + 金鸡湖 + (游船|落水) - 演练 must match. */
  matchingIds: string[];
  /** The event of the accident posts. */
  eventId: string;
  /** Its first post (首发). */
  firstId: string;
}

const MINUTE = 60_000;
const PLATFORMS = ['weibo', 'news', 'douyin', 'wechat'];

function post(unitId: string, now: number, n: number, text: { title: string; content: string }): NewItem {
  const publishedAt = now - (120 - n * 7) * MINUTE;
  return {
    unitId,
    kind: 'post',
    platform: PLATFORMS[n % PLATFORMS.length] ?? null,
    url: `https://example.cn/lake/${n}`,
    title: text.title,
    content: text.content,
    author: `媒体${n}`,
    contentHash: `lake-${n}`,
    sentiment: n % 3 === 0 ? 'neutral' : 'negative',
    categories: ['public_safety'],
    regions: [{ province: '江苏省', city: '苏州市', county: null }],
    keywords: ['金鸡湖', '游船', '落水'],
    engagement: { likes: 40 - n, comments: 10, reposts: 5, views: 0 },
    publishedAt,
    collectedAt: publishedAt,
    analysedAt: publishedAt,
  };
}

/** Writes the posts, the repost and the event. */
export async function seedSchemes(app: ConsoleServer, unitId: string): Promise<SchemeSeed> {
  const { storage, clock } = app.server;
  const now = clock.now();
  const accident = Array.from({ length: 8 }, (_, n) =>
    post(unitId, now, n, {
      title: `苏州金鸡湖游船落水事故 ${n}`,
      content: `苏州金鸡湖一艘游船发生落水事故，救援正在进行。第${n}篇报道。`,
    }),
  );
  const drills = [8, 9].map((n) =>
    post(unitId, now, n, {
      title: `苏州金鸡湖游船落水应急演练 ${n}`,
      content: '苏州金鸡湖举行游船落水应急演练，市民不必惊慌。',
    }),
  );
  const elsewhere = [10, 11, 12].map((n) => ({
    ...post(unitId, now, n, { title: `杭州西湖游船落水 ${n}`, content: '西湖一游客落水后获救。' }),
    regions: [{ province: '浙江省', city: '杭州市', county: null }],
    keywords: ['西湖', '游客', '获救'],
  }));
  const matchingIds = await storage.items.insertMany(accident);
  const otherIds = await storage.items.insertMany([...drills, ...elsewhere]);
  const firstId = matchingIds[0] ?? '';
  const first = accident[0];
  const [repostId = ''] = await storage.items.insertMany([
    {
      ...post(unitId, now, 13, { title: '转发', content: '//@媒体0: 苏州金鸡湖游船落水，祈祷平安' }),
      kind: 'repost',
      parentId: firstId,
      publishedAt: (first?.publishedAt ?? now) + 5 * MINUTE,
      collectedAt: (first?.publishedAt ?? now) + 5 * MINUTE,
    },
  ]);
  await clusterItems({ storage, clock }, [...matchingIds, repostId, ...otherIds]);
  const events = await storage.events.eventsOfItems([firstId]);
  return { matchingIds: [...matchingIds, repostId], eventId: events.get(firstId) ?? '', firstId };
}
