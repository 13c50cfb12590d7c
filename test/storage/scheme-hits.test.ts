/**
 * Scheme hits and completeness on both engines: recording is idempotent (a repeat updates, never counts
 * twice), volumes per aligned bucket with their negative share, range bounds, cascades from schemes and
 * items, purge; and each source's earliest successful fetch per window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/index.js';
import { isAppError } from '../../src/platform/errors.js';
import type { NewFetchRun, Repositories, SchemeHit } from '../../src/storage/index.js';
import { KyselyStorage } from '../../src/storage/storage.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

const MIN = 60_000;
const B = 15 * MIN;

describe.each(databaseTargets)('scheme hits and completeness on $name', (target) => {
  let test: TestDatabase;
  let repos: Repositories;
  let unit: Unit;
  let schemeId: string;
  let otherSchemeId: string;
  const itemIds: string[] = [];

  function hit(index: number, publishedAt: number, negative = false, scheme = schemeId): SchemeHit {
    const itemId = itemIds[index];
    if (itemId === undefined) throw new Error(`no item ${index}`);
    return { schemeId: scheme, itemId, unitId: unit.id, publishedAt, negative };
  }

  beforeAll(async () => {
    test = await openTestDatabase(target);
    repos = new KyselyStorage(test.handle, { clock: test.clock });
    unit = await makeUnit(test, 'office');
    schemeId = (await repos.schemes.create({ unitId: unit.id, name: '燃气安全', expression: '燃气+爆炸' }))
      .id;
    otherSchemeId = (await repos.schemes.create({ unitId: unit.id, name: '食品', expression: '食品' })).id;
    const ids = await repos.items.insertMany(
      Array.from({ length: 10 }, (_, i) => ({
        unitId: unit.id,
        kind: 'post' as const,
        content: `第${i}条`,
        contentHash: `hash-${i}`,
        publishedAt: START + i * MIN,
        collectedAt: START + i * MIN,
      })),
    );
    itemIds.push(...ids);
  });
  afterAll(async () => {
    await test.close();
  });

  it('counts hits per aligned bucket, with negatives, inside [from, to)', async () => {
    await repos.schemeHits.record([
      hit(0, START + 1 * MIN, true),
      hit(1, START + 14 * MIN),
      hit(2, START + B, true),
      hit(3, START + B + 5 * MIN, true),
      hit(4, START + 3 * B + 1),
      hit(5, START + 4 * B),
      hit(0, START + 2 * MIN, false, otherSchemeId),
    ]);
    expect(await repos.schemeHits.countBuckets(schemeId, START, START + 4 * B, B)).toEqual([
      { start: START, total: 2, negative: 1 },
      { start: START + B, total: 2, negative: 2 },
      { start: START + 3 * B, total: 1, negative: 0 },
    ]);
    expect(await repos.schemeHits.countBuckets(schemeId, START + 14 * MIN, START + B + 1, B)).toEqual([
      { start: START, total: 1, negative: 0 },
      { start: START + B, total: 1, negative: 1 },
    ]);
    expect(await repos.schemeHits.countBuckets(otherSchemeId, START, START + 4 * B, 60 * MIN)).toEqual([
      { start: START, total: 1, negative: 0 },
    ]);
    expect(await repos.schemeHits.countBuckets(schemeId, START + 10 * B, START + 11 * B, B)).toEqual([]);
  });

  it('records a pair once; recording it again updates the time and the negative flag', async () => {
    await repos.schemeHits.record([hit(0, START + 1 * MIN, true), hit(1, START + 14 * MIN, true)]);
    await repos.schemeHits.record([hit(0, START + 1 * MIN, false)]);
    expect(await repos.schemeHits.countBuckets(schemeId, START, START + B, B)).toEqual([
      { start: START, total: 2, negative: 1 },
    ]);
    await repos.schemeHits.record([]);
  });

  it('records large batches in chunks', async () => {
    const extra = await repos.items.insertMany(
      Array.from({ length: 1200 }, (_, i) => ({
        unitId: unit.id,
        kind: 'post' as const,
        content: `批量${i}`,
        contentHash: `bulk-${i}`,
        publishedAt: START + 20 * B,
        collectedAt: START + 20 * B,
      })),
    );
    await repos.schemeHits.record(
      extra.map((itemId, i) => ({
        schemeId: otherSchemeId,
        itemId,
        unitId: unit.id,
        publishedAt: START + 20 * B + i,
        negative: i % 3 === 0,
      })),
    );
    expect(await repos.schemeHits.countBuckets(otherSchemeId, START + 20 * B, START + 21 * B, B)).toEqual([
      { start: START + 20 * B, total: 1200, negative: 400 },
    ]);
  });

  it('refuses a bucket length that is not a positive whole number', async () => {
    for (const bucketMs of [0, -5, 1.5]) {
      await expect(repos.schemeHits.countBuckets(schemeId, START, START + B, bucketMs)).rejects.toSatisfy(
        (e) => isAppError(e, 'BAD_REQUEST'),
      );
    }
  });

  it('drops hits with their item or scheme, and purges old ones', async () => {
    await repos.items.delete(itemIds[5] ?? '', 'deleted');
    expect(await repos.schemeHits.countBuckets(schemeId, START + 4 * B, START + 5 * B, B)).toEqual([]);
    expect(await repos.schemeHits.purge(START + B)).toBe(3);
    expect(await repos.schemeHits.countBuckets(schemeId, START, START + 4 * B, B)).toEqual([
      { start: START + B, total: 2, negative: 2 },
      { start: START + 3 * B, total: 1, negative: 0 },
    ]);
    await repos.schemes.delete(schemeId);
    expect(await repos.schemeHits.countBuckets(schemeId, START, START + 4 * B, B)).toEqual([]);
  });

  describe('completeness', () => {
    function run(sourceId: string, startedAt: number, outcome: NewFetchRun['outcome']): NewFetchRun {
      return {
        sourceId,
        startedAt,
        finishedAt: startedAt + 1000,
        outcome,
        found: 0,
        inserted: 0,
        updated: 0,
        duplicates: 0,
        rejected: 0,
        errorCode: null,
        errorMessage: null,
        httpStatus: null,
        durationMs: 1000,
      };
    }

    it('finds each source’s first and last successful fetch per window', async () => {
      const a = (
        await repos.sources.create({
          unitId: unit.id,
          name: 'A',
          kind: 'feed',
          url: 'https://a.example.cn/rss',
        })
      ).id;
      const b = (
        await repos.sources.create({
          unitId: unit.id,
          name: 'B',
          kind: 'feed',
          url: 'https://b.example.cn/rss',
        })
      ).id;
      const c = (
        await repos.sources.create({
          unitId: unit.id,
          name: 'C',
          kind: 'feed',
          url: 'https://c.example.cn/rss',
        })
      ).id;
      for (const [source, at, outcome] of [
        [a, START + 2 * MIN, 'ok'],
        [a, START + 7 * MIN, 'ok'],
        [b, START + 3 * MIN, 'failed'],
        [b, START + 9 * MIN, 'not_modified'],
        [c, START + 20 * MIN, 'ok'],
        [a, START + B + MIN, 'failed'],
      ] as const) {
        await repos.fetchRuns.record(run(source, at, outcome));
      }
      const [first, second, empty] = await repos.completeness.successSpans(
        [a, b, c],
        [
          { from: START, to: START + B },
          { from: START + 5 * MIN, to: START + 2 * B },
          { from: START + B, to: START + B },
        ],
      );
      const span = (from: number, to = from) => ({ first: START + from * MIN, last: START + to * MIN });
      expect(first).toEqual(
        new Map([
          [a, span(2, 7)],
          [b, span(9)],
        ]),
      );
      expect(second).toEqual(
        new Map([
          [a, span(7)],
          [b, span(9)],
          [c, span(20)],
        ]),
      );
      expect(empty).toEqual(new Map());
      expect(await repos.completeness.successSpans([], [{ from: START, to: START + B }])).toEqual([
        new Map(),
      ]);
      expect(await repos.completeness.successSpans([c], [{ from: START, to: START + B }])).toEqual([
        new Map(),
      ]);
    });
  });
});
