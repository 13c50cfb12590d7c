import { describe, expect, it } from 'vitest';
import { APPEAL_STATES, type AppealState } from '../../domain/index.js';
import { isAppError } from '../../platform/errors.js';
import { APPEAL_ACTIONS, appealMachine, type AppealAction } from './machine.js';

const LEGAL: ReadonlyArray<readonly [AppealState, AppealAction, AppealState]> = [
  ['new', 'accept', 'accepted'],
  ['new', 'merge', 'merged'],
  ['accepted', 'merge', 'merged'],
  ['returned', 'merge', 'merged'],
  ['new', 'reject', 'rejected'],
  ['accepted', 'reject', 'rejected'],
  ['returned', 'reject', 'rejected'],
  ['accepted', 'dispatch', 'dispatched'],
  ['returned', 'dispatch', 'dispatched'],
  ['dispatched', 'extend', 'dispatched'],
  ['dispatched', 'return', 'returned'],
  ['dispatched', 'reply', 'replied'],
  ['replied', 'publish', 'replied'],
  ['closed', 'publish', 'closed'],
  ['replied', 'rate', 'replied'],
  ['closed', 'rate', 'closed'],
  ['replied', 'close', 'closed'],
];

const ILLEGAL: Array<[AppealState, AppealAction]> = APPEAL_STATES.flatMap((state) =>
  APPEAL_ACTIONS.filter((action) => !LEGAL.some(([from, a]) => from === state && a === action)).map(
    (action): [AppealState, AppealAction] => [state, action],
  ),
);

describe('appeal machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(appealMachine.next(from, action)).toBe(to);
    expect(appealMachine.allows(from, action)).toBe(true);
  });

  it.each(ILLEGAL)('refuses %s --%s--> with CASE_TRANSITION_INVALID', (from, action) => {
    let caught: unknown = null;
    try {
      appealMachine.next(from, action);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'CASE_TRANSITION_INVALID')).toBe(true);
    expect(isAppError(caught) && caught.details).toMatchObject({ subject: 'appeal', state: from, action });
  });

  it('covers every state and action pair exactly once', () => {
    expect(LEGAL.length + ILLEGAL.length).toBe(APPEAL_STATES.length * APPEAL_ACTIONS.length);
  });

  it('ends merged and rejected appeals', () => {
    expect(appealMachine.actionsFrom('merged')).toEqual([]);
    expect(appealMachine.actionsFrom('rejected')).toEqual([]);
  });
});
