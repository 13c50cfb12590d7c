/**
 * The alert tick on both engines with a replayed morning and a manual clock. A unit has one polled source,
 * one scheme with a week of steady hits, a spike rule and a source-failing rule. When the only source goes
 * down and its backlog lands afterwards, the tick raises the source-health alert and no volume alert; in the
 * same world without the outage, a real burst raises the spike alert (so the first case can fail).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRule } from '../../src/alerts/service/index.js';
import type { AlertServiceDeps } from '../../src/alerts/service/deps.js';
import { runAlertTick } from '../../src/pipeline/evaluate/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { openStorage } from '../../src/storage/index.js';
import type { NewFetchRun, Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const MIN = 60_000;
const B = 15 * MIN;
const DAY = 24 * 60 * MIN;
const DAY0 = Date.UTC(2024, 4, 1);
const LAST = DAY0 + 7 * DAY;
const SPIKE_SETTINGS = { bucketMs: B, historyDays: 7, neighbours: 1, minHistory: 7 };
const SYSTEM = { userId: null, ip: null, unitIds: null };

function fetchRun(sourceId: string, startedAt: number, ok: boolean): NewFetchRun {
  return {
    sourceId,
    startedAt,
    finishedAt: startedAt + 2000,
    outcome: ok ? 'ok' : 'failed',
    found: 5,
    inserted: 0,
    updated: 0,
    duplicates: 5,
    rejected: 0,
    errorCode: ok ? null : 'FETCH_TIMEOUT',
    errorMessage: null,
    httpStatus: ok ? 200 : null,
    durationMs: 2000,
  };
}

describe.each(databaseTargets)('alert tick on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  let alerts: AlertServiceDeps;
  const clock = new ManualClock(DAY0 - DAY);
  let counter = 0;

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    storage = await openStorage(database.url, { clock });
    alerts = { storage, clock };
  }, 60_000);

  afterAll(async () => {
    await storage.close();
    await drop();
  });

  /** A unit with a week of steady history; `down` marks fetches failed, `extra` adds hits. */
  async function world(options: { down?: (at: number) => boolean; extra?: number[] }) {
    clock.advance(DAY0 - DAY - clock.now());
    const unit = await storage.units.create({ name: `网信办${++counter}`, parentId: null });
    const source = await storage.sources.create({
      unitId: unit.id,
      name: '本地论坛',
      kind: 'feed',
      url: `https://bbs${counter}.example.cn/rss`,
      intervalSeconds: 300,
    });
    const scheme = await storage.schemes.create({ unitId: unit.id, name: '燃气安全', expression: '燃气' });
    await createRule(alerts, SYSTEM, unit.id, {
      name: '燃气突增',
      trigger: { kind: 'spike', schemeIds: [], minZ: 3 },
    });
    await createRule(alerts, SYSTEM, unit.id, {
      name: '信息源故障',
      trigger: { kind: 'source_failing', sourceIds: [] },
      levels: [{ level: 'blue', anyOf: [] }],
    });
    const hits = [...(options.extra ?? [])];
    for (let day = 0; day <= 7; day++) {
      for (let at = DAY0 + day * DAY + 8 * 60 * MIN; at < DAY0 + day * DAY + 12 * 60 * MIN; at += 5 * MIN) {
        const fetchAt = at + 30_000;
        await storage.fetchRuns.record(fetchRun(source.id, fetchAt, !options.down?.(fetchAt)));
        if ((at / (5 * MIN)) % 3 === 0) hits.push(at, at + 4 * MIN, at + 8 * MIN);
      }
    }
    const ids = await storage.items.insertMany(
      hits.map((at, i) => ({
        unitId: unit.id,
        sourceId: source.id,
        kind: 'post' as const,
        content: `燃气${i}`,
        contentHash: `tick-${counter}-${i}`,
        publishedAt: at,
        collectedAt: at,
      })),
    );
    await storage.schemeHits.record(
      ids.map((itemId, i) => ({
        schemeId: scheme.id,
        itemId,
        unitId: unit.id,
        publishedAt: hits[i] ?? 0,
        negative: false,
      })),
    );
    await storage.items.markEvaluated(ids, DAY0);
    return { unit, source };
  }

  /** Runs the tick at every bucket close of the replayed morning 09:00–12:00. */
  async function replay(healthAt: { sourceId: string; unitId: string; at: number } | null) {
    let since = LAST + 9 * 60 * MIN - B;
    for (
      clock.advance(LAST + 9 * 60 * MIN - clock.now());
      clock.now() <= LAST + 12 * 60 * MIN;
      clock.advance(B)
    ) {
      if (healthAt && healthAt.at <= clock.now() && healthAt.at > clock.now() - B) {
        await storage.sourceHealthEvents.append({
          sourceId: healthAt.sourceId,
          unitId: healthAt.unitId,
          state: 'failing',
          detail: '3 failed fetches in a row (FETCH_TIMEOUT)',
          at: healthAt.at,
        });
      }
      await runAlertTick(
        {
          storage,
          clock,
          logger: createLogger('silent'),
          alerts,
          queueEvaluation: async () => undefined,
          spikeSettings: SPIKE_SETTINGS,
        },
        since,
      );
      since = clock.now();
    }
  }

  async function alertsOf(unitId: string) {
    return (await storage.alerts.list({ unitIds: [unitId] }, {}, { limit: 50, cursor: null })).items;
  }

  it('raises the source-health alert and no volume alert when the only source is down', async () => {
    const from = LAST + 10 * 60 * MIN;
    const to = LAST + 11 * 60 * MIN;
    const backlog = [
      ...Array.from({ length: 40 }, (_, i) => to - 20 * MIN + i * 20_000),
      ...Array.from({ length: 40 }, (_, i) => to + 30_000 + i * 1000),
    ];
    const { unit, source } = await world({ down: (at) => at >= from && at < to, extra: backlog });
    await replay({ sourceId: source.id, unitId: unit.id, at: from + 20 * MIN });
    const raised = await alertsOf(unit.id);
    expect(raised.map((alert) => [alert.trigger, alert.level])).toEqual([['source_failing', 'blue']]);
    expect(raised[0]?.sourceId).toBe(source.id);
  });

  it('raises the spike alert for a real burst while every fetch succeeds', async () => {
    const burst = Array.from({ length: 30 }, (_, i) => LAST + 10 * 60 * MIN + i * 20_000);
    const { unit } = await world({ extra: burst });
    await replay(null);
    const raised = await alertsOf(unit.id);
    expect(raised.length).toBeGreaterThan(0);
    expect(new Set(raised.map((alert) => alert.trigger))).toEqual(new Set(['spike']));
    expect(raised[0]?.evidence).toMatchObject({ baseline: 3 });
  });
});
