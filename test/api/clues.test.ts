/**
 * Clues (问题线索) through the API on both engines: the workflow draft → ready → transferred → outcome with
 * the four criteria, refusals that change nothing, the case-filing rate, and confidentiality: viewers and
 * monitors see no clue, another unit's handler gets 404 for everything, and every view, list and export is
 * in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { captureEvidence } from '../../src/cases/evidence/index.js';
import type { clue, clueDetail, clueExport, cluePage, clueStatsResponse } from '../../src/contract/index.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type ClueView = z.output<typeof clue>;
type DetailView = z.output<typeof clueDetail>;

const ALL_CHECKED = {
  facts_evident: { checked: true, note: '有转账记录截图' },
  plot_clear: { checked: true, note: '时间、地点、人物清楚' },
  details_complete: { checked: true, note: '金额和经手人明确' },
  verifiable: { checked: true, note: '可调取银行流水' },
};

for (const target of databaseTargets) {
  describe(`clues API on ${target.name}`, () => {
    let server: TestServer;
    let handler: ApiClient;
    let leader: ApiClient;
    let monitor: ApiClient;
    let viewer: ApiClient;
    let neighbour: ApiClient;
    let districtId: string;
    let handlerId: string;
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
        return { user, client: new ApiClient(server.baseUrl, (await seedToken(server, user)).secret) };
      };
      const handling = await client(districtId, 'gusu-handler', ['handler']);
      handler = handling.client;
      handlerId = handling.user.id;
      leader = (await client(districtId, 'gusu-leader', ['leader'])).client;
      monitor = (await client(districtId, 'gusu-monitor', ['monitor'])).client;
      viewer = (await client(districtId, 'gusu-viewer', ['viewer'])).client;
      neighbour = (await client(neighbourId, 'huqiu-handler', ['handler'])).client;
      const now = server.clock.now();
      const item = (unitId: string, content: string) => ({
        unitId,
        kind: 'post' as const,
        content,
        contentHash: content,
        publishedAt: now,
        collectedAt: now,
      });
      [itemId = '', neighbourItemId = ''] = await server.storage.items.insertMany([
        item(districtId, '网友爆料某街道干部违规收受购物卡'),
        item(neighbourId, '另一区的帖子'),
      ]);
    }, 60_000);

    afterAll(async () => server.close());

    const create = (client: ApiClient, extra: Record<string, unknown> = {}) =>
      client.post<ClueView>('/api/v1/clues', {
        title: '某街道干部收受购物卡',
        summary: '网帖称某街道干部多次收受辖区企业购物卡',
        origin: 'item',
        itemIds: [itemId],
        ...extra,
      });

    const auditActions = async (targetId: string) =>
      (await server.storage.audit.list({ unitIds: null }, { targetId }, { limit: 100 })).items.map(
        (e) => e.action,
      );

    it('runs a clue from draft through the checklist and transfer to an outcome', async () => {
      const created = await create(handler);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        unitId: districtId,
        state: 'draft',
        origin: 'item',
        itemIds: [itemId],
      });
      expect(created.body.actions).toEqual(['edit', 'mark_ready']);
      const id = created.body.id;

      const partial = await handler.patch<ClueView>(`/api/v1/clues/${id}`, {
        checklist: { facts_evident: ALL_CHECKED.facts_evident },
      });
      expect(partial.body.checklist.facts_evident).toEqual(ALL_CHECKED.facts_evident);
      expect(partial.body.checklist.plot_clear).toEqual({ checked: false, note: null });
      const unmet = await handler.post(`/api/v1/clues/${id}/ready`);
      expect(unmet.status).toBe(409);
      expect(unmet.body.error).toMatchObject({
        code: 'CLUE_CRITERIA_UNMET',
        details: { unmet: ['plot_clear', 'details_complete', 'verifiable'] },
      });

      await handler.patch(`/api/v1/clues/${id}`, { checklist: ALL_CHECKED });
      expect(
        (await handler.post<ClueView>(`/api/v1/clues/${id}/ready`, { note: '四项标准均满足' })).body.state,
      ).toBe('ready');
      const transferred = await handler.post<ClueView>(`/api/v1/clues/${id}/transfer`, {
        toUnitName: '姑苏区纪委监委',
        contact: '王科长 0512-65000000',
      });
      expect(transferred.status).toBe(200);
      expect(transferred.body).toMatchObject({
        state: 'transferred',
        transfer: {
          toUnitName: '姑苏区纪委监委',
          contact: '王科长 0512-65000000',
          by: handlerId,
          evidenceIds: [],
        },
      });
      expect(
        (await handler.post<ClueView>(`/api/v1/clues/${id}/outcome`, { outcome: 'in_progress' })).body.state,
      ).toBe('in_progress');
      const filed = await handler.post<ClueView>(`/api/v1/clues/${id}/outcome`, {
        outcome: 'filed',
        note: '已立案审查',
      });
      expect(filed.body).toMatchObject({
        state: 'filed',
        outcome: 'filed',
        outcomeNote: '已立案审查',
        actions: [],
      });

      const detail = await handler.get<DetailView>(`/api/v1/clues/${id}`);
      expect(detail.body.timeline.map((e) => e.action)).toEqual([
        'create',
        'edit',
        'edit',
        'mark_ready',
        'transfer',
        'record_in_progress',
        'record_filed',
      ]);
      expect(detail.body.timeline[3]).toMatchObject({
        fromState: 'draft',
        toState: 'ready',
        note: '四项标准均满足',
      });
      expect(await auditActions(id)).toEqual(
        expect.arrayContaining([
          'clue.create',
          'clue.edit',
          'clue.mark_ready',
          'clue.transfer',
          'clue.record_in_progress',
          'clue.record_filed',
          'clue.view',
        ]),
      );
    });

    it('hands the clue’s evidence over as a package identified by its hash', async () => {
      const id = (await create(handler)).body.id;
      const evidence = await captureEvidence(
        { storage: server.storage, clock: server.clock },
        { unitId: districtId, itemId, recordType: 'clue', recordId: id, actorUserId: handlerId },
      );
      await handler.patch(`/api/v1/clues/${id}`, { checklist: ALL_CHECKED });
      await handler.post(`/api/v1/clues/${id}/ready`);
      const missing = await handler.post(`/api/v1/clues/${id}/transfer`, {
        toUnitName: '纪委',
        contact: '张',
        evidenceIds: ['no-such-evidence'],
      });
      expect(missing.status).toBe(404);
      expect((await server.storage.clues.get(id))?.state).toBe('ready');
      const transferred = await handler.post<ClueView>(`/api/v1/clues/${id}/transfer`, {
        toUnitName: '姑苏区纪委监委',
        contact: '王科长',
      });
      expect(transferred.body.transfer?.evidenceIds).toEqual([evidence.id]);
      const packageId = transferred.body.transfer?.packageId ?? '';
      expect(packageId).toMatch(/^[0-9a-f]{64}$/);
      const exports = await server.storage.audit.list(
        { unitIds: null },
        { action: 'evidence.export', targetId: packageId },
        { limit: 10 },
      );
      expect(exports.items).toHaveLength(1);
      expect(exports.items[0]?.detail).toMatchObject({ evidenceIds: [evidence.id], records: [`clue:${id}`] });
      const exported = await handler.get<z.output<typeof clueExport>>(`/api/v1/clues/${id}/export`);
      expect(exported.body.evidence).toEqual([
        expect.objectContaining({ id: evidence.id, itemId, itemTextSha256: evidence.itemTextSha256 }),
      ]);
    });

    it('refuses illegal transitions and changes nothing', async () => {
      const id = (await create(handler)).body.id;
      const before = await server.storage.caseTimeline.list('clue', id);
      const refused = await handler.post(`/api/v1/clues/${id}/transfer`, {
        toUnitName: '纪委',
        contact: '张',
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'CASE_TRANSITION_INVALID',
        details: { state: 'draft', action: 'transfer' },
      });
      expect((await handler.post(`/api/v1/clues/${id}/outcome`, { outcome: 'filed' })).status).toBe(409);
      expect((await server.storage.clues.get(id))?.state).toBe('draft');
      expect(await server.storage.caseTimeline.list('clue', id)).toEqual(before);
      await handler.patch(`/api/v1/clues/${id}`, { checklist: ALL_CHECKED });
      await handler.post(`/api/v1/clues/${id}/ready`);
      const locked = await handler.patch(`/api/v1/clues/${id}`, { title: '改标题' });
      expect(locked.body.error.code).toBe('CASE_TRANSITION_INVALID');
      expect((await handler.post<ClueView>(`/api/v1/clues/${id}/reopen`)).body.state).toBe('draft');
      expect(
        (await handler.post('/api/v1/clues', { title: 'x', summary: 'y', origin: 'item', itemIds: [] }))
          .status,
      ).toBe(400);
      expect((await create(handler, { itemIds: [neighbourItemId] })).status).toBe(404);
    });

    it('shows clues only to roles that may see them', async () => {
      const id = (await create(handler)).body.id;
      for (const client of [viewer, monitor]) {
        expect((await client.get('/api/v1/clues')).status).toBe(403);
        expect((await client.get(`/api/v1/clues/${id}`)).status).toBe(403);
        expect((await client.get(`/api/v1/clues/${id}/export`)).status).toBe(403);
        expect(
          (await client.get('/api/v1/clues/stats?from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:00Z')).status,
        ).toBe(403);
      }
      expect((await leader.get(`/api/v1/clues/${id}`)).status).toBe(200);
      expect(
        (await leader.post('/api/v1/clues', { title: 'x', summary: 'y', origin: 'manual' })).status,
      ).toBe(403);
      expect((await leader.post(`/api/v1/clues/${id}/ready`)).status).toBe(403);
    });

    it('hides a unit’s clues from another unit’s handler', async () => {
      const id = (await create(handler)).body.id;
      expect((await neighbour.get(`/api/v1/clues/${id}`)).status).toBe(404);
      expect((await neighbour.get(`/api/v1/clues/${id}/export`)).status).toBe(404);
      expect((await neighbour.patch(`/api/v1/clues/${id}`, { title: '改' })).status).toBe(404);
      expect((await neighbour.post(`/api/v1/clues/${id}/ready`)).status).toBe(404);
      expect((await neighbour.post(`/api/v1/clues/${id}/outcome`, { outcome: 'filed' })).status).toBe(404);
      const list = await neighbour.get<z.output<typeof cluePage>>('/api/v1/clues?limit=200');
      expect(list.body.items.map((c) => c.id)).not.toContain(id);
      expect((await create(neighbour, { unitId: districtId, itemIds: [], origin: 'manual' })).status).toBe(
        404,
      );
      expect((await server.storage.clues.get(id))?.title).toBe('某街道干部收受购物卡');
    });

    it('audits every view, list and export with who and from where', async () => {
      const id = (await create(handler)).body.id;
      await leader.get(`/api/v1/clues/${id}`);
      const exported = await leader.get<z.output<typeof clueExport>>(`/api/v1/clues/${id}/export`);
      expect(exported.status).toBe(200);
      expect(exported.body.clue.id).toBe(id);
      expect(exported.body.timeline.map((e) => e.action)).toEqual(['create']);
      const list = await leader.get<z.output<typeof cluePage>>(`/api/v1/clues?itemId=${itemId}&limit=200`);
      expect(list.body.items.map((c) => c.id)).toContain(id);

      const entries = (
        await server.storage.audit.list({ unitIds: null }, { targetType: 'clue' }, { limit: 500 })
      ).items;
      const views = entries.filter((e) => e.targetId === id && e.action === 'clue.view');
      expect(views).toHaveLength(1);
      expect(views[0]).toMatchObject({ unitId: districtId, ip: '127.0.0.1' });
      const exports = entries.filter((e) => e.targetId === id && e.action === 'clue.export');
      expect(exports).toHaveLength(1);
      expect(exports[0]?.actorUserId).toBe(views[0]?.actorUserId);
      const lists = entries.filter(
        (e) => e.action === 'clue.list' && e.actorUserId === views[0]?.actorUserId,
      );
      expect(lists.at(-1)?.detail).toMatchObject({ filter: { itemId } });
      expect((lists.at(-1)?.detail['clueIds'] as string[] | undefined) ?? []).toContain(id);
    });

    it('reports the case-filing rate and counts per state', async () => {
      const outcomes = ['filed', 'not_filed', 'closed_after_check', 'filed'] as const;
      for (const outcome of outcomes) {
        const id = (await create(handler)).body.id;
        await handler.patch(`/api/v1/clues/${id}`, { checklist: ALL_CHECKED });
        await handler.post(`/api/v1/clues/${id}/ready`);
        await handler.post(`/api/v1/clues/${id}/transfer`, { toUnitName: '纪委', contact: '张' });
        await handler.post(`/api/v1/clues/${id}/outcome`, { outcome });
      }
      const stats = await leader.get<z.output<typeof clueStatsResponse>>(
        '/api/v1/clues/stats?from=2024-05-01T00:00:00%2B08:00&to=2024-06-01T00:00:00%2B08:00',
      );
      expect(stats.status).toBe(200);
      // with the first test's filed clue and the evidence test's clue awaiting an outcome: 3 filed of 5 final
      expect(stats.body.items).toEqual([
        expect.objectContaining({
          unitId: districtId,
          transferred: 6,
          awaiting: 1,
          filed: 3,
          notFiled: 1,
          closedAfterCheck: 1,
          filingRate: 0.6,
        }),
      ]);
      expect(
        (
          await neighbour.get<z.output<typeof clueStatsResponse>>(
            '/api/v1/clues/stats?from=2024-05-01T00:00:00Z&to=2024-06-01T00:00:00Z',
          )
        ).body.items,
      ).toEqual([]);
      const counts = await handler.get<{ byState: Record<string, number> }>('/api/v1/clues/counts');
      expect(counts.body.byState).toMatchObject({ filed: 3, not_filed: 1, closed_after_check: 1 });
    });
  });
}
