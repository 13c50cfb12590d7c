/**
 * The analysis columns of migration 0003 on both engines: emotion, appeal department and the near-duplicate
 * link round-trip, and the SimHash is split into four indexed 16-bit bands for candidate lookups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyItemRepository } from '../../src/storage/items/repository.js';
import { simhashBands } from '../../src/storage/items/rows.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

describe('simhashBands', () => {
  it.each<[string | null, (number | null)[]]>([
    ['0123456789abcdef', [0x0123, 0x4567, 0x89ab, 0xcdef]],
    ['ffff000000000001', [0xffff, 0, 0, 1]],
    [null, [null, null, null, null]],
    ['not-a-simhash', [null, null, null, null]],
    ['0123456789ABCDEF', [null, null, null, null]],
  ])('%s', (simhash, bands) => {
    expect(simhashBands(simhash)).toEqual(bands);
  });
});

describe.each(databaseTargets)('analysis columns on $name', (target) => {
  let test: TestDatabase;
  let items: KyselyItemRepository;
  let unitId: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    items = new KyselyItemRepository(test.handle.db, test.handle.dialect, test.clock);
    unitId = (await makeUnit(test)).id;
  });
  afterAll(async () => test.close());

  it('stores analysis given at insert and marks the item analysed', async () => {
    const [original, copy] = await items.insertMany([
      {
        unitId,
        kind: 'post',
        content: '小区停水三天无人管',
        contentHash: 'h-original',
        publishedAt: START,
        collectedAt: START,
        sentiment: 'negative',
        sentimentScore: 0.91,
        emotion: 'anger',
        emotionScore: 0.7,
        appeal: true,
        appealDepartment: 'utilities',
        simhash: '0123456789abcdef',
        analysedAt: START + 5,
      },
      {
        unitId,
        kind: 'repost',
        content: '转发：小区停水三天无人管',
        contentHash: 'h-copy',
        publishedAt: START + 1000,
        collectedAt: START + 1000,
        simhash: '0123456789abcdee',
      },
    ]);
    const stored = await items.get(original ?? '');
    expect(stored).toMatchObject({
      emotion: 'anger',
      emotionScore: 0.7,
      appealDepartment: 'utilities',
      dupOf: null,
      analysedAt: START + 5,
    });
    const bands = await test.handle.db
      .selectFrom('items')
      .select(['simhashBand0', 'simhashBand1', 'simhashBand2', 'simhashBand3'])
      .where('id', '=', copy ?? '')
      .executeTakeFirstOrThrow();
    expect(Object.values(bands)).toEqual([0x0123, 0x4567, 0x89ab, 0xcdee]);
  });

  it('finds near-duplicate candidates by SimHash band, in the unit and time window', async () => {
    const candidates = await items.nearDuplicateCandidates(unitId, '0123ffffffffffff', START - 1);
    const texts = await items.textsOf(candidates.map((c) => c.id));
    expect(candidates.map((c) => texts.get(c.id)?.content)).toEqual([
      '转发：小区停水三天无人管',
      '小区停水三天无人管',
    ]);
    expect(await items.nearDuplicateCandidates(unitId, 'fedcba9876543210', START - 1)).toEqual([]);
    expect(await items.nearDuplicateCandidates(unitId, '0123ffffffffffff', START + 1)).toHaveLength(1);
    const other = (await makeUnit(test, 'other')).id;
    expect(await items.nearDuplicateCandidates(other, '0123456789abcdef', START - 1)).toEqual([]);
  });
});
