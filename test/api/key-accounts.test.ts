/**
 * Key accounts (重点账号) and media tiers through the API on both engines: create, read, change and delete
 * within the caller's units; duplicates by normal form are 409; invalid weights 400; other units' accounts
 * 404; reading needs events:read and changing accounts:write; the tier table carries names and weights.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { keyAccount, keyAccountPage, mediaTierList } from '../../src/contract/index.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type AccountView = z.output<typeof keyAccount>;
type AccountPage = z.output<typeof keyAccountPage>;

for (const target of databaseTargets) {
  describe(`key accounts API on ${target.name}`, () => {
    let server: TestServer;
    let root: ApiClient;
    let district: ApiClient;
    let neighbour: ApiClient;
    let viewer: ApiClient;
    let handler: ApiClient;
    let districtUnitId: string;
    let neighbourUnitId: string;

    beforeAll(async () => {
      server = await startServer(target);
      const seeded = await seedRoot(server);
      root = new ApiClient(server.baseUrl, (await seedToken(server, seeded.user)).secret);
      districtUnitId = (await server.storage.units.create({ name: '姑苏区网信办', parentId: seeded.unit.id }))
        .id;
      neighbourUnitId = (
        await server.storage.units.create({ name: '虎丘区网信办', parentId: seeded.unit.id })
      ).id;
      const client = async (unitId: string, name: string, roles: Parameters<typeof seedUser>[3]) =>
        new ApiClient(
          server.baseUrl,
          (await seedToken(server, await seedUser(server, unitId, name, roles))).secret,
        );
      district = await client(districtUnitId, 'gusu-monitor', ['monitor']);
      neighbour = await client(neighbourUnitId, 'huqiu-monitor', ['monitor']);
      viewer = await client(districtUnitId, 'gusu-viewer', ['viewer']);
      handler = await client(districtUnitId, 'gusu-handler', ['handler']);
    }, 60_000);

    afterAll(async () => {
      await server.close();
    });

    it('creates, reads, changes and deletes a key account of the caller’s unit', async () => {
      const created = await district.post<AccountView>('/api/v1/key-accounts', {
        platform: 'Weibo',
        name: '@人民日报',
        tier: 'central',
        weight: 1.5,
        note: '央媒官方账号',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        unitId: districtUnitId,
        platform: 'weibo',
        name: '@人民日报',
        tier: 'central',
        weight: 1.5,
        authority: 4.5,
        note: '央媒官方账号',
        createdAt: '2024-05-03T04:00:00.000Z',
      });
      const id = created.body.id;
      expect((await viewer.get<AccountView>(`/api/v1/key-accounts/${id}`)).body).toEqual(created.body);

      server.clock.advance(60_000);
      const changed = await district.patch<AccountView>(`/api/v1/key-accounts/${id}`, {
        tier: null,
        weight: 3,
        platform: null,
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        tier: null,
        weight: 3,
        authority: 3,
        platform: null,
        updatedAt: '2024-05-03T04:01:00.000Z',
      });

      expect((await district.delete(`/api/v1/key-accounts/${id}`)).status).toBe(200);
      expect((await district.get(`/api/v1/key-accounts/${id}`)).status).toBe(404);
      expect((await district.delete(`/api/v1/key-accounts/${id}`)).status).toBe(404);
    });

    it('answers 409 for the same account again, in normal form, and allows it in another unit', async () => {
      const first = await district.post<AccountView>('/api/v1/key-accounts', {
        platform: 'douyin',
        name: '平安姑苏',
      });
      expect(first.status).toBe(201);
      const again = await district.post('/api/v1/key-accounts', { platform: 'DOUYIN', name: '＠平安姑蘇' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('CONFLICT');
      const elsewhere = await neighbour.post('/api/v1/key-accounts', {
        platform: 'douyin',
        name: '平安姑苏',
      });
      expect(elsewhere.status).toBe(201);
      const other = await district.post<AccountView>('/api/v1/key-accounts', {
        platform: 'douyin',
        name: '姑苏发布',
      });
      const clash = await district.patch(`/api/v1/key-accounts/${other.body.id}`, { name: '平安姑苏' });
      expect(clash.status).toBe(409);
    });

    it.each([
      ['a weight of 0', { name: '甲', weight: 0 }],
      ['a weight above 10', { name: '乙', weight: 11 }],
      ['an empty name', { name: '  ' }],
      ['an unknown tier', { name: '丙', tier: 'national' }],
      ['an unknown field', { name: '丁', followers: 100 }],
    ])('answers 400 for %s', async (_name, body) => {
      const response = await district.post('/api/v1/key-accounts', body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('keeps units apart: lists in scope, 404 across units', async () => {
      const own = await district.post<AccountView>('/api/v1/key-accounts', {
        platform: 'weibo',
        name: '苏州发布',
      });
      const theirs = await neighbour.post<AccountView>('/api/v1/key-accounts', {
        platform: 'weibo',
        name: '虎丘发布',
      });
      const mine = await district.get<AccountPage>('/api/v1/key-accounts?limit=200');
      expect(mine.body.items.every((account) => account.unitId === districtUnitId)).toBe(true);
      expect(mine.body.items.map((account) => account.id)).toContain(own.body.id);
      const filtered = await district.get<AccountPage>(
        `/api/v1/key-accounts?platform=weibo&q=${encodeURIComponent('苏州')}`,
      );
      expect(filtered.body.items.map((account) => account.name)).toEqual(['苏州发布']);
      const all = await root.get<AccountPage>('/api/v1/key-accounts?limit=200');
      expect(all.body.items.map((account) => account.id)).toEqual(
        expect.arrayContaining([own.body.id, theirs.body.id]),
      );
      const paged = await district.get<AccountPage>('/api/v1/key-accounts?limit=1');
      expect(paged.body.items).toHaveLength(1);
      expect(paged.body.nextCursor).not.toBeNull();

      expect((await neighbour.get(`/api/v1/key-accounts/${own.body.id}`)).status).toBe(404);
      expect((await neighbour.patch(`/api/v1/key-accounts/${own.body.id}`, { weight: 2 })).status).toBe(404);
      expect((await neighbour.delete(`/api/v1/key-accounts/${own.body.id}`)).status).toBe(404);
      const foreign = await district.post('/api/v1/key-accounts', { unitId: neighbourUnitId, name: '越权' });
      expect(foreign.status).toBe(404);
      expect((await district.get<AccountView>(`/api/v1/key-accounts/${own.body.id}`)).body.weight).toBe(1);
    });

    it('needs events:read to read and accounts:write to change', async () => {
      const own = await district.post<AccountView>('/api/v1/key-accounts', { name: '姑苏晚报' });
      expect((await viewer.get('/api/v1/key-accounts')).status).toBe(200);
      expect((await handler.get(`/api/v1/key-accounts/${own.body.id}`)).status).toBe(200);
      for (const client of [viewer, handler]) {
        expect((await client.post('/api/v1/key-accounts', { name: '无权' })).status).toBe(403);
        expect((await client.patch(`/api/v1/key-accounts/${own.body.id}`, { weight: 2 })).status).toBe(403);
        expect((await client.delete(`/api/v1/key-accounts/${own.body.id}`)).status).toBe(403);
      }
      expect((await new ApiClient(server.baseUrl).get('/api/v1/key-accounts')).status).toBe(401);
    });

    it('audits changes', async () => {
      const created = await district.post<AccountView>('/api/v1/key-accounts', { name: '审计账号' });
      const entries = await server.storage.audit.list(
        { unitIds: null },
        { action: 'key-account.create', targetId: created.body.id },
        { limit: 5 },
      );
      expect(entries.items).toHaveLength(1);
      expect(entries.items[0]?.unitId).toBe(districtUnitId);
    });

    it('lists the media tiers with Chinese names and weights', async () => {
      const response = await viewer.get<z.output<typeof mediaTierList>>('/api/v1/media-tiers');
      expect(response.status).toBe(200);
      expect(response.body.tiers).toContainEqual({ tier: 'central', name: '中央媒体', weight: 3 });
      expect(response.body.tiers).toContainEqual({ tier: 'self_media', name: '自媒体', weight: 1 });
      expect(response.body.tiers).toHaveLength(6);
      expect(response.body).toMatchObject({ unknownWeight: 1, keyAccountWeight: { min: 0.1, max: 10 } });
    });
  });
}
