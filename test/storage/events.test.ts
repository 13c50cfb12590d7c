/**
 * The event repository on both engines: events with their clustering state round-trip; an item joins at
 * most one event; merges and splits move memberships; lists filter, sort by heat or time and page by
 * keyset within scope; history keeps merges in order; the heat reference is the unit's running stats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { isAppError } from '../../src/platform/errors.js';
import { openStorage } from '../../src/storage/index.js';
import type { EventRecord, Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const START = Date.UTC(2024, 4, 1);
const HOUR = 3600_000;

function record(id: string, unitId: string, patch: Partial<EventRecord> = {}): EventRecord {
  return {
    id,
    unitId,
    title: `事件 ${id}`,
    keywords: ['火灾', '小区'],
    firstItemId: null,
    firstPublishedAt: START,
    lastPublishedAt: START,
    itemCount: 0,
    repostCount: 0,
    sourceCount: 0,
    platforms: [],
    regions: [],
    sentiment: { positive: 0, neutral: 0, negative: 0 },
    stage: 'emerging',
    heat: null,
    heatVersion: null,
    representativeIds: [],
    mergedInto: null,
    createdAt: START,
    updatedAt: START,
    centroid: [
      ['火灾', 0.8],
      ['小区', 0.6],
    ],
    heatLog: null,
    ...patch,
  };
}

describe.each(databaseTargets)('event repository on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  let unit: Unit;
  let other: Unit;
  const itemIds: string[] = [];

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    storage = await openStorage(database.url, { clock: new ManualClock(START) });
    unit = await storage.units.create({ name: '姑苏区', parentId: null });
    other = await storage.units.create({ name: '虎丘区', parentId: null });
    const ids = await storage.items.insertMany(
      Array.from({ length: 6 }, (_, i) => ({
        unitId: unit.id,
        kind: 'post' as const,
        title: i === 0 ? '小区火灾' : null,
        content: `第${i}条 小区火灾 消防`,
        contentHash: `hash-${i}`,
        publishedAt: START + i * HOUR,
        collectedAt: START + i * HOUR,
        platform: i % 2 === 0 ? 'weibo' : 'douyin',
        sentiment: i < 2 ? ('negative' as const) : ('neutral' as const),
        keywords: ['小区', '火灾'],
        regions: [{ province: '江苏省', city: '苏州市', county: null }],
        engagement: { likes: i, comments: 0, reposts: 0, views: 0 },
      })),
    );
    itemIds.push(...ids);
  }, 60_000);

  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('stores an event with its clustering state and reads it back', async () => {
    await storage.events.insert(
      record('ev-a', unit.id, {
        heat: 42.5,
        heatLog: 1.5,
        regions: [{ province: '江苏省', city: null, county: null }],
      }),
    );
    expect(await storage.events.getRecord('ev-a')).toEqual(
      record('ev-a', unit.id, {
        heat: 42.5,
        heatLog: 1.5,
        regions: [{ province: '江苏省', city: null, county: null }],
      }),
    );
    const plain = await storage.events.get('ev-a');
    expect(plain).not.toHaveProperty('centroid');
    expect(plain?.heat).toBe(42.5);
    expect(await storage.events.get('ev-a', { unitIds: [other.id] })).toBeNull();
  });

  it('saves changed fields and refuses an unknown event', async () => {
    const current = await storage.events.getRecord('ev-a');
    if (!current) throw new Error('missing');
    await storage.events.save({
      ...current,
      title: '新标题',
      stage: 'peak',
      itemCount: 3,
      updatedAt: START + HOUR,
    });
    expect(await storage.events.get('ev-a')).toMatchObject({ title: '新标题', stage: 'peak', itemCount: 3 });
    const error = await storage.events.save(record('nope', unit.id)).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('NOT_FOUND');
  });

  it('adds members once: an item already in an event keeps it', async () => {
    await storage.events.insert(record('ev-b', unit.id));
    const [i0 = '', i1 = '', i2 = '', i3 = ''] = itemIds;
    expect(
      await storage.events.addMembers('ev-a', [
        { itemId: i0, joinedAt: START, centrality: 1 },
        { itemId: i1, joinedAt: START, centrality: 0.5 },
      ]),
    ).toBe(2);
    expect(
      await storage.events.addMembers('ev-b', [
        { itemId: i1, joinedAt: START, centrality: 0.9 },
        { itemId: i2, joinedAt: START, centrality: 0.7 },
        { itemId: i3, joinedAt: START, centrality: 0.2 },
      ]),
    ).toBe(2);
    expect(await storage.events.eventsOfItems([i0, i1, i2, 'unknown'])).toEqual(
      new Map([
        [i0, 'ev-a'],
        [i1, 'ev-a'],
        [i2, 'ev-b'],
      ]),
    );
  });

  it('lists members with the item fields summaries need, oldest first', async () => {
    const members = await storage.events.members('ev-a');
    expect(members.map((m) => m.id)).toEqual(itemIds.slice(0, 2));
    expect(members[0]).toMatchObject({
      title: '小区火灾',
      platform: 'weibo',
      sentiment: 'negative',
      keywords: ['小区', '火灾'],
      regions: [{ province: '江苏省', city: '苏州市', county: null }],
      engagement: { likes: 0, comments: 0, reposts: 0, views: 0 },
      centrality: 1,
      publishedAt: START,
    });
  });

  it('pages member ids newest first', async () => {
    const first = await storage.events.memberIds('ev-b', { limit: 1 });
    expect(first.items).toEqual([itemIds[3]]);
    const second = await storage.events.memberIds('ev-b', { limit: 5, cursor: first.nextCursor });
    expect(second).toEqual({ items: [itemIds[2]], nextCursor: null });
  });

  it('moves members on a merge and items on a split, with history in order', async () => {
    expect(await storage.events.moveMembers('ev-b', 'ev-a')).toBe(2);
    expect((await storage.events.members('ev-a')).map((m) => m.id)).toEqual(itemIds.slice(0, 4));
    await storage.events.insert(record('ev-c', unit.id));
    await storage.events.moveItems([itemIds[3] ?? ''], 'ev-c');
    expect((await storage.events.members('ev-c')).map((m) => m.id)).toEqual([itemIds[3]]);
    await storage.events.appendHistory([
      { eventId: 'ev-a', kind: 'absorbed', otherEventId: 'ev-b', detail: { items: 2 }, at: START + 2 * HOUR },
      { eventId: 'ev-a', kind: 'created', otherEventId: null, detail: {}, at: START },
    ]);
    const history = await storage.events.history('ev-a');
    expect(history.map((h) => [h.kind, h.otherEventId, h.detail])).toEqual([
      ['created', null, {}],
      ['absorbed', 'ev-b', { items: 2 }],
    ]);
  });

  it('lists open events of a unit since a time, leaving out merged ones', async () => {
    const b = await storage.events.getRecord('ev-b');
    if (!b) throw new Error('missing');
    await storage.events.save({ ...b, mergedInto: 'ev-a' });
    await storage.events.insert(
      record('ev-old', unit.id, {
        firstPublishedAt: START - 200 * HOUR,
        lastPublishedAt: START - 100 * HOUR,
      }),
    );
    await storage.events.insert(record('ev-other', other.id));
    const open = await storage.events.listOpen(unit.id, START - 72 * HOUR);
    expect(open.map((e) => e.id).sort()).toEqual(['ev-a', 'ev-c']);
  });

  it('lists by heat or time with filters and keyset pages, within scope', async () => {
    const save = async (id: string, patch: Partial<EventRecord>): Promise<void> => {
      const current = await storage.events.getRecord(id);
      if (!current) throw new Error('missing');
      await storage.events.save({ ...current, ...patch });
    };
    await save('ev-a', { heat: 80, lastPublishedAt: START + 3 * HOUR, stage: 'peak', title: '小区火灾' });
    await save('ev-c', {
      heat: 30,
      lastPublishedAt: START + 5 * HOUR,
      stage: 'fermenting',
      title: '地铁停运',
      keywords: ['地铁'],
    });
    const scope = { unitIds: [unit.id] };
    const byHeat = await storage.events.list(scope, {}, 'heat', { limit: 1 });
    expect(byHeat.items.map((e) => e.id)).toEqual(['ev-a']);
    const rest = await storage.events.list(scope, {}, 'heat', { limit: 10, cursor: byHeat.nextCursor });
    expect(rest.items.map((e) => e.id)).toEqual(['ev-c', 'ev-old']);
    expect(rest.nextCursor).toBeNull();
    const byTime = await storage.events.list(scope, {}, 'time', { limit: 10 });
    expect(byTime.items.map((e) => e.id)).toEqual(['ev-c', 'ev-a', 'ev-old']);
    const filtered = async (filter: Parameters<Storage['events']['list']>[1]): Promise<string[]> =>
      (await storage.events.list(scope, filter, 'time', { limit: 10 })).items.map((e) => e.id);
    expect(await filtered({ stages: ['peak'] })).toEqual(['ev-a']);
    expect(await filtered({ minHeat: 50 })).toEqual(['ev-a']);
    expect(await filtered({ text: '地铁' })).toEqual(['ev-c']);
    expect(await filtered({ text: '100%' })).toEqual([]);
    expect(await filtered({ from: START + 4 * HOUR })).toEqual(['ev-c']);
    expect(await filtered({ to: START - 150 * HOUR })).toEqual(['ev-old']);
    expect(await filtered({ includeMerged: true })).toContain('ev-b');
    expect(
      (await storage.events.list({ unitIds: [other.id] }, {}, 'time', { limit: 10 })).items.map((e) => e.id),
    ).toEqual(['ev-other']);
  });

  it('computes the unit’s heat reference from stored heat logs', async () => {
    const save = async (id: string, heatLog: number): Promise<void> => {
      const current = await storage.events.getRecord(id);
      if (!current) throw new Error('missing');
      await storage.events.save({ ...current, heatLog });
    };
    await save('ev-a', 1);
    await save('ev-c', 3);
    const reference = await storage.events.heatReference(unit.id, START - 72 * HOUR);
    expect(reference.count).toBe(2);
    expect(reference.mean).toBeCloseTo(2, 5);
    expect(reference.sd).toBeCloseTo(1, 5);
    expect(await storage.events.heatReference(other.id, START)).toEqual({ count: 0, mean: 0, sd: 0 });
  });

  it('drops memberships when an item is deleted', async () => {
    await storage.items.delete(itemIds[0] ?? '', 'deleted');
    expect((await storage.events.members('ev-a')).map((m) => m.id)).not.toContain(itemIds[0]);
  });
});
