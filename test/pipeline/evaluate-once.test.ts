/**
 * Evaluation happens once per item, whatever repeats it (issue 9, idempotency): the same batch evaluated by
 * two workers at once (two storage connections, as two processes have, on PostgreSQL), or again after it
 * finished (a retried job, or the alert tick's sweep re-queueing items whose first job was still waiting),
 * records each scheme hit once, counts each matching item once in the alert, puts each item in exactly one
 * event, leaves no empty event behind, and writes one delivery.
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
import { databaseTargets, postgresTarget } from '../helpers/databases.js';

const NOW = Date.UTC(2024, 6, 1, 2, 0, 0);
const SYSTEM = { userId: null, ip: null, unitIds: null };

function depsOver(storage: Storage, clock: ManualClock): EvaluateDeps {
  const alerts: AlertServiceDeps = {
    storage,
    clock,
    hooks: {
      onRaised: async (tx, alert) => void (await enqueueDeliveries(tx, alert, { now: clock.now() })),
    },
  };
  return {
    storage,
    clock,
    logger: createLogger('silent'),
    schemes: createSchemeMatcherCache({ storage, clock, recheckMs: 0 }),
    cluster: {},
    alerts,
    authorHashKey: null,
    alertHorizonMs: 24 * 3600_000,
  };
}

function posts(unitId: string, count: number): NewItem[] {
  return Array.from({ length: count }, (_, i) => ({
    unitId,
    kind: 'post' as const,
    content: `第${i}条：${i % 3 === 0 ? '滨江大桥' : '老城区'}附近燃气泄漏，居民${i}号楼撤离`,
    contentHash: `${unitId}-${i}`,
    author: `网友${i}`,
    publishedAt: NOW - i * 1000,
    collectedAt: NOW - i * 1000,
    sentiment: 'negative' as const,
    sentimentScore: 0.9,
    keywords: ['燃气', '泄漏', i % 2 === 0 ? '撤离' : '居民'],
    analysedAt: NOW,
  }));
}

describe.each(databaseTargets)('evaluation once per item on $name', (target) => {
  const clock = new ManualClock(NOW);
  let url: string;
  let drop: () => Promise<void>;
  let storage: Storage;

  beforeAll(async () => {
    const database = await target.create();
    url = database.url;
    drop = database.drop;
    storage = await openStorage(url, { clock, migrate: true });
  });

  afterAll(async () => {
    await storage.close();
    await drop();
  });

  async function world(name: string): Promise<{ unitId: string; schemeId: string; ids: string[] }> {
    const unit = await storage.units.create({ name, parentId: null });
    const scheme = await storage.schemes.create({ unitId: unit.id, name: '大桥', expression: '滨江大桥' });
    await createRule(depsOver(storage, clock).alerts, SYSTEM, unit.id, {
      name: '大桥预警',
      trigger: { kind: 'scheme_hit', schemeIds: [scheme.id] },
      mergeWindowMinutes: 24 * 60,
    });
    await storage.channels.create({
      unitId: unit.id,
      kind: 'webhook',
      name: '值班群',
      config: { url: 'http://127.0.0.1:9/hook' },
    });
    const ids = await storage.items.insertMany(posts(unit.id, 90));
    return { unitId: unit.id, schemeId: scheme.id, ids };
  }

  async function expectEvaluatedOnce(world: {
    unitId: string;
    schemeId: string;
    ids: string[];
  }): Promise<void> {
    const alerts = await storage.alerts.list({ unitIds: [world.unitId] }, {}, { limit: 10, cursor: null });
    expect(alerts.items).toHaveLength(1);
    expect(alerts.items[0]?.count).toBe(30);
    expect(await storage.deliveries.listByAlert(alerts.items[0]?.id ?? '')).toHaveLength(1);
    const hits = await storage.schemeHits.countBuckets(world.schemeId, NOW - 3600_000, NOW + 1, 3600_000 * 2);
    expect(hits.reduce((sum, bucket) => sum + bucket.total, 0)).toBe(30);
    const events = await storage.events.eventsOfItems(world.ids);
    expect(events.size).toBe(world.ids.length);
    for (const eventId of new Set(events.values())) {
      expect(await storage.events.countMembers(eventId, 0, NOW + 1)).toBeGreaterThan(0);
    }
    expect(await storage.items.unevaluated(world.ids)).toEqual([]);
  }

  it('a batch evaluated again after it finished changes nothing', async () => {
    const unit = await world('重跑单位');
    const deps = depsOver(storage, clock);
    const first = await evaluateItems(deps, unit.ids);
    expect(first).toMatchObject({ items: 90, schemeHits: 30, alertsRaised: 1 });
    clock.advance(60_000);
    expect(await evaluateItems(deps, unit.ids)).toMatchObject({ items: 0, schemeHits: 0, alertsRaised: 0 });
    expect(await evaluateItems(deps, unit.ids.slice(10, 40))).toMatchObject({ items: 0, notified: 0 });
    await expectEvaluatedOnce(unit);
  });

  it('a crash before the items are marked evaluated undoes the alert count, so the rerun counts once', async () => {
    const unit = await world('崩溃单位');
    const crashing: Storage = {
      ...storage,
      transaction: (work) =>
        storage.transaction((tx) =>
          work({
            ...tx,
            items: Object.assign(Object.create(tx.items) as typeof tx.items, {
              markEvaluated: async () => {
                throw new Error('the process died here');
              },
            }),
          }),
        ),
    };
    await expect(evaluateItems(depsOver(crashing, clock), unit.ids)).rejects.toThrow('the process died here');
    const none = await storage.alerts.list({ unitIds: [unit.unitId] }, {}, { limit: 10, cursor: null });
    expect(none.items).toEqual([]);
    expect(await evaluateItems(depsOver(storage, clock), unit.ids)).toMatchObject({
      items: 90,
      alertsRaised: 1,
    });
    await expectEvaluatedOnce(unit);
  });

  it.skipIf(target.name !== 'postgres' || postgresTarget === null)(
    'two workers evaluating the same items at once count them once (PostgreSQL: unit lock)',
    async () => {
      const unit = await world('并发单位');
      const other = await openStorage(url, { clock });
      try {
        const [a, b] = await Promise.all([
          evaluateItems(depsOver(storage, clock), unit.ids),
          evaluateItems(depsOver(other, clock), [...unit.ids].reverse()),
        ]);
        expect(a.items + b.items).toBe(90);
        expect(Math.min(a.items, b.items)).toBe(0);
        await expectEvaluatedOnce(unit);
      } finally {
        await other.close();
      }
    },
  );
});
