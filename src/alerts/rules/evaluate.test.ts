import { describe, expect, it } from 'vitest';
import type { RuleDecision } from './decisions.js';
import { evaluateRule, mergeKeyOf } from './evaluate.js';
import type { AlertSignal, EvaluationContext, EventSignal, OpenAlertView, SpikeSignal } from './signals.js';
import { hitOf, itemOf, keyPeriodOf, MONDAY_10, ruleOf, UNIT } from './test-fixtures.js';

const CONTEXT: EvaluationContext = { now: MONDAY_10, activeKeyPeriods: [], openAlert: null };

function summary(decision: RuleDecision): string {
  switch (decision.kind) {
    case 'none':
      return 'none';
    case 'raise':
      return `raise ${decision.draft.notice.level}`;
    case 'hold':
      return `hold ${decision.draft.notice.level}`;
    case 'merge':
    case 'realert':
      return `${decision.kind} +${decision.countDelta}${decision.newLevel ? ` → ${decision.newLevel}` : ''}`;
  }
}

function eventOf(heat: number | null, growth: EventSignal['growth'] = null): EventSignal {
  return {
    kind: 'event',
    unitId: UNIT,
    event: { id: 'event-1', title: '小区停水', itemCount: 20, keywords: ['停水'], regions: [] },
    heat,
    growth,
    items: [],
  };
}

function spikeOf(patch: Partial<SpikeSignal['finding']> = {}): SpikeSignal {
  return {
    kind: 'spike',
    unitId: UNIT,
    scheme: { id: 'scheme-1', name: '房产纠纷' },
    finding: {
      statistic: 'negative_volume',
      value: 30,
      baseline: 4,
      z: 5,
      count: 30,
      complete: true,
      bucketStart: MONDAY_10,
      ...patch,
    },
    items: [],
  };
}

const HEAT_LEVELS = [
  {
    level: 'red',
    anyOf: [
      { statistic: 'heat', min: 80 },
      { statistic: 'count', min: 50 },
    ],
  },
  { level: 'orange', anyOf: [{ statistic: 'heat', min: 60 }] },
  { level: 'yellow', anyOf: [] },
];

const SCHEME_HIT = { kind: 'scheme_hit' };
const open = (patch: Partial<OpenAlertView> = {}): OpenAlertView => ({
  id: 'alert-1',
  level: 'yellow',
  count: 1,
  createdAt: MONDAY_10 - 60_000,
  notifiedCount: 1,
  ...patch,
});

