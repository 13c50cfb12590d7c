import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/index.js';
import { isAppError } from '../../src/platform/errors.js';
import {
  DEFAULT_SOURCE_INTERVAL_SECONDS,
  KyselySourceRepository,
} from '../../src/storage/sources/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

describe.each(databaseTargets)('source repository on $name', (target) => {
  let test: TestDatabase;
  let sources: KyselySourceRepository;
  let unit: Unit;
  let otherUnit: Unit;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    sources = new KyselySourceRepository(test.handle.db, test.clock);
    unit = await makeUnit(test, 'office');
    otherUnit = await makeUnit(test, 'bureau');
  });
  afterAll(async () => {
    await test.close();
  });

  it('creates a source with defaults and reads it back', async () => {
    const source = await sources.create({ unitId: unit.id, name: '本地论坛', kind: 'page' });
    expect(source).toMatchObject({
      unitId: unit.id,
      name: '本地论坛',
      kind: 'page',
      url: null,
      platform: null,
      tier: null,
      region: null,
      intervalSeconds: DEFAULT_SOURCE_INTERVAL_SECONDS,
      enabled: true,
      config: {},
      createdAt: START,
    });
    expect(await sources.get(source.id)).toEqual(source);
  });

  it('stores every field, JSON config and the disabled flag', async () => {
    const config = { selectors: { title: 'h1', list: ['a.item', 'li > a'] }, encoding: 'gb18030', depth: 2 };
    const source = await sources.create({
      unitId: unit.id,
      name: '新闻频道',
      kind: 'feed',
      url: 'https://news.example/rss',
      platform: 'news',
      tier: 'provincial',
      region: '江苏省苏州市',
      intervalSeconds: 120,
      enabled: false,
      config,
    });
    const read = await sources.get(source.id);
    expect(read).toEqual(source);
    expect(read?.config).toEqual(config);
    expect(read?.enabled).toBe(false);
    expect(read?.tier).toBe('provincial');
  });

  it('rejects a source of a missing unit with NOT_FOUND', async () => {
    await expect(sources.create({ unitId: 'missing', name: 'x', kind: 'feed' })).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
  });

  it('hides sources outside the scope', async () => {
    const outside = await sources.create({ unitId: otherUnit.id, name: 'outside', kind: 'json' });
    expect(await sources.get(outside.id, { unitIds: [unit.id] })).toBeNull();
    expect((await sources.get(outside.id, { unitIds: [otherUnit.id] }))?.name).toBe('outside');
    expect(await sources.get(outside.id, { unitIds: [] })).toBeNull();
  });

  it('pages newest first across pages, filtered by kind, enabled and scope', async () => {
    const listUnit = await makeUnit(test, 'listing');
    const made = [];
    for (let i = 0; i < 5; i++) {
      test.clock.advance(1);
      made.push(
        await sources.create({
          unitId: listUnit.id,
          name: `s${i}`,
          kind: i % 2 === 0 ? 'feed' : 'hotlist',
          enabled: i !== 4,
        }),
      );
    }
    const scope = { unitIds: [listUnit.id] };
    const first = await sources.list(scope, {}, { limit: 2 });
    expect(first.items.map((s) => s.name)).toEqual(['s4', 's3']);
    const second = await sources.list(scope, {}, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((s) => s.name)).toEqual(['s2', 's1']);
    const third = await sources.list(scope, {}, { limit: 2, cursor: second.nextCursor });
    expect(third.items.map((s) => s.name)).toEqual(['s0']);
    expect(third.nextCursor).toBeNull();

    const feeds = await sources.list(scope, { kind: 'feed' }, { limit: 10 });
    expect(feeds.items.map((s) => s.name)).toEqual(['s4', 's2', 's0']);
    const enabledFeeds = await sources.list(scope, { kind: 'feed', enabled: true }, { limit: 10 });
    expect(enabledFeeds.items.map((s) => s.name)).toEqual(['s2', 's0']);
    const disabled = await sources.list(scope, { enabled: false }, { limit: 10 });
    expect(disabled.items.map((s) => s.name)).toEqual(['s4']);
    expect((await sources.list({ unitIds: [] }, {}, { limit: 10 })).items).toEqual([]);
    const everything = await sources.list({ unitIds: null }, {}, { limit: 100 });
    expect(everything.items.map((s) => s.id)).toEqual(expect.arrayContaining(made.map((s) => s.id)));
    expect(everything.items.some((s) => s.unitId === otherUnit.id)).toBe(true);
  });

  it('updates only the given fields, clears nulls and replaces the config', async () => {
    const source = await sources.create({
      unitId: unit.id,
      name: 'before',
      kind: 'page',
      url: 'https://a.example/',
      region: '苏州',
      config: { a: 1 },
    });
    test.clock.advance(60_000);
    const updated = await sources.update(source.id, {
      name: 'after',
      region: null,
      enabled: false,
      config: { b: [2] },
    });
    expect(updated).toMatchObject({
      name: 'after',
      url: 'https://a.example/',
      region: null,
      enabled: false,
      config: { b: [2] },
      createdAt: source.createdAt,
    });
    expect(updated.updatedAt).toBe(source.updatedAt + 60_000);
    expect(await sources.get(source.id)).toEqual(updated);
    await expect(sources.update('missing', { name: 'x' })).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
  });

  it('deletes a source and reports NOT_FOUND the second time', async () => {
    const source = await sources.create({ unitId: unit.id, name: 'gone', kind: 'import' });
    await sources.delete(source.id);
    expect(await sources.get(source.id)).toBeNull();
    await expect(sources.delete(source.id)).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });
});
