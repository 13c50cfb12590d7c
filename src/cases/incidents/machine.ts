/**
 * The incident workflow and the statement review workflow as checked state machines (pure). Every action
 * goes through {@link incidentMachine} or {@link responseMachine} before anything is written; an illegal
 * one is refused with CASE_TRANSITION_INVALID and changes nothing.
 */
import type { IncidentAction, IncidentState, ResponseAction, ResponseState } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { defineMachine } from '../state-machine.js';

/**
 * new → verifying → responding → following_up → closed. A handler may answer before verification ends
 * (new → responding: 宜快不宜迟) and close an open incident from any state (a false alarm is closed from
 * new); a closed incident is reopened to responding or, when new facts surface, to verifying.
 */
export const incidentMachine = defineMachine<IncidentState, IncidentAction>('incident', [
  { action: 'start_verification', from: ['new'], to: 'verifying' },
  { action: 'start_response', from: ['new', 'verifying'], to: 'responding' },
  { action: 'follow_up', from: ['responding'], to: 'following_up' },
  { action: 'close', from: ['new', 'verifying', 'responding', 'following_up'], to: 'closed' },
  { action: 'reopen', from: ['closed'], to: 'responding' },
  { action: 'reopen_verification', from: ['closed'], to: 'verifying' },
]);

/**
 * draft → in_review → approved (signed off, 签发) → published; a reviewer rejects an in-review or approved
 * statement back to draft. Only drafts are edited, so what was signed off is what goes out.
 */
export const responseMachine = defineMachine<ResponseState, ResponseAction>('incident response', [
  { action: 'submit', from: ['draft'], to: 'in_review' },
  { action: 'approve', from: ['in_review'], to: 'approved' },
  { action: 'reject', from: ['in_review', 'approved'], to: 'draft' },
  { action: 'publish', from: ['approved'], to: 'published' },
]);

/** States in which work on the record (verification, transfers, statements, notices) may be recorded. */
const OPEN_STATES: readonly IncidentState[] = ['new', 'verifying', 'responding', 'following_up'];

/** States in which a verification result may be recorded or amended. */
const VERIFIABLE_STATES: readonly IncidentState[] = ['verifying', 'responding', 'following_up'];

/** Throws CASE_TRANSITION_INVALID unless the incident is open (not closed) for `work`. */
export function requireOpen(state: IncidentState, work: string): void {
  if (!OPEN_STATES.includes(state)) {
    throw new AppError('CASE_TRANSITION_INVALID', `a ${state} incident cannot "${work}"; reopen it first`, {
      subject: 'incident',
      state,
      action: work,
      allowed: incidentMachine.actionsFrom(state),
    });
  }
}

/** Throws CASE_TRANSITION_INVALID unless a verification result may be recorded in `state`. */
export function requireVerifiable(state: IncidentState): void {
  if (!VERIFIABLE_STATES.includes(state)) {
    throw new AppError(
      'CASE_TRANSITION_INVALID',
      `a verification result is recorded while verifying or later, not when ${state}`,
      { subject: 'incident', state, action: 'verify', allowed: incidentMachine.actionsFrom(state) },
    );
  }
}

/** Throws CASE_TRANSITION_INVALID unless the statement is a draft (only drafts are edited or deleted). */
export function requireDraft(state: ResponseState, work: string): void {
  if (state !== 'draft') {
    throw new AppError(
      'CASE_TRANSITION_INVALID',
      `only a draft statement can be ${work}, not a ${state} one`,
      {
        subject: 'incident response',
        state,
        action: work,
        allowed: responseMachine.actionsFrom(state),
      },
    );
  }
}