describe('evaluateRule: triggers', () => {
  it.each<[string, Record<string, unknown>, AlertSignal, string]>([
    ['scheme hit, no conditions', SCHEME_HIT, hitOf(), 'raise yellow'],
    ['scheme hit of an unwatched scheme', { kind: 'scheme_hit', schemeIds: ['other'] }, hitOf(), 'none'],
    [
      'scheme hit, negative wanted',
      { kind: 'scheme_hit', conditions: { sentiments: ['negative'] } },
      hitOf(),
      'raise yellow',
    ],
    [
      'scheme hit, positive wanted',
      { kind: 'scheme_hit', conditions: { sentiments: ['positive'] } },
      hitOf(),
      'none',
    ],
    [
      'scheme hit, category any-of',
      { kind: 'scheme_hit', conditions: { categories: ['food_drug', 'housing'] } },
      hitOf(),
      'raise yellow',
    ],
    [
      'scheme hit, other category',
      { kind: 'scheme_hit', conditions: { categories: ['education'] } },
      hitOf(),
      'none',
    ],
    [
      'scheme hit, province prefix',
      { kind: 'scheme_hit', conditions: { regions: ['江苏省'] } },
      hitOf(),
      'raise yellow',
    ],
    [
      'scheme hit, city prefix',
      { kind: 'scheme_hit', conditions: { regions: ['江苏省苏州市'] } },
      hitOf(),
      'raise yellow',
    ],
    [
      'scheme hit, other city',
      { kind: 'scheme_hit', conditions: { regions: ['江苏省南京市'] } },
      hitOf(),
      'none',
    ],
    [
      'scheme hit, source tier',
      { kind: 'scheme_hit', conditions: { sourceTiers: ['central'] } },
      hitOf(),
      'none',
    ],
    [
      'scheme hit, key account only',
      { kind: 'scheme_hit', conditions: { keyAccountOnly: true } },
      hitOf(),
      'none',
    ],
    [
      'scheme hit, key account',
      { kind: 'scheme_hit', conditions: { keyAccountOnly: true } },
      hitOf([itemOf({ keyAccount: true })]),
      'raise yellow',
    ],
    [
      'scheme hit, engagement too low',
      { kind: 'scheme_hit', conditions: { minEngagement: 100 } },
      hitOf(),
      'none',
    ],
    [
      'scheme hit, engagement enough',
      { kind: 'scheme_hit', conditions: { minEngagement: 10 } },
      hitOf(),
      'raise yellow',
    ],
    ['scheme hit, too few in window', { kind: 'scheme_hit', minCount: 5 }, hitOf([itemOf()], 4), 'none'],
    [
      'scheme hit, enough in window',
      { kind: 'scheme_hit', minCount: 5 },
      hitOf([itemOf()], 5),
      'raise yellow',
    ],
    [
      'scheme hit, earlier hits that fail the conditions do not count',
      { kind: 'scheme_hit', minCount: 3, conditions: { sentiments: ['negative'] } },
      {
        ...hitOf([itemOf()]),
        earlier: [
          itemOf({ itemId: 'p1', sentiment: 'positive' }),
          itemOf({ itemId: 'p2', sentiment: 'neutral' }),
        ],
      },
      'none',
    ],
    [
      'scheme hit, earlier hits outside the rule’s window do not count',
      { kind: 'scheme_hit', minCount: 2, windowMinutes: 10 },
      { ...hitOf([itemOf()]), earlier: [itemOf({ itemId: 'old', publishedAt: MONDAY_10 - 11 * 60_000 })] },
      'none',
    ],
    [
      'scheme hit, earlier matching hits inside the window count',
      { kind: 'scheme_hit', minCount: 2, windowMinutes: 10 },
      { ...hitOf([itemOf()]), earlier: [itemOf({ itemId: 'recent', publishedAt: MONDAY_10 - 9 * 60_000 })] },
      'raise yellow',
    ],
    ['event heat below', { kind: 'event_heat', minHeat: 70 }, eventOf(69), 'none'],
    ['event heat reached', { kind: 'event_heat', minHeat: 70 }, eventOf(70), 'raise yellow'],
    ['event heat unknown', { kind: 'event_heat', minHeat: 70 }, eventOf(null), 'none'],
    [
      'event growth',
      { kind: 'event_growth', minItems: 10, windowMinutes: 30, growthRatio: 3 },
      eventOf(20, { itemsInWindow: 12, windowMinutes: 30, ratio: 4 }),
      'raise yellow',
    ],
    [
      'event growth too slow',
      { kind: 'event_growth', minItems: 10, windowMinutes: 30, growthRatio: 3 },
      eventOf(20, { itemsInWindow: 12, windowMinutes: 30, ratio: 2 }),
      'none',
    ],
    [
      'event growth too few',
      { kind: 'event_growth', minItems: 10, windowMinutes: 30, growthRatio: 3 },
      eventOf(20, { itemsInWindow: 9, windowMinutes: 30, ratio: 9 }),
      'none',
    ],
    ['spike', { kind: 'spike', minZ: 3 }, spikeOf(), 'raise yellow'],
    ['spike below z', { kind: 'spike', minZ: 6 }, spikeOf(), 'none'],
    ['spike of an incomplete bucket', { kind: 'spike', minZ: 3 }, spikeOf({ complete: false }), 'none'],
    [
      'volume spike, negative only',
      { kind: 'spike', minZ: 3, negativeOnly: true },
      spikeOf({ statistic: 'volume' }),
      'none',
    ],
    ['spike below count', { kind: 'spike', minZ: 3, minCount: 40 }, spikeOf(), 'none'],
    [
      'coordinated',
      { kind: 'coordinated', minAccounts: 10, windowMinutes: 10 },
      {
        kind: 'coordinated',
        unitId: UNIT,
        finding: { key: 'k', accounts: 12, posts: 30, windowMinutes: 5, sampleText: '统一口径' },
        items: [],
      },
      'raise yellow',
    ],
    [
      'coordinated, too few accounts',
      { kind: 'coordinated', minAccounts: 10, windowMinutes: 10 },
      {
        kind: 'coordinated',
        unitId: UNIT,
        finding: { key: 'k', accounts: 9, posts: 30, windowMinutes: 5, sampleText: '统一口径' },
        items: [],
      },
      'none',
    ],
    [
      'coordinated, too slow',
      { kind: 'coordinated', minAccounts: 10, windowMinutes: 10 },
      {
        kind: 'coordinated',
        unitId: UNIT,
        finding: { key: 'k', accounts: 12, posts: 30, windowMinutes: 60, sampleText: '统一口径' },
        items: [],
      },
      'none',
    ],
    [
      'source failing',
      { kind: 'source_failing' },
      {
        kind: 'source_health',
        unitId: UNIT,
        source: { id: 's1', name: '微博' },
        state: 'failing',
        detail: '连续 3 次失败',
        at: MONDAY_10,
      },
      'raise yellow',
    ],
    [
      'source silent for a failing rule',
      { kind: 'source_failing' },
      {
        kind: 'source_health',
        unitId: UNIT,
        source: { id: 's1', name: '微博' },
        state: 'silent',
        detail: '',
        at: MONDAY_10,
      },
      'none',
    ],
    [
      'source silent',
      { kind: 'source_silent', sourceIds: ['s1'] },
      {
        kind: 'source_health',
        unitId: UNIT,
        source: { id: 's1', name: '微博' },
        state: 'silent',
        detail: '',
        at: MONDAY_10,
      },
      'raise yellow',
    ],
    [
      'source silent, unwatched source',
      { kind: 'source_silent', sourceIds: ['s2'] },
      {
        kind: 'source_health',
        unitId: UNIT,
        source: { id: 's1', name: '微博' },
        state: 'silent',
        detail: '',
        at: MONDAY_10,
      },
      'none',
    ],
    [
      'recovered source',
      { kind: 'source_failing' },
      {
        kind: 'source_health',
        unitId: UNIT,
        source: { id: 's1', name: '微博' },
        state: 'recovered',
        detail: '',
        at: MONDAY_10,
      },
      'none',
    ],
    ['a signal of another kind', { kind: 'event_heat', minHeat: 1 }, hitOf(), 'none'],
    ['a signal of another unit', SCHEME_HIT, { ...hitOf(), unitId: 'unit-2' }, 'none'],
  ])('%s', (_name, trigger, signal, expected) => {
    expect(summary(evaluateRule(ruleOf({ trigger }), signal, CONTEXT))).toBe(expected);
  });

  it('does nothing for a disabled rule', () => {
    expect(evaluateRule(ruleOf({ trigger: SCHEME_HIT, enabled: false }), hitOf(), CONTEXT)).toEqual({
      kind: 'none',
      reason: 'rule disabled',
    });
  });
});

