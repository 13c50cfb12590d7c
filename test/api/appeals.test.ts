/**
 * Appeals (网络诉求) through the API on both engines: intake by API, from flagged items and from
 * message-board sources (each item once); triage (accept, merge keeping the link, reject with a reason);
 * dispatch with a 5-working-day deadline registered in the case deadlines; one extension of up to 10 days;
 * return within 2 working days only; replies one by one and as a batch (all or none); publication of the
 * reply through a publisher that calls a fixture HTTP server; satisfaction; statistics; and permissions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { PublishReply } from '../../src/cases/appeals/index.js';
import type {
  appeal,
  appealBatchReplyResponse,
  appealDepartment,
  appealDetail,
  appealIntakeResponse,
  appealPage,
  appealStatsResponse,
} from '../../src/contract/index.js';
import { databaseTargets } from '../helpers/databases.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type AppealView = z.output<typeof appeal>;
type DetailView = z.output<typeof appealDetail>;

const DAY = 86_400_000;
/** The harness clock starts at 2024-05-03T04:00Z: Friday 12:00 in Shanghai. */
const cst = (date: string): string => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();

/** Publishes to the fixture board: appeals without a post id are unsupported; a 5xx answer throws. */
function boardPublisher(board: FixtureServer): PublishReply {
  return async (appealRecord, reply) => {
    if (appealRecord.externalRef === null) return { published: false, reason: 'unsupported' };
    const response = await fetch(board.url(`/reply?post=${appealRecord.externalRef}&len=${reply.length}`), {
      method: 'POST',
    });
    if (!response.ok) throw new Error(`board answered ${response.status}`);
    const body = (await response.json()) as { url: string };
    return { published: true, url: body.url };
  };
}

