import { describe, expect, it } from 'vitest';
import { CLUE_STATES, emptyChecklist, type ClueState } from '../../domain/index.js';
import { isAppError } from '../../platform/errors.js';
import {
  CLUE_ACTIONS,
  clueMachine,
  outcomeAction,
  requireAllCriteria,
  unmetCriteria,
  type ClueAction,
} from './machine.js';

const LEGAL: ReadonlyArray<readonly [ClueState, ClueAction, ClueState]> = [
  ['draft', 'edit', 'draft'],
  ['draft', 'mark_ready', 'ready'],
  ['ready', 'reopen', 'draft'],
  ['ready', 'transfer', 'transferred'],
  ['transferred', 'record_in_progress', 'in_progress'],
  ['transferred', 'record_filed', 'filed'],
  ['transferred', 'record_closed_after_check', 'closed_after_check'],
  ['transferred', 'record_not_filed', 'not_filed'],
  ['in_progress', 'record_filed', 'filed'],
  ['in_progress', 'record_closed_after_check', 'closed_after_check'],
  ['in_progress', 'record_not_filed', 'not_filed'],
];

const ILLEGAL: Array<[ClueState, ClueAction]> = CLUE_STATES.flatMap((state) =>
  CLUE_ACTIONS.filter((action) => !LEGAL.some(([from, a]) => from === state && a === action)).map(
    (action): [ClueState, ClueAction] => [state, action],
  ),
);

describe('clue machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(clueMachine.next(from, action)).toBe(to);
    expect(clueMachine.allows(from, action)).toBe(true);
  });

  it.each(ILLEGAL)('refuses %s --%s--> with CASE_TRANSITION_INVALID', (from, action) => {
    let caught: unknown = null;
    try {
      clueMachine.next(from, action);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'CASE_TRANSITION_INVALID')).toBe(true);
    expect(isAppError(caught) && caught.details).toMatchObject({ subject: 'clue', state: from, action });
  });

  it('covers every state and action pair exactly once', () => {
    expect(LEGAL.length + ILLEGAL.length).toBe(CLUE_STATES.length * CLUE_ACTIONS.length);
  });

  it.each([
    ['filed', 'record_filed'],
    ['closed_after_check', 'record_closed_after_check'],
    ['not_filed', 'record_not_filed'],
    ['in_progress', 'record_in_progress'],
  ] as const)('records outcome %s with %s', (outcome, action) => {
    expect(outcomeAction(outcome)).toBe(action);
  });
});

describe('clue criteria', () => {
  const all = () => {
    const list = emptyChecklist();
    for (const check of Object.values(list)) check.checked = true;
    return list;
  };

  it.each([
    ['nothing checked', emptyChecklist(), ['facts_evident', 'plot_clear', 'details_complete', 'verifiable']],
    [
      'one missing',
      { ...all(), details_complete: { checked: false, note: '缺少时间地点' } },
      ['details_complete'],
    ],
    ['all checked', all(), []],
  ] as const)('%s', (_name, checklist, unmet) => {
    expect(unmetCriteria(checklist)).toEqual(unmet);
    if (unmet.length === 0) {
      expect(() => requireAllCriteria(checklist)).not.toThrow();
    } else {
      expect(() => requireAllCriteria(checklist)).toThrow(
        expect.objectContaining({ code: 'CLUE_CRITERIA_UNMET' }),
      );
    }
  });
});
