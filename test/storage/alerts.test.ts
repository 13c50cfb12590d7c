/**
 * Alert rules and alerts on both engines: rule versions bump and are kept (also after deletion); alerts
 * keep every field, merge by adding to the count, list with filters and keyset pages in scope, and keep
 * their history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/index.js';
import { isAppError } from '../../src/platform/errors.js';
import { KyselyAlertRepository } from '../../src/storage/alerts/repository.js';
import { KyselyAlertRuleRepository } from '../../src/storage/alerts/rules-repository.js';
import type { AlertRecord, NewAlert } from '../../src/storage/alerts/types.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

const MINUTE = 60_000;

function alertOf(unitId: string, patch: Partial<NewAlert> = {}): NewAlert {
  return {
    unitId,
    ruleId: 'rule-1',
    ruleVersion: 2,
    trigger: 'scheme_hit',
    title: '监测方案「房产纠纷」命中负面信息',
    mergeKey: 'rule-1:scheme:s1',
    count: 1,
    schemeId: 's1',
    eventId: null,
    sourceId: null,
    category: '网络舆情',
    level: 'yellow',
    startedAt: START - MINUTE,
    scope: '江苏省苏州市',
    matter: '命中 1 条负面信息',
    measures: '核实',
    issuer: '区委网信办',
    evidence: {
      items: [
        {
          itemId: 'i1',
          title: '业主维权',
          excerpt: '聚集',
          url: 'https://bbs.example.cn/1',
          source: '论坛',
          publishedAt: START - MINUTE,
          sentiment: 'negative',
        },
      ],
      statistic: 'count',
      value: 1,
      baseline: null,
      threshold: 1,
      reasons: ['命中 1 条'],
    },
    status: 'new',
    escalations: 0,
    acknowledgedBy: null,
    acknowledgedAt: null,
    closedBy: null,
    closedAt: null,
    incidentId: null,
    heldUntil: null,
    notifiedCount: 1,
    lastFiredAt: START,
    createdAt: START,
    ...patch,
  };
}

/** The value, or a failed test when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

describe.each(databaseTargets)('alert storage on $name', (target) => {
  let test: TestDatabase;
  let rules: KyselyAlertRuleRepository;
  let alerts: KyselyAlertRepository;
  let unit: Unit;
  let other: Unit;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    rules = new KyselyAlertRuleRepository(test.handle.db, test.clock);
    alerts = new KyselyAlertRepository(test.handle.db);
    unit = await makeUnit(test, 'office');
    other = await makeUnit(test, 'bureau');
  });
  afterAll(async () => {
    await test.close();
  });

  describe('rules', () => {
    it('creates version 1, bumps the version on change and keeps every version', async () => {
      const definition = { name: '负面', trigger: { kind: 'scheme_hit' } };
      const created = await rules.create({
        unitId: unit.id,
        name: '负面',
        enabled: true,
        triggerKind: 'scheme_hit',
        definition,
        createdBy: 'u1',
      });
      expect(created).toMatchObject({
        unitId: unit.id,
        version: 1,
        enabled: true,
        definition,
        createdAt: START,
      });
      expect(await rules.get(created.id)).toEqual(created);
      test.clock.advance(MINUTE);
      const changed = await rules.update(created.id, {
        name: '负面信息',
        enabled: false,
        triggerKind: 'scheme_hit',
        definition: { ...definition, name: '负面信息' },
        changedBy: 'u2',
      });
      expect(changed).toMatchObject({
        version: 2,
        name: '负面信息',
        enabled: false,
        updatedAt: START + MINUTE,
      });
      const versions = await rules.versions(created.id);
      expect(versions.map((v) => [v.version, v.name, v.changedBy])).toEqual([
        [2, '负面信息', 'u2'],
        [1, '负面', 'u1'],
      ]);
      await rules.delete(created.id);
      expect(await rules.get(created.id)).toBeNull();
      expect(await rules.versions(created.id)).toHaveLength(2);
    });

    it('lists in scope with filters and pages; lists enabled rules for evaluation', async () => {
      const make = (unitId: string, name: string, enabled: boolean) => {
        test.clock.advance(1);
        return rules.create({
          unitId,
          name,
          enabled,
          triggerKind: 'spike',
          definition: { name },
          createdBy: null,
        });
      };
      const a = await make(unit.id, 'a', true);
      const b = await make(unit.id, 'b', false);
      const c = await make(other.id, 'c', true);
      const first = await rules.list({ unitIds: [unit.id] }, {}, { limit: 1 });
      expect(first.items.map((r) => r.id)).toEqual([b.id]);
      const second = await rules.list({ unitIds: [unit.id] }, {}, { limit: 1, cursor: first.nextCursor });
      expect(second.items.map((r) => r.id)).toEqual([a.id]);
      expect((await rules.list({ unitIds: [unit.id] }, { enabled: true }, { limit: 10 })).items).toHaveLength(
        1,
      );
      expect((await rules.listEnabled([unit.id])).map((r) => r.id)).toEqual([a.id]);
      expect((await rules.listEnabled(null)).map((r) => r.id)).toEqual([a.id, c.id]);
      expect(await rules.get(c.id, { unitIds: [unit.id] })).toBeNull();
    });

    it('answers NOT_FOUND for a missing rule or unit', async () => {
      const input = { name: 'x', enabled: true, triggerKind: 'spike', definition: {} };
      await expect(rules.update('missing', { ...input, changedBy: null })).rejects.toSatisfy((e) =>
        isAppError(e, 'NOT_FOUND'),
      );
      await expect(rules.create({ ...input, unitId: 'missing', createdBy: null })).rejects.toSatisfy((e) =>
        isAppError(e, 'NOT_FOUND'),
      );
      await expect(rules.delete('missing')).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
    });
  });

  describe('alerts', () => {
    let first: AlertRecord;

    it('stores every field of an alert', async () => {
      const input = alertOf(unit.id);
      first = await alerts.insert(input);
      const { id: _unused, ...expected } = { ...input, id: '' };
      expect(first).toEqual({ ...expected, id: first.id, updatedAt: START });
      expect(await alerts.get(first.id)).toEqual(first);
      expect(await alerts.get(first.id, { unitIds: [other.id] })).toBeNull();
    });

    it('keeps a fractional notified value (heat at the last notice) and merges another', async () => {
      const own = await makeUnit(test, 'heat-desk');
      const heat = await alerts.insert(
        alertOf(own.id, { trigger: 'event_heat', mergeKey: 'rule-1:heat:e1', notifiedCount: 86.6 }),
      );
      expect((await alerts.get(heat.id))?.notifiedCount).toBe(86.6);
      const merged = await alerts.merge(heat.id, { countDelta: 1, at: START + 1, notifiedCount: 91.25 });
      expect(merged.notifiedCount).toBe(91.25);
    });

    it('finds the open alert of a merge key and merges by adding to the count', async () => {
      expect((await alerts.findOpenByMergeKey(unit.id, 'rule-1:scheme:s1'))?.id).toBe(first.id);
      expect(await alerts.findOpenByMergeKey(other.id, 'rule-1:scheme:s1')).toBeNull();
      await Promise.all(
        Array.from({ length: 20 }, (_, n) => alerts.merge(first.id, { countDelta: 1, at: START + n })),
      );
      const merged = await alerts.merge(first.id, {
        countDelta: 5,
        at: START + MINUTE,
        level: 'orange',
        notifiedCount: 26,
      });
      expect(merged).toMatchObject({
        count: 26,
        level: 'orange',
        notifiedCount: 26,
        lastFiredAt: START + MINUTE,
      });
    });

    it('updates life-cycle fields and keeps history', async () => {
      const updated = await alerts.update(
        first.id,
        { status: 'acknowledged', acknowledgedBy: 'u1', acknowledgedAt: START + 2 * MINUTE },
        START + 2 * MINUTE,
      );
      expect(updated).toMatchObject({
        status: 'acknowledged',
        acknowledgedBy: 'u1',
        updatedAt: START + 2 * MINUTE,
      });
      await alerts.appendHistory({
        alertId: first.id,
        at: START,
        actorUserId: null,
        action: 'raise',
        fromStatus: null,
        toStatus: 'new',
        detail: { level: 'yellow' },
      });
      await alerts.appendHistory({
        alertId: first.id,
        at: START + 2 * MINUTE,
        actorUserId: 'u1',
        action: 'acknowledge',
        fromStatus: 'new',
        toStatus: 'acknowledged',
        detail: {},
      });
      const history = await alerts.history(first.id);
      expect(history.map((h) => [h.action, h.fromStatus, h.toStatus, h.actorUserId])).toEqual([
        ['raise', null, 'new', null],
        ['acknowledge', 'new', 'acknowledged', 'u1'],
      ]);
      expect(history[0]?.detail).toEqual({ level: 'yellow' });
      await expect(alerts.appendHistory({ ...must(history[0]), alertId: 'missing' })).rejects.toSatisfy((e) =>
        isAppError(e, 'NOT_FOUND'),
      );
    });

    it('lists with filters and keyset pages, newest first', async () => {
      const later = await alerts.insert(
        alertOf(unit.id, {
          level: 'red',
          trigger: 'spike',
          createdAt: START + 10 * MINUTE,
          schemeId: 's2',
          mergeKey: 'k2',
        }),
      );
      const same = await alerts.insert(
        alertOf(unit.id, {
          createdAt: START + 10 * MINUTE,
          eventId: 'e1',
          schemeId: null,
          mergeKey: 'k3',
          trigger: 'event_heat',
        }),
      );
      await alerts.insert(alertOf(other.id, { mergeKey: 'k4' }));
      const scope = { unitIds: [unit.id] };
      const ids = async (filter: Parameters<KyselyAlertRepository['list']>[1]) =>
        (await alerts.list(scope, filter, { limit: 50 })).items.map((a) => a.id);
      const newestFirst = [same.id, later.id].sort().reverse();
      expect(await ids({})).toEqual([...newestFirst, first.id]);
      expect(await ids({ levels: ['red'] })).toEqual([later.id]);
      expect(await ids({ statuses: ['acknowledged'] })).toEqual([first.id]);
      expect(await ids({ triggers: ['spike', 'event_heat'] })).toEqual(newestFirst);
      expect(await ids({ from: START + MINUTE })).toEqual(newestFirst);
      expect(await ids({ to: START + MINUTE })).toEqual([first.id]);
      expect(await ids({ schemeId: 's2' })).toEqual([later.id]);
      expect(await ids({ eventId: 'e1' })).toEqual([same.id]);
      expect(await ids({ ruleId: 'none' })).toEqual([]);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await alerts.list(scope, {}, { limit: 1, cursor });
        seen.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...newestFirst, first.id]);
    });

    it('lists alerts by status and held alerts that are due', async () => {
      const held = await alerts.insert(alertOf(unit.id, { mergeKey: 'k5', heldUntil: START + 60 * MINUTE }));
      expect((await alerts.listHeldDue(START + 59 * MINUTE, 10)).map((a) => a.id)).toEqual([]);
      expect((await alerts.listHeldDue(START + 60 * MINUTE, 10)).map((a) => a.id)).toEqual([held.id]);
      const fresh = await alerts.listByStatus(['new'], 100);
      expect(fresh.every((a) => a.status === 'new')).toBe(true);
      expect(fresh.map((a) => a.id)).toContain(held.id);
      expect(fresh.map((a) => a.id)).not.toContain(first.id);
    });
  });
});
