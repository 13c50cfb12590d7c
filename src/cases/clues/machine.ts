/**
 * The clue workflow as a checked machine: draft → ready (all four criteria met) → transferred → an outcome.
 * `in_progress` (办理中) is interim and may still become a final outcome; the final ones end the clue.
 */
import { CLUE_CRITERIA, type ClueChecklist, type ClueOutcome, type ClueState } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { defineMachine } from '../state-machine.js';

/** What people do to a clue. */
export const CLUE_ACTIONS = [
  'edit',
  'mark_ready',
  'reopen',
  'transfer',
  'record_in_progress',
  'record_filed',
  'record_closed_after_check',
  'record_not_filed',
] as const;
/** One of {@link CLUE_ACTIONS}. */
export type ClueAction = (typeof CLUE_ACTIONS)[number];

const AWAITING_OUTCOME: ClueState[] = ['transferred', 'in_progress'];

/** The clue machine. `edit` (checklist and text) is allowed only while the clue is a draft. */
export const clueMachine = defineMachine<ClueState, ClueAction>('clue', [
  { action: 'edit', from: ['draft'], to: 'draft' },
  { action: 'mark_ready', from: ['draft'], to: 'ready' },
  { action: 'reopen', from: ['ready'], to: 'draft' },
  { action: 'transfer', from: ['ready'], to: 'transferred' },
  { action: 'record_in_progress', from: ['transferred'], to: 'in_progress' },
  { action: 'record_filed', from: AWAITING_OUTCOME, to: 'filed' },
  { action: 'record_closed_after_check', from: AWAITING_OUTCOME, to: 'closed_after_check' },
  { action: 'record_not_filed', from: AWAITING_OUTCOME, to: 'not_filed' },
]);

/** The action that records `outcome`. */
export function outcomeAction(outcome: ClueOutcome): ClueAction {
  return `record_${outcome}`;
}

/** The criteria not met yet, in checklist order. */
export function unmetCriteria(checklist: ClueChecklist): string[] {
  return CLUE_CRITERIA.filter((criterion) => !checklist[criterion].checked);
}

/** Throws CLUE_CRITERIA_UNMET unless all four criteria are checked (before a clue may be ready). */
export function requireAllCriteria(checklist: ClueChecklist): void {
  const unmet = unmetCriteria(checklist);
  if (unmet.length > 0) {
    throw new AppError('CLUE_CRITERIA_UNMET', `the clue does not meet: ${unmet.join(', ')}`, { unmet });
  }
}
