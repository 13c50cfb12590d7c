/** Every legal bulletin transition works; every other (state, action) pair is refused. */
import { describe, expect, it } from 'vitest';
import {
  BULLETIN_ACTIONS,
  BULLETIN_STATES,
  type BulletinAction,
  type BulletinState,
} from '../../domain/index.js';
import { isAppError } from '../../platform/errors.js';
import { bulletinMachine } from './machine.js';

const LEGAL: ReadonlyArray<[BulletinState, BulletinAction, BulletinState]> = [
  ['draft', 'edit', 'draft'],
  ['draft', 'submit', 'submitted'],
  ['submitted', 'recall', 'draft'],
  ['draft', 'cancel', 'cancelled'],
  ['submitted', 'record_adoption', 'submitted'],
  ['submitted', 'record_instruction', 'submitted'],
  ['submitted', 'record_feedback', 'submitted'],
];

describe('bulletin machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(bulletinMachine.next(from, action)).toBe(to);
  });

  const illegal = BULLETIN_STATES.flatMap((state) =>
    BULLETIN_ACTIONS.filter((action) => !LEGAL.some(([s, a]) => s === state && a === action)).map(
      (action) => [state, action] as const,
    ),
  );

  it.each(illegal)('%s refuses %s with CASE_TRANSITION_INVALID', (state, action) => {
    let caught: unknown;
    try {
      bulletinMachine.next(state, action);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'CASE_TRANSITION_INVALID')).toBe(true);
    expect(bulletinMachine.allows(state, action)).toBe(false);
  });
});
