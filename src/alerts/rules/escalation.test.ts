import { describe, expect, it } from 'vitest';
import { dueEscalations, type EscalationCandidate } from './escalation.js';
import { MONDAY_10, ruleOf } from './test-fixtures.js';

const MINUTE = 60_000;
const alertOf = (patch: Partial<EscalationCandidate> = {}): EscalationCandidate => ({
  id: 'alert-1',
  ruleId: 'rule-1',
  level: 'yellow',
  status: 'new',
  escalations: 0,
  createdAt: MONDAY_10,
  heldUntil: null,
  ...patch,
});
const TRIGGER = { kind: 'event_heat', minHeat: 50 };

describe('dueEscalations', () => {
  it.each<[string, Record<string, unknown> | null, Partial<EscalationCandidate>, number, string | null]>([
    ['not yet due', { afterMinutes: 30 }, {}, 29, null],
    ['due after 30 minutes: one level up', { afterMinutes: 30 }, {}, 30, 'yellow→orange'],
    ['to a named level', { afterMinutes: 30, toLevel: 'red' }, {}, 30, 'yellow→red'],
    [
      'a named level never lowers',
      { afterMinutes: 30, toLevel: 'yellow' },
      { level: 'orange' },
      30,
      'orange→orange',
    ],
    ['red stays red', { afterMinutes: 30 }, { level: 'red' }, 30, 'red→red'],
    ['acknowledged alerts are not escalated', { afterMinutes: 30 }, { status: 'acknowledged' }, 90, null],
    ['closed alerts are not escalated', { afterMinutes: 30 }, { status: 'closed' }, 90, null],
    ['once by default', { afterMinutes: 30 }, { escalations: 1 }, 90, null],
    [
      'a second time after twice the delay',
      { afterMinutes: 30, maxTimes: 2 },
      { escalations: 1, level: 'orange' },
      60,
      'orange→red',
    ],
    [
      'not the second time before twice the delay',
      { afterMinutes: 30, maxTimes: 2 },
      { escalations: 1 },
      59,
      null,
    ],
    [
      'a held alert counts from its release',
      { afterMinutes: 30 },
      { heldUntil: MONDAY_10 + 60 * MINUTE },
      80,
      null,
    ],
    ['rules without escalation', null, {}, 600, null],
    ['alerts without a rule', { afterMinutes: 30 }, { ruleId: null }, 600, null],
  ])('%s', (_name, escalation, patch, minutesLater, expected) => {
    const rule = ruleOf({ trigger: TRIGGER, escalation });
    const due = dueEscalations([alertOf(patch)], [rule], MONDAY_10 + minutesLater * MINUTE);
    expect(due.map((entry) => `${entry.fromLevel}→${entry.toLevel}`)[0] ?? null).toBe(expected);
  });

  it('names the roles to notify and the step', () => {
    const rule = ruleOf({ trigger: TRIGGER, escalation: { afterMinutes: 10, notifyRoles: ['leader'] } });
    expect(dueEscalations([alertOf()], [rule], MONDAY_10 + 10 * MINUTE)).toEqual([
      {
        alertId: 'alert-1',
        ruleId: 'rule-1',
        step: 1,
        fromLevel: 'yellow',
        toLevel: 'orange',
        notifyRoles: ['leader'],
      },
    ]);
  });
});
