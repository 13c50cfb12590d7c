/**
 * Evaluation bookkeeping of migration 0008 on both engines: items load by id in bulk, new items are
 * unevaluated until marked, the sweep lists them oldest first from a given collection time, and an edit
 * makes an item unevaluated again (its new text has not been matched yet).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyItemRepository } from '../../src/storage/items/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

describe.each(databaseTargets)('item evaluation marks on $name', (target) => {
  let test: TestDatabase;
  let items: KyselyItemRepository;
  let unitId: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    items = new KyselyItemRepository(test.handle.db, test.handle.dialect, test.clock);
    unitId = (await makeUnit(test)).id;
  });
  afterAll(async () => test.close());

  it('lists unevaluated items oldest first and forgets them once marked or edited', async () => {
    const ids = await items.insertMany(
      [0, 1, 2].map((n) => ({
        unitId,
        kind: 'post' as const,
        content: `第${n}条：小区停水`,
        contentHash: `h-eval-${n}`,
        publishedAt: START + n * 1000,
        collectedAt: START + n * 1000,
      })),
    );
    const [first, second, third] = ids;
    expect(await items.listUnevaluated(START, START + 10_000, 10)).toEqual(ids);
    expect(await items.listUnevaluated(START + 1000, START + 10_000, 1)).toEqual([second]);

    expect(await items.listUnevaluated(START, START + 1000, 10)).toEqual([first]);
    await items.markEvaluated([first ?? '', third ?? ''], START + 5000);
    expect(await items.listUnevaluated(START, START + 10_000, 10)).toEqual([second]);

    await items.updateContent(first ?? '', {
      title: null,
      content: '第0条：小区停水三天',
      normalizedText: '第0条：小区停水三天',
      tokens: '小区 停水',
      contentHash: 'h-eval-0b',
      updatedAt: START + 6000,
    });
    expect(await items.listUnevaluated(START, START + 10_000, 10)).toEqual([first, second]);

    const loaded = await items.getMany([third ?? '', 'missing', first ?? '']);
    expect(loaded.map((item) => item.id).sort()).toEqual([first, third].sort());
    expect(loaded.find((item) => item.id === first)?.content).toBe('第0条：小区停水三天');
  });
});
