/**
 * Incidents (舆情事件处置, issue 6 §1) over the API: the record with its verification and review, items,
 * transfers, notification records, statements (口径) with versions, deadlines, the timeline, counts per
 * state, and the units' deadline rules. Every name starts with `incident` so that the shared index stays
 * free of clashes with the other case areas.
 */
import { z } from 'zod';
import {
  ALERT_LEVELS,
  INCIDENT_ACTIONS,
  INCIDENT_ORIGINS,
  INCIDENT_STATES,
  RESPONSE_ACTIONS,
  RESPONSE_KINDS,
  RESPONSE_STATES,
  VERIFICATION_RESULTS,
} from '../domain/index.js';
import { pageOf, timestamp } from './common.js';

/** What verification found. */
export const incidentVerification = z.object({
  result: z.enum(VERIFICATION_RESULTS).describe('属实 / 部分属实 / 不属实 / 无法核实'),
  resultName: z.string(),
  facts: z.string(),
  evidenceIds: z.array(z.string()),
  verifiedBy: z.string().nullable(),
  verifiedAt: timestamp,
});

/** The after-action review (复盘). */
export const incidentReview = z.object({
  wentWell: z.string(),
  problems: z.string(),
  improvements: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: timestamp,
});

/** An incident. */
export const incident = z
  .object({
    id: z.string(),
    unitId: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.string(),
    level: z.enum(ALERT_LEVELS),
    levelName: z.string().describe('e.g. 红色'),
    state: z.enum(INCIDENT_STATES),
    stateName: z.string().describe('e.g. 核查中'),
    allowedActions: z.array(z.enum(INCIDENT_ACTIONS)),
    origin: z.enum(INCIDENT_ORIGINS),
    alertId: z.string().nullable(),
    eventId: z.string().nullable(),
    handlerUserId: z.string().nullable(),
    verification: incidentVerification.nullable(),
    closingSummary: z.string().nullable(),
    review: incidentReview.nullable(),
    openedBy: z.string().nullable(),
    openedAt: timestamp,
    closedBy: z.string().nullable(),
    closedAt: timestamp.nullable(),
    reopenCount: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Incident' });

/** A page of incidents. */
export const incidentPage = pageOf(incident);

/** A transfer between units. */
export const incidentTransfer = z.object({
  id: z.string(),
  fromUnitId: z.string(),
  toUnitId: z.string(),
  fromHandlerUserId: z.string().nullable(),
  toHandlerUserId: z.string().nullable(),
  reason: z.string(),
  byUserId: z.string().nullable(),
  at: timestamp,
});

/** A record of who was notified. */
export const incidentNotification = z.object({
  id: z.string(),
  recipient: z.string(),
  method: z.string(),
  note: z.string().nullable(),
  notifiedAt: timestamp,
  byUserId: z.string().nullable(),
  createdAt: timestamp,
});

/** A statement (口径) with its review state. */
export const incidentResponse = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    kind: z.enum(RESPONSE_KINDS),
    state: z.enum(RESPONSE_STATES),
    allowedActions: z.array(z.enum(RESPONSE_ACTIONS)),
    title: z.string(),
    content: z.string(),
    version: z.number().int(),
    approvedVersion: z.number().int().nullable(),
    createdBy: z.string().nullable(),
    submittedAt: timestamp.nullable(),
    approvedBy: z.string().nullable(),
    approvedAt: timestamp.nullable(),
    rejectedReason: z.string().nullable(),
    publishedBy: z.string().nullable(),
    publishedAt: timestamp.nullable(),
    publishedUrl: z.string().nullable(),
    publishedChannel: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'IncidentResponse' });

/** One version of a statement's text. */
export const incidentResponseVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  content: z.string(),
  editedBy: z.string().nullable(),
  editedAt: timestamp,
  note: z.string().nullable(),
});

/** A statement with all its versions, newest first. */
export const incidentResponseDetail = incidentResponse.extend({ versions: z.array(incidentResponseVersion) });

/** The statements of an incident. */
export const incidentResponseList = z.object({ items: z.array(incidentResponse) });

/** One deadline of an incident. */
export const incidentDeadline = z.object({
  kind: z.string(),
  title: z.string(),
  dueAt: timestamp,
  remindAt: timestamp.nullable(),
  remindedAt: timestamp.nullable(),
  escalatedAt: timestamp.nullable(),
  doneAt: timestamp.nullable(),
  overdue: z.boolean().describe('Open and past due'),
});

/** One entry of the incident's timeline. */
export const incidentTimelineEntry = z.object({
  at: timestamp,
  actorUserId: z.string().nullable(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

/** An incident with everything the console's case page shows. */
export const incidentDetail = incident.extend({
  itemIds: z.array(z.string()),
  transfers: z.array(incidentTransfer),
  notifications: z.array(incidentNotification),
  responses: z.array(incidentResponse),
  deadlines: z.array(incidentDeadline),
  timeline: z.array(incidentTimelineEntry),
});

export * from './incidents-requests.js';
