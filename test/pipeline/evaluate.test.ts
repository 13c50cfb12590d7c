/**
 * The evaluation job on both engines: stored items are matched against the unit's schemes, hits are
 * recorded once, items are clustered, and the unit's rules raise alerts whose outbox rows are written in
 * the same transaction. A storm of 500 matching posts in one minute becomes one alert with a count of 500
 * and one delivery; a rerun of the same batch records nothing twice; old items raise nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueDeliveries } from '../../src/alerts/dispatch/enqueue.js';
import { createRule } from '../../src/alerts/service/index.js';
import type { AlertServiceDeps } from '../../src/alerts/service/deps.js';
import {
  createSchemeMatcherCache,
  evaluateItems,
  type EvaluateDeps,
} from '../../src/pipeline/evaluate/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { openStorage } from '../../src/storage/index.js';
import type { NewItem, Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const NOW = Date.UTC(2024, 6, 1, 2, 0, 0);
const SYSTEM = { userId: null, ip: null, unitIds: null };

describe.each(databaseTargets)('evaluation job on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  const clock = new ManualClock(NOW);
  let deps: EvaluateDeps;
  let notified = 0;

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    storage = await openStorage(database.url, { clock });
    const alerts: AlertServiceDeps = {
      storage,
      clock,
      hooks: {
        onRaised: async (tx, alert) => void (await enqueueDeliveries(tx, alert, { now: clock.now() })),
      },
    };
    deps = {
      storage,
      clock,
      logger: createLogger('silent'),
      schemes: createSchemeMatcherCache({ storage, clock, recheckMs: 0 }),
      cluster: {},
      alerts,
      authorHashKey: null,
      alertHorizonMs: 24 * 3600_000,
      onNotified: () => {
        notified += 1;
      },
    };
  });

  afterAll(async () => {
    await storage.close();
    await drop();
  });

  async function world(name: string) {
    const unit = await storage.units.create({ name, parentId: null });
    const scheme = await storage.schemes.create({
      unitId: unit.id,
      name: '燃气安全',
      expression: '燃气+(泄漏|爆炸)',
    });
    await createRule(deps.alerts, SYSTEM, unit.id, {
      name: '燃气负面',
      trigger: { kind: 'scheme_hit', schemeIds: [scheme.id], conditions: { sentiments: ['negative'] } },
      levels: [
        { level: 'red', anyOf: [{ statistic: 'count', min: 100 }] },
        { level: 'yellow', anyOf: [] },
      ],
      mergeWindowMinutes: 30,
    });
    await storage.channels.create({
      unitId: unit.id,
      kind: 'webhook',
      name: '值班群',
      config: { url: 'http://127.0.0.1:9/hook' },
    });
    return { unit, scheme };
  }

  function posts(
    unitId: string,
    count: number,
    at: (i: number) => number,
    text: (i: number) => string,
  ): NewItem[] {
    return Array.from({ length: count }, (_, i) => ({
      unitId,
      kind: 'post' as const,
      content: text(i),
      contentHash: `${unitId}-${i}-${at(i)}`,
      author: `网友${i}`,
      publishedAt: at(i),
      collectedAt: at(i),
      sentiment: 'negative' as const,
      sentimentScore: 0.9,
      keywords: ['燃气', '泄漏', '小区'],
      analysedAt: at(i),
    }));
  }

  it('folds a storm of 500 hits in a minute into one alert with its count and one delivery', async () => {
    const { unit, scheme } = await world('风暴单位');
    const ids = await storage.items.insertMany(
      posts(
        unit.id,
        500,
        (i) => NOW + i * 100,
        (i) => `第${i}条：我们小区燃气泄漏了，太吓人`,
      ),
    );
    notified = 0;
    for (let start = 0; start < ids.length; start += 50) {
      clock.advance(5_000);
      const report = await evaluateItems(deps, ids.slice(start, start + 50));
      expect(report.schemeHits).toBe(50);
    }
    const alerts = await storage.alerts.list({ unitIds: [unit.id] }, {}, { limit: 10, cursor: null });
    expect(alerts.items).toHaveLength(1);
    const [alert] = alerts.items;
    expect(alert).toMatchObject({ trigger: 'scheme_hit', schemeId: scheme.id, count: 500 });
    // The first firing was yellow; the merged count crossing 100 raised it to red and told people again.
    expect(alert?.level).toBe('red');
    const deliveries = await storage.deliveries.listByAlert(alert?.id ?? '');
    expect(deliveries.length).toBeLessThanOrEqual(2);
    expect(deliveries.length).toBeGreaterThanOrEqual(1);
    expect(notified).toBe(deliveries.length);

    const buckets = await storage.schemeHits.countBuckets(scheme.id, NOW - 1, NOW + 3600_000, 3600_000);
    expect(buckets.reduce((sum, b) => sum + b.total, 0)).toBe(500);
    // A rerun finds the items evaluated and changes nothing: no hit, no count, no delivery twice.
    const again = await evaluateItems(deps, ids.slice(0, 50));
    expect(again).toMatchObject({ items: 0, schemeHits: 0, alertsRaised: 0, notified: 0 });
    expect((await storage.alerts.get(alert?.id ?? ''))?.count).toBe(500);
    const recounted = await storage.schemeHits.countBuckets(scheme.id, NOW - 1, NOW + 3600_000, 3600_000);
    expect(recounted.reduce((sum, b) => sum + b.total, 0)).toBe(500);
    expect(await storage.items.listUnevaluated(0, NOW + 3600_000, 10)).toEqual([]);
  });

  it('clusters the batch into an event and raises nothing for items outside the alert horizon', async () => {
    const { unit } = await world('旧闻单位');
    const old = NOW - 3 * 24 * 3600_000;
    const ids = await storage.items.insertMany(
      posts(
        unit.id,
        5,
        (i) => old + i * 60_000,
        (i) => `旧帖${i}：燃气泄漏，小区居民撤离`,
      ),
    );
    const report = await evaluateItems(deps, ids);
    expect(report).toMatchObject({ items: 5, schemeHits: 5, alertsRaised: 0 });
    expect(report.eventsTouched).toBeGreaterThan(0);
    const events = await storage.events.eventsOfItems(ids);
    expect(events.size).toBe(5);
    const alerts = await storage.alerts.list({ unitIds: [unit.id] }, {}, { limit: 10, cursor: null });
    expect(alerts.items).toEqual([]);
  });
});