describe('evaluateRule: levels and key periods', () => {
  it.each<[string, AlertSignal, Partial<EvaluationContext>, number, string]>([
    ['heat 85 is red', eventOf(85), {}, 1, 'raise red'],
    ['heat 65 is orange', eventOf(65), {}, 1, 'raise orange'],
    ['heat 50 falls through to yellow', eventOf(50), {}, 1, 'raise yellow'],
    [
      'count 50 is red whatever the heat',
      { ...eventOf(50), event: { ...eventOf(50).event, itemCount: 55 } },
      {},
      1,
      'raise red',
    ],
    [
      'a key period lowers 80 to 56: heat 60 is red',
      eventOf(60),
      { activeKeyPeriods: [keyPeriodOf()] },
      0.7,
      'raise red',
    ],
    [
      'a key period lowers the trigger: heat 30 ≥ 40 × 0.7',
      eventOf(30),
      { activeKeyPeriods: [keyPeriodOf()] },
      0.7,
      'raise yellow',
    ],
    ['no key period: heat 30 < 40', eventOf(30), {}, 0.7, 'none'],
    [
      'a period of another unit does not apply',
      eventOf(60),
      { activeKeyPeriods: [keyPeriodOf({ unitId: 'unit-2' })] },
      0.7,
      'raise orange',
    ],
    [
      'a period naming the unit applies',
      eventOf(60),
      { activeKeyPeriods: [keyPeriodOf({ unitId: 'root', unitIds: [UNIT] })] },
      0.7,
      'raise red',
    ],
  ])('%s', (_name, signal, context, factor, expected) => {
    const rule = ruleOf({
      trigger: { kind: 'event_heat', minHeat: 40 },
      levels: HEAT_LEVELS,
      keyPeriodFactor: factor,
    });
    expect(summary(evaluateRule(rule, signal, { ...CONTEXT, ...context }))).toBe(expected);
  });

  it('a key period covering a source of the hit lowers the count threshold', () => {
    const rule = ruleOf({ trigger: { kind: 'scheme_hit', minCount: 10 }, keyPeriodFactor: 0.5 });
    const period = keyPeriodOf({ unitId: 'root', sourceIds: ['source-1'] });
    expect(summary(evaluateRule(rule, hitOf([itemOf()], 5), CONTEXT))).toBe('none');
    expect(
      summary(evaluateRule(rule, hitOf([itemOf()], 5), { ...CONTEXT, activeKeyPeriods: [period] })),
    ).toBe('raise yellow');
  });

  it('no criterion holding means no alert', () => {
    const rule = ruleOf({
      trigger: { kind: 'event_heat', minHeat: 10 },
      levels: [{ level: 'red', anyOf: [{ statistic: 'heat', min: 90 }] }],
    });
    expect(evaluateRule(rule, eventOf(50), CONTEXT)).toEqual({
      kind: 'none',
      reason: 'no level criterion holds',
    });
  });
});

