import { describe, expect, it } from 'vitest';
import { isAppError } from '../platform/errors.js';
import { defineMachine } from './state-machine.js';

const machine = defineMachine<'draft' | 'review' | 'done', 'submit' | 'approve' | 'reject'>('draft', [
  { action: 'submit', from: ['draft'], to: 'review' },
  { action: 'approve', from: ['review'], to: 'done' },
  { action: 'reject', from: ['review'], to: 'draft' },
]);

describe('defineMachine', () => {
  it.each([
    ['draft', 'submit', 'review'],
    ['review', 'approve', 'done'],
    ['review', 'reject', 'draft'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(machine.next(from, action)).toBe(to);
    expect(machine.allows(from, action)).toBe(true);
  });

  it.each([
    ['draft', 'approve'],
    ['done', 'submit'],
    ['done', 'reject'],
  ] as const)('refuses %s --%s--> with the allowed actions', (from, action) => {
    expect(machine.allows(from, action)).toBe(false);
    try {
      machine.next(from, action);
      expect.unreachable('the transition must be refused');
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('CASE_TRANSITION_INVALID');
      expect(isAppError(error) && error.details).toMatchObject({ state: from, action });
    }
  });

  it('lists the actions of a state', () => {
    expect(machine.actionsFrom('review')).toEqual(['approve', 'reject']);
    expect(machine.actionsFrom('done')).toEqual([]);
  });
});
