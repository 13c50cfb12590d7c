/**
 * The dashboard overview through the API on both engines: its figures equal the report data port's
 * answers and direct counts of the seeded items, a unit narrows it to that unit's subtree, sections a
 * viewer may not read are null; display tokens (大屏) are created by administrators only, open the display
 * overview and nothing else, and stop working once revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { createdDisplayToken, overview } from '../../src/contract/index.js';
import type { NewAlert, NewItem } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type Overview = z.output<typeof overview>;

const HOUR = 3_600_000;
const PLATFORMS = ['微博', '抖音', '本地论坛'];
const PROVINCES = ['江苏省', '浙江省', '广东省'];
const KEYWORDS = ['停水', '地铁', '食堂', '施工'];
const SENTIMENTS = ['negative', 'neutral', 'positive', null] as const;

function itemOf(unitId: string, n: number, from: number): NewItem {
  const keywords = [KEYWORDS[n % 4] ?? '停水', ...(n % 3 === 0 ? ['民生'] : [])];
  return {
    unitId,
    kind: 'post',
    platform: PLATFORMS[n % 3] ?? null,
    title: `条目 ${n}`,
    content: `关于${keywords.join('、')}的讨论 ${n}`,
    contentHash: `overview-${unitId}-${n}`,
    sentiment: SENTIMENTS[n % 4] ?? null,
    categories: n % 2 === 0 ? ['gov_service'] : ['traffic'],
    keywords,
    regions: [{ province: PROVINCES[n % 3] ?? '江苏省', city: null, county: null }],
    publishedAt: from + (n % 6) * HOUR + n * 1000,
    collectedAt: from + (n % 6) * HOUR + n * 1000,
  };
}

function alertOf(unitId: string, at: number, title: string): NewAlert {
  return {
    unitId,
    ruleId: null,
    ruleVersion: null,
    trigger: 'event_heat',
    title,
    mergeKey: `overview:${title}`,
    count: 1,
    schemeId: null,
    eventId: null,
    sourceId: null,
    category: 'healthcare',
    level: 'orange',
    startedAt: at,
    scope: '全市',
    matter: '医疗纠纷',
    measures: '立即核实',
    issuer: '市委网信办',
    evidence: { items: [], statistic: 'heat', value: 80, baseline: 20, threshold: 60, reasons: [] },
    status: 'new',
    escalations: 0,
    acknowledgedBy: null,
    acknowledgedAt: null,
    closedBy: null,
    closedAt: null,
    incidentId: null,
    heldUntil: null,
    notifiedCount: 1,
    lastFiredAt: at,
    createdAt: at,
  };
}

for (const target of databaseTargets) {
  describe(`overview API on ${target.name}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let viewer: ApiClient;
    let rootId: string;
    let districtId: string;
    let from: number;
    let to: number;
    const seeded: NewItem[] = [];

    const path = (query: Record<string, string>) =>
      `/api/v1/stats/overview?${new URLSearchParams({
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        ...query,
      }).toString()}`;

    beforeAll(async () => {
      server = await startServer(target);
      const root = await seedRoot(server);
      rootId = root.unit.id;
      districtId = (await server.storage.units.create({ name: '姑苏区网信办', parentId: rootId })).id;
      admin = new ApiClient(server.baseUrl, (await seedToken(server, root.user)).secret);
      const viewerUser = await seedUser(server, rootId, 'viewer', ['viewer']);
      viewer = new ApiClient(server.baseUrl, (await seedToken(server, viewerUser)).secret);
      from = server.clock.now() - 6 * HOUR;
      to = server.clock.now();
      for (let n = 0; n < 48; n += 1) seeded.push(itemOf(n < 30 ? rootId : districtId, n, from));
      // Outside the period: never counted.
      seeded.push({ ...itemOf(rootId, 99, from), publishedAt: from - HOUR, contentHash: 'before' });
      await server.storage.items.insertMany(seeded);
      await server.storage.alerts.insert(alertOf(rootId, from + HOUR, '停水预警'));
      await server.storage.alerts.insert(alertOf(districtId, from + 2 * HOUR, '施工预警'));
    });

    afterAll(async () => {
      await server?.close();
    });

    it('answers the figures of the data port and of direct counts', async () => {
      const response = await admin.get<Overview>(path({ bucket: 'hour' }));
      expect(response.status).toBe(200);
      const body = response.body;
      const inPeriod = seeded.filter((item) => item.publishedAt >= from && item.publishedAt < to);
      expect(body.totals.total).toBe(inPeriod.length);
      expect(body.totals.negative).toBe(inPeriod.filter((item) => item.sentiment === 'negative').length);
      expect(body.totals.unlabelled).toBe(inPeriod.filter((item) => item.sentiment === null).length);
      const query = { unitIds: [rootId, districtId], from, to };
      const port = server.storage.reportData;
      expect(body.platforms).toEqual((await port.itemsByPlatform(query)).value);
      expect(body.provinces).toEqual((await port.itemsByRegion(query, 'province')).value);
      expect(body.categories).toEqual((await port.itemsByCategory(query)).value);
      const volume = (await port.volumeSeries(query, HOUR)).value;
      expect(body.volume.map((bucket) => [Date.parse(bucket.from), bucket.total, bucket.negative])).toEqual(
        volume.map((bucket) => [bucket.from, bucket.total, bucket.negative]),
      );
      expect(body.volume.reduce((sum, bucket) => sum + bucket.total, 0)).toBe(inPeriod.length);
      const alerts = (await port.alerts(query)).value;
      expect(body.alerts?.raised).toBe(alerts.raised);
      expect(body.alerts?.list.map((alert) => alert.title)).toEqual(['施工预警', '停水预警']);
      expect(body.events).toEqual([]);
      expect(body.incidents).toEqual({ inProgress: 0, overdue: 0, list: [] });
    });

    it('counts each keyword once per item of the period', async () => {
      const body = (await admin.get<Overview>(path({}))).body;
      const inPeriod = seeded.filter((item) => item.publishedAt >= from && item.publishedAt < to);
      const expected = new Map<string, number>();
      for (const item of inPeriod) {
        for (const word of new Set(item.keywords)) expected.set(word, (expected.get(word) ?? 0) + 1);
      }
      expect(new Map(body.keywords.items.map((entry) => [entry.name, entry.count]))).toEqual(expected);
      expect(body.keywords.itemsCounted).toBe(inPeriod.length);
      expect(body.keywords.truncated).toBe(false);
      const counts = body.keywords.items.map((entry) => entry.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    });

    it('narrows to a unit and the units below it, with day buckets', async () => {
      const body = (await admin.get<Overview>(path({ unitId: districtId, bucket: 'day' }))).body;
      const district = seeded.filter((item) => item.unitId === districtId && item.publishedAt >= from);
      expect(body.totals.total).toBe(district.length);
      expect(body.volume).toHaveLength(1);
      expect(body.alerts?.list.map((alert) => alert.title)).toEqual(['施工预警']);
      expect(body.unitId).toBe(districtId);
    });

    it('leaves out what a viewer may not read and refuses bad periods', async () => {
      const body = (await viewer.get<Overview>(path({}))).body;
      expect(body.totals.total).toBeGreaterThan(0);
      expect(body.alerts).toBeNull();
      expect(body.incidents).toBeNull();
      expect(body.appeals).toBeNull();
      expect(Array.isArray(body.events)).toBe(true);
      const backwards = await admin.get(
        path({ from: new Date(to).toISOString(), to: new Date(from).toISOString() }),
      );
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.code).toBe('VALIDATION_FAILED');
      const stranger = await admin.get(path({ unitId: 'no-such-unit' }));
      expect(stranger.status).toBe(404);
    });

    it('gives display tokens to administrators only; they open the display overview and nothing else', async () => {
      expect((await viewer.post('/api/v1/display-tokens', { name: '指挥中心' })).status).toBe(403);
      const created = await admin.post<z.output<typeof createdDisplayToken>>('/api/v1/display-tokens', {
        name: '指挥中心',
      });
      expect(created.status).toBe(201);
      const { secret, id, screenPath } = created.body;
      expect(secret.startsWith('fxd_')).toBe(true);
      expect(screenPath).toBe(`/screen?token=${encodeURIComponent(secret)}`);
      expect(Date.parse(created.body.expiresAt) - server.clock.now()).toBeGreaterThan(300 * 24 * HOUR);
      const audit = await server.storage.audit.list(
        { unitIds: [rootId] },
        { action: 'display_token.create' },
        { limit: 10 },
      );
      expect(audit.items.map((entry) => entry.targetId)).toContain(id);

      const screen = new ApiClient(server.baseUrl, secret);
      const shown = await screen.get<Overview>(path({}).replace('/stats/overview', '/display/overview'));
      expect(shown.status).toBe(200);
      const direct = (await admin.get<Overview>(path({}))).body;
      expect(shown.body.totals).toEqual(direct.totals);
      expect(shown.body.alerts).toEqual(direct.alerts);
      for (const other of [
        path({}),
        '/api/v1/items',
        '/api/v1/users',
        '/api/v1/tokens',
        '/api/v1/alerts/stream',
      ]) {
        expect((await screen.get(other)).status).toBe(401);
      }
      expect((await screen.post('/api/v1/display-tokens', { name: 'x' })).status).toBe(401);
      const noToken = new ApiClient(server.baseUrl);
      expect((await noToken.get(path({}).replace('/stats/', '/display/'))).status).toBe(401);
      // An ordinary API token does not open the display route either.
      expect((await admin.get(path({}).replace('/stats/', '/display/'))).status).toBe(401);

      expect((await admin.request('DELETE', `/api/v1/tokens/${id}`)).status).toBe(200);
      expect((await screen.get(path({}).replace('/stats/', '/display/'))).status).toBe(401);
    });
  });
}
