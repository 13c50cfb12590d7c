/**
 * Bulletins (信息报送) through the API on both engines: composing from items, submitting to the unit's
 * higher bodies, adoptions, instructions and feedback, scores by the unit's scheme, statistics of a period,
 * the work summary, and unit scope (another unit's handler gets 404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  bulletinDetail,
  bulletinInstruction,
  bulletinPage,
  bulletinSettings,
  bulletinStats,
  bulletinTimelineList,
  workSummaryStats,
} from '../../src/contract/index.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type Detail = z.output<typeof bulletinDetail>;

for (const target of databaseTargets) {
  describe(`bulletins API on ${target.name}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let monitor: ApiClient;
    let viewer: ApiClient;
    let neighbour: ApiClient;
    let districtId: string;
    let itemId: string;
    let neighbourItemId: string;

    beforeAll(async () => {
      server = await startServer(target);
      const root = await seedRoot(server);
      districtId = (await server.storage.units.create({ name: '姑苏区网信办', parentId: root.unit.id })).id;
      const neighbourId = (
        await server.storage.units.create({ name: '虎丘区网信办', parentId: root.unit.id })
      ).id;
      const client = async (unitId: string, name: string, roles: Parameters<typeof seedUser>[3]) => {
        const user = await seedUser(server, unitId, name, roles);
        return new ApiClient(server.baseUrl, (await seedToken(server, user)).secret);
      };
      admin = await client(districtId, 'gusu-admin', ['admin']);
      monitor = await client(districtId, 'gusu-monitor', ['monitor']);
      viewer = await client(districtId, 'gusu-viewer', ['viewer']);
      neighbour = await client(neighbourId, 'huqiu-monitor', ['monitor']);
      const now = server.clock.now();
      const item = (unitId: string, title: string, content: string) => ({
        unitId,
        kind: 'post' as const,
        title,
        content,
        url: 'https://bbs.example.cn/t/1',
        platform: '本地论坛',
        contentHash: content,
        publishedAt: now,
        collectedAt: now,
      });
      [itemId = '', neighbourItemId = ''] = await server.storage.items.insertMany([
        item(districtId, '居民反映小区停水三天', '多名居民称小区已停水三天无人处理'),
        item(neighbourId, '另一区的帖子', '另一区的内容'),
      ]);
    }, 60_000);

    afterAll(async () => server.close());

    it('composes a draft from items, submits it and records adoptions, instructions and feedback', async () => {
      const settings = await admin.request<z.output<typeof bulletinSettings>>(
        'PUT',
        '/api/v1/bulletin-settings',
        {
          recipients: ['市委网信办', '省委网信办'],
        },
      );
      expect(settings.body.scoring.adoption.provincial).toBe(5);
      expect((await monitor.request('PUT', '/api/v1/bulletin-settings', { recipients: [] })).status).toBe(
        403,
      );

      const created = await monitor.post<Detail>('/api/v1/bulletins', {
        kind: 'special_report',
        title: '关于某小区停水的专报',
        itemIds: [itemId],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ state: 'draft', kindName: '专报', itemIds: [itemId], score: 0 });
      expect(created.body.body.split('\n')).toEqual([
        '【专报】共涉及0个事件、1条信息。',
        '1. 居民反映小区停水三天（本地论坛，2024年5月3日 12:00）：多名居民称小区已停水三天无人处理 链接：https://bbs.example.cn/t/1',
      ]);
      const id = created.body.id;
      const edited = await monitor.patch<Detail>(`/api/v1/bulletins/${id}`, { body: '编辑后的正文' });
      expect(edited.body).toMatchObject({ body: '编辑后的正文', itemIds: [itemId] });

      const early = await monitor.post(`/api/v1/bulletins/${id}/adoptions`, {
        adoptedBy: '省委网信办',
        level: 'provincial',
        adoptedAt: '2024-05-04T10:00:00+08:00',
      });
      expect(early.status).toBe(409);
      const unknownBody = await monitor.post(`/api/v1/bulletins/${id}/submit`, { recipients: ['国务院'] });
      expect(unknownBody.status).toBe(400);
      expect(unknownBody.body.error.details['unknown']).toEqual(['国务院']);
      const submitted = await monitor.post<Detail>(`/api/v1/bulletins/${id}/submit`, {
        recipients: ['省委网信办'],
      });
      expect(submitted.body).toMatchObject({ state: 'submitted', recipients: ['省委网信办'] });
      expect(submitted.body.submittedAt).not.toBeNull();

      const adoption = await monitor.post(`/api/v1/bulletins/${id}/adoptions`, {
        adoptedBy: '省委网信办',
        level: 'provincial',
        adoptedAt: '2024-05-04T10:00:00+08:00',
      });
      expect(adoption.status).toBe(201);
      const instruction = await monitor.post<z.output<typeof bulletinInstruction>>(
        `/api/v1/bulletins/${id}/instructions`,
        {
          leader: '市委书记',
          level: 'municipal',
          text: '请有关部门抓紧解决居民用水问题',
          instructedAt: '2024-05-05T09:00:00+08:00',
        },
      );
      expect(instruction.body).toMatchObject({ levelName: '市级', feedbackText: null });
      const feedback = await monitor.post<z.output<typeof bulletinInstruction>>(
        `/api/v1/bulletins/${id}/instructions/${instruction.body.id}/feedback`,
        { text: '已恢复供水并向居民说明情况', at: '2024-05-06T09:00:00+08:00' },
      );
      expect(feedback.body).toMatchObject({
        feedbackText: '已恢复供水并向居民说明情况',
        feedbackAt: '2024-05-06T01:00:00.000Z',
      });
      expect(
        (await monitor.post(`/api/v1/bulletins/${id}/instructions/nope/feedback`, { text: 'x' })).status,
      ).toBe(404);

      const detail = await monitor.get<Detail>(`/api/v1/bulletins/${id}`);
      expect(detail.body.score).toBe(5 + 5);
      expect(detail.body.adoptions.map((a) => a.levelName)).toEqual(['省级']);
      const recall = await monitor.post(`/api/v1/bulletins/${id}/recall`, {});
      expect(recall.status).toBe(409);
      expect((await monitor.get<Detail>(`/api/v1/bulletins/${id}`)).body.state).toBe('submitted');

      const timeline = await monitor.get<z.output<typeof bulletinTimelineList>>(
        `/api/v1/bulletins/${id}/timeline`,
      );
      expect(timeline.body.items.map((e) => e.action)).toEqual([
        'create',
        'edit',
        'submit',
        'record_adoption',
        'record_instruction',
        'record_feedback',
      ]);
      const audit = await server.storage.audit.list({ unitIds: null }, { targetId: id }, { limit: 50 });
      expect(audit.items.map((e) => e.action)).toContain('bulletin.record_instruction');
    });

    it('recalls and cancels, refusing what the state does not allow', async () => {
      const created = await monitor.post<Detail>('/api/v1/bulletins', {
        kind: 'opinion_info',
        title: '舆情信息一则',
        body: '正文',
      });
      const id = created.body.id;
      await monitor.post(`/api/v1/bulletins/${id}/submit`, { recipients: ['市委网信办'] });
      const recalled = await monitor.post<Detail>(`/api/v1/bulletins/${id}/recall`, { reason: '补充材料' });
      expect(recalled.body).toMatchObject({ state: 'draft', recipients: [], submittedAt: null });
      const cancelled = await monitor.post<Detail>(`/api/v1/bulletins/${id}/cancel`, {});
      expect(cancelled.body).toMatchObject({ state: 'cancelled', actions: [] });
      const edit = await monitor.patch(`/api/v1/bulletins/${id}`, { title: '改' });
      expect(edit.status).toBe(409);
      expect(edit.body.error.code).toBe('CASE_TRANSITION_INVALID');
    });

    it('keeps units apart and viewers out', async () => {
      const created = await monitor.post<Detail>('/api/v1/bulletins', {
        kind: 'opinion_info',
        title: '本区信息',
        body: '正文',
      });
      const id = created.body.id;
      expect((await neighbour.get(`/api/v1/bulletins/${id}`)).status).toBe(404);
      expect((await neighbour.patch(`/api/v1/bulletins/${id}`, { title: '改' })).status).toBe(404);
      expect(
        (await neighbour.post(`/api/v1/bulletins/${id}/submit`, { recipients: ['市委网信办'] })).status,
      ).toBe(404);
      expect((await neighbour.get(`/api/v1/bulletins/${id}/timeline`)).status).toBe(404);
      const foreignItem = await monitor.post('/api/v1/bulletins', {
        kind: 'opinion_info',
        title: '引用他区帖子',
        itemIds: [neighbourItemId],
      });
      expect(foreignItem.status).toBe(404);
      expect((await neighbour.get<z.output<typeof bulletinPage>>('/api/v1/bulletins')).body.items).toEqual(
        [],
      );
      const ours = await monitor.get<z.output<typeof bulletinPage>>(
        '/api/v1/bulletins?kind=opinion_info&state=draft',
      );
      expect(ours.body.items.map((b) => b.id)).toEqual([id]);
      expect(ours.body.counts).toEqual({ draft: 1, submitted: 0, cancelled: 1 });
      expect((await viewer.get('/api/v1/bulletins')).status).toBe(403);
      expect(
        (
          await neighbour.get(
            `/api/v1/bulletins/stats?from=2024-05-01T00:00:00Z&to=2024-06-01T00:00:00Z&unitId=${districtId}`,
          )
        ).status,
      ).toBe(404);
    });

    it('gives the statistics of a period and the work summary', async () => {
      const period = 'from=2024-05-01T00:00:00%2B08:00&to=2024-06-01T00:00:00%2B08:00';
      const stats = await monitor.get<z.output<typeof bulletinStats>>(`/api/v1/bulletins/stats?${period}`);
      expect(stats.status).toBe(200);
      expect(stats.body).toMatchObject({
        unitId: districtId,
        submitted: 1,
        adopted: 1,
        adoptionsByLevel: { provincial: 1 },
        instructed: 1,
        instructionsByLevel: { municipal: 1 },
        score: 10,
      });
      const summary = await monitor.get<z.output<typeof workSummaryStats>>(
        `/api/v1/stats/work-summary?${period}`,
      );
      expect(summary.status).toBe(200);
      expect(summary.body).toMatchObject({
        unitId: districtId,
        bulletins: { submitted: 1, score: 10 },
        publications: { published: 0 },
        incidents: { total: 0 },
      });
      const backwards = await monitor.get(
        `/api/v1/stats/work-summary?from=2024-06-01T00:00:00Z&to=2024-05-01T00:00:00Z`,
      );
      expect(backwards.status).toBe(400);
      expect((await viewer.get(`/api/v1/stats/work-summary?${period}`)).status).toBe(403);
    });
  });
}
