/** Adding per-unit rows into work-summary figures; rates come from the sums. */
import { describe, expect, it } from 'vitest';
import type { AppealStats, ClueFilingStats } from '../../domain/index.js';
import { combineAppeals, combineClues, combineIncidents } from './combine.js';

const appeal = (received: number, rejected: number, replied: number, onTime: number): AppealStats => ({
  key: 'u',
  received,
  rejected,
  replied,
  onTime,
  replyRate: null,
  onTimeRate: null,
  averageHandlingDays: null,
  satisfied: 0,
  basicallySatisfied: 0,
  unsatisfied: 0,
});

const clue = (
  transferred: number,
  filed: number,
  closedAfterCheck: number,
  notFiled: number,
): ClueFilingStats => ({
  unitId: 'u',
  transferred,
  filed,
  closedAfterCheck,
  notFiled,
  inProgress: 0,
  awaiting: transferred - filed - closedAfterCheck - notFiled,
  filingRate: null,
});

describe('combineIncidents', () => {
  it('counts by level and by verification result, unverified apart', () => {
    const figures = combineIncidents([
      { unitId: 'a', level: 'red', verificationResult: 'true', count: 2 },
      { unitId: 'b', level: 'red', verificationResult: null, count: 1 },
      { unitId: 'a', level: 'blue', verificationResult: 'false', count: 3 },
    ]);
    expect(figures).toEqual({
      total: 6,
      byLevel: { red: 3, orange: 0, yellow: 0, blue: 3 },
      byVerification: { true: 2, partly_true: 0, false: 3, unverifiable: 0, unverified: 1 },
    });
  });
});

describe('combineAppeals', () => {
  it.each([
    ['nothing', [], { received: 0, replied: 0, onTime: 0, replyRate: null, onTimeRate: null }],
    [
      'two units weighted by volume',
      [appeal(10, 2, 8, 6), appeal(2, 0, 0, 0)],
      { received: 12, replied: 8, onTime: 6, replyRate: 0.8, onTimeRate: 0.75 },
    ],
  ] as const)('%s', (_name, rows, expected) => {
    expect(combineAppeals(rows)).toEqual(expected);
  });
});

describe('combineClues', () => {
  it.each([
    ['nothing', [], { transferred: 0, filed: 0, filingRate: null }],
    ['no final outcome yet', [clue(3, 0, 0, 0)], { transferred: 3, filed: 0, filingRate: null }],
    [
      'rate over final outcomes',
      [clue(5, 2, 1, 1), clue(4, 1, 0, 0)],
      { transferred: 9, filed: 3, filingRate: 0.6 },
    ],
  ] as const)('%s', (_name, rows, expected) => {
    expect(combineClues(rows)).toEqual(expected);
  });
});
