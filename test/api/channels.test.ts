/**
 * Alert channels through the API on both engines: CRUD with configuration checked and secrets masked,
 * masked secrets kept on update, a test message sent to a real receiver on 127.0.0.1, delivery status of
 * an alert, the duty roster and alert contacts, all within the caller's units and permissions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createAlertBus } from '../../src/alerts/bus.js';
import { createChannelRegistry } from '../../src/alerts/channels/registry.js';
import { createHttpPoster, type ClosableHttpPoster } from '../../src/alerts/channels/transports/http.js';
import { verifyWebhookSignature } from '../../src/alerts/channels/webhook/sign.js';
import type {
  channel,
  channelList,
  channelTestResult,
  deliveryList,
  dutyShift,
} from '../../src/contract/index.js';
import { startHttpReceiver, type HttpReceiver } from '../alerts/receivers.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

/** The value, failing the test when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

type ChannelView = z.output<typeof channel>;
const SECRET = 'api-test-secret';

describe.each(databaseTargets)('channels API on $name', (target) => {
  let server: TestServer;
  let receiver: HttpReceiver;
  let http: ClosableHttpPoster;
  let monitor: ApiClient;
  let handler: ApiClient;
  let neighbour: ApiClient;
  let districtId: string;
  let handlerUserId: string;

  beforeAll(async () => {
    receiver = await startHttpReceiver();
    http = createHttpPoster({ timeoutMs: 10_000 });
    const registry = createChannelRegistry({ http, mail: null, bus: createAlertBus() });
    server = await startServer(target, { extraDeps: { channelRegistry: registry } });
    const seeded = await seedRoot(server);

    const district = await server.storage.units.create({ name: '姑苏区网信办', parentId: seeded.unit.id });
    const other = await server.storage.units.create({ name: '虎丘区网信办', parentId: seeded.unit.id });
    districtId = district.id;
    const monitorUser = await seedUser(server, districtId, 'gusu-monitor', ['monitor']);
    monitor = new ApiClient(server.baseUrl, (await seedToken(server, monitorUser)).secret);
    const handlerUser = await seedUser(server, districtId, 'gusu-handler', ['handler']);
    handlerUserId = handlerUser.id;
    handler = new ApiClient(server.baseUrl, (await seedToken(server, handlerUser)).secret);
    const neighbourUser = await seedUser(server, other.id, 'huqiu-monitor', ['monitor']);
    neighbour = new ApiClient(server.baseUrl, (await seedToken(server, neighbourUser)).secret);
  }, 60_000);

  afterAll(async () => {
    await server.close();
    await http.close();
    await receiver.close();
  });

  it('creates a channel with its secret masked, keeps the secret on update and sends a test message', async () => {
    const created = await monitor.post<ChannelView>('/api/v1/channels', {
      kind: 'webhook',
      name: '值班平台',
      minLevel: 'orange',
      config: { url: `${receiver.url}/hook`, secret: SECRET },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      unitId: districtId,
      kind: 'webhook',
      minLevel: 'orange',
      enabled: true,
      config: { url: `${receiver.url}/hook`, secret: '******' },
    });
    const id = created.body.id;
    const renamed = await monitor.patch<ChannelView>(`/api/v1/channels/${id}`, {
      name: '新平台',
      config: created.body.config,
    });
    expect(renamed.status).toBe(200);
    expect((await server.storage.channels.get(id))?.config['secret']).toBe(SECRET);

    const tested = await monitor.post<z.output<typeof channelTestResult>>(`/api/v1/channels/${id}/test`);
    expect(tested.body).toEqual({ ok: true, error: null, errorCode: null });
    const request = must(receiver.requests.at(-1));
    expect(JSON.parse(request.body)).toMatchObject({ title: '【蓝色预警】渠道测试消息（无需处置）' });
    expect(
      verifyWebhookSignature(
        SECRET,
        String(request.headers['x-fengxiang-timestamp']),
        request.body,
        String(request.headers['x-fengxiang-signature']),
      ),
    ).toBe(true);

    receiver.answer = () => ({ status: 500, body: 'down' });
    const failed = await monitor.post<z.output<typeof channelTestResult>>(`/api/v1/channels/${id}/test`);
    receiver.answer = () => ({ status: 200, body: '{}' });
    expect(failed.body).toMatchObject({ ok: false, errorCode: 'DELIVERY_FAILED' });
    expect(failed.body.error).toContain('HTTP 500');

    expect((await neighbour.get(`/api/v1/channels/${id}`)).status).toBe(404);
    expect((await neighbour.get<z.output<typeof channelList>>('/api/v1/channels')).body.items).toEqual([]);
    expect((await handler.get('/api/v1/channels')).status).toBe(403);
    expect((await monitor.delete(`/api/v1/channels/${id}`)).status).toBe(200);
    expect((await monitor.get(`/api/v1/channels/${id}`)).status).toBe(404);
  });

  it('refuses a bad configuration with CHANNEL_CONFIG_INVALID and its path', async () => {
    const bad = await monitor.post('/api/v1/channels', {
      kind: 'dingtalk',
      name: '钉钉',
      config: { url: 'ftp://example.cn/robot' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'CHANNEL_CONFIG_INVALID', details: { path: 'url' } });
    const unknown = await monitor.post('/api/v1/channels', {
      kind: 'wecom',
      name: 'x',
      config: { url: 'https://a.cn', x: 1 },
    });
    expect(unknown.body.error.code).toBe('CHANNEL_CONFIG_INVALID');
  });

  it('shows the delivery status of an alert in scope', async () => {
    const hook = await server.storage.channels.create({ unitId: districtId, kind: 'inapp', name: '控制台' });
    await server.storage.deliveries.enqueue(
      [{ alertId: 'alert-x', unitId: districtId, channelId: hook.id, recipient: null, revision: 1 }],
      server.clock.now(),
    );
    const listed = await handler.get<z.output<typeof deliveryList>>('/api/v1/alerts/alert-x/deliveries');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toMatchObject([
      {
        alertId: 'alert-x',
        channelId: hook.id,
        channelName: '控制台',
        channelKind: 'inapp',
        state: 'pending',
        attempts: 0,
      },
    ]);
    expect(
      (await neighbour.get<z.output<typeof deliveryList>>('/api/v1/alerts/alert-x/deliveries')).body.items,
    ).toEqual([]);
  });

  it('keeps the duty roster and alert contacts of users in scope', async () => {
    const shift = await monitor.post<z.output<typeof dutyShift>>('/api/v1/duty-shifts', {
      userId: handlerUserId,
      startsAt: '2024-05-03T08:00:00+08:00',
      endsAt: '2024-05-03T20:00:00+08:00',
      levels: ['red', 'orange'],
    });
    expect(shift.status).toBe(201);
    expect(shift.body).toMatchObject({
      unitId: districtId,
      startsAt: '2024-05-03T00:00:00.000Z',
      levels: ['red', 'orange'],
    });
    const listed = await handler.get<{ items: unknown[] }>(
      '/api/v1/duty-shifts?from=2024-05-03T10:00:00%2B08:00&to=2024-05-03T11:00:00%2B08:00',
    );
    expect(listed.body.items).toHaveLength(1);
    expect(
      (
        await handler.post('/api/v1/duty-shifts', {
          userId: handlerUserId,
          startsAt: '2024-05-03T08:00:00Z',
          endsAt: '2024-05-03T09:00:00Z',
        })
      ).status,
    ).toBe(403);
    const outside = await neighbour.post('/api/v1/duty-shifts', {
      userId: handlerUserId,
      startsAt: '2024-05-03T08:00:00Z',
      endsAt: '2024-05-03T09:00:00Z',
    });
    expect(outside.status).toBe(404);
    expect((await monitor.delete(`/api/v1/duty-shifts/${shift.body.id}`)).status).toBe(200);

    expect(
      (await monitor.post(`/api/v1/users/${handlerUserId}/alert-contact`, { email: 'h@example.cn' })).status,
    ).toBe(200);
    const contacts = await server.storage.channels.contactsOf([districtId]);
    expect(contacts.find((c) => c.userId === handlerUserId)?.email).toBe('h@example.cn');
    expect(
      (await neighbour.post(`/api/v1/users/${handlerUserId}/alert-contact`, { email: null })).status,
    ).toBe(404);
    expect(
      (await monitor.post(`/api/v1/users/${handlerUserId}/alert-contact`, { email: 'not-mail' })).status,
    ).toBe(400);
  });

  it('answers DELIVERY_UNAVAILABLE when the process has no channel registry', async () => {
    const bare = await startServer(target);
    try {
      const seeded = await seedRoot(bare);
      const client = new ApiClient(bare.baseUrl, (await seedToken(bare, seeded.user)).secret);
      const answer = await client.get('/api/v1/channels');
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe('DELIVERY_UNAVAILABLE');
    } finally {
      await bare.close();
    }
  });
});
