import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { parseRuleDefinition } from './schema.js';

const TRIGGER = { kind: 'event_heat', minHeat: 60 };

describe('parseRuleDefinition', () => {
  it('fills defaults', () => {
    const rule = parseRuleDefinition({ name: '热度', trigger: TRIGGER });
    expect(rule).toMatchObject({
      enabled: true,
      levels: [{ level: 'yellow', anyOf: [] }],
      keyPeriodFactor: 1,
      quietHours: null,
      mergeWindowMinutes: 30,
      escalation: null,
      realertOnGrowth: null,
      notice: { category: '网络舆情', scopeTemplate: '{regions}' },
    });
  });

  it('fills scheme-hit condition defaults', () => {
    const rule = parseRuleDefinition({ name: 'x', trigger: { kind: 'scheme_hit' } });
    expect(rule.trigger).toEqual({
      kind: 'scheme_hit',
      schemeIds: [],
      conditions: {
        sentiments: [],
        categories: [],
        regions: [],
        sourceTiers: [],
        keyAccountOnly: false,
        minEngagement: 0,
      },
      minCount: 1,
      windowMinutes: 60,
    });
  });

  it.each([
    ['missing name', { trigger: TRIGGER }, 'name'],
    ['unknown trigger', { name: 'x', trigger: { kind: 'weather' } }, 'trigger.kind'],
    ['heat above 100', { name: 'x', trigger: { kind: 'event_heat', minHeat: 120 } }, 'trigger.minHeat'],
    [
      'bad sentiment',
      { name: 'x', trigger: { kind: 'scheme_hit', conditions: { sentiments: ['angry'] } } },
      'trigger.conditions.sentiments.0',
    ],
    [
      'levels out of order',
      { name: 'x', trigger: TRIGGER, levels: [{ level: 'yellow' }, { level: 'red' }] },
      'levels.1.level',
    ],
    [
      'unknown statistic',
      { name: 'x', trigger: TRIGGER, levels: [{ level: 'red', anyOf: [{ statistic: 'mood', min: 1 }] }] },
      'levels.0.anyOf.0.statistic',
    ],
    [
      'bad quiet time',
      { name: 'x', trigger: TRIGGER, quietHours: { start: '25:00', end: '07:00' } },
      'quietHours.start',
    ],
    [
      'unknown zone',
      { name: 'x', trigger: TRIGGER, quietHours: { start: '22:00', end: '07:00', timeZone: 'Mars/Base' } },
      'quietHours.timeZone',
    ],
    ['factor above 1', { name: 'x', trigger: TRIGGER, keyPeriodFactor: 2 }, 'keyPeriodFactor'],
    [
      're-alert factor 1',
      { name: 'x', trigger: TRIGGER, realertOnGrowth: { factor: 1 } },
      'realertOnGrowth.factor',
    ],
    ['unknown field', { name: 'x', trigger: TRIGGER, colour: 'red' }, ''],
  ])('refuses %s with the path of the bad field', (_name, input, path) => {
    let caught: unknown;
    try {
      parseRuleDefinition(input);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'RULE_INVALID')).toBe(true);
    if (isAppError(caught)) expect(caught.details['path']).toBe(path);
  });
});
