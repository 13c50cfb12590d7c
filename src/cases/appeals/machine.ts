/**
 * The appeal workflow as a checked machine: new → accepted → dispatched → replied → closed; triage merges
 * duplicates or rejects; a department returns a misrouted appeal (returned), which goes back to triage and
 * may be dispatched again. Extension is an action within `dispatched`; publishing the reply and recording the
 * citizen's satisfaction are actions within `replied` and `closed`. The time rules (extension once, up to 10
 * working days; return within 2) are in ./rules.ts.
 */
import type { AppealState } from '../../domain/index.js';
import { defineMachine } from '../state-machine.js';

/** What people do to an appeal. */
export const APPEAL_ACTIONS = [
  'accept',
  'merge',
  'reject',
  'dispatch',
  'extend',
  'return',
  'reply',
  'publish',
  'rate',
  'close',
] as const;
/** One of {@link APPEAL_ACTIONS}. */
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

const TRIAGE: AppealState[] = ['new', 'accepted', 'returned'];

/** The appeal machine. */
export const appealMachine = defineMachine<AppealState, AppealAction>('appeal', [
  { action: 'accept', from: ['new'], to: 'accepted' },
  { action: 'merge', from: TRIAGE, to: 'merged' },
  { action: 'reject', from: TRIAGE, to: 'rejected' },
  { action: 'dispatch', from: ['accepted', 'returned'], to: 'dispatched' },
  { action: 'extend', from: ['dispatched'], to: 'dispatched' },
  { action: 'return', from: ['dispatched'], to: 'returned' },
  { action: 'reply', from: ['dispatched'], to: 'replied' },
  { action: 'publish', from: ['replied'], to: 'replied' },
  { action: 'publish', from: ['closed'], to: 'closed' },
  { action: 'rate', from: ['replied'], to: 'replied' },
  { action: 'rate', from: ['closed'], to: 'closed' },
  { action: 'close', from: ['replied'], to: 'closed' },
]);
