/**
 * The collect job end to end on both engines: a real fixture HTTP server, the real polite HTTP client,
 * the real source kinds, real storage. Refetching inserts nothing twice, edits keep history, failures
 * back off and raise health events, a fetch that dies in the middle stores nothing and repeats nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import type { Source } from '../../src/domain/index.js';
import { enqueueDueSources } from '../../src/pipeline/collect/due.js';
import { collectSource, type CollectDeps } from '../../src/pipeline/collect/run.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { createHttpClient, type HttpClient } from '../../src/sources/http/index.js';
import { builtInKinds } from '../../src/sources/registry.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openJobQueue } from '../../src/jobs/open.js';
import { databaseTargets } from '../helpers/databases.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

const START = Date.UTC(2024, 4, 3, 2, 0, 0);
const segmenter = new Segmenter();

interface Entry {
  guid: string;
  title: string;
  body: string;
  date: string;
}

function rss(entries: readonly Entry[]): string {
  const items = entries
    .map(
      (e) =>
        `<item><guid>${e.guid}</guid><title>${e.title}</title><link>https://news.example.cn/a/${e.guid}.html?utm_source=rss</link><description><![CDATA[<p>${e.body}</p>]]></description><pubDate>${e.date}</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>苏州新闻</title><link>https://news.example.cn/</link>${items}</channel></rss>`;
}

const METRO: Entry = {
  guid: 'a1',
  title: '苏州地铁6号线开通',
  body: '市民出行更方便。',
  date: 'Fri, 03 May 2024 08:30:00 +0800',
};
const RENOVATION: Entry = {
  guid: 'a2',
  title: '姑苏区老旧小区改造',
  body: '居民反映施工噪音扰民。',
  date: '2024-05-03 09:00',
};
const FIRST: Entry[] = [METRO, RENOVATION];
describe.each(databaseTargets)('collect job on $name', (target) => {
  let drop: () => Promise<void>;
  let storage: Storage;
  let server: FixtureServer;
  let http: HttpClient;
  let clock: ManualClock;
  let deps: CollectDeps;
  let unitId: string;
  let feed: { status: number; body: string; etag: string };

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    clock = new ManualClock(START);
    storage = await openStorage(database.url, { clock });
    unitId = (await storage.units.create({ name: '苏州市委网信办', parentId: null })).id;
    server = await startFixtureServer({
      '/feed.xml': (request) => {
        if (feed.status !== 200) return { status: feed.status, body: 'down' };
        if (request.headers['if-none-match'] === feed.etag) return { status: 304 };
        return { headers: { 'content-type': 'application/rss+xml', etag: feed.etag }, body: feed.body };
      },
    });
    http = createHttpClient({ allowPrivate: true, perHostMinIntervalMs: 0, retries: 0, clock });
    deps = {
      storage,
      http,
      kinds: builtInKinds(),
      segmenter,
      analysers: null,
      clock,
      logger: createLogger('silent'),
      random: () => 0.5,
      settings: { defaultTimeZone: 'Asia/Shanghai', failingAfter: 3, author: { mode: 'plain', key: '' } },
    };
  });

  afterAll(async () => {
    await http.close();
    await server.close();
    await storage.close();
    await drop();
  });

  beforeEach(() => {
    feed = { status: 200, body: rss(FIRST), etag: '"v1"' };
  });

  async function newFeedSource(
    name: string,
    patch: Partial<Parameters<Storage['sources']['create']>[0]> = {},
  ) {
    return storage.sources.create({
      unitId,
      name,
      kind: 'feed',
      url: server.url('/feed.xml'),
      intervalSeconds: 600,
      ignoreRobots: true,
      ...patch,
    });
  }

  async function itemsOf(source: Source) {
    const page = await storage.items.search({
      scope: { unitIds: null },
      match: null,
      filters: { sourceIds: [source.id] },
      sort: 'time',
      page: { limit: 100, cursor: null },
    });
    return page.items;
  }

  it('stores new items with canonical URLs and absolute times, then nothing twice', async () => {
    const source = await newFeedSource('苏州新闻 RSS');
    const first = await collectSource(deps, source.id);
    expect(first).toMatchObject({ outcome: 'ok', found: 2, duplicates: 0 });
    expect(first.inserted).toHaveLength(2);
    const stored = await itemsOf(source);
    const metro = stored.find((item) => item.externalId === 'a1');
    expect(metro).toMatchObject({
      title: '苏州地铁6号线开通',
      content: '市民出行更方便。',
      canonicalUrl: 'https://news.example.cn/a/a1.html',
      publishedAt: Date.UTC(2024, 4, 3, 0, 30),
      language: 'zh',
      version: 1,
    });
    // A zone-less time is read in the source's time zone (Asia/Shanghai by default).
    expect(stored.find((item) => item.externalId === 'a2')?.publishedAt).toBe(Date.UTC(2024, 4, 3, 1, 0));

    clock.advance(60_000);
    const second = await collectSource(deps, source.id);
    expect(second).toMatchObject({ outcome: 'not_modified', inserted: [] });

    feed.etag = '"v2"';
    clock.advance(60_000);
    const third = await collectSource(deps, source.id);
    expect(third).toMatchObject({ outcome: 'ok', inserted: [], duplicates: 2 });
    expect(await itemsOf(source)).toHaveLength(2);

    const runs = await storage.fetchRuns.listBySource(source.id, { limit: 10, cursor: null });
    expect(runs.items.map((run) => run.outcome)).toEqual(['ok', 'not_modified', 'ok']);
    expect(runs.items[2]).toMatchObject({ found: 2, inserted: 2 });
  });

  it('keeps the history of an edited article and adds only what is new', async () => {
    const source = await newFeedSource('编辑过的新闻');
    await collectSource(deps, source.id);
    feed = {
      status: 200,
      etag: '"v3"',
      body: rss([
        { ...METRO, body: '市民出行更方便，首日客流超过十万人次。' },
        RENOVATION,
        { guid: 'a3', title: '太湖蓝藻监测', body: '环保部门加强巡查。', date: '昨天 14:20' },
      ]),
    };
    clock.advance(600_000);
    const report = await collectSource(deps, source.id);
    expect(report.inserted).toHaveLength(1);
    expect(report.updated).toHaveLength(1);
    const edited = (await itemsOf(source)).find((item) => item.externalId === 'a1');
    expect(edited).toMatchObject({ version: 2, content: '市民出行更方便，首日客流超过十万人次。' });
    const versions = await storage.items.listVersions(edited?.id ?? '');
    expect(versions.map((v) => v.content)).toEqual(['市民出行更方便。']);
    const added = (await itemsOf(source)).find((item) => item.externalId === 'a3');
    expect(added?.publishedAt).toBe(Date.UTC(2024, 4, 2, 6, 20));
  });

  it('never brings back a deleted item', async () => {
    const source = await newFeedSource('删除后不再收录');
    await collectSource(deps, source.id);
    const victim = (await itemsOf(source)).find((item) => item.externalId === 'a2');
    await storage.items.delete(victim?.id ?? '', 'deleted');
    feed.etag = '"v4"';
    clock.advance(600_000);
    const report = await collectSource(deps, source.id);
    expect(report.inserted).toEqual([]);
    expect((await itemsOf(source)).map((item) => item.externalId)).toEqual(['a1']);
  });

  it('backs off while failing, raises health events, and recovers', async () => {
    const source = await newFeedSource('时好时坏的网站', { expectedPeriodSeconds: 86_400 });
    feed.status = 503;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const report = await collectSource(deps, source.id);
      expect(report).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_HTTP_STATUS' } });
      delays.push((report.nextFetchAt ?? 0) - clock.now());
      clock.advance(1000);
    }
    expect(delays).toEqual([600_000, 1_200_000, 2_400_000]);
    const failing = await storage.sources.get(source.id);
    expect(failing).toMatchObject({
      health: 'failing',
      consecutiveErrors: 3,
      lastErrorCode: 'FETCH_HTTP_STATUS',
    });

    feed.status = 200;
    const recovered = await collectSource(deps, source.id);
    expect(recovered.outcome).toBe('ok');
    expect(await storage.sources.get(source.id)).toMatchObject({ health: 'ok', consecutiveErrors: 0 });
    const events = await storage.sourceHealthEvents.list(
      { unitIds: null },
      { sourceId: source.id },
      { limit: 10, cursor: null },
    );
    expect(events.items.map((event) => event.state)).toEqual(['recovered', 'failing']);
    const runs = await storage.fetchRuns.listBySource(source.id, { limit: 10, cursor: null });
    expect(runs.items.map((run) => run.outcome)).toEqual(['ok', 'failed', 'failed', 'failed']);
  });

  it('loses nothing and repeats nothing when a fetch dies in the middle', async () => {
    const source = await newFeedSource('中途中断');
    const aborted = new AbortController();
    aborted.abort(new Error('worker killed'));
    const dead = await collectSource(deps, source.id, aborted.signal);
    expect(dead.outcome).toBe('failed');
    expect(await itemsOf(source)).toHaveLength(0);

    const retried = await collectSource(deps, source.id);
    expect(retried.inserted).toHaveLength(2);
    // The state (validators) is lost, as after a crash between storing and remembering: still nothing twice.
    await storage.sources.recordFetch(source.id, {
      at: clock.now(),
      ok: true,
      newItems: 0,
      nextFetchAt: null,
      state: {},
      health: 'ok',
    });
    const again = await collectSource(deps, source.id);
    expect(again).toMatchObject({ outcome: 'ok', inserted: [], duplicates: 2 });
    expect(await itemsOf(source)).toHaveLength(2);
  });

  it('queues due sources once, at most a few per host per tick', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fx-due-'));
    const queue = openJobQueue({
      redisUrl: '',
      queuePrefix: 'test',
      jobsSqlitePath: join(dir, 'jobs.sqlite'),
    });
    try {
      clock.advance(10 * 86_400_000);
      const sources = await Promise.all(['甲', '乙', '丙'].map((name) => newFeedSource(`同一网站${name}`)));
      const options = { storage, queue, clock, logger: createLogger('silent'), perHostPerTick: 2 };
      const first = await enqueueDueSources(options);
      const ours = (ids: string[]) => ids.filter((id) => sources.some((source) => source.id === id));
      expect(ours(first)).toHaveLength(2);
      const second = await enqueueDueSources(options);
      expect(ours(second)).toHaveLength(1);
      expect(second.some((id) => first.includes(id))).toBe(false);
      const third = await enqueueDueSources(options);
      expect(ours(third)).toHaveLength(0);
      expect((await queue.counts()).collect.waiting).toBe(first.length + second.length + third.length);
    } finally {
      await queue.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
