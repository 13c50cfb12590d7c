/**
 * Key periods (重要时段) through the API on both engines: create, read, change and delete within the
 * caller's units; times in the wrong order are refused; units and sources outside scope are NOT_FOUND;
 * lists show only periods in scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { keyPeriod, keyPeriodPage, source } from '../../src/contract/index.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type PeriodView = z.output<typeof keyPeriod>;
type PeriodPage = z.output<typeof keyPeriodPage>;

const CONGRESS = {
  name: '全国两会',
  startsAt: '2024-03-04T00:00:00+08:00',
  endsAt: '2024-03-12T00:00:00+08:00',
  multiplier: 4,
};

for (const target of databaseTargets) {
  describe(`key periods API on ${target.name}`, () => {
    let server: TestServer;
    let root: ApiClient;
    let district: ApiClient;
    let neighbour: ApiClient;
    let districtUnitId: string;
    let neighbourUnitId: string;
    let districtSourceId: string;
    let neighbourSourceId: string;

    async function sourceOf(client: ApiClient, name: string, unitId: string): Promise<string> {
      const created = await client.post<z.output<typeof source>>('/api/v1/sources', {
        unitId,
        name,
        kind: 'feed',
        url: 'https://news.example.cn/rss',
      });
      expect(created.status).toBe(201);
      return created.body.id;
    }

    beforeAll(async () => {
      server = await startServer(target);
      const seeded = await seedRoot(server);
      root = new ApiClient(server.baseUrl, (await seedToken(server, seeded.user)).secret);
      const districtUnit = await server.storage.units.create({
        name: '姑苏区网信办',
        parentId: seeded.unit.id,
      });
      const neighbourUnit = await server.storage.units.create({
        name: '虎丘区网信办',
        parentId: seeded.unit.id,
      });
      districtUnitId = districtUnit.id;
      neighbourUnitId = neighbourUnit.id;
      const districtMonitor = await seedUser(server, districtUnitId, 'gusu-monitor', ['monitor']);
      district = new ApiClient(server.baseUrl, (await seedToken(server, districtMonitor)).secret);
      const neighbourMonitor = await seedUser(server, neighbourUnitId, 'huqiu-monitor', ['monitor']);
      neighbour = new ApiClient(server.baseUrl, (await seedToken(server, neighbourMonitor)).secret);
      districtSourceId = await sourceOf(district, '姑苏新闻', districtUnitId);
      neighbourSourceId = await sourceOf(neighbour, '虎丘新闻', neighbourUnitId);
    }, 60_000);

    afterAll(async () => {
      await server.close();
    });

    it('creates, reads, changes and deletes a key period of the caller’s unit', async () => {
      const created = await district.post<PeriodView>('/api/v1/key-periods', {
        ...CONGRESS,
        sourceIds: [districtSourceId],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        unitId: districtUnitId,
        name: '全国两会',
        startsAt: '2024-03-03T16:00:00.000Z',
        endsAt: '2024-03-11T16:00:00.000Z',
        multiplier: 4,
        sourceIds: [districtSourceId],
        unitIds: [],
      });
      const id = created.body.id;
      expect((await district.get<PeriodView>(`/api/v1/key-periods/${id}`)).body).toEqual(created.body);

      const changed = await district.patch<PeriodView>(`/api/v1/key-periods/${id}`, {
        name: '全国两会（延长）',
        endsAt: '2024-03-15T00:00:00+08:00',
        multiplier: 6,
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        name: '全国两会（延长）',
        endsAt: '2024-03-14T16:00:00.000Z',
        multiplier: 6,
        startsAt: created.body.startsAt,
      });

      const backwards = await district.patch(`/api/v1/key-periods/${id}`, {
        endsAt: '2024-03-01T00:00:00+08:00',
      });
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.code).toBe('VALIDATION_FAILED');
      expect(backwards.body.error.details['field']).toBe('endsAt');
      expect((await district.get<PeriodView>(`/api/v1/key-periods/${id}`)).body.multiplier).toBe(6);

      expect((await district.delete(`/api/v1/key-periods/${id}`)).status).toBe(200);
      expect((await district.get(`/api/v1/key-periods/${id}`)).status).toBe(404);
    });

    it.each([
      ['ends before it starts', { endsAt: '2024-03-01T00:00:00+08:00' }],
      ['ends when it starts', { endsAt: CONGRESS.startsAt }],
      ['has a time without a zone', { startsAt: '2024-03-04T00:00:00' }],
      ['has a multiplier below 1', { multiplier: 0.5 }],
    ])('refuses a period that %s with 400', async (_name, patch) => {
      const response = await district.post('/api/v1/key-periods', { ...CONGRESS, ...patch });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('names endsAt when the period ends before it starts', async () => {
      const response = await district.post('/api/v1/key-periods', {
        ...CONGRESS,
        endsAt: '2024-03-01T00:00:00+08:00',
      });
      expect(JSON.stringify(response.body.error)).toContain('endsAt');
    });

    it.each([
      ['a source of another unit', () => ({ sourceIds: [neighbourSourceId] }), 'source'],
      ['another unit in unitIds', () => ({ unitIds: [neighbourUnitId] }), 'unit'],
      ['another unit as owner', () => ({ unitId: neighbourUnitId }), 'unit'],
      ['a source that does not exist', () => ({ sourceIds: ['no-such-source'] }), 'source'],
    ])('answers 404 for %s and creates nothing', async (_name, extra, entity) => {
      const before = (await root.get<PeriodPage>('/api/v1/key-periods')).body.items.length;
      const response = await district.post('/api/v1/key-periods', { ...CONGRESS, ...extra() });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
      expect(response.body.error.details['entity']).toBe(entity);
      expect((await root.get<PeriodPage>('/api/v1/key-periods')).body.items).toHaveLength(before);
    });

    it('refuses to add a source of another unit on update', async () => {
      const created = await district.post<PeriodView>('/api/v1/key-periods', { ...CONGRESS, name: '清明节' });
      const response = await district.patch(`/api/v1/key-periods/${created.body.id}`, {
        sourceIds: [districtSourceId, neighbourSourceId],
      });
      expect(response.status).toBe(404);
      expect(
        (await district.get<PeriodView>(`/api/v1/key-periods/${created.body.id}`)).body.sourceIds,
      ).toEqual([]);
    });

    it('lists only periods in scope, newest first', async () => {
      const ownA = await district.post<PeriodView>('/api/v1/key-periods', { ...CONGRESS, name: '国庆假期' });
      server.clock.advance(1000);
      const ownB = await district.post<PeriodView>('/api/v1/key-periods', {
        ...CONGRESS,
        name: '防汛关键期',
        unitIds: [districtUnitId],
      });
      server.clock.advance(1000);
      const theirs = await neighbour.post<PeriodView>('/api/v1/key-periods', {
        ...CONGRESS,
        name: '虎丘庙会',
      });
      expect([ownA.status, ownB.status, theirs.status]).toEqual([201, 201, 201]);

      const mine = await district.get<PeriodPage>('/api/v1/key-periods');
      expect(mine.status).toBe(200);
      const myIds = mine.body.items.map((period) => period.id);
      expect(myIds).toContain(ownA.body.id);
      expect(myIds).toContain(ownB.body.id);
      expect(myIds).not.toContain(theirs.body.id);
      expect(myIds.indexOf(ownB.body.id)).toBeLessThan(myIds.indexOf(ownA.body.id));
      expect(mine.body.items.every((period) => period.unitId === districtUnitId)).toBe(true);

      const all = await root.get<PeriodPage>('/api/v1/key-periods');
      expect(all.body.items.map((period) => period.id)).toEqual(
        expect.arrayContaining([ownA.body.id, theirs.body.id]),
      );

      const paged = await district.get<PeriodPage>('/api/v1/key-periods?limit=1');
      expect(paged.body.items).toHaveLength(1);
      expect(paged.body.nextCursor).not.toBeNull();

      expect((await neighbour.get(`/api/v1/key-periods/${ownA.body.id}`)).status).toBe(404);
      expect((await neighbour.delete(`/api/v1/key-periods/${ownA.body.id}`)).status).toBe(404);
      expect((await neighbour.patch(`/api/v1/key-periods/${ownA.body.id}`, { multiplier: 2 })).status).toBe(
        404,
      );
      expect((await district.get<PeriodView>(`/api/v1/key-periods/${ownA.body.id}`)).body.multiplier).toBe(4);
    });

    it('needs sources:write to create a key period', async () => {
      const viewer = await seedUser(server, districtUnitId, 'gusu-viewer', ['viewer']);
      const client = new ApiClient(server.baseUrl, (await seedToken(server, viewer)).secret);
      const response = await client.post('/api/v1/key-periods', CONGRESS);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    });
  });
}