for (const target of databaseTargets) {
  describe(`appeals API on ${target.name}`, () => {
    let server: TestServer;
    let board: FixtureServer;
    let handler: ApiClient;
    let leader: ApiClient;
    let viewer: ApiClient;
    let neighbour: ApiClient;
    let districtId: string;
    let housingId: string;
    let trafficId: string;
    let boardFails = false;

    beforeAll(async () => {
      board = await startFixtureServer({
        '/reply': (request) =>
          boardFails
            ? { status: 503, body: 'busy' }
            : {
                status: 200,
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({
                  url: `https://board.example.cn/post/${request.query.get('post') ?? ''}#reply`,
                }),
              },
      });
      server = await startServer(target, { extraDeps: { publishAppealReply: boardPublisher(board) } });
      const root = await seedRoot(server);
      districtId = (await server.storage.units.create({ name: '姑苏区网信办', parentId: root.unit.id })).id;
      const neighbourId = (
        await server.storage.units.create({ name: '虎丘区网信办', parentId: root.unit.id })
      ).id;
      const client = async (unitId: string, name: string, roles: Parameters<typeof seedUser>[3]) => {
        const user = await seedUser(server, unitId, name, roles);
        return new ApiClient(server.baseUrl, (await seedToken(server, user)).secret);
      };
      handler = await client(districtId, 'gusu-handler', ['handler']);
      leader = await client(districtId, 'gusu-leader', ['leader']);
      viewer = await client(districtId, 'gusu-viewer', ['viewer']);
      neighbour = await client(neighbourId, 'huqiu-handler', ['handler']);
      housingId = (
        await handler.post<z.output<typeof appealDepartment>>('/api/v1/appeal-departments', {
          name: '区住建局',
          categories: ['housing'],
          contact: '0512-1111',
        })
      ).body.id;
      trafficId = (
        await handler.post<z.output<typeof appealDepartment>>('/api/v1/appeal-departments', {
          name: '区交通局',
          categories: ['traffic'],
        })
      ).body.id;
    }, 60_000);

    afterAll(async () => {
      await server.close();
      await board.close();
    });

    const submit = (client: ApiClient = handler, extra: Record<string, unknown> = {}) =>
      client.post<AppealView>('/api/v1/appeals', {
        title: '小区停水三天',
        content: '我们小区已经停水三天，请尽快解决',
        citizenName: '李女士',
        category: 'housing',
        ...extra,
      });

    const dispatched = async (extra: Record<string, unknown> = {}) => {
      const id = (await submit(handler, extra)).body.id;
      await handler.post(`/api/v1/appeals/${id}/accept`);
      await handler.post(`/api/v1/appeals/${id}/dispatch`, { departmentId: housingId });
      return id;
    };

    it('runs an appeal from intake to a published, rated, closed reply', async () => {
      const created = await submit(handler, { externalRef: 'post-77' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        channel: 'api',
        state: 'new',
        unitId: districtId,
        actions: ['accept', 'merge', 'reject'],
      });
      const id = created.body.id;
      expect(
        (await handler.post<AppealView>(`/api/v1/appeals/${id}/accept`, { category: 'housing' })).body.state,
      ).toBe('accepted');
      const sent = await handler.post<AppealView>(`/api/v1/appeals/${id}/dispatch`, {
        departmentId: housingId,
      });
      // Friday noon + 5 working days: the end of Friday 10 May
      expect(sent.body).toMatchObject({
        state: 'dispatched',
        departmentId: housingId,
        dueAt: cst('2024-05-11'),
        overdue: false,
      });
      let detail = await handler.get<DetailView>(`/api/v1/appeals/${id}`);
      expect(detail.body.deadlines).toEqual([
        expect.objectContaining({
          kind: 'reply',
          dueAt: cst('2024-05-11'),
          remindAt: cst('2024-05-10'),
          doneAt: null,
        }),
      ]);

      const extended = await handler.post<AppealView>(`/api/v1/appeals/${id}/extend`, {
        days: 3,
        reason: '需现场勘查',
      });
      expect(extended.body).toMatchObject({
        dueAt: cst('2024-05-16'),
        extensionDays: 3,
        extensionReason: '需现场勘查',
      });
      const again = await handler.post(`/api/v1/appeals/${id}/extend`, { days: 1, reason: '再延' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('APPEAL_EXTENSION_REFUSED');
      expect((await handler.post(`/api/v1/appeals/${id}/extend`, { days: 11, reason: 'x' })).status).toBe(
        400,
      );

      server.clock.advance(2 * DAY); // Sunday
      const replied = await handler.post<AppealView>(`/api/v1/appeals/${id}/reply`, {
        text: '已协调供水公司恢复供水',
      });
      expect(replied.body).toMatchObject({
        state: 'replied',
        reply: '已协调供水公司恢复供水',
        onTime: true,
        handlingDays: 0,
        publishState: 'published',
        publishedUrl: 'https://board.example.cn/post/post-77#reply',
      });
      expect(board.count(`/reply?post=post-77&len=11`)).toBe(1);
      expect(
        (await handler.post<AppealView>(`/api/v1/appeals/${id}/rate`, { satisfaction: 'satisfied' })).body
          .satisfaction,
      ).toBe('satisfied');
      expect((await handler.post<AppealView>(`/api/v1/appeals/${id}/close`)).body.state).toBe('closed');

      detail = await handler.get<DetailView>(`/api/v1/appeals/${id}`);
      expect(detail.body.timeline.map((e) => e.action)).toEqual([
        'intake',
        'accept',
        'dispatch',
        'extend',
        'reply',
        'publish',
        'rate',
        'close',
      ]);
      expect(detail.body.deadlines[0]?.doneAt).not.toBeNull();
      const audit = await server.storage.audit.list({ unitIds: null }, { targetId: id }, { limit: 50 });
      expect(audit.items.map((e) => e.action)).toEqual(
        expect.arrayContaining(['appeal.dispatch', 'appeal.reply', 'appeal.publish']),
      );
      server.clock.advance(-2 * DAY);
    });

    it('takes items in from analysis flags and message boards, each once', async () => {
      const now = server.clock.now();
      const boardSource = await server.storage.sources.create({
        unitId: districtId,
        name: '市长信箱',
        kind: 'feed',
        url: 'https://board.example.cn/feed',
        platform: 'message_board',
      });
      const item = (content: string, extra: Record<string, unknown>) => ({
        unitId: districtId,
        kind: 'post' as const,
        content,
        contentHash: content,
        publishedAt: now - DAY,
        collectedAt: now,
        ...extra,
      });
      const [flagged = '', fromBoard = '', plain = ''] = await server.storage.items.insertMany([
        item('路灯坏了一个月没人修，请有关部门处理', {
          appeal: true,
          categories: ['traffic'],
          author: '王先生',
        }),
        item('建议增加公交班次', { sourceId: boardSource.id, externalId: 'board-9', appeal: false }),
        item('今天天气不错', { appeal: false }),
      ]);
      const intake = await handler.post<z.output<typeof appealIntakeResponse>>('/api/v1/appeals/from-items', {
        itemIds: [flagged, fromBoard, plain, 'missing'],
      });
      expect(intake.body.items.map((r) => r.outcome)).toEqual([
        'created',
        'created',
        'not_an_appeal',
        'not_found',
      ]);
      expect(intake.body.items[0]?.appeal).toMatchObject({
        channel: 'item',
        category: 'traffic',
        citizenName: '王先生',
        itemId: flagged,
      });
      expect(intake.body.items[1]?.appeal).toMatchObject({
        channel: 'message_board',
        externalRef: 'board-9',
        sourceId: boardSource.id,
      });
      const repeat = await handler.post<z.output<typeof appealIntakeResponse>>('/api/v1/appeals/from-items', {
        itemIds: [flagged, plain],
        force: true,
      });
      expect(repeat.body.items.map((r) => r.outcome)).toEqual(['existing', 'created']);
      expect(repeat.body.items[0]?.appeal?.id).toBe(intake.body.items[0]?.appeal?.id);
      const fromNeighbour = await neighbour.post<z.output<typeof appealIntakeResponse>>(
        '/api/v1/appeals/from-items',
        {
          itemIds: [flagged],
        },
      );
      expect(fromNeighbour.body.items[0]?.outcome).toBe('not_found');
      const boards = await handler.get<z.output<typeof appealPage>>('/api/v1/appeals?channel=message_board');
      expect(boards.body.items.map((a) => a.itemId)).toEqual([fromBoard]);
    });

    it('merges duplicates keeping the link, and rejects with a reason', async () => {
      const main = (await submit()).body.id;
      const duplicate = (await submit()).body.id;
      const merged = await handler.post<AppealView>(`/api/v1/appeals/${duplicate}/merge`, { intoId: main });
      expect(merged.body).toMatchObject({ state: 'merged', mergedIntoId: main, actions: [] });
      expect(
        (await handler.get<DetailView>(`/api/v1/appeals/${main}`)).body.duplicates.map((a) => a.id),
      ).toEqual([duplicate]);
      const third = (await submit()).body.id;
      const intoMerged = await handler.post(`/api/v1/appeals/${third}/merge`, { intoId: duplicate });
      expect(intoMerged.body.error.code).toBe('APPEAL_MERGE_INVALID');
      expect((await handler.post(`/api/v1/appeals/${third}/merge`, { intoId: third })).body.error.code).toBe(
        'APPEAL_MERGE_INVALID',
      );
      expect((await handler.post(`/api/v1/appeals/${third}/reject`, {})).status).toBe(400);
      const rejected = await handler.post<AppealView>(`/api/v1/appeals/${third}/reject`, {
        reason: '不属于本单位职责',
      });
      expect(rejected.body).toMatchObject({ state: 'rejected', rejectReason: '不属于本单位职责' });
    });

    it('lets a department return a misrouted appeal within 2 working days only', async () => {
      const id = await dispatched();
      const returned = await handler.post<AppealView>(`/api/v1/appeals/${id}/return`, {
        reason: '应由交通局办理',
      });
      expect(returned.body).toMatchObject({
        state: 'returned',
        returnReason: '应由交通局办理',
        departmentId: null,
      });
      const redispatched = await handler.post<AppealView>(`/api/v1/appeals/${id}/dispatch`, {
        departmentId: trafficId,
      });
      expect(redispatched.body).toMatchObject({ state: 'dispatched', departmentId: trafficId });

      // dispatched Friday noon: the window ends with Tuesday 7 May
      server.clock.advance(4 * DAY); // Tuesday noon
      const late = await dispatched();
      server.clock.advance(-4 * DAY);
      const other = await dispatched();
      server.clock.advance(4 * DAY + 12 * 3_600_000); // Wednesday 00:00 in Shanghai
      const tooLate = await handler.post(`/api/v1/appeals/${other}/return`, { reason: '不归我们管' });
      expect(tooLate.status).toBe(409);
      expect(tooLate.body.error.code).toBe('APPEAL_RETURN_TOO_LATE');
      expect((await server.storage.appeals.get(other))?.state).toBe('dispatched');
      expect(
        (await handler.post<AppealView>(`/api/v1/appeals/${late}/return`, { reason: '不归我们管' })).body
          .state,
      ).toBe('returned');
      const overdue = await handler.get<z.output<typeof appealPage>>('/api/v1/appeals?overdue=true');
      expect(overdue.body.items).toEqual([]);
      server.clock.advance(3 * DAY); // Saturday 11 May 00:00: the deadline of Friday's dispatches has passed
      const late2 = await handler.get<z.output<typeof appealPage>>('/api/v1/appeals?overdue=true');
      expect(late2.body.items.map((a) => a.id).sort()).toEqual([id, other].sort());
      expect(late2.body.items.every((a) => a.overdue)).toBe(true);
      server.clock.advance(-(7 * DAY + 12 * 3_600_000));
    });

    it('replies to several similar appeals at once, all or none', async () => {
      const ids = [await dispatched(), await dispatched(), await dispatched({ externalRef: 'post-5' })];
      const notDispatched = (await submit()).body.id;
      const refused = await handler.post('/api/v1/appeals/batch-reply', {
        appealIds: [...ids, notDispatched],
        text: '统一答复：已安排检修',
      });
      expect(refused.status).toBe(409);
      for (const id of ids) expect((await server.storage.appeals.get(id))?.state).toBe('dispatched');

      const batch = await handler.post<z.output<typeof appealBatchReplyResponse>>(
        '/api/v1/appeals/batch-reply',
        {
          appealIds: ids,
          text: '统一答复：已安排检修',
        },
      );
      expect(batch.status).toBe(200);
      expect(batch.body.items.map((a) => [a.state, a.replyBatchId, a.onTime])).toEqual(
        ids.map(() => ['replied', batch.body.batchId, true]),
      );
      expect(batch.body.items.map((a) => a.publishState)).toEqual([
        'unsupported',
        'unsupported',
        'published',
      ]);
      expect((await server.storage.appeals.listByBatch(batch.body.batchId)).map((a) => a.id).sort()).toEqual(
        [...ids].sort(),
      );
    });

    it('records a failed publication and publishes again on request', async () => {
      const id = await dispatched({ externalRef: 'post-9' });
      boardFails = true;
      const failed = await handler.post<AppealView>(`/api/v1/appeals/${id}/reply`, { text: '已处理' });
      expect(failed.body).toMatchObject({
        state: 'replied',
        publishState: 'failed',
        publishError: 'board answered 503',
      });
      boardFails = false;
      const retried = await handler.post<AppealView>(`/api/v1/appeals/${id}/publish`);
      expect(retried.body).toMatchObject({ publishState: 'published', publishError: null });
    });

    it('refuses illegal transitions and changes nothing', async () => {
      const id = (await submit()).body.id;
      const refused = await handler.post(`/api/v1/appeals/${id}/reply`, { text: '答复' });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'CASE_TRANSITION_INVALID',
        details: { state: 'new', action: 'reply' },
      });
      expect((await handler.post(`/api/v1/appeals/${id}/close`)).status).toBe(409);
      expect((await server.storage.appeals.get(id))?.state).toBe('new');
      expect((await server.storage.caseTimeline.list('appeal', id)).map((e) => e.action)).toEqual(['intake']);
    });

    it('keeps another unit’s appeals out of reach and checks roles', async () => {
      const id = (await submit()).body.id;
      expect((await neighbour.get(`/api/v1/appeals/${id}`)).status).toBe(404);
      expect((await neighbour.post(`/api/v1/appeals/${id}/accept`)).status).toBe(404);
      expect((await neighbour.post(`/api/v1/appeals/${id}/reject`, { reason: '越权' })).status).toBe(404);
      expect(
        (await neighbour.post('/api/v1/appeals/batch-reply', { appealIds: [id], text: 'x' })).status,
      ).toBe(404);
      expect((await submit(neighbour, { unitId: districtId })).status).toBe(404);
      expect(
        (await neighbour.patch(`/api/v1/appeal-departments/${housingId}`, { name: '改名' })).status,
      ).toBe(404);
      const accepted = (await handler.post(`/api/v1/appeals/${id}/accept`)) && id;
      const foreignDepartment = (
        await neighbour.post<z.output<typeof appealDepartment>>('/api/v1/appeal-departments', {
          name: '虎丘住建',
        })
      ).body.id;
      expect(
        (await handler.post(`/api/v1/appeals/${accepted}/dispatch`, { departmentId: foreignDepartment }))
          .status,
      ).toBe(404);
      const list = await neighbour.get<z.output<typeof appealPage>>('/api/v1/appeals?limit=200');
      expect(list.body.items.map((a) => a.id)).not.toContain(id);
      expect((await server.storage.appeals.get(id))?.state).toBe('accepted');

      expect((await viewer.get('/api/v1/appeals')).status).toBe(403);
      expect((await leader.get(`/api/v1/appeals/${id}`)).status).toBe(200);
      expect((await leader.post(`/api/v1/appeals/${id}/reject`, { reason: '无' })).status).toBe(403);
    });

    it('reports statistics by unit, department and category', async () => {
      const query = 'from=2024-05-01T00:00:00%2B08:00&to=2024-06-01T00:00:00%2B08:00';
      const byUnit = await leader.get<z.output<typeof appealStatsResponse>>(`/api/v1/appeals/stats?${query}`);
      expect(byUnit.status).toBe(200);
      const unit = byUnit.body.items.find((s) => s.key === districtId);
      const stored = (await server.storage.appeals.list({ unitIds: [districtId] }, {}, { limit: 500 })).items;
      const counted = stored.filter((a) => a.state !== 'merged');
      expect(unit).toMatchObject({
        received: counted.length,
        rejected: counted.filter((a) => a.state === 'rejected').length,
        replied: counted.filter((a) => a.repliedAt !== null).length,
        satisfied: 1,
      });
      expect(unit?.onTimeRate).toBe(1);
      const byDepartment = await leader.get<z.output<typeof appealStatsResponse>>(
        `/api/v1/appeals/stats?${query}&groupBy=department`,
      );
      expect(byDepartment.body.groupBy).toBe('department');
      expect(byDepartment.body.items.find((s) => s.key === housingId)?.replied).toBe(
        counted.filter((a) => a.departmentId === housingId && a.repliedAt !== null).length,
      );
      const byCategory = await leader.get<z.output<typeof appealStatsResponse>>(
        `/api/v1/appeals/stats?${query}&groupBy=category`,
      );
      expect(byCategory.body.items.map((s) => s.key)).toEqual(expect.arrayContaining(['housing', 'traffic']));
      const counts = await handler.get<{ byState: Record<string, number> }>('/api/v1/appeals/counts');
      expect(counts.body.byState['merged']).toBe(1);
      expect(
        (
          await neighbour.get<z.output<typeof appealStatsResponse>>(`/api/v1/appeals/stats?${query}`)
        ).body.items.map((s) => s.key),
      ).not.toContain(districtId);
    });
  });
}
