/**
 * Measures how one evaluation batch's cost grows with the size of the event its items join (issue 9): seeds
 * a unit with one event of N members straight through the repositories, then times evaluating 100 new items
 * that join it (the steady state, between full refreshes) and one full refresh of the event. Not a test:
 * run it with `npx tsx test/pipeline/event-size.measure.ts [sizes…]` (PostgreSQL too when
 * FENGXIANG_TEST_POSTGRES_URL is set); it prints one line per engine and size.
 */
import { performance } from 'node:perf_hooks';
import type { AlertServiceDeps } from '../../src/alerts/service/deps.js';
import { resolveDeps } from '../../src/pipeline/cluster/index.js';
import { blankEvent, refreshEvent } from '../../src/pipeline/cluster/refresh.js';
import { createSchemeMatcherCache, evaluateItems } from '../../src/pipeline/evaluate/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { openStorage } from '../../src/storage/index.js';
import type { NewItem, Storage } from '../../src/storage/repositories.js';
import { postgresTarget, sqliteTarget, type DatabaseTarget } from '../helpers/databases.js';

const NOW = Date.UTC(2024, 6, 1, 12, 0, 0);
const SPREAD_MS = 6 * 3600_000;
const BATCH = 100;

function posts(unitId: string, count: number, first: number, at: (i: number) => number): NewItem[] {
  return Array.from({ length: count }, (_, i) => ({
    unitId,
    kind: 'post' as const,
    title: `燃气泄漏第${first + i}条`,
    content: `第${first + i}条：我们小区燃气泄漏了，太吓人，物业还没来`,
    contentHash: `h-${first + i}`,
    author: `网友${(first + i) % 997}`,
    platform: 'weibo',
    publishedAt: at(i),
    collectedAt: at(i),
    sentiment: 'negative' as const,
    sentimentScore: 0.9,
    keywords: ['燃气', '泄漏', '小区', '物业'],
    likes: (first + i) % 13,
    analysedAt: at(i),
  }));
}

async function seed(storage: Storage, clock: ManualClock, size: number): Promise<string> {
  const unit = await storage.units.create({ name: `单位${size}`, parentId: null });
  const ids: string[] = [];
  for (let start = 0; start < size; start += 2000) {
    const count = Math.min(2000, size - start);
    ids.push(
      ...(await storage.items.insertMany(
        posts(unit.id, count, start, (i) => NOW - SPREAD_MS + Math.floor(((start + i) * SPREAD_MS) / size)),
      )),
    );
  }
  await storage.items.markEvaluated(ids, NOW);
  const deps = resolveDeps({ storage, clock });
  const eventId = `event-${size}`;
  await storage.transaction(async (tx) => {
    await tx.events.insert(blankEvent(eventId, unit.id, NOW));
    await tx.events.addMembers(
      eventId,
      ids.map((itemId) => ({ itemId, joinedAt: NOW, centrality: 0.9 })),
    );
    await refreshEvent(deps, tx, eventId, NOW);
  });
  return unit.id;
}

async function measure(target: DatabaseTarget, size: number): Promise<void> {
  const database = await target.create();
  const clock = new ManualClock(NOW);
  const storage = await openStorage(database.url, { clock });
  try {
    const unitId = await seed(storage, clock, size);
    const alerts: AlertServiceDeps = { storage, clock };
    const deps = {
      storage,
      clock,
      logger: createLogger('silent'),
      schemes: createSchemeMatcherCache({ storage, clock, recheckMs: 0 }),
      cluster: {},
      alerts,
      authorHashKey: null,
      alertHorizonMs: 24 * 3600_000,
    };
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      clock.advance(1000);
      const at = clock.now();
      const ids = await storage.items.insertMany(
        posts(unitId, BATCH, size + round * BATCH, (i) => at - 1000 + i),
      );
      const started = performance.now();
      const report = await evaluateItems(deps, ids);
      times.push(performance.now() - started);
      if (report.eventsTouched !== 1) throw new Error(`expected one event, got ${report.eventsTouched}`);
    }
    const eventId = `event-${size}`;
    const started = performance.now();
    await storage.transaction((tx) =>
      refreshEvent(resolveDeps({ storage, clock }), tx, eventId, NOW + 10 * 60_000),
    );
    const refreshMs = performance.now() - started;
    const event = await storage.events.get(eventId);
    console.log(
      `${target.name} N=${size}: batch of ${BATCH} ms = ${times.map((t) => t.toFixed(0)).join(', ')}; ` +
        `full refresh ms = ${refreshMs.toFixed(0)}; itemCount=${event?.itemCount} heat=${event?.heat}`,
    );
  } finally {
    await storage.close();
    await database.drop();
  }
}

const sizes = process.argv.slice(2).map(Number);
for (const target of [sqliteTarget, postgresTarget]) {
  if (!target) continue;
  for (const size of sizes.length > 0 ? sizes : [1000, 10_000, 50_000]) await measure(target, size);
}
