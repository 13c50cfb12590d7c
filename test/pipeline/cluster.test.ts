/**
 * The clustering job on both engines: analysed items become events with their stats, stage and heat;
 * reposts join their original's event across runs; a second run of the same items changes nothing;
 * a bridging item merges two stored events (the larger keeps its id, history says so); an event holding
 * two separate stories is split; staff merges move members; authority weighs heat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAT_VERSION } from '../../src/analysis/heat/index.js';
import type { Unit } from '../../src/domain/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import {
  clusterHandler,
  clusterItems,
  mergeEvents,
  type ClusterDeps,
} from '../../src/pipeline/cluster/index.js';
import { LARGE_EVENT, LARGE_EVENT_REFRESH_MS } from '../../src/pipeline/cluster/deps.js';
import { createLogger } from '../../src/platform/logger.js';
import { openStorage } from '../../src/storage/index.js';
import type { NewItem, Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const START = Date.UTC(2024, 4, 1);
const HOUR = 3600_000;

describe.each(databaseTargets)('clustering job on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  let clock: ManualClock;
  let deps: ClusterDeps;
  let seq = 0;

  async function add(
    unit: Unit,
    keywords: string,
    hour: number,
    patch: Partial<NewItem> = {},
  ): Promise<string> {
    seq++;
    const [id = ''] = await storage.items.insertMany([
      {
        unitId: unit.id,
        kind: 'post',
        content: `${keywords.replace(/ /g, '，')}。第${seq}条`,
        contentHash: `hash-${seq}`,
        publishedAt: START + hour * HOUR,
        collectedAt: START + hour * HOUR,
        platform: 'weibo',
        sentiment: 'neutral',
        keywords: keywords.split(' ').filter(Boolean),
        analysedAt: START + hour * HOUR,
        ...patch,
      },
    ]);
    return id;
  }

  async function unit(name: string): Promise<Unit> {
    return storage.units.create({ name, parentId: null });
  }

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    clock = new ManualClock(START);
    storage = await openStorage(database.url, { clock });
    let next = 0;
    deps = { storage, clock, newEventId: () => `ev-${String(++next).padStart(3, '0')}` };
  }, 60_000);

  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('groups items into events with their stats, stage and heat; reposts join their original', async () => {
    const office = await unit('姑苏区');
    const fire = await add(office, '小区 火灾 消防 救援', 0, {
      title: '姑苏某小区发生火灾',
      sentiment: 'negative',
      platform: 'news',
      regions: [{ province: '江苏省', city: '苏州市', county: '姑苏区' }],
    });
    const fire2 = await add(office, '火灾 小区 伤亡 消防', 1, {
      sentiment: 'negative',
      engagement: { likes: 10, comments: 5, reposts: 20, views: 0 },
    });
    const exam = await add(office, '高考 成绩 公布 考生', 1);
    const repost = await add(office, '', 2, { parentId: fire, kind: 'repost' });
    const unanalysed = await add(office, '小区 火灾', 2, { analysedAt: null });
    clock.advance(START + 3 * HOUR - clock.now());
    const outcome = await clusterItems(deps, [fire, fire2, exam, repost, unanalysed, 'missing']);
    expect(outcome.assigned).toBe(4);
    expect(outcome.skipped.sort()).toEqual([unanalysed, 'missing'].sort());
    expect(outcome.created).toHaveLength(2);
    const events = await storage.events.eventsOfItems([fire, fire2, exam, repost]);
    const fireEvent = events.get(fire) ?? '';
    expect(events.get(fire2)).toBe(fireEvent);
    expect(events.get(repost)).toBe(fireEvent);
    expect(events.get(exam)).not.toBe(fireEvent);
    const event = await storage.events.get(fireEvent);
    expect(event).toMatchObject({
      unitId: office.id,
      title: '姑苏某小区发生火灾',
      firstItemId: fire,
      firstPublishedAt: START,
      lastPublishedAt: START + 2 * HOUR,
      itemCount: 3,
      repostCount: 1,
      platforms: ['news', 'weibo'],
      regions: [{ province: '江苏省', city: '苏州市', county: '姑苏区' }],
      sentiment: { positive: 0, neutral: 1, negative: 2 },
      stage: 'emerging',
      heatVersion: HEAT_VERSION,
      mergedInto: null,
    });
    expect(event?.keywords.slice(0, 3)).toEqual(expect.arrayContaining(['小区', '火灾']));
    expect(event?.heat).toBeGreaterThan(0);
    expect(event?.representativeIds[0]).toBe(fire);
    expect(event?.representativeIds).toContain(fire2);
    expect((await storage.events.history(fireEvent)).map((h) => h.kind)).toEqual(['created']);

    const again = await clusterItems(deps, [fire, fire2, exam, repost]);
    expect(again).toMatchObject({ assigned: 0, created: [], touched: [] });
    expect((await storage.events.get(fireEvent))?.itemCount).toBe(3);

    clock.advance(START + 10 * HOUR - clock.now());
    const later = await add(office, '消防 火灾 小区 调查', 9);
    const repostOfRepost = await add(office, '', 9, { dupOf: repost });
    await clusterItems(deps, [later, repostOfRepost]);
    const after = await storage.events.eventsOfItems([later, repostOfRepost]);
    expect(after.get(later)).toBe(fireEvent);
    expect(after.get(repostOfRepost)).toBe(fireEvent);
    expect((await storage.events.get(fireEvent))?.itemCount).toBe(5);
  });

  it('recomputes a large event at most once a minute while it grows, counting every member', async () => {
    const office = await unit('大事件单位');
    clock.advance(Math.max(0, START + 30 * HOUR - clock.now()));
    const ids: string[] = [];
    for (let n = 0; n < LARGE_EVENT; n++) ids.push(await add(office, '化工厂 爆炸 救援 伤亡', 30));
    const first = await clusterItems(deps, ids);
    const [eventId = ''] = first.touched;
    const full = await storage.events.getRecord(eventId);
    expect(full).toMatchObject({ itemCount: LARGE_EVENT, updatedAt: clock.now() });

    clock.advance(10_000);
    await clusterItems(deps, [await add(office, '化工厂 爆炸 救援 伤亡', 30)]);
    const light = await storage.events.getRecord(eventId);
    expect(light).toMatchObject({ itemCount: LARGE_EVENT + 1, updatedAt: full?.updatedAt });

    clock.advance(LARGE_EVENT_REFRESH_MS);
    await clusterItems(deps, [await add(office, '化工厂 爆炸 救援 伤亡', 30)]);
    expect(await storage.events.getRecord(eventId)).toMatchObject({
      itemCount: LARGE_EVENT + 2,
      updatedAt: clock.now(),
    });
  });

  it('merges two stored events when a bridging item makes them alike; the larger keeps its id', async () => {
    const office = await unit('虎丘区');
    const strict: ClusterDeps = { ...deps, options: { threshold: 0.75, mergeThreshold: 0.65 } };
    clock.advance(START + 4 * HOUR - clock.now());
    const a1 = await add(office, '化工厂 爆炸 浓烟', 0);
    const a2 = await add(office, '化工厂 爆炸 浓烟', 1);
    const b1 = await add(office, '爆炸 浓烟 居民 疏散', 2);
    await clusterItems(strict, [a1, a2, b1]);
    const before = await storage.events.eventsOfItems([a1, b1]);
    const big = before.get(a1) ?? '';
    const small = before.get(b1) ?? '';
    expect(big).not.toBe(small);
    const bridge = await add(office, '化工厂 爆炸 浓烟 居民 疏散', 3);
    const outcome = await clusterItems(strict, [bridge]);
    expect(outcome.merges).toEqual([expect.objectContaining({ fromId: small, intoId: big })]);
    expect(await storage.events.get(small)).toMatchObject({ mergedInto: big });
    expect((await storage.events.get(big))?.itemCount).toBe(4);
    expect(new Set((await storage.events.eventsOfItems([a1, a2, b1, bridge])).values())).toEqual(
      new Set([big]),
    );
    expect((await storage.events.history(big)).map((h) => [h.kind, h.otherEventId])).toContainEqual([
      'absorbed',
      small,
    ]);
    expect((await storage.events.history(small)).map((h) => [h.kind, h.otherEventId])).toContainEqual([
      'merged_into',
      big,
    ]);
  });

  it('sends a late repost to its original’s event even after the window, and through merges', async () => {
    const office = await unit('姑苏区二');
    clock.advance(START + HOUR - clock.now());
    const original = await add(office, '古城 拆迁 补偿', 0);
    await clusterItems(deps, [original]);
    const eventId = (await storage.events.eventsOfItems([original])).get(original) ?? '';
    clock.advance(START + 200 * HOUR - clock.now());
    const late = await add(office, '', 199, { parentId: original, kind: 'repost' });
    const lateSimilar = await add(office, '古城 拆迁 补偿', 199);
    await clusterItems(deps, [late, lateSimilar]);
    const events = await storage.events.eventsOfItems([late, lateSimilar]);
    expect(events.get(late)).toBe(eventId);
    expect(events.get(lateSimilar)).toBe(eventId);
    const other = await add(office, '菜市场 改造 摊位', 199);
    await clusterItems(deps, [other]);
    const otherEvent = (await storage.events.eventsOfItems([other])).get(other) ?? '';
    await mergeEvents(deps, eventId, otherEvent, null);
    const afterMerge = await add(office, '', 200, { dupOf: original });
    await clusterItems(deps, [afterMerge]);
    expect((await storage.events.eventsOfItems([afterMerge])).get(afterMerge)).toBe(otherEvent);
  });

  it('runs as the cluster job from a payload of item ids and refuses a payload without them', async () => {
    const office = await unit('高新区');
    const id = await add(office, '大桥 限行 通告', 0);
    const handler = clusterHandler({ ...deps, logger: createLogger('silent') });
    const job = {
      id: 'job-1',
      queue: 'cluster' as const,
      attempt: 1,
      signal: new AbortController().signal,
      logger: createLogger('silent'),
    };
    await handler({ ...job, payload: { itemIds: [id] } });
    expect((await storage.events.eventsOfItems([id])).has(id)).toBe(true);
    await expect(handler({ ...job, payload: { items: [id] } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('splits an event whose items tell two separate stories', async () => {
    const office = await unit('吴中区');
    clock.advance(START + 6 * HOUR - clock.now());
    const fire = [
      '小区 火灾 消防',
      '火灾 消防 救援',
      '小区 火灾 伤亡',
      '消防 救援 火灾',
      '火灾 小区 浓烟',
      '火灾 浓烟 消防',
    ];
    const exam = ['高考 成绩 公布', '高考 考生 分数', '考生 分数 公布', '高考 分数 考生', '高考 成绩 考生'];
    const root = await add(office, fire[0] ?? '', 0);
    const fireIds = [root];
    for (const words of fire.slice(1)) fireIds.push(await add(office, words, 1));
    // Exam posts that "repost" the fire post join its event by the link although they tell another story.
    const examIds: string[] = [];
    for (const words of exam) examIds.push(await add(office, words, 2, { parentId: root }));
    const outcome = await clusterItems(deps, [...fireIds, ...examIds]);
    const events = await storage.events.eventsOfItems([...fireIds, ...examIds]);
    const fireEvent = events.get(root) ?? '';
    const examEvent = events.get(examIds[0] ?? '') ?? '';
    expect(examEvent).not.toBe(fireEvent);
    expect(new Set(fireIds.map((id) => events.get(id)))).toEqual(new Set([fireEvent]));
    expect(new Set(examIds.map((id) => events.get(id)))).toEqual(new Set([examEvent]));
    expect(outcome.created).toContain(examEvent);
    expect((await storage.events.get(fireEvent))?.itemCount).toBe(6);
    expect((await storage.events.get(examEvent))?.itemCount).toBe(5);
    expect((await storage.events.history(examEvent)).map((h) => [h.kind, h.otherEventId])).toEqual([
      ['split_from', fireEvent],
    ]);
  });

  it('merges events by hand and weighs heat by authority', async () => {
    const plain = await unit('相城区');
    const weighty = await unit('工业园区');
    clock.advance(START + 2 * HOUR - clock.now());
    const p1 = await add(plain, '暴雨 内涝 积水', 0);
    const w1 = await add(weighty, '暴雨 内涝 积水', 0);
    const w2 = await add(weighty, '演唱会 门票 黄牛', 0);
    const authoritative: ClusterDeps = { ...deps, authorityOf: () => 5 };
    await clusterItems(deps, [p1]);
    await clusterItems(authoritative, [w1, w2]);
    const events = await storage.events.eventsOfItems([p1, w1, w2]);
    const plainHeat = (await storage.events.get(events.get(p1) ?? ''))?.heat ?? 0;
    const weightyHeat = (await storage.events.get(events.get(w1) ?? ''))?.heat ?? 0;
    expect(weightyHeat).toBeGreaterThan(plainHeat);

    const from = events.get(w2) ?? '';
    const into = events.get(w1) ?? '';
    expect(await mergeEvents(deps, from, into, 'user-1')).toBe(1);
    expect((await storage.events.get(into))?.itemCount).toBe(2);
    expect((await storage.events.get(from))?.mergedInto).toBe(into);
    const history = await storage.events.history(from);
    expect(history.find((h) => h.kind === 'merged_into')).toMatchObject({
      kind: 'merged_into',
      detail: { by: 'user', userId: 'user-1', items: 1 },
    });
    await expect(mergeEvents(deps, from, into, null)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(mergeEvents(deps, into, events.get(p1) ?? '', null)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
