/**
 * A large event between full refreshes, on both engines (issue 9): members that join only add to its item
 * count (a rerun of the batch adds nothing), its window counts and newest-first members come from the
 * memberships' own publication times and agree with the items, and a merge into it takes the count again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { clusterItems, mergeEvents, type ClusterDeps } from '../../src/pipeline/cluster/index.js';
import { LARGE_EVENT } from '../../src/pipeline/cluster/deps.js';
import { openStorage } from '../../src/storage/index.js';
import type { NewItem, Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const START = Date.UTC(2024, 4, 1, 12);
const MINUTE = 60_000;

describe.each(databaseTargets)('a large event on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  let clock: ManualClock;
  let deps: ClusterDeps;
  let seq = 0;

  function post(unit: Unit, keywords: string, at: number): NewItem {
    seq++;
    return {
      unitId: unit.id,
      kind: 'post',
      content: `${keywords}。第${seq}条`,
      contentHash: `large-${seq}`,
      publishedAt: at,
      collectedAt: at,
      platform: 'weibo',
      sentiment: 'negative',
      keywords: keywords.split(' '),
      analysedAt: at,
    };
  }

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    clock = new ManualClock(START);
    storage = await openStorage(database.url, { clock });
    deps = { storage, clock };
  }, 60_000);

  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('counts joining members without recounting and answers windows and newest members from the index', async () => {
    const office = await storage.units.create({ name: '大事件单位', parentId: null });
    const story = '化工厂 爆炸 救援 伤亡';
    const seeded = await storage.items.insertMany(
      Array.from({ length: LARGE_EVENT + 50 }, (_, i) =>
        post(office, story, START - 3 * 60 * MINUTE + i * MINUTE),
      ),
    );
    const [eventId = ''] = (await clusterItems(deps, seeded)).touched;
    expect((await storage.events.getRecord(eventId))?.itemCount).toBe(LARGE_EVENT + 50);

    clock.advance(10_000);
    const late = await storage.items.insertMany(
      Array.from({ length: 30 }, (_, i) => post(office, story, START - 90 * MINUTE + i * 2 * MINUTE)),
    );
    const joined = await clusterItems(deps, late);
    expect(joined).toMatchObject({ assigned: 30, touched: [eventId] });
    await clusterItems(deps, late);
    const light = await storage.events.getRecord(eventId);
    expect(light).toMatchObject({ itemCount: LARGE_EVENT + 80, updatedAt: START });

    const members = await storage.events.members(eventId);
    expect(members).toHaveLength(LARGE_EVENT + 80);
    const inWindow = (from: number, to: number): number =>
      members.filter((m) => m.publishedAt >= from && m.publishedAt < to).length;
    for (const [from, to] of [
      [START - 60 * MINUTE, START + 1],
      [START - 120 * MINUTE, START - 60 * MINUTE],
    ] as const) {
      expect(await storage.events.countMembers(eventId, from, to)).toBe(inWindow(from, to));
    }
    const newest = [...members]
      .sort((a, b) => b.publishedAt - a.publishedAt || (a.id < b.id ? 1 : -1))
      .map((m) => m.id);
    const first = await storage.events.memberIds(eventId, { limit: 20, cursor: null });
    const second = await storage.events.memberIds(eventId, { limit: 20, cursor: first.nextCursor });
    expect([...first.items, ...second.items]).toEqual(newest.slice(0, 40));

    const other = await storage.items.insertMany([post(office, '菜市场 涨价 猪肉', START - 30 * MINUTE)]);
    const [otherId = ''] = (await clusterItems(deps, other)).touched;
    expect(otherId).not.toBe(eventId);
    await mergeEvents(deps, otherId, eventId, null);
    expect((await storage.events.getRecord(eventId))?.itemCount).toBe(LARGE_EVENT + 81);
  });
});
