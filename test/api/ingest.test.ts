/**
 * The push API on both engines: a push source gets a token, external crawlers POST items as a JSON array
 * or NDJSON and get an answer per item (accepted, duplicate, rejected with the line and field), comments
 * link to their post in the same batch, and the token, pause and size limit are enforced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ingestResponse, ingestTokenResponse, item, source } from '../../src/contract/index.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken } from './seed.js';

type IngestAnswer = z.output<typeof ingestResponse>;
type SourceView = z.output<typeof source>;
type ItemView = z.output<typeof item>;

const POST = {
  id: 'wb-5001',
  title: '小区停车难',
  content: '望亭镇某小区停车位严重不足，居民每晚绕圈找车位，希望有关部门尽快解决。',
  url: 'https://weibo.example.cn/u/88/wb-5001',
  publishedAt: '2024-05-03T09:30:00+08:00',
  likes: 42,
  author: '望亭居民',
};
const COMMENT = {
  id: 'wb-5001-c1',
  kind: 'comment',
  content: '我们小区也一样，晚上九点以后根本没有车位。',
  parentId: 'wb-5001',
  publishedAt: '2024-05-03T10:05:00+08:00',
  likes: 3,
};
const OTHER_POST = {
  id: 'wb-5002',
  content: '浒墅关老街周末开放夜市，现场人气很旺。',
  publishedAt: '2024-05-03T20:00:00+08:00',
  reposts: 7,
};

for (const target of databaseTargets) {
  describe(`POST /ingest on ${target.name}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let sourceId: string;
    let push: ApiClient;

    beforeAll(async () => {
      server = await startServer(target);
      const root = await seedRoot(server);
      admin = new ApiClient(server.baseUrl, (await seedToken(server, root.user)).secret);
      const created = await admin.post<SourceView>('/api/v1/sources', {
        name: '外部采集推送',
        kind: 'push',
        platform: 'weibo',
      });
      expect(created.status).toBe(201);
      sourceId = created.body.id;
      const token = await admin.post<z.output<typeof ingestTokenResponse>>(
        `/api/v1/sources/${sourceId}/ingest-token`,
      );
      expect(token.status).toBe(201);
      expect(token.body.sourceId).toBe(sourceId);
      expect(token.body.token).toMatch(/^fxi_[A-Za-z0-9_-]{20,}$/);
      push = new ApiClient(server.baseUrl, token.body.token);
    }, 60_000);

    afterAll(async () => {
      await server.close();
    });

    it('accepts a JSON array, links the comment to its post, and answers duplicate on a resend', async () => {
      const first = await push.post<IngestAnswer>('/api/v1/ingest', [POST, COMMENT]);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ sourceId, accepted: 2, duplicates: 0, rejected: 0 });
      expect(first.body.results.map((result) => [result.index, result.status, result.reason])).toEqual([
        [0, 'accepted', null],
        [1, 'accepted', null],
      ]);
      const [postId, commentId] = first.body.results.map((result) => result.id);
      expect(postId).toEqual(expect.any(String));
      expect(commentId).toEqual(expect.any(String));

      const again = await push.post<IngestAnswer>('/api/v1/ingest', [POST, COMMENT]);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ accepted: 0, duplicates: 2, rejected: 0 });
      expect(again.body.results.map((result) => [result.status, result.id])).toEqual([
        ['duplicate', postId],
        ['duplicate', commentId],
      ]);

      const storedPost = await admin.get<ItemView>(`/api/v1/items/${postId}`);
      expect(storedPost.status).toBe(200);
      expect(storedPost.body).toMatchObject({
        sourceId,
        kind: 'post',
        externalId: 'wb-5001',
        title: '小区停车难',
        platform: 'weibo',
        publishedAt: '2024-05-03T01:30:00.000Z',
        parentId: null,
      });
      expect(storedPost.body.engagement.likes).toBe(42);
      const storedComment = await admin.get<ItemView>(`/api/v1/items/${commentId}`);
      expect(storedComment.body).toMatchObject({
        kind: 'comment',
        externalId: 'wb-5001-c1',
        parentId: postId,
        publishedAt: '2024-05-03T02:05:00.000Z',
      });
    });

    it('reads NDJSON and rejects a bad line and an invalid item by line and field', async () => {
      const lines = [
        JSON.stringify(OTHER_POST),
        '{"id": "wb-5003", "content": "半截',
        JSON.stringify({ id: 'wb-5004', title: '没有正文' }),
        JSON.stringify({ id: 'wb-5005', content: '通安镇新建口袋公园开放。', likes: 5 }),
      ];
      const response = await push.request<IngestAnswer>('POST', '/api/v1/ingest', `${lines.join('\n')}\n`, {
        headers: { 'content-type': 'application/x-ndjson' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ accepted: 2, duplicates: 0, rejected: 2 });
      const statuses = response.body.results.map((result) => result.status);
      expect(statuses).toEqual(['accepted', 'rejected', 'rejected', 'accepted']);
      const [, badJson, noContent] = response.body.results;
      expect(badJson?.reason).toMatch(/^line 2: not JSON/);
      expect(badJson?.id).toBeNull();
      expect(noContent?.reason).toMatch(/^content: /);
      expect(noContent?.id).toBeNull();
      const stored = await admin.get<ItemView>(`/api/v1/items/${response.body.results[3]?.id}`);
      expect(stored.body).toMatchObject({ externalId: 'wb-5005', content: '通安镇新建口袋公园开放。' });
    });

    it('accepts {"items": [...]} too', async () => {
      const response = await push.post<IngestAnswer>('/api/v1/ingest', {
        items: [{ id: 'wb-5006', content: '东渚街道开展防汛演练。', publishedAt: 1_714_700_000 }],
      });
      expect(response.status).toBe(200);
      expect(response.body.accepted).toBe(1);
      const stored = await admin.get<ItemView>(`/api/v1/items/${response.body.results[0]?.id}`);
      expect(stored.body.publishedAt).toBe(new Date(1_714_700_000_000).toISOString());
    });

    it.each([
      ['no token', null],
      ['an unknown push token', 'fxi_thisTokenWasNeverIssuedToAnySource'],
      ['a user API token', 'user'],
    ])('answers 401 with %s', async (_name, token) => {
      const secret =
        token === 'user'
          ? (await admin.post<{ secret: string }>('/api/v1/tokens', { name: '非推送' })).body.secret
          : token;
      const client = new ApiClient(server.baseUrl, secret);
      const response = await client.post('/api/v1/ingest', [OTHER_POST]);
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    });

    it('answers 413 PAYLOAD_TOO_LARGE above the item limit and stores none of them', async () => {
      const before = await server.storage.items.count({ unitIds: null });
      const many = Array.from({ length: 101 }, (_, i) => ({ id: `bulk-${i}`, content: `批量推送第${i}条` }));
      const response = await push.post('/api/v1/ingest', many);
      expect(response.status).toBe(413);
      expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(response.body.error.details['limit']).toBe(100);
      expect(await server.storage.items.count({ unitIds: null })).toBe(before);
      const exactly = await push.post<IngestAnswer>('/api/v1/ingest', many.slice(0, 100));
      expect(exactly.status).toBe(200);
      expect(exactly.body.accepted).toBe(100);
    });

    it('refuses pushes to a paused source with 403 and takes them again once resumed', async () => {
      expect((await admin.post(`/api/v1/sources/${sourceId}/pause`)).status).toBe(200);
      const paused = await push.post('/api/v1/ingest', [{ id: 'wb-6001', content: '暂停期间的推送' }]);
      expect(paused.status).toBe(403);
      expect(paused.body.error.code).toBe('FORBIDDEN');
      expect((await admin.post(`/api/v1/sources/${sourceId}/resume`)).status).toBe(200);
      const resumed = await push.post<IngestAnswer>('/api/v1/ingest', [
        { id: 'wb-6001', content: '恢复后的推送' },
      ]);
      expect(resumed.status).toBe(200);
      expect(resumed.body.accepted).toBe(1);
    });

    it('stops taking a revoked token, and a new token replaces the old one', async () => {
      expect((await admin.delete(`/api/v1/sources/${sourceId}/ingest-token`)).status).toBe(200);
      const revoked = await push.post('/api/v1/ingest', [{ id: 'wb-7001', content: '撤销后的推送' }]);
      expect(revoked.status).toBe(401);
      expect(revoked.body.error.code).toBe('UNAUTHENTICATED');

      const renewed = await admin.post<z.output<typeof ingestTokenResponse>>(
        `/api/v1/sources/${sourceId}/ingest-token`,
      );
      const replaced = await admin.post<z.output<typeof ingestTokenResponse>>(
        `/api/v1/sources/${sourceId}/ingest-token`,
      );
      expect(replaced.body.token).not.toBe(renewed.body.token);
      const old = new ApiClient(server.baseUrl, renewed.body.token);
      expect((await old.post('/api/v1/ingest', [{ id: 'wb-7002', content: '旧令牌' }])).status).toBe(401);
      const current = new ApiClient(server.baseUrl, replaced.body.token);
      const accepted = await current.post<IngestAnswer>('/api/v1/ingest', [
        { id: 'wb-7003', content: '新令牌' },
      ]);
      expect(accepted.body.accepted).toBe(1);
    });

    it('gives push tokens only to push sources', async () => {
      const feed = await admin.post<SourceView>('/api/v1/sources', {
        name: '普通订阅源',
        kind: 'feed',
        url: 'https://news.example.cn/rss',
      });
      const response = await admin.post(`/api/v1/sources/${feed.body.id}/ingest-token`);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.message).toContain('push');
    });
  });
}
