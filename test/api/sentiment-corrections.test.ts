/**
 * Staff corrections of sentiment on both engines: a monitor corrects an item, the label changes at once,
 * the correction is kept for training with the label it replaced; viewers may not, other units see 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { item } from '../../src/contract/index.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type ItemView = z.output<typeof item>;

for (const target of databaseTargets) {
  describe(`POST /items/:id/sentiment on ${target.name}`, () => {
    let server: TestServer;
    let monitor: ApiClient;
    let viewer: ApiClient;
    let outsider: ApiClient;
    let itemId: string;

    beforeAll(async () => {
      server = await startServer(target);
      const root = await seedRoot(server);
      const other = await server.storage.units.create({ name: '另一单位', parentId: null });
      const monitorUser = await seedUser(server, root.unit.id, 'monitor1', ['monitor']);
      const viewerUser = await seedUser(server, root.unit.id, 'viewer1', ['viewer']);
      const outsiderUser = await seedUser(server, other.id, 'monitor2', ['monitor']);
      monitor = new ApiClient(server.baseUrl, (await seedToken(server, monitorUser)).secret);
      viewer = new ApiClient(server.baseUrl, (await seedToken(server, viewerUser)).secret);
      outsider = new ApiClient(server.baseUrl, (await seedToken(server, outsiderUser)).secret);
      const [id] = await server.storage.items.insertMany([
        {
          unitId: root.unit.id,
          kind: 'post',
          content: '这服务真是“高效”啊，排了三个小时',
          contentHash: 'h-1',
          publishedAt: server.clock.now(),
          collectedAt: server.clock.now(),
          sentiment: 'positive',
          sentimentScore: 0.7,
        },
      ]);
      itemId = id ?? '';
    });
    afterAll(async () => server.close());

    it('changes the label at once and keeps the correction for training', async () => {
      const answer = await monitor.post<ItemView>(`/api/v1/items/${itemId}/sentiment`, { label: 'negative' });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ sentiment: 'negative', sentimentScore: 1 });
      const exported = await server.storage.sentimentCorrections.exportSince(0);
      expect(exported).toEqual([
        expect.objectContaining({
          content: '这服务真是“高效”啊，排了三个小时',
          correction: expect.objectContaining({ itemId, previous: 'positive', label: 'negative' }),
        }),
      ]);
    });

    it('refuses viewers, other units and bad labels', async () => {
      expect((await viewer.post(`/api/v1/items/${itemId}/sentiment`, { label: 'neutral' })).status).toBe(403);
      expect((await outsider.post(`/api/v1/items/${itemId}/sentiment`, { label: 'neutral' })).status).toBe(
        404,
      );
      expect((await monitor.post(`/api/v1/items/${itemId}/sentiment`, { label: 'angry' })).status).toBe(400);
      expect((await server.storage.items.get(itemId))?.sentiment).toBe('negative');
    });
  });
}
