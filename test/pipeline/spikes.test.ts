/**
 * The spike pipeline on both engines with a replayed timeline and a manual clock: a week of history
 * (3 hits per quarter hour, fetches every 5 minutes, 08:00–12:00), then a replayed morning judged once per
 * bucket. A burst fires exactly once with its statistic; an outage of the only source, and the backlog it
 * leaves, fire nothing; judging the same bucket again gives the same finding key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simhash64 } from '../../src/analysis/dedup/simhash.js';
import {
  detectCoordinatedPosting,
  detectSpikes,
  type SpikeFinding,
  type SpikeRun,
} from '../../src/pipeline/spikes/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { openStorage } from '../../src/storage/index.js';
import type { NewFetchRun, Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const MIN = 60_000;
const B = 15 * MIN;
const DAY = 24 * 60 * MIN;
const DAY0 = Date.UTC(2024, 4, 1);
const LAST = DAY0 + 7 * DAY;
const SPIKE_AT = LAST + 10 * 60 * MIN;
const SETTINGS = { bucketMs: B, historyDays: 7, neighbours: 1, minHistory: 7 };

function run(sourceId: string, startedAt: number, outcome: NewFetchRun['outcome']): NewFetchRun {
  return {
    sourceId,
    startedAt,
    finishedAt: startedAt + 2000,
    outcome,
    found: 5,
    inserted: 0,
    updated: 0,
    duplicates: 5,
    rejected: 0,
    errorCode: outcome === 'failed' ? 'FETCH_TIMEOUT' : null,
    errorMessage: null,
    httpStatus: outcome === 'failed' ? null : 200,
    durationMs: 2000,
  };
}

describe.each(databaseTargets)('spike pipeline on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  const clock = new ManualClock(DAY0 - DAY);
  let counter = 0;

  /** A unit with one polled source and one scheme; `outage` marks fetches failed, `extra` adds hits. */
  async function world(options: {
    outage?: (at: number) => boolean;
    extra?: { at: number; negative: boolean }[];
  }): Promise<{ unitId: string; schemeId: string }> {
    clock.advance(DAY0 - DAY - clock.now()); // created before the history
    const unit = await storage.units.create({ name: `网信办${++counter}`, parentId: null });
    const source = await storage.sources.create({
      unitId: unit.id,
      name: '本地论坛',
      kind: 'feed',
      url: `https://bbs${counter}.example.cn/rss`,
      intervalSeconds: 300,
    });
    const scheme = await storage.schemes.create({ unitId: unit.id, name: '燃气安全', expression: '燃气' });
    const hits: { at: number; negative: boolean }[] = [...(options.extra ?? [])];
    for (let day = 0; day <= 7; day++) {
      for (let at = DAY0 + day * DAY + 8 * 60 * MIN; at < DAY0 + day * DAY + 12 * 60 * MIN; at += 5 * MIN) {
        const fetchAt = at + 30_000;
        await storage.fetchRuns.record(run(source.id, fetchAt, options.outage?.(fetchAt) ? 'failed' : 'ok'));
        if ((at / (5 * MIN)) % 3 === 0) {
          for (let i = 0; i < 3; i++) hits.push({ at: at + i * 4 * MIN, negative: i === 0 });
        }
      }
    }
    const ids = await storage.items.insertMany(
      hits.map((hit, i) => ({
        unitId: unit.id,
        sourceId: source.id,
        kind: 'post' as const,
        content: `燃气${i}`,
        contentHash: `${counter}-${i}`,
        publishedAt: hit.at,
        collectedAt: hit.at,
      })),
    );
    await storage.schemeHits.record(
      ids.map((itemId, i) => ({
        schemeId: scheme.id,
        itemId,
        unitId: unit.id,
        publishedAt: hits[i]?.at ?? 0,
        negative: hits[i]?.negative ?? false,
      })),
    );
    return { unitId: unit.id, schemeId: scheme.id };
  }

  /** Judges every bucket of the replayed morning 09:00–12:00 once, at its close. */
  async function replay(unitId: string): Promise<{ runs: SpikeRun[]; findings: SpikeFinding[] }> {
    const runs: SpikeRun[] = [];
    for (
      clock.advance(LAST + 9 * 60 * MIN - clock.now());
      clock.now() <= LAST + 12 * 60 * MIN;
      clock.advance(B)
    ) {
      runs.push(await detectSpikes({ storage, settings: SETTINGS }, { unitId, at: clock.now() }));
    }
    return { runs, findings: runs.flatMap((r) => r.findings) };
  }

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    storage = await openStorage(database.url, { clock });
  }, 60_000);

  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('fires once for a burst, with its statistic against the baseline', async () => {
    const burst = Array.from({ length: 30 }, (_, i) => ({
      at: SPIKE_AT + i * 20_000,
      negative: i % 2 === 0,
    }));
    const { unitId, schemeId } = await world({ extra: burst });
    const { runs, findings } = await replay(unitId);

    expect(runs.every((r) => r.completeness === 1)).toBe(true);
    expect(runs.flatMap((r) => r.schemes.map((s) => s.status))).not.toContain('incomplete');
    expect(findings.map((f) => [f.bucketStart, f.metric])).toEqual([
      [SPIKE_AT, 'volume'],
      [SPIKE_AT, 'negative_volume'],
    ]);
    expect(findings[0]).toMatchObject({
      key: `spike:${schemeId}:volume:${SPIKE_AT}`,
      unitId,
      schemeId,
      schemeName: '燃气安全',
      bucketEnd: SPIKE_AT + B,
      value: 33,
      baseline: 3,
      zThreshold: 3,
      minCount: 10,
      completeness: 1,
      historyUsed: 21,
    });
    expect(findings[0]?.z).toBeCloseTo(30 / Math.sqrt(3), 2);
    expect(findings[1]).toMatchObject({ value: 16, baseline: 1, minCount: 5 });

    const again = await detectSpikes({ storage, settings: SETTINGS }, { unitId, at: SPIKE_AT + B + 7 * MIN });
    expect(again.findings.map((f) => f.key)).toEqual(findings.map((f) => f.key));
  });

  it('fires nothing for an outage of the only source and the backlog it leaves', async () => {
    const from = LAST + 10 * 60 * MIN;
    const to = LAST + 11 * 60 * MIN;
    const backlog = [
      ...Array.from({ length: 40 }, (_, i) => ({ at: to - 20 * MIN + i * 20_000, negative: true })),
      ...Array.from({ length: 40 }, (_, i) => ({ at: to + 30_000 + i * 1000, negative: true })),
    ];
    const { unitId } = await world({ outage: (at) => at >= from && at < to, extra: backlog });
    const { runs, findings } = await replay(unitId);

    expect(findings).toEqual([]);
    const incomplete = runs.filter((r) => r.schemes[0]?.status === 'incomplete').map((r) => r.bucketStart);
    expect(incomplete).toContain(to - B);
    expect(incomplete).toContain(to);
    expect(runs.filter((r) => r.schemes[0]?.status === 'evaluated').length).toBeGreaterThan(5);
  });

  it('judges nothing for a unit without enabled schemes and is complete without polled sources', async () => {
    const unit = await storage.units.create({ name: '空单位', parentId: null });
    const result = await detectSpikes({ storage }, { unitId: unit.id, at: LAST + 10 * 60 * MIN });
    expect(result).toMatchObject({ unitId: unit.id, completeness: 1, findings: [], schemes: [] });
    expect(result.bucketStart).toBe(LAST + 9 * 60 * MIN + 45 * MIN);
  });

  it('finds coordinated posting among the unit’s items of the look-back window', async () => {
    clock.advance(LAST + 14 * 60 * MIN - clock.now());
    const unit = await storage.units.create({ name: '协同测试', parentId: null });
    const other = await storage.units.create({ name: '旁观单位', parentId: null });
    const text = simhash64(['化工厂', '泄漏', '紧急', '扩散', '转发']);
    const at = clock.now();
    const post = (unitId: string, i: number, author: string, minutesAgo: number) => ({
      unitId,
      kind: 'post' as const,
      content: `化工厂泄漏，紧急扩散 ${i}`,
      contentHash: `coord-${unitId}-${i}`,
      author,
      simhash: text,
      publishedAt: at - minutesAgo * MIN,
      collectedAt: at,
    });
    const ids = await storage.items.insertMany([
      ...Array.from({ length: 6 }, (_, i) => post(unit.id, i, `水军${i}`, 8 - i)),
      post(unit.id, 6, '早先', 60),
      ...Array.from({ length: 6 }, (_, i) => post(other.id, 10 + i, `别处${i}`, 5)),
    ]);
    const findings = await detectCoordinatedPosting({ storage }, { unitId: unit.id, at });
    expect(findings).toEqual([
      {
        key: `coordinated:${unit.id}:${ids[0]}`,
        unitId: unit.id,
        itemIds: ids.slice(0, 6),
        accounts: 6,
        from: at - 8 * MIN,
        to: at - 3 * MIN,
        windowMs: 10 * MIN,
        simhash: text,
      },
    ]);
    expect(
      await detectCoordinatedPosting({ storage, settings: { minAccounts: 7 } }, { unitId: unit.id, at }),
    ).toEqual([]);
    expect(await detectCoordinatedPosting({ storage }, { unitId: unit.id, at: at + 30 * MIN })).toEqual([]);
  });
});
