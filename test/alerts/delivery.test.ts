/**
 * Alert delivery end to end on both engines: the outbox rows are written in the alert's transaction, the
 * dispatcher sends them to a real HTTP receiver on 127.0.0.1 (generic webhook, 企业微信, 钉钉, 飞书, Slack)
 * and a real SMTP server, signatures verify at the receiver, 500 answers are retried with backoff until
 * dead, and a dispatcher that dies between claiming and finishing a send leaves the row to the next one,
 * so the receiver gets each delivery exactly once after deduplicating by delivery id.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertBus, type AlertBusMessage } from '../../src/alerts/bus.js';
import { createChannelRegistry } from '../../src/alerts/channels/registry.js';
import { createHttpPoster, type ClosableHttpPoster } from '../../src/alerts/channels/transports/http.js';
import {
  createSmtpTransport,
  type ClosableMailTransport,
} from '../../src/alerts/channels/transports/smtp.js';
import { verifyWebhookSignature } from '../../src/alerts/channels/webhook/sign.js';
import { dispatchDue, startDispatcher, type DispatcherDeps } from '../../src/alerts/dispatch/dispatcher.js';
import { enqueueDeliveries } from '../../src/alerts/dispatch/enqueue.js';
import type { Alert } from '../../src/domain/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { openStorage } from '../../src/storage/index.js';
import type { Channel, Storage } from '../../src/storage/repositories.js';
import { testAlert } from '../../src/alerts/channels/test-alert.js';
import { databaseTargets } from '../helpers/databases.js';
import {
  decodeEncodedWords,
  headerOf,
  startHttpReceiver,
  startSmtpReceiver,
  type HttpReceiver,
  type SmtpReceiver,
} from './receivers.js';

/** The value, failing the test when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

const START = Date.UTC(2024, 4, 3, 4, 0);
const LEASE_MS = 60_000;
const RETRY = { baseDelayMs: 1000, maxDelayMs: 10_000, maxAttempts: 3 };
const HOOK_SECRET = 'hook-secret-123';
const DING_SECRET = 'SECdingtalk-secret';
const FEISHU_SECRET = 'feishu-secret-1';

describe.each(databaseTargets)('alert delivery on $name', (target) => {
  let drop: () => Promise<void>;
  let storage: Storage;
  let clock: ManualClock;
  let receiver: HttpReceiver;
  let smtp: SmtpReceiver;
  let http: ClosableHttpPoster;
  let mail: ClosableMailTransport;
  let deps: DispatcherDeps;
  const alerts = new Map<string, Alert>();
  const busMessages: AlertBusMessage[] = [];
  let districtId: string;
  let flaky: Channel;

  async function raise(alert: Alert, channelIds: string[] | null = null) {
    alerts.set(alert.id, alert);
    return storage.transaction((tx) => enqueueDeliveries(tx, alert, { now: clock.now(), channelIds }));
  }

  function alertOf(id: string): Alert {
    const base = testAlert({ unitId: districtId, issuer: '市委网信办', now: START, level: 'red' });
    return {
      ...base,
      id,
      title: '某化工厂异味引发居民关注',
      category: '环境污染',
      scope: '姑苏区',
      matter: '多名网民反映化工厂夜间排放异味',
      evidence: {
        ...base.evidence,
        items: [
          { ...must(base.evidence.items[0]), title: '网民反映化工厂异味', url: 'https://bbs.example.cn/t/0' },
        ],
      },
    };
  }

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    clock = new ManualClock(START);
    storage = await openStorage(database.url, { clock });
    receiver = await startHttpReceiver();
    smtp = await startSmtpReceiver();
    http = createHttpPoster({ timeoutMs: 10_000 });
    mail = createSmtpTransport({
      url: smtp.url,
      from: '风向预警 <alerts@fengxiang.test>',
      timeoutMs: 10_000,
    });
    const bus = createAlertBus();
    bus.subscribe((message) => busMessages.push(message));
    deps = {
      deliveries: storage.deliveries,
      channels: storage.channels,
      alerts: { get: async (id) => alerts.get(id) ?? null },
      registry: createChannelRegistry({ http, mail, bus }),
      clock,
      logger: createLogger('silent'),
      random: () => 0.5,
      settings: { leaseMs: LEASE_MS, retry: RETRY, timeZone: 'Asia/Shanghai' },
    };

    const city = await storage.units.create({ name: '市委网信办', parentId: null });
    const district = await storage.units.create({ name: '姑苏区', parentId: city.id });
    districtId = district.id;
    const leader = await storage.users.create({
      unitId: city.id,
      username: 'leader',
      displayName: '领导',
      passwordHash: 'x',
      roles: ['leader'],
    });
    await storage.channels.setContact(leader.id, 'leader@example.cn');
    const add = (kind: Channel['kind'], name: string, config: Record<string, unknown>, unitId = districtId) =>
      storage.channels.create({ unitId, kind, name, config });
    await add('webhook', 'hook', { url: `${receiver.url}/hook`, secret: HOOK_SECRET });
    await add('dingtalk', 'ding', { url: `${receiver.url}/dingtalk?access_token=tok`, secret: DING_SECRET });
    await add('feishu', 'feishu', { url: `${receiver.url}/feishu`, secret: FEISHU_SECRET });
    await add('wecom', 'wecom', { url: `${receiver.url}/wecom?key=k` });
    await add('slack', 'slack', { url: `${receiver.url}/slack` });
    await add('inapp', 'console', {});
    await storage.channels.create({
      unitId: city.id,
      kind: 'email',
      name: 'leaders',
      coverSubunits: true,
      minLevel: 'orange',
      config: { to: ['duty@example.cn'], roles: ['leader'] },
    });
    flaky = await add('webhook', 'flaky', { url: `${receiver.url}/flaky` });
    await storage.channels.update(flaky.id, { enabled: false });
  }, 60_000);

  afterAll(async () => {
    await receiver.close();
    await smtp.close();
    mail.close();
    await http.close();
    await storage.close();
    await drop();
  });

  it('writes the outbox in the alert transaction and delivers to every channel', async () => {
    const written = await raise(alertOf('alert-all'));
    expect(
      written
        .map((d) => d.recipient)
        .filter(Boolean)
        .sort(),
    ).toEqual(['duty@example.cn', 'leader@example.cn']);
    expect(written).toHaveLength(8);
    const outcomes = await dispatchDue(deps);
    expect(outcomes).toEqual(Array(8).fill('sent'));
    const rows = await storage.deliveries.listByAlert('alert-all');
    expect(rows.every((row) => row.state === 'sent' && row.attempts === 1 && row.sentAt === START)).toBe(
      true,
    );
    expect(await dispatchDue(deps)).toEqual([]);

    const byPath = (prefix: string) => receiver.requests.filter((r) => r.path.startsWith(prefix));
    const [hook] = byPath('/hook');
    const body = JSON.parse(must(hook).body) as {
      deliveryId: string;
      title: string;
      fields: Record<string, string>;
    };
    expect(body.title).toBe('【红色预警】某化工厂异味引发居民关注');
    expect(body.fields).toMatchObject({ 级别: '红色预警', 影响范围: '姑苏区', 发布单位: '市委网信办' });
    expect(must(hook).headers['x-fengxiang-delivery']).toBe(body.deliveryId);
    const timestamp = String(must(hook).headers['x-fengxiang-timestamp']);
    expect(timestamp).toBe(String(START / 1000));
    expect(
      verifyWebhookSignature(
        HOOK_SECRET,
        timestamp,
        must(hook).body,
        String(must(hook).headers['x-fengxiang-signature']),
      ),
    ).toBe(true);

    const ding = new URL(must(byPath('/dingtalk')[0]).path, receiver.url);
    const dingTs = must(ding.searchParams.get('timestamp'));
    const dingSign = createHmac('sha256', DING_SECRET).update(`${dingTs}\n${DING_SECRET}`).digest('base64');
    expect(ding.searchParams.get('sign')).toBe(dingSign);
    expect(JSON.parse(must(byPath('/dingtalk')[0]).body)).toMatchObject({ msgtype: 'markdown' });

    const feishu = JSON.parse(must(byPath('/feishu')[0]).body) as {
      timestamp: string;
      sign: string;
      card: unknown;
    };
    const feishuSign = createHmac('sha256', `${feishu.timestamp}\n${FEISHU_SECRET}`)
      .update('')
      .digest('base64');
    expect(feishu.sign).toBe(feishuSign);
    expect(JSON.stringify(feishu.card)).toContain('【红色预警】');

    const wecom = JSON.parse(must(byPath('/wecom')[0]).body) as { markdown: { content: string } };
    expect(wecom.markdown.content).toContain('**警示事项：**多名网民反映化工厂夜间排放异味');
    expect(wecom.markdown.content).toContain('(https://bbs.example.cn/t/0)');
    expect(JSON.parse(must(byPath('/slack')[0]).body)).toMatchObject({
      text: expect.stringContaining('*类别：*环境污染'),
    });

    expect(
      smtp.mails
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual(['duty@example.cn', 'leader@example.cn']);
    const raw = must(smtp.mails[0]).raw;
    expect(decodeEncodedWords(must(headerOf(raw, 'subject')))).toBe('【红色预警】某化工厂异味引发居民关注');
    expect(raw).toMatch(/multipart\/alternative/);
    expect(raw).toMatch(/text\/plain/);
    expect(raw).toMatch(/text\/html/);
    expect(headerOf(raw, 'x-fengxiang-delivery')).toMatch(/^[0-9a-f]{28}$/);
    expect(busMessages.map((m) => m.alert.id)).toEqual(['alert-all']);
  });

  it('writes nothing when the alert transaction rolls back', async () => {
    const alert = alertOf('alert-rolled-back');
    await expect(
      storage.transaction(async (tx) => {
        await enqueueDeliveries(tx, alert, { now: clock.now() });
        throw new Error('the alert write failed');
      }),
    ).rejects.toThrow('the alert write failed');
    expect(await storage.deliveries.listByAlert(alert.id)).toEqual([]);
  });

  it('retries 500 answers with backoff and ends dead after the last attempt', async () => {
    await storage.channels.update(flaky.id, { enabled: true });
    receiver.answer = (request) =>
      request.path === '/flaky' ? { status: 500, body: 'down' } : { status: 200, body: '{}' };
    try {
      const [row] = await raise(alertOf('alert-flaky'), [flaky.id]);
      expect(await dispatchDue(deps)).toEqual(['failed']);
      // attempt 1 failed: next after 1000 × (0.5 + 0.5 × 0.5) = 750 ms
      expect(await storage.deliveries.get(must(row).id)).toMatchObject({
        state: 'failed',
        attempts: 1,
        nextAttemptAt: clock.now() + 750,
        lastError: expect.stringContaining('HTTP 500'),
      });
      clock.advance(749);
      expect(await dispatchDue(deps)).toEqual([]);
      clock.advance(1);
      expect(await dispatchDue(deps)).toEqual(['failed']);
      expect((await storage.deliveries.get(must(row).id))?.nextAttemptAt).toBe(clock.now() + 1500);
      clock.advance(1500);
      expect(await dispatchDue(deps)).toEqual(['dead']);
      expect(await storage.deliveries.get(must(row).id)).toMatchObject({ state: 'dead', attempts: 3 });
      expect(receiver.requests.filter((r) => r.path === '/flaky')).toHaveLength(3);

      receiver.answer = (request) =>
        request.path === '/flaky' && receiver.requests.filter((r) => r.path === '/flaky').length === 4
          ? { status: 503, body: '' }
          : { status: 200, body: '{}' };
      const [second] = await raise(alertOf('alert-flaky-2'), [flaky.id]);
      expect(await dispatchDue(deps)).toEqual(['failed']);
      clock.advance(750);
      expect(await dispatchDue(deps)).toEqual(['sent']);
      expect(await storage.deliveries.get(must(second).id)).toMatchObject({ state: 'sent', attempts: 2 });
    } finally {
      receiver.answer = () => ({ status: 200, body: '{"errcode":0}' });
      await storage.channels.update(flaky.id, { enabled: false });
    }
  });

  it('delivers exactly once per channel when a dispatcher dies between claim and completion', async () => {
    const alert = alertOf('alert-killed');
    const hook = must((await storage.channels.list({ unitIds: null })).find((c) => c.name === 'hook'));
    const [row] = await raise(alert, [hook.id]);
    const before = receiver.requests.length;
    receiver.answer = () => 'hold';
    // The first dispatcher claims and sends; the receiver takes the request but the answer never comes
    // back in time: for the outbox this dispatcher is as good as dead.
    const dying = dispatchDue(deps);
    await waitUntil(() => receiver.requests.length === before + 1);
    expect(await storage.deliveries.get(must(row).id)).toMatchObject({ state: 'pending', attempts: 1 });
    receiver.answer = () => ({ status: 200, body: '{}' });

    expect(await dispatchDue(deps)).toEqual([]);
    clock.advance(LEASE_MS);
    expect(await dispatchDue(deps)).toEqual(['sent']);
    receiver.release();
    expect(await dying).toEqual(['lease-lost']);

    const got = receiver.requests.slice(before).filter((r) => r.path === '/hook');
    expect(got).toHaveLength(2);
    const unique = new Set(got.map((r) => r.headers['x-fengxiang-delivery']));
    expect([...unique]).toEqual([must(row).id]);
    expect(await storage.deliveries.get(must(row).id)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('notifies again as a new revision when a merged alert is raised again', async () => {
    const hook = must((await storage.channels.list({ unitIds: null })).find((c) => c.name === 'hook'));
    const alert = alertOf('alert-revised');
    await raise(alert, [hook.id]);
    await raise({ ...alert, count: 5 }, [hook.id]);
    expect((await storage.deliveries.listByAlert(alert.id)).map((d) => d.revision)).toEqual([1, 2]);
    expect(await dispatchDue(deps)).toEqual(['sent', 'sent']);
  });
  it('runs in the background when started, is woken after an alert and stops cleanly', async () => {
    const hook = must((await storage.channels.list({ unitIds: null })).find((c) => c.name === 'hook'));
    const dispatcher = startDispatcher({ ...deps, settings: { ...deps.settings, pollMs: 60_000 } });
    try {
      const [row] = await raise(alertOf('alert-background'), [hook.id]);
      dispatcher.wake();
      await waitUntilAsync(async () => (await storage.deliveries.get(must(row).id))?.state === 'sent');
    } finally {
      await dispatcher.stop();
    }
  });
});

/** Polls `check` until it holds (the receiver runs in this process; no timing is asserted). */
async function waitUntil(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

/** Like {@link waitUntil} for a check that reads storage. */
async function waitUntilAsync(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(await check()).toBe(true);
}
