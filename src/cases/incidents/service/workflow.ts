/**
 * Moving an incident through its life: start verifying, start responding, follow up, close with a summary
 * (and optionally the after-action review), reopen, and write the review later. Each checks the machine,
 * then writes the record, the timeline and the audit log in one transaction.
 */
import type { Incident, IncidentAction, IncidentReview } from '../../../domain/index.js';
import { incidentMachine } from '../machine.js';
import { closeLinkedAlert } from './alert-close.js';
import { completeDeadlines } from './deadlines.js';
import { loadIncident, recordChange, type IncidentActor, type IncidentServiceDeps } from './deps.js';

/** The plain moves that take only a note. */
export type SimpleIncidentAction = Extract<
  IncidentAction,
  'start_verification' | 'start_response' | 'follow_up'
>;

/** What people write in an after-action review (复盘). */
export type ReviewInput = Pick<IncidentReview, 'wentWell' | 'problems' | 'improvements'>;

/** new → verifying, new/verifying → responding, responding → following_up. */
export async function moveIncident(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  id: string,
  action: SimpleIncidentAction,
  note?: string,
): Promise<Incident> {
  return deps.storage.transaction(async (tx) => {
    const incident = await loadIncident(tx, actor, id);
    const state = incidentMachine.next(incident.state, action);
    const at = deps.clock.now();
    const updated = await tx.incidents.update(id, { state }, at);
    await recordChange(tx, actor, incident, at, {
      action,
      fromState: incident.state,
      toState: state,
      note: note ?? null,
    });
    return updated;
  });
}

function reviewOf(actor: IncidentActor, input: ReviewInput, at: number): IncidentReview {
  return { ...input, reviewedBy: actor.userId, reviewedAt: at };
}

/** Closes an open incident with its summary (and the review when given); open deadlines are done. */
export async function closeIncident(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  id: string,
  input: { summary: string; review?: ReviewInput },
): Promise<Incident> {
  return deps.storage.transaction(async (tx) => {
    const incident = await loadIncident(tx, actor, id);
    const state = incidentMachine.next(incident.state, 'close');
    const at = deps.clock.now();
    const updated = await tx.incidents.update(
      id,
      {
        state,
        closingSummary: input.summary,
        closedAt: at,
        closedBy: actor.userId,
        ...(input.review && { review: reviewOf(actor, input.review, at) }),
      },
      at,
    );
    const completed = await completeDeadlines(tx, id, 'all', at);
    const alertClosed = incident.alertId
      ? await closeLinkedAlert(tx, actor, incident.alertId, id, at)
      : false;
    await recordChange(tx, actor, incident, at, {
      action: 'close',
      fromState: incident.state,
      toState: state,
      note: input.summary,
      details: { deadlinesClosed: completed, review: input.review !== undefined, alertClosed },
    });
    return updated;
  });
}

/** Reopens a closed incident to responding or (new facts) verifying, with the reason. */
export async function reopenIncident(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  id: string,
  input: { to: 'responding' | 'verifying'; reason: string },
): Promise<Incident> {
  return deps.storage.transaction(async (tx) => {
    const incident = await loadIncident(tx, actor, id);
    const action = input.to === 'verifying' ? 'reopen_verification' : 'reopen';
    const state = incidentMachine.next(incident.state, action);
    const at = deps.clock.now();
    const updated = await tx.incidents.update(
      id,
      { state, closedAt: null, closedBy: null, reopenCount: incident.reopenCount + 1 },
      at,
    );
    await recordChange(tx, actor, incident, at, {
      action,
      fromState: incident.state,
      toState: state,
      note: input.reason,
    });
    return updated;
  });
}

/** Writes (or rewrites) the after-action review; allowed at any time, typically after closing. */
export async function reviewIncident(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  id: string,
  input: ReviewInput,
): Promise<Incident> {
  return deps.storage.transaction(async (tx) => {
    const incident = await loadIncident(tx, actor, id);
    const at = deps.clock.now();
    const updated = await tx.incidents.update(id, { review: reviewOf(actor, input, at) }, at);
    await recordChange(tx, actor, incident, at, { action: 'review', details: { ...input } });
    return updated;
  });
}
