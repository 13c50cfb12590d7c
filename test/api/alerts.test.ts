/**
 * Alerts and alert rules through the API on both engines: rules CRUD with validation errors naming the
 * field, versions, permissions and scope; alert lists with filters and pages, one alert with its history,
 * the life cycle (acknowledge, handle, close; illegal moves 409); and the SSE stream read from a real
 * HTTP connection, which shows only the caller's units and unsubscribes when the client goes away.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createAlertBus, type AlertBus, type AlertBusMessage } from '../../src/alerts/bus.js';
import type { SchemeHitSignal } from '../../src/alerts/rules/signals.js';
import { createRule, processSignal } from '../../src/alerts/service/index.js';
import type {
  alert,
  alertDetail,
  alertPage,
  alertRule,
  alertRulePage,
  alertRuleVersionList,
} from '../../src/contract/index.js';
import type { AlertRecord } from '../../src/storage/repositories.js';
import { databaseTargets, sqliteTarget } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type RuleView = z.output<typeof alertRule>;
type AlertView = z.output<typeof alert>;

const RULE = {
  name: '涉房负面',
  trigger: { kind: 'scheme_hit', conditions: { sentiments: ['negative'] } },
  levels: [
    { level: 'red', anyOf: [{ statistic: 'count', min: 3 }] },
    { level: 'yellow', anyOf: [] },
  ],
  notice: { category: '涉房舆情', issuer: '姑苏区网信办' },
};

function hit(unitId: string, schemeId: string, n: number): SchemeHitSignal {
  return {
    kind: 'scheme_hit',
    unitId,
    scheme: { id: schemeId, name: `方案${schemeId}` },
    earlier: [],
    items: [
      {
        itemId: `item-${n}`,
        title: '业主维权',
        excerpt: '小区业主聚集',
        url: `https://bbs.example.cn/t/${n}`,
        source: '本地论坛',
        publishedAt: Date.UTC(2024, 4, 3, 3, 0),
        sentiment: 'negative',
        categories: [],
        regions: [{ province: '江苏省', city: '苏州市', county: null }],
        sourceId: null,
        sourceTier: null,
        keyAccount: false,
        engagement: 1,
      },
    ],
  };
}

/** A bus that counts subscribers, so the test sees the SSE handler unsubscribe. */
function countingBus(): AlertBus & { subscribers(): number; unsubscribed: Promise<void> } {
  const inner = createAlertBus();
  let count = 0;
  let resolve: () => void = () => undefined;
  const unsubscribed = new Promise<void>((done) => (resolve = done));
  return {
    publish: (message) => inner.publish(message),
    subscribe(listener) {
      count += 1;
      const stop = inner.subscribe(listener);
      return () => {
        count -= 1;
        stop();
        resolve();
      };
    },
    subscribers: () => count,
    unsubscribed,
  };
}

