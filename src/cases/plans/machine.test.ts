/** Every legal task transition works; every illegal one is refused with CASE_TRANSITION_INVALID. */
import { describe, expect, it } from 'vitest';
import {
  PLAN_TASK_ACTIONS,
  PLAN_TASK_STATES,
  type PlanTaskAction,
  type PlanTaskState,
} from '../../domain/index.js';
import { isAppError } from '../../platform/errors.js';
import { planTaskMachine } from './machine.js';

const LEGAL: [PlanTaskState, PlanTaskAction, PlanTaskState][] = [
  ['open', 'complete', 'done'],
  ['open', 'skip', 'skipped'],
  ['done', 'reopen', 'open'],
  ['skipped', 'reopen', 'open'],
];

const ILLEGAL = PLAN_TASK_STATES.flatMap((state) =>
  PLAN_TASK_ACTIONS.filter((action) => !LEGAL.some(([from, a]) => from === state && a === action)).map(
    (action) => [state, action] as const,
  ),
);

describe('plan task machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(planTaskMachine.next(from, action)).toBe(to);
    expect(planTaskMachine.allows(from, action)).toBe(true);
  });

  it.each(ILLEGAL)('%s refuses %s', (state, action) => {
    let caught: unknown;
    try {
      planTaskMachine.next(state, action);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'CASE_TRANSITION_INVALID')).toBe(true);
    expect(planTaskMachine.allows(state, action)).toBe(false);
  });

  it('covers every state', () => {
    expect(ILLEGAL).toHaveLength(PLAN_TASK_STATES.length * PLAN_TASK_ACTIONS.length - LEGAL.length);
    expect(planTaskMachine.actionsFrom('open')).toEqual(['complete', 'skip']);
  });
});
