/** Incidents, their statements, deadlines and timeline as the API shows them (times as ISO 8601). */
import type { z } from 'zod';
import { incidentMachine, responseMachine } from '../../cases/incidents/machine.js';
import type * as c from '../../contract/index.js';
import {
  ALERT_LEVEL_NAMES,
  INCIDENT_STATE_NAMES,
  VERIFICATION_RESULT_NAMES,
  type Incident,
  type IncidentNotification,
  type IncidentResponse,
  type IncidentResponseVersion,
  type IncidentTransfer,
} from '../../domain/index.js';
import type { CaseDeadline, CaseTimelineEntry } from '../../storage/repositories.js';

const iso = (at: number): string => new Date(at).toISOString();
const isoOrNull = (at: number | null): string | null => (at === null ? null : iso(at));

/** An incident with its display names and the actions its state allows. */
export function presentIncident(incident: Incident): z.output<typeof c.incident> {
  const { verification, review } = incident;
  return {
    ...incident,
    levelName: ALERT_LEVEL_NAMES[incident.level],
    stateName: INCIDENT_STATE_NAMES[incident.state],
    allowedActions: incidentMachine.actionsFrom(incident.state),
    verification: verification && {
      ...verification,
      resultName: VERIFICATION_RESULT_NAMES[verification.result],
      verifiedAt: iso(verification.verifiedAt),
    },
    review: review && { ...review, reviewedAt: iso(review.reviewedAt) },
    openedAt: iso(incident.openedAt),
    closedAt: isoOrNull(incident.closedAt),
    createdAt: iso(incident.createdAt),
    updatedAt: iso(incident.updatedAt),
  };
}

/** A transfer between units. */
export function presentTransfer(transfer: IncidentTransfer): z.output<typeof c.incidentTransfer> {
  const { incidentId: _incidentId, ...rest } = transfer;
  return { ...rest, at: iso(transfer.at) };
}

/** A record of who was notified. */
export function presentNotification(n: IncidentNotification): z.output<typeof c.incidentNotification> {
  const { incidentId: _incidentId, unitId: _unitId, ...rest } = n;
  return { ...rest, notifiedAt: iso(n.notifiedAt), createdAt: iso(n.createdAt) };
}

/** A statement with the review actions its state allows. */
export function presentResponse(response: IncidentResponse): z.output<typeof c.incidentResponse> {
  const { unitId: _unitId, ...rest } = response;
  return {
    ...rest,
    allowedActions: responseMachine.actionsFrom(response.state),
    submittedAt: isoOrNull(response.submittedAt),
    approvedAt: isoOrNull(response.approvedAt),
    publishedAt: isoOrNull(response.publishedAt),
    createdAt: iso(response.createdAt),
    updatedAt: iso(response.updatedAt),
  };
}

/** One version of a statement. */
export function presentVersion(version: IncidentResponseVersion): z.output<typeof c.incidentResponseVersion> {
  const { responseId: _responseId, ...rest } = version;
  return { ...rest, editedAt: iso(version.editedAt) };
}

/** A deadline; `overdue` when open and past due at `now`. */
export function presentDeadline(deadline: CaseDeadline, now: number): z.output<typeof c.incidentDeadline> {
  return {
    kind: deadline.kind,
    title: deadline.title,
    dueAt: iso(deadline.dueAt),
    remindAt: isoOrNull(deadline.remindAt),
    remindedAt: isoOrNull(deadline.remindedAt),
    escalatedAt: isoOrNull(deadline.escalatedAt),
    doneAt: isoOrNull(deadline.doneAt),
    overdue: deadline.doneAt === null && deadline.dueAt <= now,
  };
}

/** One timeline entry. */
export function presentTimelineEntry(entry: CaseTimelineEntry): z.output<typeof c.incidentTimelineEntry> {
  return {
    at: iso(entry.at),
    actorUserId: entry.actorUserId,
    action: entry.action,
    fromState: entry.fromState,
    toState: entry.toState,
    note: entry.note,
    details: entry.details,
  };
}
