/**
 * The report data source on both engines (issue 7: every figure equals the count queried directly): a
 * seeded database, each method's numbers compared with the tests' own SQL, scoping, period edges, empty
 * scope and period, bad input, and every trace run again to give the rows it gave.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportQuery } from '../../src/domain/report-data.js';
import { isAppError } from '../../src/platform/errors.js';
import { collectWorkStats, storageCaseStatsSource } from '../../src/reports/stats/index.js';
import type { Database } from '../../src/storage/schema.js';
import { createRepositories, type Repositories } from '../../src/storage/storage.js';
import { databaseTargets } from '../helpers/databases.js';
import { openTestDatabase, type TestDatabase } from './fixtures.js';
import {
  categoryAnySql,
  categoryCountsSql,
  rawCount,
  rawCounts,
  rawRows,
  regionCountsSql,
} from './report-data/raw.js';
import { replayed } from './report-data/replay.js';
import { DAY, DAY0, FROM, HOUR, seed, TO, type Seeded } from './report-data/seed.js';

describe.each(databaseTargets)('report data source on $name', (target) => {
  let test: TestDatabase;
  let db: Kysely<Database>;
  let repos: Repositories;
  let s: Seeded;
  let a: ReportQuery;

  const inA = (from = FROM, to = TO) =>
    sql`unit_id = ${s.unitA} and published_at >= ${from} and published_at < ${to}`;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    db = test.handle.db;
    repos = createRepositories(db, test.handle.dialect, test.clock);
    s = await seed(repos);
    a = { unitIds: [s.unitA], from: FROM, to: TO };
  }, 120_000);

  afterAll(async () => {
    await test.close();
  });

  it('is registered on the storage', () => {
    expect(repos.reportData).toBeDefined();
  });

  it('counts items by sentiment like the database does, edges and scope included', async () => {
    const { value } = await replayed(db, (source) => source.itemTotals(a));
    const count = (where: ReturnType<typeof sql>) =>
      rawCount(db, sql<{ n: unknown }>`select count(*) as n from items where ${inA()} and ${where}`);
    expect(value).toEqual({
      total: await count(sql`1 = 1`),
      positive: await count(sql`sentiment = 'positive'`),
      neutral: await count(sql`sentiment = 'neutral'`),
      negative: await count(sql`sentiment = 'negative'`),
      unlabelled: await count(sql`sentiment is null`),
    });
    expect(value.total).toBeGreaterThan(10);
    const both = await replayed(db, (source) => source.itemTotals({ ...a, unitIds: [s.unitA, s.unitB] }));
    const all = await replayed(db, (source) => source.itemTotals({ ...a, unitIds: null }));
    const inB = await rawCount(
      db,
      sql<{
        n: unknown;
      }>`select count(*) as n from items where unit_id = ${s.unitB} and published_at >= ${FROM} and published_at < ${TO}`,
    );
    expect(inB).toBeGreaterThan(0);
    expect(both.value.total).toBe(value.total + inB);
    expect(all.value.total).toBe(value.total + inB);

    const atFrom = await replayed(db, (source) => source.itemTotals({ ...a, from: FROM, to: FROM + 1 }));
    expect(atFrom.value.total).toBeGreaterThanOrEqual(1);
    const before = await replayed(db, (source) => source.itemTotals({ ...a, from: TO - HOUR, to: TO }));
    const through = await replayed(db, (source) => source.itemTotals({ ...a, from: TO - HOUR, to: TO + 1 }));
    expect(through.value.total - before.value.total).toBe(
      await rawCount(
        db,
        sql<{
          n: unknown;
        }>`select count(*) as n from items where unit_id = ${s.unitA} and published_at = ${TO}`,
      ),
    );
    expect(through.value.total).toBeGreaterThan(before.value.total);
  });

  it('counts items by platform: the item’s, else the source kind, else 未知', async () => {
    const { value } = await replayed(db, (source) => source.itemsByPlatform(a));
    const expected = await rawCounts(
      db,
      sql<{ name: string; n: unknown }>`select coalesce(i.platform, s.kind, '未知') as name, count(*) as n
        from items i left join sources s on s.id = i.source_id
        where i.unit_id = ${s.unitA} and i.published_at >= ${FROM} and i.published_at < ${TO}
        group by coalesce(i.platform, s.kind, '未知')`,
    );
    expect(new Map(value.map((entry) => [entry.name, entry.count]))).toEqual(expected);
    expect(expected.has('push') || expected.has('feed') || expected.has('未知')).toBe(true);
    for (let index = 1; index < value.length; index += 1) {
      expect(value[index - 1]?.count ?? 0).toBeGreaterThanOrEqual(value[index]?.count ?? 0);
    }
  });

  it.each(['province', 'city', 'county'] as const)('counts items by %s once per region', async (level) => {
    const { value } = await replayed(db, (source) => source.itemsByRegion(a, level));
    const expected = await rawCounts(db, regionCountsSql(test.handle.dialect, s.unitA, FROM, TO, level));
    expect(new Map(value.map((entry) => [entry.name, entry.count]))).toEqual(expected);
    expect(expected.size).toBeGreaterThan(1);
  });

  it('counts items by category key once per key', async () => {
    const { value } = await replayed(db, (source) => source.itemsByCategory(a));
    const expected = await rawCounts(db, categoryCountsSql(test.handle.dialect, s.unitA, FROM, TO));
    expect(new Map(value.map((entry) => [entry.name, entry.count]))).toEqual(expected);
    expect(expected.size).toBeGreaterThan(1);
  });

  it('gives every hourly bucket, zeros included, each equal to a direct count', async () => {
    const { value } = await replayed(db, (source) => source.volumeSeries(a, HOUR));
    expect(value).toHaveLength(24);
    for (const [index, bucket] of value.entries()) {
      const start = FROM + index * HOUR;
      expect(bucket.from).toBe(start);
      expect(bucket.total).toBe(
        await rawCount(
          db,
          sql<{ n: unknown }>`select count(*) as n from items where ${inA(start, start + HOUR)}`,
        ),
      );
      expect(bucket.negative).toBe(
        await rawCount(
          db,
          sql<{
            n: unknown;
          }>`select count(*) as n from items where ${inA(start, start + HOUR)} and sentiment = 'negative'`,
        ),
      );
    }
    const sparse = await replayed(db, (source) =>
      source.volumeSeries({ ...a, from: DAY0 - 10 * DAY, to: DAY0 }, DAY),
    );
    expect(sparse.value).toHaveLength(10);
    expect(sparse.value.every((bucket) => bucket.total === 0)).toBe(true);
  });

  it('lists the most engaged items of a selection with their count, tier and excerpt', async () => {
    const week = { ...a, from: DAY0, to: DAY0 + 3 * DAY };
    const negative = await replayed(db, (source) => source.topItems(a, { sentiment: 'negative' }, 5));
    expect(negative.value.count).toBe(
      await rawCount(
        db,
        sql<{ n: unknown }>`select count(*) as n from items where ${inA()} and sentiment = 'negative'`,
      ),
    );
    const top = await rawRows(
      db,
      sql<{ id: string }>`select id from items where ${inA()} and sentiment = 'negative'
        order by likes + comments + reposts desc, published_at desc, id limit 5`,
    );
    expect(negative.value.items.map((entry) => entry.id)).toEqual(top.map((row) => row.id));

    const keys = ['education', 'housing'];
    const sensitive = await replayed(db, (source) => source.topItems(a, { categories: keys }, 3));
    expect(sensitive.value.count).toBe(
      await rawCount(db, categoryAnySql(test.handle.dialect, s.unitA, FROM, TO, keys)),
    );
    expect(sensitive.value.items).toHaveLength(3);

    for (const unitId of [s.unitA, s.unitB]) {
      const { value } = await replayed(db, (source) =>
        source.topItems({ ...week, unitIds: [unitId] }, {}, 1000),
      );
      const rows = await rawRows(
        db,
        sql<{ id: string; content: string; sourceTier: string | null; platform: string | null }>`
          select i.id, i.content, s.tier as source_tier, i.platform from items i left join sources s on s.id = i.source_id
          where i.unit_id = ${unitId} and i.published_at >= ${week.from} and i.published_at < ${week.to}`,
      );
      expect(value.items).toHaveLength(rows.length);
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const brief of value.items) {
        const row = byId.get(brief.id);
        expect(row).toBeDefined();
        expect(brief.excerpt).toBe(
          Array.from((row?.content ?? '').replace(/\s+/g, ' ').trim())
            .slice(0, 120)
            .join(''),
        );
        const expectedTier =
          unitId === s.unitA && brief.author === '市政府发布' && row?.platform === 'weibo'
            ? 'government'
            : unitId === s.unitA && brief.author === '本地日报'
              ? 'local'
              : (row?.sourceTier ?? null);
        expect(brief.tier).toBe(expectedTier);
      }
      if (unitId === s.unitA) expect(value.items.some((brief) => brief.tier === 'government')).toBe(true);
    }
  });

  it('ranks events by items in the period, merged events left out', async () => {
    const { value } = await replayed(db, (source) => source.topEvents(a, 10));
    const expected = await rawRows(
      db,
      sql<{ eventId: string; n: unknown; neg: unknown }>`select ei.event_id, count(*) as n,
          sum(case when i.sentiment = 'negative' then 1 else 0 end) as neg
        from event_items ei join items i on i.id = ei.item_id join events e on e.id = ei.event_id
        where ${sql`i.unit_id = ${s.unitA} and i.published_at >= ${FROM} and i.published_at < ${TO}`} and e.merged_into is null
        group by ei.event_id order by count(*) desc`,
    );
    expect(value.map((event) => [event.id, event.itemsInPeriod, event.negativeInPeriod])).toEqual(
      expected.map((row) => [row.eventId, Number(row.n), Number(row.neg)]),
    );
    expect(value.map((event) => event.id)).toEqual([s.eventId]);
    const event = await repos.events.get(s.eventId);
    expect(value[0]?.representatives.map((brief) => brief.id)).toEqual(event?.representativeIds.slice(0, 3));
    const ofB = await replayed(db, (source) => source.topEvents({ ...a, unitIds: [s.unitB] }, 10));
    expect(ofB.value.map((entry) => entry.id)).toEqual([s.eventB]);
  });

  it('summarises alerts raised in the period with every level and status', async () => {
    const { value } = await replayed(db, (source) => source.alerts(a));
    const byLevel = await rawCounts(
      db,
      sql<{ name: string; n: unknown }>`select level as name, count(*) as n from alerts
        where unit_id = ${s.unitA} and created_at >= ${FROM} and created_at < ${TO} group by level`,
    );
    const byStatus = await rawCounts(
      db,
      sql<{ name: string; n: unknown }>`select status as name, count(*) as n from alerts
        where unit_id = ${s.unitA} and created_at >= ${FROM} and created_at < ${TO} group by status`,
    );
    expect(value.raised).toBe([...byLevel.values()].reduce((x, y) => x + y, 0));
    for (const level of ['red', 'orange', 'yellow', 'blue'] as const)
      expect(value.byLevel[level]).toBe(byLevel.get(level) ?? 0);
    for (const status of ['new', 'acknowledged', 'handling', 'closed'] as const) {
      expect(value.byStatus[status]).toBe(byStatus.get(status) ?? 0);
    }
    expect(value.list.map((entry) => [entry.level, entry.raisedAt])).toEqual([
      ['red', FROM + 5 * HOUR],
      ['red', FROM + 2 * HOUR],
      ['yellow', FROM + HOUR],
      ['blue', FROM],
    ]);
  });

  /** Open-at-`to` cases and their nearest open deadline, computed here from the raw rows. */
  async function openCases(table: 'incidents' | 'appeals') {
    const rows =
      table === 'incidents'
        ? await rawRows(
            db,
            sql<{
              id: string;
              state: string;
              start: unknown;
              end: unknown;
            }>`select id, state, opened_at as start, closed_at as "end" from incidents where unit_id = ${s.unitA}`,
          )
        : await rawRows(
            db,
            sql<{
              id: string;
              state: string;
              start: unknown;
              end: unknown;
            }>`select id, state, received_at as start, coalesce(replied_at, closed_at) as "end" from appeals where unit_id = ${s.unitA}`,
          );
    const deadlines = await rawRows(
      db,
      sql<{
        recordId: string;
        dueAt: unknown;
      }>`select record_id, due_at from case_deadlines where record_type = ${table === 'incidents' ? 'incident' : 'appeal'} and done_at is null`,
    );
    const finals = table === 'incidents' ? ['closed'] : ['replied', 'closed', 'merged', 'rejected'];
    const open = rows.filter(
      (row) => Number(row.start) < TO && !(finals.includes(row.state) && Number(row.end ?? 0) < TO),
    );
    const due = (id: string) => {
      const times = deadlines.filter((row) => row.recordId === id).map((row) => Number(row.dueAt));
      return times.length > 0 ? Math.min(...times) : null;
    };
    return open.map((row) => ({ id: row.id, dueAt: due(row.id) }));
  }

  it('summarises incidents opened, closed, in progress and overdue', async () => {
    const { value } = await replayed(db, (source) => source.incidents(a));
    expect(value.openedInPeriod).toBe(
      await rawCount(
        db,
        sql<{
          n: unknown;
        }>`select count(*) as n from incidents where unit_id = ${s.unitA} and opened_at >= ${FROM} and opened_at < ${TO}`,
      ),
    );
    expect(value.closedInPeriod).toBe(
      await rawCount(
        db,
        sql<{
          n: unknown;
        }>`select count(*) as n from incidents where unit_id = ${s.unitA} and closed_at >= ${FROM} and closed_at < ${TO}`,
      ),
    );
    const open = await openCases('incidents');
    expect(value.inProgress).toBe(open.length);
    expect(value.overdue).toBe(open.filter((row) => row.dueAt !== null && row.dueAt < TO).length);
    expect(value.overdue).toBeGreaterThan(0);
    expect(value.list.map((entry) => entry.id).sort()).toEqual(open.map((row) => row.id).sort());
    const flags = value.list.map((entry) => entry.overdue);
    expect(flags).toEqual([...flags].sort((x, y) => Number(y) - Number(x)));
  });

  it('summarises appeals received, replied, in progress and overdue', async () => {
    const { value } = await replayed(db, (source) => source.appeals(a));
    expect(value.openedInPeriod).toBe(
      await rawCount(
        db,
        sql<{
          n: unknown;
        }>`select count(*) as n from appeals where unit_id = ${s.unitA} and received_at >= ${FROM} and received_at < ${TO} and state <> 'merged'`,
      ),
    );
    expect(value.closedInPeriod).toBe(
      await rawCount(
        db,
        sql<{
          n: unknown;
        }>`select count(*) as n from appeals where unit_id = ${s.unitA} and replied_at >= ${FROM} and replied_at < ${TO}`,
      ),
    );
    const open = await openCases('appeals');
    expect(value.inProgress).toBe(open.length);
    expect(value.overdue).toBe(open.filter((row) => row.dueAt !== null && row.dueAt < TO).length);
    expect(value.list[0]?.overdue).toBe(true);
  });

  it('builds an event dossier whose figures match the event’s rows', async () => {
    const answer = await replayed(db, async (source) => {
      const dossier = await source.eventDossier([s.unitA], s.eventId, HOUR);
      if (!dossier) throw new Error('no dossier');
      return dossier;
    });
    const { value } = answer;
    const members = await rawRows(
      db,
      sql<{
        id: string;
        author: string | null;
        platform: string | null;
        sourceTier: string | null;
        publishedAt: unknown;
        sentiment: string | null;
      }>`
        select i.id, i.author, i.platform, s.tier as source_tier, i.published_at, i.sentiment
        from event_items ei join items i on i.id = ei.item_id left join sources s on s.id = i.source_id
        where ei.event_id = ${s.eventId} order by i.published_at, i.id`,
    );
    expect(value.event.itemsInPeriod).toBe(members.length);
    expect(value.event.negativeInPeriod).toBe(members.filter((row) => row.sentiment === 'negative').length);
    expect(value.origin?.id).toBe(members[0]?.id);
    expect(value.volume.reduce((sum, bucket) => sum + bucket.total, 0)).toBe(members.length);
    expect(value.volume[0]?.from).toBe(Number(members[0]?.publishedAt));
    expect(value.platformMix.reduce((sum, entry) => sum + entry.count, 0)).toBe(members.length);
    const tierOf = (row: (typeof members)[number]) =>
      row.author === '市政府发布' && row.platform === 'weibo'
        ? 'government'
        : row.author === '本地日报'
          ? 'local'
          : row.sourceTier;
    const voice = (tier: string | null) =>
      tier === 'government'
        ? 'official'
        : tier && ['central', 'provincial', 'local'].includes(tier)
          ? 'media'
          : 'public';
    const counts = { official: 0, media: 0, public: 0 };
    for (const row of members) counts[voice(tierOf(row))] += 1;
    expect(value.voiceCounts).toEqual(counts);
    expect(value.voices.media.length).toBe(Math.min(3, counts.media));
    const spreaders = await rawRows(
      db,
      sql<{
        author: string;
        n: unknown;
        engagement: unknown;
      }>`select i.author, count(*) as n, sum(i.likes + i.comments + i.reposts) as engagement
        from event_items ei join items i on i.id = ei.item_id left join sources s on s.id = i.source_id
        where ei.event_id = ${s.eventId} and i.author is not null
        group by i.author, coalesce(i.platform, s.kind) order by sum(i.likes + i.comments + i.reposts) desc, count(*) desc limit 10`,
    );
    expect(value.spreaders.map((entry) => [entry.name, entry.items, entry.engagement])).toEqual(
      spreaders.map((row) => [row.author, Number(row.n), Number(row.engagement)]),
    );
    expect(await repos.reportData.eventDossier([s.unitB], s.eventId, HOUR)).toBeNull();
    expect(await repos.reportData.eventDossier(null, 'missing', HOUR)).toBeNull();
  });

  it('gives the work figures, agreeing with the work-summary statistics', async () => {
    const { value } = await replayed(db, (source) => source.workFigures(a));
    const stats = await collectWorkStats(storageCaseStatsSource(repos), {
      scope: { unitIds: [s.unitA] },
      from: FROM,
      to: TO,
    });
    expect(value.incidents.opened).toBe(stats.incidents.total);
    expect(value.incidents.byLevel).toEqual(stats.incidents.byLevel);
    expect(value.appeals).toEqual({
      received: stats.appeals.received,
      replied: stats.appeals.replied,
      onTime: stats.appeals.onTime,
    });
    expect(value.clues.transferred).toBe(stats.clues.transferred);
    expect(value.clues.filed).toBe(stats.clues.filed);
    expect(value.bulletins).toEqual({
      submitted: stats.bulletins.submitted,
      adopted: stats.bulletins.adopted,
      instructed: stats.bulletins.instructed,
    });
    expect(value.publications.published).toBe(stats.publications.published);
    const count = (query: RawBuilder<unknown>) => rawCount(db, query);
    expect(value.sourcesMonitored).toBe(
      await count(sql`select count(*) as n from sources where unit_id = ${s.unitA} and enabled = 1`),
    );
    expect(value.schemesActive).toBe(
      await count(sql`select count(*) as n from schemes where unit_id = ${s.unitA} and enabled = 1`),
    );
    expect(value.eventsTracked).toBe(1);
    expect(value.alerts.raised).toBe(
      await count(
        sql`select count(*) as n from alerts where unit_id = ${s.unitA} and created_at >= ${FROM} and created_at < ${TO}`,
      ),
    );
    expect(value.incidents.closed).toBe(
      await count(
        sql`select count(*) as n from incidents where unit_id = ${s.unitA} and closed_at >= ${FROM} and closed_at < ${TO}`,
      ),
    );
    expect(value.responses.published).toBe(
      await count(
        sql`select count(*) as n from incident_responses where unit_id = ${s.unitA} and published_at >= ${FROM} and published_at < ${TO}`,
      ),
    );
    expect(value.clues.withOutcome).toBe(
      await count(sql`select count(*) as n from clues where unit_id = ${s.unitA} and transferred_at >= ${FROM} and transferred_at < ${TO}
        and outcome in ('filed', 'closed_after_check', 'not_filed')`),
    );
    expect(value.responses.published).toBe(1);
    const both = await replayed(db, (source) => source.workFigures({ ...a, unitIds: [s.unitA, s.unitB] }));
    const statsBoth = await collectWorkStats(storageCaseStatsSource(repos), {
      scope: { unitIds: [s.unitA, s.unitB] },
      from: FROM,
      to: TO,
    });
    expect(both.value.incidents.opened).toBe(statsBoth.incidents.total);
    expect(both.value.appeals.received).toBe(statsBoth.appeals.received);
    expect(both.value.bulletins.adopted).toBe(statsBoth.bulletins.adopted);
    expect(both.value.eventsTracked).toBe(2);
  });

  it('answers zeros for an empty scope and an empty period', async () => {
    for (const query of [
      { unitIds: [], from: FROM, to: TO },
      { unitIds: [s.unitA, s.unitB], from: DAY0 + 10 * DAY, to: DAY0 + 11 * DAY },
    ]) {
      expect((await replayed(db, (source) => source.itemTotals(query))).value.total).toBe(0);
      expect((await replayed(db, (source) => source.itemsByPlatform(query))).value).toEqual([]);
      expect((await replayed(db, (source) => source.itemsByRegion(query, 'province'))).value).toEqual([]);
      expect((await replayed(db, (source) => source.itemsByCategory(query))).value).toEqual([]);
      const volume = (await replayed(db, (source) => source.volumeSeries(query, 6 * HOUR))).value;
      expect(volume.map((bucket) => bucket.total)).toEqual([0, 0, 0, 0]);
      expect((await replayed(db, (source) => source.topItems(query, {}, 5))).value).toEqual({
        count: 0,
        items: [],
      });
      expect((await replayed(db, (source) => source.topEvents(query, 5))).value).toEqual([]);
      expect((await replayed(db, (source) => source.alerts(query))).value.raised).toBe(0);
      const incidents = (await replayed(db, (source) => source.incidents(query))).value;
      expect([incidents.openedInPeriod, incidents.closedInPeriod]).toEqual([0, 0]);
      const work = (await replayed(db, (source) => source.workFigures(query))).value;
      expect([
        work.incidents.opened,
        work.appeals.received,
        work.publications.published,
        work.eventsTracked,
      ]).toEqual([0, 0, 0, 0]);
    }
    const empty = (await replayed(db, (source) => source.incidents({ unitIds: [], from: FROM, to: TO })))
      .value;
    expect(empty).toEqual({ openedInPeriod: 0, closedInPeriod: 0, inProgress: 0, overdue: 0, list: [] });
  });

  it('refuses a bad period or bucket size, naming the field', async () => {
    const field = async (promise: Promise<unknown>) => {
      const error: unknown = await promise.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(isAppError(error, 'VALIDATION_FAILED')).toBe(true);
      return isAppError(error) ? error.details['field'] : null;
    };
    const source = repos.reportData;
    expect(await field(source.itemTotals({ ...a, to: FROM }))).toBe('to');
    expect(await field(source.volumeSeries(a, 0))).toBe('bucketMs');
    expect(await field(source.volumeSeries(a, 1))).toBe('bucketMs');
    expect(await field(source.eventDossier(null, s.eventId, -5))).toBe('bucketMs');
    expect(await field(source.topItems(a, {}, -1))).toBe('limit');
  });
});
