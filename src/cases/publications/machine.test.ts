/** Every legal publication transition works; every other (state, action) pair is refused. */
import { describe, expect, it } from 'vitest';
import {
  PUBLICATION_ACTIONS,
  PUBLICATION_STATES,
  type PublicationAction,
  type PublicationState,
} from '../../domain/index.js';
import { isAppError } from '../../platform/errors.js';
import { publicationMachine } from './machine.js';

const LEGAL: ReadonlyArray<[PublicationState, PublicationAction, PublicationState]> = [
  ['idea', 'edit', 'idea'],
  ['draft', 'edit', 'draft'],
  ['idea', 'start_draft', 'draft'],
  ['draft', 'submit', 'in_review'],
  ['in_review', 'reject', 'draft'],
  ['signed_off', 'reject', 'draft'],
  ['in_review', 'sign_off', 'signed_off'],
  ['signed_off', 'publish', 'published'],
  ['idea', 'withdraw', 'withdrawn'],
  ['draft', 'withdraw', 'withdrawn'],
  ['in_review', 'withdraw', 'withdrawn'],
  ['signed_off', 'withdraw', 'withdrawn'],
  ['published', 'withdraw', 'withdrawn'],
];

describe('publication machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(publicationMachine.next(from, action)).toBe(to);
  });

  const illegal = PUBLICATION_STATES.flatMap((state) =>
    PUBLICATION_ACTIONS.filter((action) => !LEGAL.some(([s, a]) => s === state && a === action)).map(
      (action) => [state, action] as const,
    ),
  );

  it('has illegal pairs to check', () => {
    expect(illegal.length).toBeGreaterThan(20);
  });

  it.each(illegal)('%s refuses %s with CASE_TRANSITION_INVALID', (state, action) => {
    let caught: unknown;
    try {
      publicationMachine.next(state, action);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'CASE_TRANSITION_INVALID')).toBe(true);
    expect(publicationMachine.allows(state, action)).toBe(false);
  });

  it('nothing leaves withdrawn', () => {
    expect(publicationMachine.actionsFrom('withdrawn')).toEqual([]);
  });
});