describe('evaluateRule: quiet hours', () => {
  const QUIET = { start: '22:00', end: '07:00', timeZone: 'Asia/Shanghai', weekends: true };
  const night = Date.UTC(2024, 4, 6, 15, 0); // Monday 23:00 in Shanghai
  const saturday = Date.UTC(2024, 4, 11, 4, 0); // Saturday 12:00
  it.each<[string, number, number, string, number | null]>([
    ['yellow at night is held until 07:00', night, 50, 'hold yellow', Date.UTC(2024, 4, 6, 23, 0)],
    ['red at night goes through', night, 90, 'raise red', null],
    [
      'yellow on a Saturday is held until Monday 07:00',
      saturday,
      50,
      'hold yellow',
      Date.UTC(2024, 4, 12, 23, 0),
    ],
    ['red on a Saturday goes through', saturday, 90, 'raise red', null],
    ['yellow on a weekday morning goes through', MONDAY_10, 50, 'raise yellow', null],
  ])('%s', (_name, now, heat, expected, until) => {
    const rule = ruleOf({
      trigger: { kind: 'event_heat', minHeat: 40 },
      levels: HEAT_LEVELS,
      quietHours: QUIET,
    });
    const decision = evaluateRule(rule, eventOf(heat), { ...CONTEXT, now });
    expect(summary(decision)).toBe(expected);
    expect(decision.kind === 'hold' ? decision.until : null).toBe(until);
  });
});

