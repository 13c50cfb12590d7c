/**
 * The alert service on real storage (both engines): raising calls the outbox hook inside the alert's
 * transaction (a failing hook leaves no alert), a storm of 500 hits becomes one alert with count 500,
 * quiet hours hold and release, escalation, re-alerts and the life cycle with history and audit.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  acknowledge,
  close,
  createRule,
  escalateDue,
  processSignal,
  releaseHeld,
  startHandling,
  updateRule,
  type AlertActor,
  type AlertHooks,
  type AlertServiceDeps,
} from '../../src/alerts/service/index.js';
import type { SchemeHitSignal } from '../../src/alerts/rules/signals.js';
import type { Unit, User } from '../../src/domain/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { isAppError } from '../../src/platform/errors.js';
import { openStorage } from '../../src/storage/index.js';
import type { AlertRecord, Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const MINUTE = 60_000;
/** Monday 2024-05-06 10:00 in Shanghai. */
const MONDAY_10 = Date.UTC(2024, 4, 6, 2);

function hit(unitId: string, n: number, sentiment: 'negative' | 'positive' = 'negative'): SchemeHitSignal {
  return {
    kind: 'scheme_hit',
    unitId,
    scheme: { id: 'scheme-1', name: '房产纠纷' },
    earlier: [],
    items: [
      {
        itemId: `item-${n}`,
        title: '业主维权',
        excerpt: '小区业主聚集',
        url: `https://bbs.example.cn/t/${n}`,
        source: '本地论坛',
        publishedAt: MONDAY_10 - MINUTE,
        sentiment,
        categories: ['housing'],
        regions: [{ province: '江苏省', city: '苏州市', county: null }],
        sourceId: null,
        sourceTier: 'local',
        keyAccount: false,
        engagement: 3,
      },
    ],
  };
}

