/**
 * The scheme preview through the API on both engines: a draft expression is matched by the evaluation
 * matcher against the items of the last 7 days in scope (normalised text, target fields, excludes), with
 * the count, the newest hits, a random sample of the matches, syntax errors with their position, and unit
 * scope (another unit's items are never scanned).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { schemePreview } from '../../src/contract/index.js';
import type { NewItem } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type Preview = z.output<typeof schemePreview>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Fixture {
  title: string | null;
  content: string;
  hoursAgo: number;
}

/** 24 water-cut items in residential areas (one written in traditional characters), 2 more of power cuts. */
function fixtures(): Fixture[] {
  const water = Array.from({ length: 24 }, (_, n) => ({
    title: null,
    content: n === 5 ? `小區停水第${n}天，居民無奈` : `某小区停水第${n}天，居民着急`,
    hoursAgo: n * 3 + 1,
  }));
  return [
    ...water,
    { title: '小区停电', content: '晚上突然黑了', hoursAgo: 2 },
    { title: '突发', content: '小区停电了', hoursAgo: 4 },
    { title: '消防演习', content: '小区停水演习，请勿惊慌', hoursAgo: 5 },
    { title: '停水通知', content: '明天检修管道', hoursAgo: 6 },
    { title: '旧闻', content: '小区停水', hoursAgo: 8 * 24 },
  ];
}

for (const target of databaseTargets) {
  describe(`scheme preview API on ${target.name}`, () => {
    let server: TestServer;
    let monitor: ApiClient;
    let viewer: ApiClient;
    let neighbour: ApiClient;
    let otherUnitId: string;
    const contentOf = new Map<string, Fixture>();

    beforeAll(async () => {
      server = await startServer(target);
      const root = await seedRoot(server);
      const district = await server.storage.units.create({ name: '姑苏区网信办', parentId: root.unit.id });
      const other = await server.storage.units.create({ name: '虎丘区网信办', parentId: root.unit.id });
      otherUnitId = other.id;
      const client = async (unitId: string, name: string, role: 'monitor' | 'viewer') =>
        new ApiClient(
          server.baseUrl,
          (await seedToken(server, await seedUser(server, unitId, name, [role]))).secret,
        );
      monitor = await client(district.id, 'gusu-monitor', 'monitor');
      viewer = await client(district.id, 'gusu-viewer', 'viewer');
      neighbour = await client(other.id, 'huqiu-monitor', 'monitor');
      const now = server.clock.now();
      const item = (unitId: string, fixture: Fixture, n: number): NewItem => ({
        unitId,
        kind: 'post',
        title: fixture.title,
        content: fixture.content,
        contentHash: `${unitId}-${n}`,
        publishedAt: now - fixture.hoursAgo * HOUR,
        collectedAt: now - fixture.hoursAgo * HOUR,
      });
      const list = fixtures();
      const ids = await server.storage.items.insertMany(list.map((f, n) => item(district.id, f, n)));
      ids.forEach((id, n) => {
        const fixture = list[n];
        if (fixture) contentOf.set(id, fixture);
      });
      await server.storage.items.insertMany([
        item(other.id, { title: null, content: '虎丘小区停水', hoursAgo: 1 }, 0),
      ]);
    }, 60_000);

    afterAll(async () => {
      await server.close();
    });

    const preview = (client: ApiClient, body: Record<string, unknown>) =>
      client.post<Preview>('/api/v1/schemes/preview', body);

    it('counts the matches of the last 7 days and shows the newest 20 and a random 20', async () => {
      const answer = await preview(monitor, { expression: '小区+(停水|停电)-演习' });
      expect(answer.status).toBe(200);
      const { body } = answer;
      const inWindow = fixtures().filter((f) => f.hoursAgo < 7 * 24);
      expect(body.scanned).toBe(inWindow.length);
      expect(body.complete).toBe(true);
      expect(body.total).toBe(26);
      expect(body.hits).toHaveLength(20);
      const times = body.hits.map((hit) => Date.parse(hit.item.publishedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const sampleIds = body.sample.map((hit) => hit.item.id);
      expect(new Set(sampleIds).size).toBe(20);
      for (const hit of [...body.hits, ...body.sample]) {
        const fixture = contentOf.get(hit.item.id);
        expect(fixture?.content).not.toContain('演习');
        expect(hit.words).toContain('小区');
      }
      expect(Date.parse(body.to) - Date.parse(body.from)).toBe(7 * DAY);
    });

    it('matches on normalised text like evaluation does (traditional characters)', async () => {
      const { body } = await preview(monitor, { expression: '"小区停水第5天"' });
      expect(body.total).toBe(1);
      expect(body.hits[0]?.item.content).toBe('小區停水第5天，居民無奈');
    });

    it('reads only the fields of the target and honours the window', async () => {
      const titles = await preview(monitor, { expression: '小区+停电', target: 'title' });
      expect(titles.body.hits.map((hit) => hit.item.title)).toEqual(['小区停电']);
      const both = await preview(monitor, { expression: '小区+停电', target: 'both' });
      expect(both.body.total).toBe(2);
      const from = new Date(server.clock.now() - 10 * DAY).toISOString();
      const wider = await preview(monitor, { expression: '旧闻', target: 'title', from });
      expect(wider.body.total).toBe(1);
      expect((await preview(monitor, { expression: '旧闻', target: 'title' })).body.total).toBe(0);
    });

    it('answers a syntax error with its position', async () => {
      const unclosed = '小区+(停水|停电';
      const answer = await monitor.post('/api/v1/schemes/preview', { expression: unclosed });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('EXPRESSION_SYNTAX');
      expect(answer.body.error.details).toMatchObject({ position: unclosed.length });
      const doubled = await monitor.post('/api/v1/schemes/preview', { expression: '小区++停水' });
      expect(doubled.body.error.details).toMatchObject({ position: '小区+'.length });
    });

    it('keeps to the caller’s scope', async () => {
      const own = await preview(neighbour, { expression: '小区+停水' });
      expect(own.body.total).toBe(1);
      expect(own.body.hits[0]?.item.content).toBe('虎丘小区停水');
      expect((await preview(monitor, { expression: '小区+停水', unitId: otherUnitId })).status).toBe(404);
      const viewed = await preview(viewer, { expression: '虎丘' });
      expect(viewed.status).toBe(200);
      expect(viewed.body.total).toBe(0);
      const anonymous = await new ApiClient(server.baseUrl).post('/api/v1/schemes/preview', {
        expression: '小区',
      });
      expect(anonymous.status).toBe(401);
    });
  });
}
