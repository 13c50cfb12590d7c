/**
 * Collection through the API on both engines: source configs checked on save, test fetches that store
 * nothing, "fetch now" queueing a collect job, pause and resume, fetch history, health events after a
 * failing source, hot-list topics over two collects, and NOT_FOUND for a user of another unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import type {
  fetchQueued,
  fetchRunPage,
  hotTopicHistory,
  hotTopicPage,
  source,
  sourceHealthEventPage,
  sourcePreview,
} from '../../src/contract/index.js';
import { collectSource, type CollectDeps } from '../../src/pipeline/collect/run.js';
import { createLogger } from '../../src/platform/logger.js';
import { createHttpClient, type HttpClient } from '../../src/sources/http/index.js';
import { builtInKinds } from '../../src/sources/registry.js';
import { databaseTargets } from '../helpers/databases.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type SourceView = z.output<typeof source>;
type Preview = z.output<typeof sourcePreview>;

const segmenter = new Segmenter();

/** A small RSS feed of two articles of a district news site. */
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>吴中区新闻</title><link>https://wz.example.cn/</link>
<item><guid>wz-101</guid><title>吴中区启动河道清淤工程</title>
<link>https://wz.example.cn/news/101.html</link>
<description><![CDATA[<p>区水务局表示，工程将持续两个月。</p>]]></description>
<pubDate>Fri, 03 May 2024 09:15:00 +0800</pubDate></item>
<item><guid>wz-102</guid><title>木渎镇新增公交线路</title>
<link>https://wz.example.cn/news/102.html</link>
<description><![CDATA[<p>新线路连接古镇与地铁站。</p>]]></description>
<pubDate>2024-05-03 10:40</pubDate></item>
</channel></rss>`;

/** Two snapshots of a JSON hot list (热搜榜): the second moves 地铁 up and drops one entry. */
const HOT_FIRST = {
  data: [
    { word: '苏州暴雨', hot: 98_000, link: '/s?q=1' },
    { word: '地铁延误', hot: 51_000, link: '/s?q=2' },
    { word: '园区招聘会', hot: 12_000, link: '/s?q=3' },
  ],
};
const HOT_SECOND = {
  data: [
    { word: '地铁延误', hot: 120_000, link: '/s?q=2' },
    { word: '苏州暴雨', hot: 90_000, link: '/s?q=1' },
  ],
};

for (const target of databaseTargets) {
  describe(`sources and collection API on ${target.name}`, () => {
    let server: TestServer;
    let fixtures: FixtureServer;
    let http: HttpClient;
    let deps: CollectDeps;
    let admin: ApiClient;
    let monitor: ApiClient;
    let outsider: ApiClient;
    let hotList: unknown = HOT_FIRST;

    beforeAll(async () => {
      server = await startServer(target);
      const root = await seedRoot(server);
      admin = new ApiClient(server.baseUrl, (await seedToken(server, root.user)).secret);
      const monitorUser = await seedUser(server, root.unit.id, 'monitor', ['monitor']);
      monitor = new ApiClient(server.baseUrl, (await seedToken(server, monitorUser)).secret);
      const other = await server.storage.units.create({ name: '相城区网信办', parentId: root.unit.id });
      const otherAdmin = await seedUser(server, other.id, 'xc-admin', ['admin']);
      outsider = new ApiClient(server.baseUrl, (await seedToken(server, otherAdmin)).secret);
      fixtures = await startFixtureServer({
        '/feed.xml': { headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, body: FEED },
        '/down.xml': { status: 503, body: 'maintenance' },
        '/hot.json': () => ({
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(hotList),
        }),
      });
      http = createHttpClient({
        allowPrivate: true,
        perHostMinIntervalMs: 0,
        retries: 0,
        clock: server.clock,
      });
      deps = {
        storage: server.storage,
        http,
        kinds: builtInKinds(),
        segmenter,
        analysers: null,
        clock: server.clock,
        logger: createLogger('silent'),
        random: () => 0.5,
        settings: { defaultTimeZone: 'Asia/Shanghai', failingAfter: 3, author: { mode: 'plain', key: '' } },
      };
    }, 60_000);

    afterAll(async () => {
      await http.close();
      await fixtures.close();
      await server.close();
    });

    async function createFeed(name: string, path = '/feed.xml'): Promise<SourceView> {
      const created = await monitor.post<SourceView>('/api/v1/sources', {
        name,
        kind: 'feed',
        url: fixtures.url(path),
        tier: 'local',
        intervalSeconds: 600,
      });
      expect(created.status).toBe(201);
      return created.body;
    }

    const itemCount = (): Promise<number> => server.storage.items.count({ unitIds: null });

    it('creates a feed source with a valid config', async () => {
      const created = await monitor.post<SourceView>('/api/v1/sources', {
        name: '吴中区新闻 RSS',
        kind: 'feed',
        url: fixtures.url('/feed.xml'),
        config: { timeZone: 'Asia/Shanghai' },
        timeZone: 'Asia/Shanghai',
        minIntervalSeconds: 300,
        maxIntervalSeconds: 3600,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        kind: 'feed',
        enabled: true,
        health: 'new',
        config: { timeZone: 'Asia/Shanghai' },
        timeZone: 'Asia/Shanghai',
        minIntervalSeconds: 300,
        maxIntervalSeconds: 3600,
        ignoreRobots: false,
      });
    });

    it.each([
      ['a page source without an item selector', { kind: 'page', config: { link: 'a' } }, 'item'],
      [
        'a json source with a bad items path',
        {
          kind: 'json',
          config: { url: 'https://api.example.cn/list', items: '$.data[x]', fields: { title: 'title' } },
        },
        'items',
      ],
      [
        'a hotlist source with an unknown format',
        { kind: 'hotlist', config: { url: 'https://top.example.cn/', format: 'xml' } },
        'format',
      ],
    ])('refuses %s with SOURCE_CONFIG_INVALID naming the field', async (_name, fields, field) => {
      const response = await monitor.post('/api/v1/sources', {
        name: '配置有误',
        url: 'https://bbs.example.cn/list',
        ...fields,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('SOURCE_CONFIG_INVALID');
      expect(response.body.error.message).toContain(`${field}:`);
      const problems = response.body.error.details['problems'];
      expect(Array.isArray(problems)).toBe(true);
      expect((problems as string[]).some((problem) => problem.startsWith(`${field}:`))).toBe(true);
    });

    it.each([
      ['an unknown time zone', { timeZone: 'Asia/Suzhou' }, 'timeZone'],
      [
        'a minimum interval above the maximum',
        { minIntervalSeconds: 7200, maxIntervalSeconds: 600 },
        'minIntervalSeconds',
      ],
    ])('refuses %s with 400', async (_name, fields, field) => {
      const response = await monitor.post('/api/v1/sources', {
        name: '参数有误',
        kind: 'feed',
        url: fixtures.url('/feed.xml'),
        ...fields,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details['field']).toBe(field);
    });

    it('lets only an administrator make a source ignore robots.txt', async () => {
      const body = { name: '无视 robots', kind: 'feed', url: fixtures.url('/feed.xml'), ignoreRobots: true };
      const refused = await monitor.post('/api/v1/sources', body);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      const allowed = await admin.post<SourceView>('/api/v1/sources', body);
      expect(allowed.status).toBe(201);
      expect(allowed.body.ignoreRobots).toBe(true);
      const patched = await monitor.patch(`/api/v1/sources/${allowed.body.id}`, { ignoreRobots: true });
      expect(patched.status).toBe(403);
    });

    it('test-fetches a new source definition and stores nothing', async () => {
      const itemsBefore = await itemCount();
      const sourcesBefore = (
        await server.storage.sources.list({ unitIds: null }, {}, { limit: 200, cursor: null })
      ).items.length;
      const preview = await monitor.post<Preview>('/api/v1/sources/test', {
        name: '试抓',
        kind: 'feed',
        url: fixtures.url('/feed.xml'),
      });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ ok: true, found: 2, error: null, httpStatus: 200 });
      expect(preview.body.items.map((item) => [item.title, item.url, item.publishedAt])).toEqual([
        ['吴中区启动河道清淤工程', 'https://wz.example.cn/news/101.html', '2024-05-03T01:15:00.000Z'],
        ['木渎镇新增公交线路', 'https://wz.example.cn/news/102.html', '2024-05-03T02:40:00.000Z'],
      ]);
      expect(preview.body.items[0]?.excerpt).toContain('工程将持续两个月');
      expect(await itemCount()).toBe(itemsBefore);
      const sourcesAfter = (
        await server.storage.sources.list({ unitIds: null }, {}, { limit: 200, cursor: null })
      ).items.length;
      expect(sourcesAfter).toBe(sourcesBefore);
    });

    it('reports a failing test fetch as an error, not as items', async () => {
      const preview = await monitor.post<Preview>('/api/v1/sources/test', {
        name: '维护中',
        kind: 'feed',
        url: fixtures.url('/down.xml'),
      });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ ok: false, found: 0, items: [] });
      expect(preview.body.error?.code).toBe('FETCH_HTTP_STATUS');
    });

    it('test-fetches a saved source without storing items or touching its state', async () => {
      const saved = await createFeed('已保存的来源');
      const itemsBefore = await itemCount();
      const preview = await monitor.post<Preview>(`/api/v1/sources/${saved.id}/test`);
      expect(preview.status).toBe(200);
      expect(preview.body.ok).toBe(true);
      expect(preview.body.items.map((item) => item.title)).toEqual([
        '吴中区启动河道清淤工程',
        '木渎镇新增公交线路',
      ]);
      expect(preview.body.items.every((item) => item.url?.startsWith('https://wz.example.cn/'))).toBe(true);
      expect(await itemCount()).toBe(itemsBefore);
      const after = await monitor.get<SourceView>(`/api/v1/sources/${saved.id}`);
      expect(after.body).toMatchObject({ lastFetchAt: null, health: 'new', consecutiveErrors: 0 });
      expect(
        (await monitor.get<z.output<typeof fetchRunPage>>(`/api/v1/sources/${saved.id}/runs`)).body.items,
      ).toEqual([]);
    });

    it('queues a collect job on "fetch now"', async () => {
      const saved = await createFeed('立即抓取');
      const waitingBefore = (await server.queue.counts()).collect.waiting;
      const queued = await monitor.post<z.output<typeof fetchQueued>>(`/api/v1/sources/${saved.id}/fetch`);
      expect(queued.status).toBe(200);
      expect(queued.body.jobId).toEqual(expect.any(String));
      expect(queued.body.duplicate).toBe(false);
      expect((await server.queue.counts()).collect.waiting).toBe(waitingBefore + 1);
    });

    it('pauses and resumes a source', async () => {
      const saved = await createFeed('暂停与恢复');
      const paused = await monitor.post<SourceView>(`/api/v1/sources/${saved.id}/pause`);
      expect(paused.status).toBe(200);
      expect(paused.body.enabled).toBe(false);
      expect(paused.body.health).toBe('paused');
      const resumed = await monitor.post<SourceView>(`/api/v1/sources/${saved.id}/resume`);
      expect(resumed.status).toBe(200);
      expect(resumed.body.enabled).toBe(true);
      expect(resumed.body.health).not.toBe('paused');
      expect(resumed.body.nextFetchAt).toBeNull();
    });

    it('lists the fetch runs of a source after a collect', async () => {
      const saved = await createFeed('抓取历史');
      const report = await collectSource(deps, saved.id);
      expect(report.outcome).toBe('ok');
      const runs = await monitor.get<z.output<typeof fetchRunPage>>(`/api/v1/sources/${saved.id}/runs`);
      expect(runs.status).toBe(200);
      expect(runs.body.items).toHaveLength(1);
      expect(runs.body.items[0]).toMatchObject({
        sourceId: saved.id,
        outcome: 'ok',
        found: 2,
        inserted: 2,
        duplicates: 0,
        httpStatus: 200,
        errorCode: null,
      });
    });

    it('answers 404 to a user of another unit on every source route and changes nothing', async () => {
      const saved = await createFeed('他人看不到');
      await collectSource(deps, saved.id);
      const waitingBefore = (await server.queue.counts()).collect.waiting;
      const routes: [string, string][] = [
        ['GET', `/api/v1/sources/${saved.id}`],
        ['POST', `/api/v1/sources/${saved.id}/test`],
        ['POST', `/api/v1/sources/${saved.id}/fetch`],
        ['POST', `/api/v1/sources/${saved.id}/pause`],
        ['POST', `/api/v1/sources/${saved.id}/resume`],
        ['GET', `/api/v1/sources/${saved.id}/runs`],
        ['POST', `/api/v1/sources/${saved.id}/ingest-token`],
        ['DELETE', `/api/v1/sources/${saved.id}/ingest-token`],
      ];
      for (const [method, path] of routes) {
        const response = await outsider.request(method, path, method === 'POST' ? {} : undefined);
        expect({ method, path, status: response.status, code: response.body.error.code }).toEqual({
          method,
          path,
          status: 404,
          code: 'NOT_FOUND',
        });
      }
      expect((await server.queue.counts()).collect.waiting).toBe(waitingBefore);
      expect((await server.storage.sources.get(saved.id))?.enabled).toBe(true);
    });

    it('lists a failing health event after three failed collects, only in scope', async () => {
      const failing = await createFeed('总是失败', '/down.xml');
      for (let attempt = 0; attempt < 3; attempt++) {
        const report = await collectSource(deps, failing.id);
        expect(report.error?.code).toBe('FETCH_HTTP_STATUS');
        server.clock.advance(1000);
      }
      const events = await monitor.get<z.output<typeof sourceHealthEventPage>>(
        `/api/v1/source-health-events?sourceId=${failing.id}`,
      );
      expect(events.status).toBe(200);
      expect(events.body.items.map((event) => event.state)).toEqual(['failing']);
      expect(events.body.items[0]?.sourceId).toBe(failing.id);
      const all = await monitor.get<z.output<typeof sourceHealthEventPage>>('/api/v1/source-health-events');
      expect(all.body.items.map((event) => event.sourceId)).toContain(failing.id);
      const source = await monitor.get<SourceView>(`/api/v1/sources/${failing.id}`);
      expect(source.body).toMatchObject({ health: 'failing', consecutiveErrors: 3 });
      expect(source.body.lastError?.code).toBe('FETCH_HTTP_STATUS');
      const hidden = await outsider.get<z.output<typeof sourceHealthEventPage>>(
        '/api/v1/source-health-events',
      );
      expect(hidden.body.items).toEqual([]);
    });

    it('tracks hot-list topics with their peak rank and sightings over two collects', async () => {
      const created = await monitor.post<SourceView>('/api/v1/sources', {
        name: '本地热榜',
        kind: 'hotlist',
        url: fixtures.url('/hot.json'),
        config: {
          url: fixtures.url('/hot.json'),
          format: 'json',
          items: '$.data',
          fields: { title: 'word', heat: 'hot', url: 'link' },
        },
      });
      expect(created.status).toBe(201);
      hotList = HOT_FIRST;
      expect((await collectSource(deps, created.body.id)).outcome).toBe('ok');
      server.clock.advance(600_000);
      hotList = HOT_SECOND;
      expect((await collectSource(deps, created.body.id)).outcome).toBe('ok');

      const page = await monitor.get<z.output<typeof hotTopicPage>>(
        `/api/v1/hot-topics?sourceId=${created.body.id}`,
      );
      expect(page.status).toBe(200);
      const byTitle = new Map(page.body.items.map((topic) => [topic.title, topic]));
      expect(byTitle.size).toBe(3);
      expect(byTitle.get('地铁延误')).toMatchObject({
        lastRank: 1,
        peakRank: 1,
        sightings: 2,
        peakHeat: 120_000,
      });
      expect(byTitle.get('苏州暴雨')).toMatchObject({ lastRank: 2, peakRank: 1, sightings: 2 });
      expect(byTitle.get('园区招聘会')).toMatchObject({ lastRank: 3, peakRank: 3, sightings: 1 });
      expect(byTitle.get('地铁延误')?.url).toBe(fixtures.url('/s?q=2'));

      const metro = byTitle.get('地铁延误');
      const history = await monitor.get<z.output<typeof hotTopicHistory>>(`/api/v1/hot-topics/${metro?.id}`);
      expect(history.status).toBe(200);
      const ranks = [...history.body.sightings]
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((sighting) => [sighting.rank, sighting.heat]);
      expect(ranks).toEqual([
        [2, 51_000],
        [1, 120_000],
      ]);
      expect((await outsider.get(`/api/v1/hot-topics/${metro?.id}`)).status).toBe(404);
      const outsiderPage = await outsider.get<z.output<typeof hotTopicPage>>('/api/v1/hot-topics');
      expect(outsiderPage.body.items).toEqual([]);
    });
  });
}
