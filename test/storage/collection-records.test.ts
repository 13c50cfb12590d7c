import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/index.js';
import { isAppError } from '../../src/platform/errors.js';
import type { NewFetchRun, Repositories } from '../../src/storage/index.js';
import { KyselyStorage } from '../../src/storage/storage.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function run(sourceId: string, startedAt: number, fields: Partial<NewFetchRun> = {}): NewFetchRun {
  return {
    sourceId,
    startedAt,
    finishedAt: startedAt + 1500,
    outcome: 'ok',
    found: 10,
    inserted: 3,
    updated: 1,
    duplicates: 6,
    rejected: 0,
    errorCode: null,
    errorMessage: null,
    httpStatus: 200,
    durationMs: 1500,
    ...fields,
  };
}

describe.each(databaseTargets)('collection records on $name', (target) => {
  let test: TestDatabase;
  let repos: Repositories;
  let unit: Unit;
  let otherUnit: Unit;
  let sourceId: string;
  let otherSourceId: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    repos = new KyselyStorage(test.handle, { clock: test.clock });
    unit = await makeUnit(test, 'office');
    otherUnit = await makeUnit(test, 'bureau');
    sourceId = (await repos.sources.create({ unitId: unit.id, name: '热搜榜', kind: 'hotlist' })).id;
    otherSourceId = (await repos.sources.create({ unitId: otherUnit.id, name: '其他榜', kind: 'hotlist' }))
      .id;
  });
  afterAll(async () => {
    await test.close();
  });

  describe('fetch runs', () => {
    it('lists a source’s runs newest first across pages, with detail, and purges old ones', async () => {
      const failed = await repos.fetchRuns.record(
        run(sourceId, START + 2 * MINUTE, {
          outcome: 'failed',
          errorCode: 'FETCH_HTTP_STATUS',
          errorMessage: 'HTTP 502',
          httpStatus: 502,
          detail: { rejected: [{ reason: 'no date', where: 'item 3' }] },
        }),
      );
      await repos.fetchRuns.record(run(sourceId, START));
      await repos.fetchRuns.record(run(sourceId, START + MINUTE, { outcome: 'not_modified', found: 0 }));
      await repos.fetchRuns.record(run(otherSourceId, START + MINUTE));

      const first = await repos.fetchRuns.listBySource(sourceId, { limit: 2 });
      expect(first.items.map((r) => r.startedAt)).toEqual([START + 2 * MINUTE, START + MINUTE]);
      expect(first.items[0]).toEqual({
        ...failed,
        detail: { rejected: [{ reason: 'no date', where: 'item 3' }] },
      });
      const second = await repos.fetchRuns.listBySource(sourceId, { limit: 2, cursor: first.nextCursor });
      expect(second.items.map((r) => r.startedAt)).toEqual([START]);
      expect(second.items[0]?.detail).toEqual({});
      expect(second.nextCursor).toBeNull();

      expect(await repos.fetchRuns.purge(START + MINUTE)).toBe(1);
      expect((await repos.fetchRuns.listBySource(sourceId, { limit: 10 })).items).toHaveLength(2);
    });
  });

  describe('hot topics', () => {
    it('keeps the first sighting, the best rank and the highest heat, and the rank over time', async () => {
      const at1 = START + HOUR;
      const at2 = at1 + 10 * MINUTE;
      const at3 = at2 + 10 * MINUTE;
      const first = await repos.hotTopics.upsertSightings(sourceId, at1, [
        { key: '某地暴雨', title: '某地暴雨', url: 'https://hot.example/1', rank: 5, heat: 120_000 },
        { key: '新政策', title: '新政策发布', url: null, rank: 2, heat: null },
        { key: '新政策', title: '新政策发布', url: null, rank: 9, heat: null },
      ]);
      expect(first).toHaveLength(2);
      await repos.hotTopics.upsertSightings(sourceId, at2, [
        { key: '某地暴雨', title: '某地暴雨 持续', url: null, rank: 1, heat: 980_000.5 },
      ]);
      const third = await repos.hotTopics.upsertSightings(sourceId, at3, [
        { key: '某地暴雨', title: '某地暴雨 持续', url: null, rank: 3, heat: 400_000 },
      ]);
      const rain = third[0];
      expect(rain).toMatchObject({
        sourceId,
        title: '某地暴雨 持续',
        url: 'https://hot.example/1',
        firstSeenAt: at1,
        lastSeenAt: at3,
        lastRank: 3,
        peakRank: 1,
        lastHeat: 400_000,
        peakHeat: 980_000.5,
        sightings: 3,
      });
      expect(rain).not.toHaveProperty('key');
      expect(await repos.hotTopics.history(rain?.id ?? '')).toEqual([
        { at: at1, rank: 5, heat: 120_000 },
        { at: at2, rank: 1, heat: 980_000.5 },
        { at: at3, rank: 3, heat: 400_000 },
      ]);
      expect(await repos.hotTopics.get(rain?.id ?? '', { unitIds: [unit.id] })).toEqual(rain);
      expect(await repos.hotTopics.get(rain?.id ?? '', { unitIds: [otherUnit.id] })).toBeNull();
      expect(await repos.hotTopics.upsertSightings(sourceId, at3, [])).toEqual([]);
    });

    it('lists topics in scope, most recently seen first, by source and time window', async () => {
      const base = START + 10 * HOUR;
      await repos.hotTopics.upsertSightings(otherSourceId, base, [
        { key: '外地', title: '外地新闻', url: null, rank: 1, heat: 10 },
      ]);
      await repos.hotTopics.upsertSightings(sourceId, base + MINUTE, [
        { key: 'a', title: 'A', url: null, rank: 1, heat: 1 },
        { key: 'b', title: 'B', url: null, rank: 2, heat: 1 },
      ]);
      await repos.hotTopics.upsertSightings(sourceId, base + 2 * MINUTE, [
        { key: 'c', title: 'C', url: null, rank: 1, heat: 1 },
      ]);
      const mine = { unitIds: [unit.id] };
      const window = { from: base, to: base + HOUR };
      const page1 = await repos.hotTopics.list(mine, window, { limit: 2 });
      expect(page1.items.map((t) => t.title)[0]).toBe('C');
      const page2 = await repos.hotTopics.list(mine, window, { limit: 2, cursor: page1.nextCursor });
      expect([...page1.items, ...page2.items].map((t) => t.title).sort()).toEqual(['A', 'B', 'C']);
      expect(page2.nextCursor).toBeNull();
      const all = await repos.hotTopics.list({ unitIds: null }, window, { limit: 10 });
      expect(all.items.map((t) => t.title)).toContain('外地新闻');
      const bySource = await repos.hotTopics.list(
        { unitIds: null },
        { ...window, sourceId: otherSourceId },
        { limit: 10 },
      );
      expect(bySource.items.map((t) => t.title)).toEqual(['外地新闻']);
      const before = await repos.hotTopics.list(mine, { to: base }, { limit: 10 });
      expect(before.items.map((t) => t.title)).not.toContain('A');
    });
  });

  describe('key periods', () => {
    it('creates, lists, updates and deletes periods, and tells which are active', async () => {
      const congress = await repos.keyPeriods.create({
        unitId: unit.id,
        name: '两会',
        startsAt: START + 24 * HOUR,
        endsAt: START + 72 * HOUR,
        multiplier: 3,
        unitIds: [unit.id],
        sourceIds: [sourceId],
      });
      const festival = await repos.keyPeriods.create({
        unitId: otherUnit.id,
        name: '春节',
        startsAt: START + 48 * HOUR,
        endsAt: START + 96 * HOUR,
        multiplier: 2,
      });
      expect(await repos.keyPeriods.get(congress.id)).toEqual(congress);
      expect(festival).toMatchObject({ unitIds: [], sourceIds: [], createdAt: START });

      const names = async (at: number) => (await repos.keyPeriods.activeAt(at)).map((p) => p.name);
      expect(await names(START)).toEqual([]);
      expect(await names(START + 24 * HOUR)).toEqual(['两会']);
      expect(await names(START + 60 * HOUR)).toEqual(['两会', '春节']);
      expect(await names(START + 72 * HOUR)).toEqual(['春节']);

      expect(
        (await repos.keyPeriods.list({ unitIds: [unit.id] }, { limit: 10 })).items.map((p) => p.name),
      ).toEqual(['两会']);
      const page1 = await repos.keyPeriods.list({ unitIds: null }, { limit: 1 });
      const page2 = await repos.keyPeriods.list({ unitIds: null }, { limit: 1, cursor: page1.nextCursor });
      expect([...page1.items, ...page2.items].map((p) => p.name)).toEqual(['春节', '两会']);

      const longer = await repos.keyPeriods.update(congress.id, {
        endsAt: START + 120 * HOUR,
        sourceIds: [],
      });
      expect(longer).toMatchObject({
        endsAt: START + 120 * HOUR,
        sourceIds: [],
        unitIds: [unit.id],
        multiplier: 3,
      });
      await expect(repos.keyPeriods.update(congress.id, { endsAt: START })).rejects.toSatisfy((e) =>
        isAppError(e, 'BAD_REQUEST'),
      );
      await repos.keyPeriods.delete(festival.id);
      expect(await names(START + 60 * HOUR)).toEqual(['两会']);
      await expect(repos.keyPeriods.delete(festival.id)).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
    });

    it.each([
      ['ends before it starts', { startsAt: START + HOUR, endsAt: START, multiplier: 2 }],
      ['has no length', { startsAt: START, endsAt: START, multiplier: 2 }],
      ['has a zero multiplier', { startsAt: START, endsAt: START + HOUR, multiplier: 0 }],
    ])('refuses a period that %s', async (_name, period) => {
      await expect(repos.keyPeriods.create({ unitId: unit.id, name: 'bad', ...period })).rejects.toSatisfy(
        (e) => isAppError(e, 'BAD_REQUEST'),
      );
    });
  });

  describe('source health events', () => {
    it('appends events and lists them newest first, by scope, source and time', async () => {
      const failing = await repos.sourceHealthEvents.append({
        sourceId,
        unitId: unit.id,
        state: 'failing',
        detail: 'FETCH_TIMEOUT: no answer',
        at: START + HOUR,
      });
      await repos.sourceHealthEvents.append({
        sourceId,
        unitId: unit.id,
        state: 'recovered',
        detail: 'fetched again after problems',
        at: START + 2 * HOUR,
      });
      await repos.sourceHealthEvents.append({
        sourceId: otherSourceId,
        unitId: otherUnit.id,
        state: 'silent',
        detail: 'nothing new',
        at: START + 3 * HOUR,
      });
      const mine = await repos.sourceHealthEvents.list({ unitIds: [unit.id] }, {}, { limit: 1 });
      expect(mine.items.map((e) => e.state)).toEqual(['recovered']);
      const rest = await repos.sourceHealthEvents.list(
        { unitIds: [unit.id] },
        {},
        { limit: 1, cursor: mine.nextCursor },
      );
      expect(rest.items).toEqual([failing]);
      expect(rest.nextCursor).toBeNull();
      const recent = await repos.sourceHealthEvents.list(
        { unitIds: null },
        { since: START + 2 * HOUR },
        { limit: 10 },
      );
      expect(recent.items.map((e) => e.state)).toEqual(['silent', 'recovered']);
      const bySource = await repos.sourceHealthEvents.list(
        { unitIds: null },
        { sourceId: otherSourceId },
        { limit: 10 },
      );
      expect(bySource.items.map((e) => e.detail)).toEqual(['nothing new']);
    });
  });
});