describe('evaluateRule: merging and re-alerts', () => {
  const COUNT_LEVELS = [
    { level: 'red', anyOf: [{ statistic: 'count', min: 400 }] },
    { level: 'orange', anyOf: [{ statistic: 'count', min: 100 }] },
    { level: 'yellow', anyOf: [] },
  ];
  it.each<[string, Record<string, unknown>, OpenAlertView | null, string]>([
    ['a firing within the window merges', {}, open(), 'merge +1'],
    [
      'a firing after the window raises anew',
      {},
      open({ createdAt: MONDAY_10 - 31 * 60_000 }),
      'raise yellow',
    ],
    ['a zero window never merges', { mergeWindowMinutes: 0 }, open(), 'raise yellow'],
    [
      'the 100th firing raises the level to orange',
      { levels: COUNT_LEVELS },
      open({ count: 99 }),
      'merge +1 → orange',
    ],
    [
      'a merge never lowers the level',
      { levels: COUNT_LEVELS },
      open({ level: 'red', count: 5 }),
      'merge +1',
    ],
    [
      'growth ×2 since the last notice re-alerts',
      { realertOnGrowth: { factor: 2 } },
      open({ count: 9, notifiedCount: 5 }),
      'realert +1',
    ],
    [
      'growth short of ×2 merges',
      { realertOnGrowth: { factor: 2 } },
      open({ count: 8, notifiedCount: 5 }),
      'merge +1',
    ],
  ])('%s', (_name, patch, openAlert, expected) => {
    const rule = ruleOf({ trigger: SCHEME_HIT, ...patch });
    expect(summary(evaluateRule(rule, hitOf(), { ...CONTEXT, openAlert }))).toBe(expected);
  });

  it('re-alerts an event on heat growth', () => {
    const rule = ruleOf({ trigger: { kind: 'event_heat', minHeat: 40 }, realertOnGrowth: { factor: 1.5 } });
    const decision = evaluateRule(rule, eventOf(75), { ...CONTEXT, openAlert: open({ notifiedCount: 50 }) });
    expect(decision).toMatchObject({ kind: 'realert', growthValue: 75 });
  });

  it('folds a storm of 500 hits in one minute into one alert with count 500', () => {
    const rule = ruleOf({ trigger: SCHEME_HIT, levels: COUNT_LEVELS });
    let alert: OpenAlertView | null = null;
    let raised = 0;
    for (let hit = 0; hit < 500; hit += 1) {
      const now = MONDAY_10 + hit * 120;
      const decision = evaluateRule(rule, hitOf([itemOf({ itemId: `item-${hit}` })]), {
        ...CONTEXT,
        now,
        openAlert: alert,
      });
      if (decision.kind === 'raise') {
        raised += 1;
        alert = {
          id: 'storm',
          level: decision.draft.notice.level,
          count: decision.draft.count,
          createdAt: now,
          notifiedCount: 1,
        };
      } else if (alert !== null && (decision.kind === 'merge' || decision.kind === 'realert')) {
        const current: OpenAlertView = alert;
        alert = {
          ...current,
          count: current.count + decision.countDelta,
          level: decision.newLevel ?? current.level,
        };
      }
    }
    expect(raised).toBe(1);
    expect(alert).toMatchObject({ count: 500, level: 'red' });
  });
});

describe('evaluateRule: the drafted alert', () => {
  it('carries the notice, evidence, merge key and subject', () => {
    const rule = ruleOf({
      trigger: { kind: 'scheme_hit', conditions: { sentiments: ['negative'] } },
      notice: {
        category: '涉房舆情',
        scopeTemplate: '{regions}（方案：{scheme}）',
        measures: '核实并回应',
        issuer: '区委网信办',
      },
    });
    const items = [
      itemOf({ itemId: 'a', engagement: 5 }),
      itemOf({ itemId: 'b', engagement: 50 }),
      itemOf({ itemId: 'c', sentiment: 'positive' }),
    ];
    const decision = evaluateRule(rule, hitOf(items, 2), CONTEXT);
    expect(decision.kind).toBe('raise');
    if (decision.kind !== 'raise') return;
    expect(decision.draft).toMatchObject({
      unitId: UNIT,
      trigger: 'scheme_hit',
      mergeKey: 'rule-1:scheme:scheme-1',
      count: 2,
      schemeId: 'scheme-1',
      notice: {
        category: '涉房舆情',
        level: 'yellow',
        scope: '江苏省苏州市（方案：房产纠纷）',
        measures: '核实并回应',
        issuer: '区委网信办',
        startedAt: MONDAY_10 - 60_000,
      },
      evidence: { statistic: 'count', value: 2, threshold: 1 },
    });
    expect(decision.draft.evidence.items.map((item) => item.itemId)).toEqual(['b', 'a']);
    expect(decision.draft.evidence.reasons).toContain('情感为负面');
    expect(decision.draft.notice.matter).toContain('负面');
  });

  it('keys merges by rule and subject', () => {
    const rule = ruleOf({ trigger: SCHEME_HIT });
    expect(mergeKeyOf(rule, eventOf(1))).toBe('rule-1:event:event-1');
    expect(mergeKeyOf(rule, spikeOf())).toBe('rule-1:spike:scheme-1:negative_volume');
  });
});