/** The value, or a failed test when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

describe.each(databaseTargets)('alert service on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  let clock: ManualClock;
  let unit: Unit;
  let user: User;
  let actor: AlertActor;
  let raised: { alert: AlertRecord; isNew: boolean }[];
  let failHook: boolean;
  let deps: AlertServiceDeps;

  const hooks: AlertHooks = {
    async onRaised(tx, alert, _rule, isNew) {
      if (failHook) throw new Error('outbox down');
      // Proves the hook runs inside the alert's transaction: the alert is visible through `tx`.
      expect(await tx.alerts.get(alert.id)).not.toBeNull();
      raised.push({ alert, isNew });
    },
  };

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    clock = new ManualClock(MONDAY_10);
    storage = await openStorage(database.url, { clock });
    unit = await storage.units.create({ name: '姑苏区网信办', parentId: null });
    user = await storage.users.create({
      unitId: unit.id,
      username: 'handler',
      displayName: '值班员',
      passwordHash: 'x',
      roles: ['handler'],
    });
    actor = { userId: user.id, ip: '127.0.0.1', unitIds: [unit.id] };
    deps = { storage, clock, hooks };
  });
  afterAll(async () => {
    await storage.close();
    await drop();
  });
  beforeEach(() => {
    raised = [];
    failHook = false;
  });

  /** A rule of `unitId`, or of a fresh unit of its own so that tests never share alerts. */
  async function ruleFor(definition: Record<string, unknown>, unitId?: string) {
    const id = unitId ?? (await storage.units.create({ name: `unit-${Math.random()}`, parentId: null })).id;
    return { unitId: id, rule: await createRule(deps, { ...actor, unitIds: null }, id, definition) };
  }

  it('rolls the alert back when the outbox hook fails, and raises it when it works', async () => {
    const { unitId } = await ruleFor({ name: '负面', trigger: { kind: 'scheme_hit' } });
    failHook = true;
    await expect(processSignal(deps, hit(unitId, 1))).rejects.toThrow('outbox down');
    expect((await storage.alerts.list({ unitIds: [unitId] }, {}, { limit: 10 })).items).toHaveLength(0);
    failHook = false;
    const [outcome] = await processSignal(deps, hit(unitId, 1));
    expect(outcome).toMatchObject({ created: true, notified: true });
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      isNew: true,
      alert: { unitId, level: 'yellow', count: 1, status: 'new' },
    });
    expect((await storage.alerts.history(must(raised[0]).alert.id)).map((h) => h.action)).toEqual(['raise']);
  });

  it('folds 500 hits in one minute into one alert with count 500 and raises its level', async () => {
    const { unitId, rule } = await ruleFor({
      name: '风暴',
      trigger: { kind: 'scheme_hit', conditions: { sentiments: ['negative'] } },
      levels: [
        { level: 'red', anyOf: [{ statistic: 'count', min: 300 }] },
        { level: 'yellow', anyOf: [] },
      ],
    });
    for (let n = 0; n < 500; n += 1) {
      clock.advance(100);
      await processSignal(deps, hit(unitId, n));
    }
    const alerts = (await storage.alerts.list({ unitIds: [unitId] }, {}, { limit: 10 })).items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ count: 500, level: 'red', ruleId: rule.id, ruleVersion: 1 });
    expect(raised.map((r) => [r.isNew, r.alert.level])).toEqual([
      [true, 'yellow'],
      [false, 'red'],
    ]);
  });

  it('re-alerts when the merged count doubles', async () => {
    const { unitId } = await ruleFor({
      name: '增长',
      trigger: { kind: 'scheme_hit' },
      realertOnGrowth: { factor: 2 },
    });
    for (let n = 0; n < 8; n += 1) await processSignal(deps, hit(unitId, n));
    expect(raised.map((r) => [r.isNew, r.alert.count])).toEqual([
      [true, 1],
      [false, 2],
      [false, 4],
      [false, 8],
    ]);
  });

  it('holds a yellow alert in quiet hours and sends it when they end', async () => {
    const { unitId } = await ruleFor({
      name: '夜间',
      trigger: { kind: 'scheme_hit' },
      quietHours: { start: '22:00', end: '07:00' },
    });
    const night = new ManualClock(Date.UTC(2024, 4, 6, 15)); // 23:00 in Shanghai
    const nightDeps = { ...deps, clock: night };
    const [outcome] = await processSignal(nightDeps, hit(unitId, 1));
    expect(outcome).toMatchObject({ created: true, notified: false });
    const morning = Date.UTC(2024, 4, 6, 23);
    expect(outcome?.alert.heldUntil).toBe(morning);
    expect(raised).toHaveLength(0);
    expect(await releaseHeld(nightDeps, morning - MINUTE)).toHaveLength(0);
    const released = await releaseHeld(nightDeps, morning);
    expect(released.map((a) => a.id)).toEqual([outcome?.alert.id]);
    expect(raised).toMatchObject([{ isNew: true, alert: { heldUntil: null } }]);
    expect(await releaseHeld(nightDeps, morning + MINUTE)).toHaveLength(0);
  });

  it('escalates an unacknowledged alert once, and not an acknowledged one', async () => {
    const { unitId } = await ruleFor({
      name: '升级',
      trigger: { kind: 'scheme_hit' },
      escalation: { afterMinutes: 15, notifyRoles: ['leader'] },
      mergeWindowMinutes: 0,
    });
    const [first] = await processSignal(deps, hit(unitId, 1));
    const [second] = await processSignal(deps, hit(unitId, 2));
    await acknowledge(deps, { ...actor, unitIds: null }, must(second).alert.id);
    raised = [];
    const later = clock.now() + 15 * MINUTE;
    const escalated = await escalateDue(deps, later);
    const mine = escalated.filter((a) => a.unitId === unitId);
    expect(mine.map((a) => [a.id, a.level, a.escalations])).toEqual([[must(first).alert.id, 'orange', 1]]);
    expect(raised.filter((r) => r.alert.unitId === unitId).map((r) => r.isNew)).toEqual([false]);
    expect((await escalateDue(deps, later + 60 * MINUTE)).filter((a) => a.unitId === unitId)).toHaveLength(0);
  });

  it('acknowledges, handles and closes with who and when, history and audit; refuses illegal moves', async () => {
    const { rule } = await ruleFor({ name: '处置', trigger: { kind: 'scheme_hit' } }, unit.id);
    expect(rule.unitId).toBe(unit.id);
    const [outcome] = await processSignal(deps, hit(unit.id, 1));
    const id = must(outcome).alert.id;
    clock.advance(MINUTE);
    const acked = await acknowledge(deps, actor, id);
    expect(acked).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: user.id,
      acknowledgedAt: clock.now(),
    });
    await expect(acknowledge(deps, actor, id)).rejects.toSatisfy((e) =>
      isAppError(e, 'ALERT_TRANSITION_INVALID'),
    );
    clock.advance(MINUTE);
    const handling = await startHandling(deps, actor, id, { incidentId: 'inc-1' });
    expect(handling).toMatchObject({ status: 'handling', incidentId: 'inc-1' });
    clock.advance(MINUTE);
    const closed = await close(deps, actor, id, { note: '已回应' });
    expect(closed).toMatchObject({ status: 'closed', closedBy: user.id, closedAt: clock.now() });
    expect((await storage.alerts.history(id)).map((h) => [h.action, h.toStatus])).toEqual([
      ['raise', 'new'],
      ['acknowledge', 'acknowledged'],
      ['handle', 'handling'],
      ['close', 'closed'],
    ]);
    const audit = await storage.audit.list({ unitIds: null }, { targetId: id }, { limit: 10 });
    expect(audit.items.map((e) => e.action).sort()).toEqual([
      'alert.acknowledge',
      'alert.close',
      'alert.handle',
    ]);
    await expect(acknowledge(deps, { ...actor, unitIds: ['elsewhere'] }, id)).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
  });

  it('validates rules and bumps versions', async () => {
    await expect(
      createRule(deps, actor, unit.id, { name: 'x', trigger: { kind: 'spike' } }),
    ).rejects.toSatisfy((e) => isAppError(e, 'RULE_INVALID') && e.details['path'] === 'trigger.minZ');
    const rule = await createRule(deps, actor, unit.id, { name: 'x', trigger: { kind: 'spike', minZ: 3 } });
    const changed = await updateRule(deps, actor, rule.id, { enabled: false });
    expect(changed).toMatchObject({ version: 2, enabled: false });
    await expect(
      updateRule(deps, actor, rule.id, { trigger: { kind: 'spike', minZ: -1 } }),
    ).rejects.toSatisfy((e) => isAppError(e, 'RULE_INVALID'));
  });
});
