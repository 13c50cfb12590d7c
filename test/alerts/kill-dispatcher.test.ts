/**
 * Delivery survives a dead dispatcher (issue 5): an alert and its outbox row are committed together; a real
 * `worker --roles deliver` process claims the row and is SIGKILLed while the webhook request is in flight;
 * a second worker process, started after the kill, sends it again once the lease has run out. The receiver
 * sees the same delivery id twice and so, deduplicating by it, receives the alert exactly once; the outbox
 * row ends sent, after two attempts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueDeliveries } from '../../src/alerts/dispatch/enqueue.js';
import { createRule, processSignal } from '../../src/alerts/service/index.js';
import type { AlertServiceDeps } from '../../src/alerts/service/deps.js';
import { systemClock } from '../../src/platform/clock.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { startHttpReceiver, type HttpReceiver } from './receivers.js';

const REPO = resolve(import.meta.dirname, '../..');
const WORKER = join(REPO, 'test/alerts/fixtures/deliver-worker.ts');
const SYSTEM = { userId: null, ip: null, unitIds: null };

async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('a dispatcher killed in the middle of a send', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fx-kill-dispatch-'));
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'fx.sqlite')}`,
    JOBS_SQLITE_PATH: join(dir, 'jobs.sqlite'),
    ALERT_DELIVERY_LEASE_SECONDS: '2',
    ALERT_SEND_TIMEOUT_MS: '1500',
    LOG_LEVEL: 'warn',
  };
  let storage: Storage;
  let receiver: HttpReceiver;
  const children: ChildProcess[] = [];

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], { cwd: REPO, env, stdio: 'pipe' });
    children.push(child);
    return child;
  }

  beforeAll(async () => {
    storage = await openStorage(env.DATABASE_URL);
    receiver = await startHttpReceiver();
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await receiver.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is delivered exactly once per channel after a restart', async () => {
    const unit = await storage.units.create({ name: '姑苏区委网信办', parentId: null });
    await storage.channels.create({
      unitId: unit.id,
      kind: 'webhook',
      name: '值班群',
      config: { url: `${receiver.url}/hook` },
    });
    const deps: AlertServiceDeps = {
      storage,
      clock: systemClock,
      hooks: {
        onRaised: async (tx, alert) => void (await enqueueDeliveries(tx, alert, { now: Date.now() })),
      },
    };
    await createRule(deps, SYSTEM, unit.id, { name: '燃气', trigger: { kind: 'scheme_hit', schemeIds: [] } });
    const item = {
      itemId: 'item-1',
      title: '小区燃气泄漏',
      excerpt: '居民闻到燃气味',
      url: 'https://bbs.example.cn/t/1',
      source: '本地论坛',
      publishedAt: Date.now(),
      sentiment: 'negative' as const,
      categories: [],
      regions: [],
      sourceId: null,
      sourceTier: null,
      keyAccount: false,
      engagement: 3,
    };
    const [outcome] = await processSignal(deps, {
      kind: 'scheme_hit',
      unitId: unit.id,
      scheme: { id: 'scheme-1', name: '燃气安全' },
      items: [item],
      earlier: [],
    });
    expect(outcome?.notified).toBe(true);
    const alertId = outcome?.alert.id ?? '';
    expect(await storage.deliveries.listByAlert(alertId)).toMatchObject([{ state: 'pending' }]);

    receiver.answer = () => 'hold';
    const first = startWorker();
    await until(() => receiver.requests.length === 1, 'the first worker to send');
    first.kill('SIGKILL');
    await once(first, 'exit');
    receiver.answer = () => ({ status: 200, body: '{}' });
    receiver.release();

    startWorker();
    await until(() => receiver.requests.length === 2, 'the second worker to send again after the lease');
    await until(
      async () => (await storage.deliveries.listByAlert(alertId))[0]?.state === 'sent',
      'the delivery to be recorded as sent',
    );
    const ids = receiver.requests.map((request) => request.headers['x-fengxiang-delivery']);
    expect(ids[0]).toBeTruthy();
    expect(ids[1]).toBe(ids[0]);
    expect(new Set(ids).size).toBe(1);
    const [delivery] = await storage.deliveries.listByAlert(alertId);
    expect(delivery).toMatchObject({ state: 'sent', attempts: 2 });
  }, 60_000);
});
