/**
 * A console server for browser tests and screenshots: the API test server with report services and an
 * alert bus, its clock moved to the real time (the browser's "today" must be the server's), an
 * administrator, a monitor and a leader, and items of the last hours — one of them carrying script,
 * event-handler and `javascript:` payloads in its title and text.
 */
import { createAlertBus, type AlertBus } from '../../src/alerts/bus.js';
import type { User } from '../../src/domain/index.js';
import type { ManualClock } from '../../src/platform/clock.js';
import { renderReport } from '../../src/reports/render/index.js';
import { createReportReview } from '../../src/reports/review/index.js';
import { createReportServices } from '../../src/reports/services.js';
import type { NewItem, Storage } from '../../src/storage/repositories.js';
import { sqliteTarget } from '../helpers/databases.js';
import { startServer, type TestServer } from '../api/harness.js';
import { PASSWORD, seedRoot, seedUser } from '../api/seed.js';

/** The password of every seeded user. */
export const CONSOLE_PASSWORD = PASSWORD;

/** The title of the item that carries the XSS payloads. */
export const XSS_TITLE = '<script>window.__xss=2</script>恶意标题<img src=x onerror="window.__xss=1">';

/** The text of the item that carries the XSS payloads. */
export const XSS_CONTENT =
  '测试内容 <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> ' +
  '<a href="javascript:window.__xss=3">点击</a>';

/** A running console server. */
export interface ConsoleServer {
  server: TestServer;
  bus: AlertBus;
  admin: User;
  close(): Promise<void>;
}

function reportDeps(parts: { storage: Storage; clock: ManualClock }) {
  const render = (document: Parameters<typeof renderReport>[0], format: Parameters<typeof renderReport>[1]) =>
    renderReport(document, format);
  const review = createReportReview({
    reports: parts.storage.reports,
    clock: parts.clock,
    render,
    formats: ['docx', 'md'],
    timeZone: 'Asia/Shanghai',
    audit: async (entry) => {
      await parts.storage.audit.append(entry);
    },
  });
  return {
    reports: createReportServices({
      storage: parts.storage,
      data: parts.storage.reportData,
      clock: parts.clock,
      defaultTimeZone: 'Asia/Shanghai',
      review,
      render,
    }),
  };
}

const PLATFORMS = ['weibo', 'douyin', 'news', 'forum', 'wechat'];
const TOPICS = ['小区停水', '地铁延误', '学校食堂', '医院排队', '道路施工', '景区门票'];
const HOUR = 3_600_000;

function sampleItems(unitId: string, now: number, count: number): NewItem[] {
  return Array.from({ length: count }, (_, n) => {
    const topic = TOPICS[n % TOPICS.length] ?? '民生';
    const publishedAt = now - ((n * 37) % (7 * 24)) * HOUR * 0.5 - 60_000;
    return {
      unitId,
      sourceId: null,
      kind: 'post' as const,
      platform: PLATFORMS[n % PLATFORMS.length] ?? null,
      url: `https://example.cn/console/${n}`,
      title: `${topic}问题引发关注 ${n}`,
      content: `网友反映${topic}问题，希望有关部门尽快处理。第${n}条。`,
      author: `网友${n}`,
      contentHash: `console-${n}`,
      sentiment: (['negative', 'neutral', 'positive'] as const)[n % 3],
      categories: ['gov_service'],
      regions: [{ province: '江苏省', city: '苏州市', county: '姑苏区' }],
      engagement: { likes: n * 3, comments: n, reposts: 0, views: 0 },
      publishedAt,
      collectedAt: publishedAt,
    };
  });
}

/** The item with the payloads, published a minute before `now`. */
export function xssItem(unitId: string, now: number): NewItem {
  return {
    unitId,
    sourceId: null,
    kind: 'post',
    platform: 'forum',
    url: 'javascript:window.__xss=4',
    title: XSS_TITLE,
    content: XSS_CONTENT,
    author: '<b onmouseover="window.__xss=5">作者</b>',
    contentHash: 'console-xss',
    sentiment: 'negative',
    categories: [],
    regions: [],
    engagement: { likes: 0, comments: 0, reposts: 0, views: 0 },
    publishedAt: now - 30_000,
    collectedAt: now - 30_000,
  };
}

/** Starts the server on a fresh SQLite database and seeds it. */
export async function startConsoleServer(options: { items?: number } = {}): Promise<ConsoleServer> {
  const bus = createAlertBus();
  const server = await startServer(sqliteTarget, { extraDeps: { alertBus: bus }, depsOn: reportDeps });
  server.clock.advance(Date.now() - server.clock.now());
  const root = await seedRoot(server);
  await seedUser(server, root.unit.id, 'monitor', ['monitor']);
  await seedUser(server, root.unit.id, 'leader', ['leader']);
  const now = server.clock.now();
  await server.storage.items.insertMany([
    ...sampleItems(root.unit.id, now, options.items ?? 60),
    xssItem(root.unit.id, now),
  ]);
  return { server, bus, admin: root.user, close: () => server.close() };
}
