/** Plan validation, checklist building and the default plan set, as tables of cases. */
import { describe, expect, it } from 'vitest';
import {
  ALERT_LEVELS,
  PLAN_LEVEL_ALERT,
  PLAN_LEVEL_FOR_ALERT,
  type PlanContent,
  type PlanStep,
} from '../../domain/index.js';
import { isAppError } from '../../platform/errors.js';
import { buildChecklist, reminderLeadMs } from './checklist.js';
import { defaultPlans } from './defaults.js';
import { validatePlanContent } from './validate.js';

const BASE: PlanContent = {
  name: '测试预案',
  category: 'online_rumor',
  level: 'major',
  description: null,
  roles: [
    { key: 'lead', name: '总指挥', appRole: 'leader', userIds: [] },
    { key: 'named', name: '发言人', appRole: null, userIds: ['u-speaker'] },
    { key: 'nobody', name: '无人', appRole: null, userIds: [] },
  ],
  contacts: [{ name: '值班室', roleKey: 'lead', phone: '0512-1', email: null, note: null }],
  steps: [
    { key: 'a', title: '启动', description: null, roleKey: 'lead', ownerUserId: null, limitMinutes: 30 },
    { key: 'b', title: '发布', description: null, roleKey: 'named', ownerUserId: null, limitMinutes: 300 },
    { key: 'c', title: '指定', description: null, roleKey: 'lead', ownerUserId: 'u-x', limitMinutes: 60 },
    { key: 'd', title: '空缺', description: null, roleKey: 'nobody', ownerUserId: null, limitMinutes: 60 },
  ],
};

function withChange(change: Partial<PlanContent>): PlanContent {
  return { ...structuredClone(BASE), ...change };
}

/** BASE with its first step changed. */
function withStep(patch: Partial<PlanStep>): PlanContent {
  const [first, ...rest] = structuredClone(BASE.steps);
  if (!first) throw new Error('BASE has steps');
  return withChange({ steps: [{ ...first, ...patch }, ...rest] });
}

describe('validatePlanContent', () => {
  const bad: [string, PlanContent][] = [
    ['no steps', withChange({ steps: [] })],
    ['a repeated role key', withChange({ roles: [...BASE.roles, ...BASE.roles.slice(0, 1)] })],
    ['a repeated step key', withChange({ steps: [...BASE.steps, ...BASE.steps.slice(0, 1)] })],
    ['an unknown step role', withStep({ roleKey: 'ghost' })],
    ['a step without owner', withStep({ roleKey: null, ownerUserId: null })],
    ['a zero limit', withStep({ limitMinutes: 0 })],
    ['a fractional limit', withStep({ limitMinutes: 1.5 })],
    ['a limit over 90 days', withStep({ limitMinutes: 90 * 24 * 60 + 1 })],
    [
      'an unknown contact role',
      withChange({ contacts: [{ name: '值班室', roleKey: 'ghost', phone: null, email: null, note: null }] }),
    ],
  ];
  it.each(bad)('refuses %s with PLAN_INVALID', (_name, plan) => {
    let caught: unknown;
    try {
      validatePlanContent(plan);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'PLAN_INVALID')).toBe(true);
  });

  it('accepts a sound plan and every default plan', () => {
    expect(() => validatePlanContent(BASE)).not.toThrow();
    for (const plan of defaultPlans()) expect(() => validatePlanContent(plan)).not.toThrow();
  });
});

describe('buildChecklist', () => {
  const members = [
    { id: 'u-leader', roles: ['leader' as const], disabled: false },
    { id: 'u-old-leader', roles: ['leader' as const], disabled: true },
    { id: 'u-monitor', roles: ['monitor' as const], disabled: false },
  ];
  const tasks = buildChecklist({
    content: BASE,
    activationId: 'act-1',
    unitId: 'unit-1',
    activatedAt: 1_000_000,
    members,
    newId: (index) => `task-${index}`,
  });
  const owners: [string, string[], number][] = [
    ['a', ['u-leader'], 1_000_000 + 30 * 60_000],
    ['b', ['u-speaker'], 1_000_000 + 300 * 60_000],
    ['c', ['u-x'], 1_000_000 + 60 * 60_000],
    ['d', [], 1_000_000 + 60 * 60_000],
  ];
  it.each(owners)('step %s is owned by %j and due at %i', (key, expected, dueAt) => {
    const task = tasks.find((candidate) => candidate.stepKey === key);
    expect(task?.ownerUserIds).toEqual(expected);
    expect(task?.dueAt).toBe(dueAt);
    expect(task?.state).toBe('open');
  });
  it('keeps the step order', () => {
    expect(tasks.map((task) => [task.seq, task.id])).toEqual([
      [1, 'task-0'],
      [2, 'task-1'],
      [3, 'task-2'],
      [4, 'task-3'],
    ]);
  });
  it.each([
    [4, 60_000],
    [30, 450_000],
    [300, 3_600_000],
  ])('reminds a %i-minute step %i ms before it is due', (minutes, lead) => {
    expect(reminderLeadMs(minutes)).toBe(lead);
  });
});

describe('defaultPlans', () => {
  const plans = defaultPlans();
  it('covers five categories at four levels', () => {
    expect(plans).toHaveLength(20);
    expect(new Set(plans.map((plan) => `${plan.category}/${plan.level}`)).size).toBe(20);
  });
  const major = plans.find((plan) => plan.category === 'production_safety' && plan.level === 'major');
  const general = plans.find((plan) => plan.category === 'production_safety' && plan.level === 'general');
  it.each([
    ['major first release within 5 hours', major, 'first_release', 300],
    ['major press conference within 24 hours', major, 'press_conference', 1440],
    ['general response within 48 hours', general, 'first_release', 2880],
    ['general has no press conference', general, 'press_conference', undefined],
  ])('%s', (_name, plan, key, minutes) => {
    expect(plan?.steps.find((step) => step.key === key)?.limitMinutes).toBe(minutes);
  });
});

describe('plan levels and alert levels', () => {
  it.each(ALERT_LEVELS)('alert level %s maps to a plan level whose task alerts carry it back', (level) => {
    expect(PLAN_LEVEL_ALERT[PLAN_LEVEL_FOR_ALERT[level]]).toBe(level === 'blue' ? null : level);
  });
});
