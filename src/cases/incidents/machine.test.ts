import { describe, expect, it } from 'vitest';
import {
  INCIDENT_ACTIONS,
  INCIDENT_STATES,
  RESPONSE_ACTIONS,
  RESPONSE_STATES,
  type IncidentAction,
  type IncidentState,
  type ResponseAction,
  type ResponseState,
} from '../../domain/index.js';
import { isAppError } from '../../platform/errors.js';
import { incidentMachine, requireDraft, requireOpen, requireVerifiable, responseMachine } from './machine.js';

const INCIDENT_LEGAL: ReadonlyArray<readonly [IncidentState, IncidentAction, IncidentState]> = [
  ['new', 'start_verification', 'verifying'],
  ['new', 'start_response', 'responding'],
  ['verifying', 'start_response', 'responding'],
  ['responding', 'follow_up', 'following_up'],
  ['new', 'close', 'closed'],
  ['verifying', 'close', 'closed'],
  ['responding', 'close', 'closed'],
  ['following_up', 'close', 'closed'],
  ['closed', 'reopen', 'responding'],
  ['closed', 'reopen_verification', 'verifying'],
];

const RESPONSE_LEGAL: ReadonlyArray<readonly [ResponseState, ResponseAction, ResponseState]> = [
  ['draft', 'submit', 'in_review'],
  ['in_review', 'approve', 'approved'],
  ['in_review', 'reject', 'draft'],
  ['approved', 'reject', 'draft'],
  ['approved', 'publish', 'published'],
];

function illegal<S extends string, A extends string>(
  states: readonly S[],
  actions: readonly A[],
  legal: ReadonlyArray<readonly [S, A, S]>,
): Array<[S, A]> {
  return states.flatMap((state) =>
    actions
      .filter((action) => !legal.some(([from, a]) => from === state && a === action))
      .map((action): [S, A] => [state, action]),
  );
}

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

describe('incident machine', () => {
  it.each(INCIDENT_LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(incidentMachine.next(from, action)).toBe(to);
  });

  it.each(illegal(INCIDENT_STATES, INCIDENT_ACTIONS, INCIDENT_LEGAL))(
    'refuses %s --%s-->',
    (from, action) => {
      const error = refusal(() => incidentMachine.next(from, action));
      expect(isAppError(error, 'CASE_TRANSITION_INVALID')).toBe(true);
      expect(isAppError(error) && error.details).toMatchObject({ subject: 'incident', state: from, action });
    },
  );

  it('offers reopening only from closed', () => {
    expect(incidentMachine.actionsFrom('closed')).toEqual(['reopen', 'reopen_verification']);
    expect(incidentMachine.actionsFrom('following_up')).toEqual(['close']);
  });

  it.each(INCIDENT_STATES)('work on a %s incident is allowed only while open', (state) => {
    const error = refusal(() => requireOpen(state, 'transfer'));
    expect(error === null).toBe(state !== 'closed');
  });

  it.each([
    ['new', false],
    ['verifying', true],
    ['responding', true],
    ['following_up', true],
    ['closed', false],
  ] as const)('a verification result in state %s is allowed: %s', (state, allowed) => {
    const error = refusal(() => requireVerifiable(state));
    expect(error === null).toBe(allowed);
    if (!allowed) expect(isAppError(error, 'CASE_TRANSITION_INVALID')).toBe(true);
  });
});

describe('statement review machine', () => {
  it.each(RESPONSE_LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(responseMachine.next(from, action)).toBe(to);
  });

  it.each(illegal(RESPONSE_STATES, RESPONSE_ACTIONS, RESPONSE_LEGAL))(
    'refuses %s --%s-->',
    (from, action) => {
      const error = refusal(() => responseMachine.next(from, action));
      expect(isAppError(error, 'CASE_TRANSITION_INVALID')).toBe(true);
      expect(isAppError(error) && error.details).toMatchObject({ state: from, action });
    },
  );

  it.each(RESPONSE_STATES)('only a draft is edited (state %s)', (state) => {
    const error = refusal(() => requireDraft(state, 'edited'));
    expect(error === null).toBe(state === 'draft');
  });
});
