import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/index.js';
import { isAppError } from '../../src/platform/errors.js';
import { KyselyItemRepository } from '../../src/storage/items/repository.js';
import type { NewItem } from '../../src/storage/repositories.js';
import { KyselySourceRepository } from '../../src/storage/sources/repository.js';
import { KyselyStorage } from '../../src/storage/storage.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

describe.each(databaseTargets)('item dedup, versions and tombstones on $name', (target) => {
  let test: TestDatabase;
  let items: KyselyItemRepository;
  let unit: Unit;
  let sourceId: string;
  let otherSourceId: string;
  let counter = 0;

  /** A post of the main source with unique keys unless the caller gives some. */
  function post(fields: Partial<NewItem> = {}): NewItem {
    counter += 1;
    return {
      unitId: unit.id,
      sourceId,
      kind: 'post',
      content: `帖子内容 ${counter}`,
      contentHash: `hash-${counter}`,
      publishedAt: START + counter * 1000,
      collectedAt: START + counter * 1000,
      ...fields,
    };
  }

  beforeAll(async () => {
    test = await openTestDatabase(target);
    items = new KyselyItemRepository(test.handle.db, test.handle.dialect, test.clock);
    unit = await makeUnit(test, 'office');
    const sources = new KyselySourceRepository(test.handle.db, test.clock);
    sourceId = (await sources.create({ unitId: unit.id, name: 'forum', kind: 'page' })).id;
    otherSourceId = (await sources.create({ unitId: unit.id, name: 'news', kind: 'feed' })).id;
  });
  afterAll(async () => {
    await test.close();
  });

  it('stores the platform id, canonical URL, reply link and images and reads them back', async () => {
    const [parentId] = await items.insertMany([
      post({ externalId: 'p-1', canonicalUrl: 'https://bbs.example/t/1' }),
    ]);
    const [replyId] = await items.insertMany([
      post({
        kind: 'comment',
        externalId: 'c-1',
        parentId: parentId ?? null,
        replyToId: parentId ?? null,
        images: ['https://img.example/1.jpg', 'https://img.example/2.jpg'],
      }),
    ]);
    const reply = await items.get(replyId ?? '');
    expect(reply).toMatchObject({
      externalId: 'c-1',
      canonicalUrl: null,
      parentId,
      replyToId: parentId,
      images: ['https://img.example/1.jpg', 'https://img.example/2.jpg'],
      version: 1,
      updatedAt: null,
    });
    expect((await items.get(parentId ?? ''))?.canonicalUrl).toBe('https://bbs.example/t/1');
  });

  it.each([
    ['platform id', { externalId: 'dup-ext' }],
    ['canonical URL', { canonicalUrl: 'https://bbs.example/t/dup' }],
  ])('refuses a second item of the source with the same %s as CONFLICT, atomically', async (_name, key) => {
    await items.insertMany([post(key)]);
    const before = await items.count({ unitIds: [unit.id] });
    await expect(items.insertMany([post(), post(key)])).rejects.toSatisfy((e) => isAppError(e, 'CONFLICT'));
    expect(await items.count({ unitIds: [unit.id] })).toBe(before);
    const elsewhere = await items.insertMany([post({ ...key, sourceId: otherSourceId })]);
    expect(elsewhere).toHaveLength(1);
  });

  it('allows repeated content hashes and items without keys', async () => {
    const ids = await items.insertMany([post({ contentHash: 'same' }), post({ contentHash: 'same' })]);
    expect(new Set(ids).size).toBe(2);
  });

  it('finds stored items by any key, once each, limited to the source', async () => {
    const [a, b, c] = await items.insertMany([
      post({ externalId: 'find-a', canonicalUrl: 'https://bbs.example/find/a', engagement: { likes: 3 } }),
      post({ canonicalUrl: 'https://bbs.example/find/b', title: '标题B' }),
      post({ contentHash: 'find-hash-c' }),
    ]);
    await items.insertMany([
      post({ sourceId: otherSourceId, externalId: 'find-x', contentHash: 'find-hash-c' }),
    ]);
    const found = await items.findExisting(sourceId, {
      externalIds: ['find-a', 'find-x', 'nothing'],
      canonicalUrls: ['https://bbs.example/find/a', 'https://bbs.example/find/b'],
      contentHashes: ['find-hash-c'],
    });
    expect(found.map((row) => row.id).sort()).toEqual([a, b, c].sort());
    expect(found.find((row) => row.id === a)).toMatchObject({
      externalId: 'find-a',
      canonicalUrl: 'https://bbs.example/find/a',
      engagement: { likes: 3, comments: 0, reposts: 0, views: 0 },
      version: 1,
    });
    expect(found.find((row) => row.id === b)?.title).toBe('标题B');
    expect(
      await items.findExisting(sourceId, { externalIds: [], canonicalUrls: [], contentHashes: [] }),
    ).toEqual([]);
  });

  it('looks up a batch of a thousand keys', async () => {
    const batch = Array.from({ length: 1000 }, (_, i) => post({ externalId: `bulk-${i}` }));
    await items.insertMany(batch);
    const keys = {
      externalIds: batch.map((item) => item.externalId ?? ''),
      canonicalUrls: [],
      contentHashes: [],
    };
    expect(await items.findExisting(sourceId, keys)).toHaveLength(1000);
    expect((await items.idsByExternalId(sourceId, keys.externalIds)).size).toBe(1000);
  });

  it('maps platform ids within a source and canonical URLs across sources to item ids', async () => {
    const [own] = await items.insertMany([
      post({ externalId: 'link-1', canonicalUrl: 'https://news.example/a/1' }),
    ]);
    const [later] = await items.insertMany([
      post({ sourceId: otherSourceId, externalId: 'link-1', canonicalUrl: 'https://news.example/a/1' }),
    ]);
    expect(await items.idsByExternalId(sourceId, ['link-1', 'nope'])).toEqual(new Map([['link-1', own]]));
    expect(await items.idsByExternalId(otherSourceId, ['link-1'])).toEqual(new Map([['link-1', later]]));
    expect(await items.idsByCanonicalUrl(['https://news.example/a/1'])).toEqual(
      new Map([['https://news.example/a/1', own]]),
    );
  });

  it('keeps the previous text as a version when an edit is stored, and resets the analysis', async () => {
    const [id = ''] = await items.insertMany([post({ title: '原标题', content: '原文', contentHash: 'v1' })]);
    await items.saveAnalysis(id, {
      language: 'zh',
      sentiment: 'neutral',
      sentimentScore: 0,
      emotion: null,
      emotionScore: null,
      appealDepartment: null,
      categories: [],
      regions: [],
      appeal: false,
      keywords: [],
      simhash: null,
      normalizedText: '原文',
      tokens: '原文',
      analysedAt: START,
    });
    await items.updateContent(id, {
      title: '新标题',
      content: '修改后的正文',
      normalizedText: '修改后的正文',
      tokens: '修改 后 的 正文',
      contentHash: 'v2',
      engagement: { comments: 12 },
      updatedAt: START + 60_000,
    });
    await items.updateContent(id, {
      title: '第三版',
      content: '再次修改',
      normalizedText: '再次修改',
      tokens: '再次 修改',
      contentHash: 'v3',
      updatedAt: START + 120_000,
    });
    expect(await items.get(id)).toMatchObject({
      title: '第三版',
      content: '再次修改',
      contentHash: 'v3',
      version: 3,
      updatedAt: START + 120_000,
      analysedAt: null,
      engagement: { likes: 0, comments: 12, reposts: 0, views: 0 },
    });
    expect(await items.listVersions(id)).toEqual([
      { version: 1, title: '原标题', content: '原文', contentHash: 'v1', recordedAt: START + 60_000 },
      {
        version: 2,
        title: '新标题',
        content: '修改后的正文',
        contentHash: 'v2',
        recordedAt: START + 120_000,
      },
    ]);
    await expect(
      items.updateContent('missing', {
        title: null,
        content: 'x',
        normalizedText: 'x',
        tokens: 'x',
        contentHash: 'x',
        updatedAt: START,
      }),
    ).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });

  it('writes only the given engagement counters', async () => {
    const [id = ''] = await items.insertMany([
      post({ engagement: { likes: 1, comments: 2, reposts: 3, views: 4 } }),
    ]);
    await items.updateEngagement(id, { likes: 10, views: 400 });
    expect((await items.get(id))?.engagement).toEqual({ likes: 10, comments: 2, reposts: 3, views: 400 });
    await items.updateEngagement(id, {});
    await expect(items.updateEngagement('missing', { likes: 1 })).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
  });

  it('tombstones the keys of a deleted item so they are found again, and drops its versions', async () => {
    const [id = ''] = await items.insertMany([
      post({ externalId: 'del-1', canonicalUrl: 'https://bbs.example/del/1', contentHash: 'del-hash' }),
    ]);
    await items.updateContent(id, {
      title: null,
      content: 'edited',
      normalizedText: 'edited',
      tokens: 'edited',
      contentHash: 'del-hash-2',
      updatedAt: START,
    });
    await items.delete(id, 'deleted');
    expect(await items.get(id)).toBeNull();
    expect(await items.listVersions(id)).toEqual([]);
    const keys = {
      externalIds: ['del-1'],
      canonicalUrls: ['https://bbs.example/del/1'],
      contentHashes: ['del-hash-2', 'del-hash'],
    };
    const tombstones = await items.findTombstones(sourceId, keys);
    expect(tombstones.map((t) => [t.keyType, t.itemId, t.reason]).sort()).toEqual([
      ['canonical_url', id, 'deleted'],
      ['content_hash', id, 'deleted'],
      ['external_id', id, 'deleted'],
    ]);
    expect(tombstones.find((t) => t.keyType === 'external_id')).toMatchObject({
      externalId: 'del-1',
      canonicalUrl: null,
      contentHash: null,
    });
    expect(await items.findTombstones(otherSourceId, keys)).toEqual([]);
    expect(await items.findExisting(sourceId, keys)).toEqual([]);
    const [again] = await items.insertMany([post({ externalId: 'del-1' })]);
    expect(again).toBeDefined();
    await expect(items.delete(id, 'deleted')).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });

  it('merges a duplicate into the kept item: comments move, keys point at the kept item', async () => {
    const [keep = '', duplicate = ''] = await items.insertMany([
      post({ externalId: 'keep', contentHash: 'merge-keep' }),
      post({ externalId: 'dupe', canonicalUrl: 'https://bbs.example/dupe', contentHash: 'merge-dupe' }),
    ]);
    const [comment = ''] = await items.insertMany([
      post({ kind: 'comment', parentId: duplicate, replyToId: duplicate }),
    ]);
    await items.mergeInto(duplicate, keep);
    expect(await items.get(duplicate)).toBeNull();
    expect(await items.get(comment)).toMatchObject({ parentId: keep, replyToId: keep });
    const tombstones = await items.findTombstones(sourceId, {
      externalIds: ['dupe', 'keep'],
      canonicalUrls: ['https://bbs.example/dupe'],
      contentHashes: ['merge-dupe'],
    });
    expect(tombstones).toHaveLength(3);
    expect(tombstones.every((t) => t.itemId === keep && t.reason === 'merged')).toBe(true);
    await expect(items.mergeInto(keep, keep)).rejects.toSatisfy((e) => isAppError(e, 'BAD_REQUEST'));
    await expect(items.mergeInto('missing', keep)).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });

  it('keeps the full-text index in step when an item is edited or deleted', async () => {
    const storage = new KyselyStorage(test.handle, { clock: test.clock });
    const search = (term: string) =>
      storage.items.search({
        scope: { unitIds: [unit.id] },
        match: { type: 'term', tokens: [term] },
        filters: {},
        sort: 'time',
        page: { limit: 50 },
      });
    const [id = ''] = await storage.items.insertMany([post({ tokens: '旧词' })]);
    expect((await search('旧词')).items.map((item) => item.id)).toEqual([id]);
    await storage.transaction(async (tx) => {
      await tx.items.updateContent(id, {
        title: null,
        content: '新词',
        normalizedText: '新词',
        tokens: '新词',
        contentHash: 'fts-2',
        updatedAt: START,
      });
    });
    expect((await search('旧词')).items).toEqual([]);
    expect((await search('新词')).items.map((item) => item.id)).toEqual([id]);
    await storage.items.delete(id, 'deleted');
    expect((await search('新词')).items).toEqual([]);
  });
});
