/** The review life cycle, every pair of statuses with and without `direct`, against the allowed table. */
import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES, type ReportStatus } from '../../domain/index.js';
import { isAppError, type AppError } from '../../platform/errors.js';
import { allowsTransition, assertEditable, nextStatus, REVIEW_ACTIONS, targetOf } from './transitions.js';

/** The moves issue 7 allows, written out independently of the table under test. */
const ALLOWED = new Set(['draft>in_review', 'in_review>approved', 'in_review>draft', 'approved>issued']);
const ALLOWED_DIRECT = new Set([...ALLOWED, 'draft>issued']);

const PAIRS = REPORT_STATUSES.flatMap((from) =>
  REPORT_STATUSES.flatMap((to) => [[from, to, false] as const, [from, to, true] as const]),
);

function thrown(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('review transitions', () => {
  it.each(PAIRS)('%s → %s (direct %s)', (from: ReportStatus, to: ReportStatus, direct: boolean) => {
    const expected = (direct ? ALLOWED_DIRECT : ALLOWED).has(`${from}>${to}`);
    expect(allowsTransition(from, to, direct)).toBe(expected);
    for (const action of REVIEW_ACTIONS.filter((a) => targetOf(a) === to)) {
      if (expected) {
        expect(nextStatus(from, action, { direct })).toBe(to);
      } else {
        const error = thrown(() => nextStatus(from, action, { direct }));
        expect(error.code).toBe('REPORT_TRANSITION_INVALID');
        expect(error.details).toMatchObject({ from, to, action });
        expect(error.message).toContain(`from ${from} to ${to}`);
      }
    }
  });

  it('maps each action to its status', () => {
    expect(REVIEW_ACTIONS.map(targetOf)).toEqual(['in_review', 'approved', 'draft', 'issued']);
  });

  it.each(REPORT_STATUSES)('edits a %s report only while draft or in review', (status) => {
    if (status === 'draft' || status === 'in_review') {
      expect(() => assertEditable(status)).not.toThrow();
    } else {
      expect(thrown(() => assertEditable(status)).code).toBe('REPORT_TRANSITION_INVALID');
    }
  });
});