/** The value, or a failed test when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

for (const target of databaseTargets) {
  describe(`alerts API on ${target.name}`, () => {
    let server: TestServer;
    let bus: ReturnType<typeof countingBus>;
    let monitor: ApiClient;
    let handler: ApiClient;
    let viewer: ApiClient;
    let neighbour: ApiClient;
    let districtId: string;
    let neighbourId: string;
    let handlerUserId: string;

    beforeAll(async () => {
      bus = countingBus();
      server = await startServer(target, { extraDeps: { alertBus: bus } });
      const seeded = await seedRoot(server);
      districtId = (await server.storage.units.create({ name: '姑苏区网信办', parentId: seeded.unit.id })).id;
      neighbourId = (await server.storage.units.create({ name: '虎丘区网信办', parentId: seeded.unit.id }))
        .id;
      const token = async (unitId: string, name: string, roles: Parameters<typeof seedUser>[3]) => {
        const user = await seedUser(server, unitId, name, roles);
        return { user, client: new ApiClient(server.baseUrl, (await seedToken(server, user)).secret) };
      };
      monitor = (await token(districtId, 'gusu-monitor', ['monitor'])).client;
      const handling = await token(districtId, 'gusu-handler', ['handler']);
      handler = handling.client;
      handlerUserId = handling.user.id;
      viewer = (await token(districtId, 'gusu-viewer', ['viewer'])).client;
      neighbour = (await token(neighbourId, 'huqiu-monitor', ['monitor'])).client;
    }, 60_000);

    afterAll(async () => {
      await server.close();
    });

    describe('rules', () => {
      it('creates, reads, changes, versions and deletes a rule', async () => {
        const created = await monitor.post<RuleView>('/api/v1/alert-rules', RULE);
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
          unitId: districtId,
          name: '涉房负面',
          enabled: true,
          version: 1,
          trigger: 'scheme_hit',
        });
        expect(created.body.definition).toMatchObject({
          mergeWindowMinutes: 30,
          notice: { category: '涉房舆情' },
        });
        const id = created.body.id;
        expect((await handler.get<RuleView>(`/api/v1/alert-rules/${id}`)).body.name).toBe('涉房负面');
        const changed = await monitor.patch<RuleView>(`/api/v1/alert-rules/${id}`, {
          enabled: false,
          mergeWindowMinutes: 10,
        });
        expect(changed.status).toBe(200);
        expect(changed.body).toMatchObject({
          version: 2,
          enabled: false,
          definition: { mergeWindowMinutes: 10 },
        });
        const versions = await handler.get<z.output<typeof alertRuleVersionList>>(
          `/api/v1/alert-rules/${id}/versions`,
        );
        expect(versions.body.items.map((v) => [v.version, v.enabled])).toEqual([
          [2, false],
          [1, true],
        ]);
        const list = await handler.get<z.output<typeof alertRulePage>>('/api/v1/alert-rules?enabled=false');
        expect(list.body.items.map((r) => r.id)).toEqual([id]);
        expect((await monitor.delete(`/api/v1/alert-rules/${id}`)).status).toBe(200);
        expect((await monitor.get(`/api/v1/alert-rules/${id}`)).status).toBe(404);
        const audit = await server.storage.audit.list({ unitIds: null }, { targetId: id }, { limit: 10 });
        expect(audit.items.map((e) => e.action).sort()).toEqual([
          'alert-rule.create',
          'alert-rule.delete',
          'alert-rule.update',
        ]);
      });

      it('answers RULE_INVALID with the path of the bad field', async () => {
        const bad = await monitor.post('/api/v1/alert-rules', {
          ...RULE,
          quietHours: { start: '7 pm', end: '07:00' },
        });
        expect(bad.status).toBe(400);
        expect(bad.body.error.code).toBe('RULE_INVALID');
        expect(bad.body.error.details['path']).toBe('quietHours.start');
        const created = await monitor.post<RuleView>('/api/v1/alert-rules', RULE);
        const patch = await monitor.patch(`/api/v1/alert-rules/${created.body.id}`, {
          levels: [{ level: 'purple' }],
        });
        expect(patch.body.error).toMatchObject({ code: 'RULE_INVALID', details: { path: 'levels.0.level' } });
      });

      it('needs alerts:admin to change and alerts:read to read; other units see nothing', async () => {
        expect((await handler.post('/api/v1/alert-rules', RULE)).status).toBe(403);
        expect((await viewer.get('/api/v1/alert-rules')).status).toBe(403);
        const created = await monitor.post<RuleView>('/api/v1/alert-rules', RULE);
        expect((await neighbour.get(`/api/v1/alert-rules/${created.body.id}`)).status).toBe(404);
        expect(
          (await neighbour.patch(`/api/v1/alert-rules/${created.body.id}`, { enabled: false })).status,
        ).toBe(404);
        expect((await neighbour.post('/api/v1/alert-rules', { ...RULE, unitId: districtId })).status).toBe(
          404,
        );
      });
    });

    describe('alerts', () => {
      let first: AlertRecord;
      let second: AlertRecord;

      beforeAll(async () => {
        const deps = { storage: server.storage, clock: server.clock };
        const system = { userId: null, ip: null, unitIds: null };
        // Only the rules of this section fire: remove those the rule tests left behind.
        for (const rule of await server.storage.alertRules.listEnabled(null))
          await server.storage.alertRules.delete(rule.id);
        await createRule(deps, system, districtId, RULE);
        await createRule(deps, system, neighbourId, RULE);
        [first] = (await processSignal(deps, hit(districtId, 's1', 1))).map((o) => o.alert) as [AlertRecord];
        for (const n of [2, 3]) await processSignal(deps, hit(districtId, 's1', n));
        server.clock.advance(60_000);
        [second] = (await processSignal(deps, hit(districtId, 's2', 4))).map((o) => o.alert) as [AlertRecord];
        await processSignal(deps, hit(neighbourId, 's1', 5));
      });

      it('lists alerts of the caller’s units with filters and keyset pages', async () => {
        const all = await handler.get<z.output<typeof alertPage>>('/api/v1/alerts');
        expect(all.body.items.map((a) => a.id)).toEqual([second.id, first.id]);
        expect(all.body.items[1]).toMatchObject({
          count: 3,
          level: 'red',
          levelName: '红色',
          category: '涉房舆情',
          issuer: '姑苏区网信办',
          scope: '江苏省苏州市',
        });
        const red = await handler.get<z.output<typeof alertPage>>('/api/v1/alerts?level=red');
        expect(red.body.items.map((a) => a.id)).toEqual([first.id]);
        const byScheme = await handler.get<z.output<typeof alertPage>>(
          '/api/v1/alerts?schemeId=s2&status=new&trigger=scheme_hit',
        );
        expect(byScheme.body.items.map((a) => a.id)).toEqual([second.id]);
        const since = encodeURIComponent(new Date(second.createdAt).toISOString());
        expect(
          (await handler.get<z.output<typeof alertPage>>(`/api/v1/alerts?from=${since}`)).body.items,
        ).toHaveLength(1);
        const page1 = await handler.get<z.output<typeof alertPage>>('/api/v1/alerts?limit=1');
        const page2 = await handler.get<z.output<typeof alertPage>>(
          `/api/v1/alerts?limit=1&cursor=${page1.body.nextCursor}`,
        );
        expect([...page1.body.items, ...page2.body.items].map((a) => a.id)).toEqual([second.id, first.id]);
        expect(page2.body.nextCursor).toBeNull();
        expect((await handler.get('/api/v1/alerts?level=purple')).status).toBe(400);
        expect((await viewer.get('/api/v1/alerts')).status).toBe(403);
      });

      it('shows one alert with its evidence and history; other units get 404', async () => {
        const one = await handler.get<z.output<typeof alertDetail>>(`/api/v1/alerts/${first.id}`);
        expect(one.status).toBe(200);
        expect(one.body.evidence).toMatchObject({
          statistic: 'count',
          reasons: expect.arrayContaining(['情感为负面']),
        });
        expect(one.body.evidence.items[0]).toMatchObject({
          itemId: 'item-1',
          url: 'https://bbs.example.cn/t/1',
        });
        expect(one.body.history.map((h) => h.action)).toEqual(['raise', 'level']);
        expect((await neighbour.get(`/api/v1/alerts/${first.id}`)).status).toBe(404);
      });

      it('acknowledges, handles and closes with who and when; refuses illegal moves with 409', async () => {
        const acked = await handler.post<AlertView>(`/api/v1/alerts/${first.id}/acknowledge`);
        expect(acked.status).toBe(200);
        expect(acked.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: handlerUserId });
        const again = await handler.post(`/api/v1/alerts/${first.id}/acknowledge`);
        expect(again.status).toBe(409);
        expect(again.body.error.code).toBe('ALERT_TRANSITION_INVALID');
        const handling = await handler.post<AlertView>(`/api/v1/alerts/${first.id}/handle`, {
          incidentId: 'inc-7',
          note: '已转办',
        });
        expect(handling.body).toMatchObject({ status: 'handling', incidentId: 'inc-7' });
        const closed = await handler.post<AlertView>(`/api/v1/alerts/${first.id}/close`, { note: '已处置' });
        expect(closed.body).toMatchObject({ status: 'closed', closedBy: handlerUserId });
        expect(closed.body.closedAt).not.toBeNull();
        expect((await handler.post(`/api/v1/alerts/${first.id}/close`)).status).toBe(409);
        expect((await viewer.post(`/api/v1/alerts/${second.id}/acknowledge`)).status).toBe(403);
        expect((await neighbour.post(`/api/v1/alerts/${second.id}/acknowledge`)).status).toBe(404);
        const detail = await handler.get<z.output<typeof alertDetail>>(`/api/v1/alerts/${first.id}`);
        expect(detail.body.history.map((h) => [h.action, h.actorUserId])).toEqual([
          ['raise', null],
          ['level', null],
          ['acknowledge', handlerUserId],
          ['handle', handlerUserId],
          ['close', handlerUserId],
        ]);
      });

      it('streams new alerts of the caller’s units over SSE and unsubscribes on disconnect', async () => {
        // node:http rather than fetch: destroying the request closes the socket at once.
        const request = httpRequest(`${server.baseUrl}/api/v1/alerts/stream`, {
          headers: { authorization: `Bearer ${handler.token ?? ''}` },
        });
        request.end();
        const response = await new Promise<IncomingMessage>((resolve) => request.once('response', resolve));
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toContain('text/event-stream');
        response.setEncoding('utf8');
        const chunks = response[Symbol.asyncIterator]() as AsyncIterator<string>;
        let text = '';
        const readUntil = async (needle: string): Promise<void> => {
          while (!text.includes(needle)) {
            const { value, done } = await chunks.next();
            if (done) throw new Error(`stream ended before ${needle}`);
            text += value;
          }
        };
        await readUntil(': connected');
        expect(bus.subscribers()).toBe(1);
        const neighbourAlert = await server.storage.alerts.list({ unitIds: [neighbourId] }, {}, { limit: 1 });
        const message = (alertRecord: AlertRecord, deliveryId: string): AlertBusMessage => ({
          alert: alertRecord,
          deliveryId,
        });
        bus.publish(message(must(neighbourAlert.items[0]), 'delivery-neighbour'));
        bus.publish(message(second, 'delivery-1'));
        await readUntil('id: delivery-1');
        await readUntil('}\n\n');
        expect(text).not.toContain('delivery-neighbour');
        const frame = text.slice(text.indexOf('id: delivery-1'));
        expect(frame).toContain('event: alert');
        const data = must(frame.split('\n').find((line) => line.startsWith('data: '))).slice('data: '.length);
        expect(JSON.parse(data)).toMatchObject({
          id: second.id,
          unitId: districtId,
          level: 'yellow',
          title: second.title,
        });
        request.destroy();
        await bus.unsubscribed;
        expect(bus.subscribers()).toBe(0);
      });
    });
  });
}

describe('alerts stream without an alert bus', () => {
  it('answers 503 ALERT_STREAM_UNAVAILABLE', async () => {
    const server = await startServer(sqliteTarget);
    try {
      const seeded = await seedRoot(server);
      const client = new ApiClient(server.baseUrl, (await seedToken(server, seeded.user)).secret);
      const response = await client.get('/api/v1/alerts/stream');
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe('ALERT_STREAM_UNAVAILABLE');
    } finally {
      await server.close();
    }
  });
});
