/**
 * What the dispatcher tells the metrics, on a real webhook receiver on 127.0.0.1: a sent alert's latency
 * (alert creation → successful send) by channel kind, failed attempts by result and error code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertBus } from '../../src/alerts/bus.js';
import { createChannelRegistry } from '../../src/alerts/channels/registry.js';
import { testAlert } from '../../src/alerts/channels/test-alert.js';
import { createHttpPoster, type ClosableHttpPoster } from '../../src/alerts/channels/transports/http.js';
import { dispatchDue, type DispatcherDeps } from '../../src/alerts/dispatch/dispatcher.js';
import { enqueueDeliveries } from '../../src/alerts/dispatch/enqueue.js';
import type { Alert } from '../../src/domain/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { createMetrics, type Metrics } from '../../src/platform/metrics/index.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { sqliteTarget } from '../helpers/databases.js';
import { sampleValue } from '../helpers/prometheus.js';
import { startHttpReceiver, type HttpReceiver } from './receivers.js';

const START = Date.UTC(2024, 4, 3, 4, 0);

describe('alert delivery metrics', () => {
  let drop: () => Promise<void>;
  let storage: Storage;
  let clock: ManualClock;
  let receiver: HttpReceiver;
  let http: ClosableHttpPoster;
  let metrics: Metrics;
  let deps: DispatcherDeps;
  let unitId: string;
  const alerts = new Map<string, Alert>();

  beforeAll(async () => {
    const database = await sqliteTarget.create();
    drop = database.drop;
    clock = new ManualClock(START);
    storage = await openStorage(database.url, { clock });
    receiver = await startHttpReceiver();
    http = createHttpPoster({ timeoutMs: 10_000 });
    metrics = createMetrics({ now: () => clock.now(), processMetrics: false });
    deps = {
      deliveries: storage.deliveries,
      channels: storage.channels,
      alerts: { get: async (id) => alerts.get(id) ?? null },
      registry: createChannelRegistry({ http, mail: null, bus: createAlertBus() }),
      clock,
      logger: createLogger('silent'),
      random: () => 0.5,
      metrics,
      settings: { retry: { baseDelayMs: 1000, maxDelayMs: 10_000, maxAttempts: 3 } },
    };
    unitId = (await storage.units.create({ name: '姑苏区', parentId: null })).id;
  }, 60_000);

  afterAll(async () => {
    await receiver.close();
    await http.close();
    await storage.close();
    await drop();
  });

  async function raise(id: string, path: string): Promise<void> {
    const channel = await storage.channels.create({
      unitId,
      kind: 'webhook',
      name: path,
      config: { url: `${receiver.url}${path}` },
    });
    const alert = { ...testAlert({ unitId, issuer: '姑苏区', now: clock.now(), level: 'red' }), id };
    alerts.set(id, alert);
    await storage.transaction((tx) =>
      enqueueDeliveries(tx, alert, { now: clock.now(), channelIds: [channel.id] }),
    );
  }

  it('observes the seconds from the alert to its successful send, by channel kind', async () => {
    await raise('alert-late', '/hook');
    clock.advance(12_000);
    expect(await dispatchDue(deps)).toEqual(['sent']);

    const text = await metrics.render();
    expect(sampleValue(text, 'fengxiang_alert_deliveries_total', { kind: 'webhook', result: 'sent' })).toBe(
      1,
    );
    const latency = (name: string, labels: Record<string, string> = {}) =>
      sampleValue(text, `fengxiang_alert_delivery_latency_seconds_${name}`, { kind: 'webhook', ...labels });
    expect(latency('count')).toBe(1);
    expect(latency('sum')).toBe(12);
    expect(latency('bucket', { le: '10' })).toBe(0);
    expect(latency('bucket', { le: '30' })).toBe(1);
  });

  it('counts a failed attempt by result and its error code, with no latency', async () => {
    receiver.answer = (request) =>
      request.path === '/down' ? { status: 500, body: 'down' } : { status: 200, body: '{}' };
    await raise('alert-down', '/down');
    expect(await dispatchDue(deps)).toEqual(['failed']);

    const text = await metrics.render();
    expect(sampleValue(text, 'fengxiang_alert_deliveries_total', { kind: 'webhook', result: 'failed' })).toBe(
      1,
    );
    expect(sampleValue(text, 'fengxiang_errors_total', { code: 'DELIVERY_FAILED', origin: 'delivery' })).toBe(
      1,
    );
    expect(sampleValue(text, 'fengxiang_alert_delivery_latency_seconds_count', { kind: 'webhook' })).toBe(1);
  });
});
