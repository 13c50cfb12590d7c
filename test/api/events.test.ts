/**
 * Events through the API on both engines: lists by heat or time with filters and keyset pages, one event
 * with its history and repost tree, its timeline and items, merging by hand (events:write), and unit
 * scope (another unit's events are NOT_FOUND and never listed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  eventDetail,
  eventItemPage,
  eventPage,
  eventTimeline,
  mergeEventResponse,
} from '../../src/contract/index.js';
import { clusterItems } from '../../src/pipeline/cluster/index.js';
import type { NewItem } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type EventPage = z.output<typeof eventPage>;
type EventDetail = z.output<typeof eventDetail>;

const HOUR = 3600_000;

for (const target of databaseTargets) {
  describe(`events API on ${target.name}`, () => {
    let server: TestServer;
    let monitor: ApiClient;
    let viewer: ApiClient;
    let neighbour: ApiClient;
    let fireEvent: string;
    let examEvent: string;
    let otherEvent: string;
    let fireItems: string[];
    let start: number;

    beforeAll(async () => {
      server = await startServer(target);
      start = server.clock.now() - 5 * HOUR;
      const seeded = await seedRoot(server);
      const district = await server.storage.units.create({ name: '姑苏区网信办', parentId: seeded.unit.id });
      const other = await server.storage.units.create({ name: '虎丘区网信办', parentId: seeded.unit.id });
      const token = async (unitId: string, name: string, role: 'monitor' | 'viewer'): Promise<ApiClient> =>
        new ApiClient(
          server.baseUrl,
          (await seedToken(server, await seedUser(server, unitId, name, [role]))).secret,
        );
      monitor = await token(district.id, 'gusu-monitor', 'monitor');
      viewer = await token(district.id, 'gusu-viewer', 'viewer');
      neighbour = await token(other.id, 'huqiu-monitor', 'monitor');
      let n = 0;
      const item = (
        unitId: string,
        keywords: string,
        hour: number,
        patch: Partial<NewItem> = {},
      ): NewItem => ({
        unitId,
        kind: 'post',
        content: `${keywords}。第${++n}条`,
        contentHash: `h${n}`,
        publishedAt: start + hour * HOUR,
        collectedAt: start + hour * HOUR,
        platform: 'weibo',
        sentiment: 'neutral',
        keywords: keywords.split(' '),
        analysedAt: start + hour * HOUR,
        ...patch,
      });
      fireItems = await server.storage.items.insertMany([
        item(district.id, '小区 火灾 消防', 0, { title: '姑苏小区火灾', sentiment: 'negative' }),
        item(district.id, '火灾 小区 救援', 1, {
          engagement: { likes: 50, comments: 30, reposts: 40, views: 0 },
        }),
        item(district.id, '火灾 消防 小区', 1, { sentiment: 'negative' }),
      ]);
      const [repost = ''] = await server.storage.items.insertMany([
        item(district.id, '转发', 2, { parentId: fireItems[0] ?? null, kind: 'repost', keywords: [] }),
      ]);
      fireItems.push(repost);
      const exam = await server.storage.items.insertMany([item(district.id, '高考 成绩 考生', 3)]);
      const others = await server.storage.items.insertMany([item(other.id, '地铁 故障 停运', 3)]);
      await clusterItems({ storage: server.storage, clock: server.clock }, [
        ...fireItems,
        ...exam,
        ...others,
      ]);
      const events = await server.storage.events.eventsOfItems([
        fireItems[0] ?? '',
        exam[0] ?? '',
        others[0] ?? '',
      ]);
      fireEvent = events.get(fireItems[0] ?? '') ?? '';
      examEvent = events.get(exam[0] ?? '') ?? '';
      otherEvent = events.get(others[0] ?? '') ?? '';
    }, 60_000);

    afterAll(async () => {
      await server.close();
    });

    it('lists the unit’s events hottest first, in keyset pages', async () => {
      const first = await monitor.get<EventPage>('/api/v1/events?limit=1');
      expect(first.status).toBe(200);
      expect(first.body.items.map((e) => e.id)).toEqual([fireEvent]);
      expect(first.body.items[0]).toMatchObject({
        itemCount: 4,
        repostCount: 1,
        stage: 'declining',
        heatVersion: 'heat-1',
      });
      const second = await monitor.get<EventPage>(
        `/api/v1/events?limit=1&cursor=${first.body.nextCursor ?? ''}`,
      );
      expect(second.body).toEqual({ items: [expect.objectContaining({ id: examEvent })], nextCursor: null });
    });

    it('filters by text, stage, heat and time and sorts by time', async () => {
      const ids = async (query: string): Promise<string[]> =>
        (await monitor.get<EventPage>(`/api/v1/events?${query}`)).body.items.map((e) => e.id);
      expect(await ids(`q=${encodeURIComponent('高考')}`)).toEqual([examEvent]);
      expect(await ids('sort=time')).toEqual([examEvent, fireEvent]);
      expect(await ids('stage=emerging')).toEqual([examEvent]);
      expect(await ids('stage=declining,peak')).toEqual([fireEvent]);
      expect(await ids('stage=fermenting')).toEqual([]);
      expect(await ids('minHeat=100')).toEqual([]);
      const from = new Date(start + 2.5 * HOUR).toISOString();
      expect(await ids(`from=${encodeURIComponent(from)}`)).toEqual([examEvent]);
      expect((await monitor.get('/api/v1/events?sort=loudest')).status).toBe(400);
    });

    it('shows one event with its history and repost tree', async () => {
      const detail = await viewer.get<EventDetail>(`/api/v1/events/${fireEvent}`);
      expect(detail.status).toBe(200);
      expect(detail.body.event).toMatchObject({
        id: fireEvent,
        title: '姑苏小区火灾',
        firstItemId: fireItems[0],
      });
      expect(detail.body.history.map((h) => h.kind)).toEqual(['created']);
      expect(detail.body.repostTree).toContainEqual({ itemId: fireItems[3], parentId: fireItems[0] });
      expect(detail.body.repostTree).toContainEqual({ itemId: fireItems[0], parentId: null });
    });

    it('gives the timeline with the sentiment mix per bucket', async () => {
      const timeline = await viewer.get<z.output<typeof eventTimeline>>(
        `/api/v1/events/${fireEvent}/timeline`,
      );
      expect(timeline.status).toBe(200);
      expect(timeline.body.buckets.map((b) => [b.items, b.sentiment.negative])).toEqual([
        [1, 1],
        [2, 1],
        [1, 0],
      ]);
      const daily = await viewer.get<z.output<typeof eventTimeline>>(
        `/api/v1/events/${fireEvent}/timeline?bucket=day`,
      );
      expect(daily.body.buckets.reduce((sum, b) => sum + b.items, 0)).toBe(4);
    });

    it('pages the event’s items newest first', async () => {
      const page = await viewer.get<z.output<typeof eventItemPage>>(
        `/api/v1/events/${fireEvent}/items?limit=3`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.map((i) => i.id)[0]).toBe(fireItems[3]);
      expect(page.body.items).toHaveLength(3);
      const rest = await viewer.get<z.output<typeof eventItemPage>>(
        `/api/v1/events/${fireEvent}/items?limit=3&cursor=${page.body.nextCursor ?? ''}`,
      );
      expect(rest.body.items.map((i) => i.id)).toEqual([fireItems[0]]);
    });

    it('keeps other units’ events out of sight', async () => {
      expect((await monitor.get(`/api/v1/events/${otherEvent}`)).status).toBe(404);
      expect((await neighbour.get(`/api/v1/events/${fireEvent}/timeline`)).status).toBe(404);
      const theirs = await neighbour.get<EventPage>('/api/v1/events');
      expect(theirs.body.items.map((e) => e.id)).toEqual([otherEvent]);
      expect((await monitor.post(`/api/v1/events/${examEvent}/merge`, { into: otherEvent })).status).toBe(
        404,
      );
    });

    it('merges with events:write only; the target keeps its id and the merge is in both histories', async () => {
      expect((await viewer.post(`/api/v1/events/${examEvent}/merge`, { into: fireEvent })).status).toBe(403);
      const merged = await monitor.post<z.output<typeof mergeEventResponse>>(
        `/api/v1/events/${examEvent}/merge`,
        {
          into: fireEvent,
        },
      );
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({ moved: 1, event: { id: fireEvent, itemCount: 5 } });
      const gone = await monitor.get<EventDetail>(`/api/v1/events/${examEvent}`);
      expect(gone.body.event.mergedInto).toBe(fireEvent);
      expect(gone.body.history.map((h) => h.kind)).toContain('merged_into');
      const listed = await monitor.get<EventPage>('/api/v1/events');
      expect(listed.body.items.map((e) => e.id)).toEqual([fireEvent]);
      expect((await monitor.post(`/api/v1/events/${examEvent}/merge`, { into: fireEvent })).status).toBe(409);
      expect((await monitor.post(`/api/v1/events/${fireEvent}/merge`, { into: fireEvent })).status).toBe(400);
      const audit = await server.storage.audit.list(
        { unitIds: null },
        { action: 'event.merge' },
        { limit: 5 },
      );
      expect(audit.items).toHaveLength(1);
    });
  });
}
