/**
 * Request bodies and queries of the incident API (issue 6 §1), and the rules answer; re-exported by
 * ./incidents.ts so the shared index needs one line.
 */
import { z } from 'zod';
import {
  ALERT_LEVELS,
  DEADLINE_UNITS,
  INCIDENT_DEADLINE_KINDS,
  INCIDENT_STATES,
  RESPONSE_KINDS,
  VERIFICATION_RESULTS,
} from '../domain/index.js';
import { listOf, listParam, pageQuery, timeInput } from './common.js';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);

/** Filters of the incident list and counts. */
export const incidentFilterQuery = z.object({
  state: listOf(INCIDENT_STATES).optional(),
  level: listOf(ALERT_LEVELS).optional(),
  unitId: listParam.optional().describe('Units within the caller’s scope'),
  handlerUserId: id.optional(),
  category: z.string().min(1).max(64).optional(),
  verification: listOf([...VERIFICATION_RESULTS, 'none']).optional(),
  alertId: id.optional(),
  eventId: id.optional(),
  from: timeInput.optional().describe('Opened at or after'),
  to: timeInput.optional().describe('Opened before'),
});

/** GET /incidents. */
export const incidentListQuery = pageQuery.extend(incidentFilterQuery.shape);

/** GET /incidents/counts: how many incidents match the filters in each state. */
export const incidentCounts = z.object({
  byState: z.record(z.enum(INCIDENT_STATES), z.number().int()),
  total: z.number().int(),
});

/** POST /incidents: from an alert, an event, items, or by hand. */
export const createIncidentBody = z.strictObject({
  unitId: id.optional(),
  title: text(300).optional(),
  description: z.string().trim().max(10_000).optional(),
  category: text(64).optional(),
  level: z.enum(ALERT_LEVELS).optional(),
  handlerUserId: id.nullable().optional(),
  alertId: id.optional(),
  eventId: id.optional(),
  itemIds: z.array(id).max(500).optional(),
});

/** PATCH /incidents/:id. */
export const updateIncidentBody = z.strictObject({
  title: text(300).optional(),
  description: z.string().trim().max(10_000).optional(),
  category: text(64).optional(),
  level: z.enum(ALERT_LEVELS).optional(),
  handlerUserId: id.nullable().optional(),
});

/** POST /incidents/:id/transition. */
export const incidentTransitionBody = z.strictObject({
  action: z.enum(['start_verification', 'start_response', 'follow_up']),
  note: z.string().trim().max(2000).optional(),
});

/** POST /incidents/:id/verification. */
export const incidentVerifyBody = z.strictObject({
  result: z.enum(VERIFICATION_RESULTS),
  facts: text(20_000),
  evidenceIds: z.array(id).max(200).default([]),
});

/** POST /incidents/:id/transfer. */
export const incidentTransferBody = z.strictObject({
  toUnitId: id,
  toHandlerUserId: id.nullable().optional(),
  reason: text(2000),
});

/** POST /incidents/:id/notifications. */
export const incidentNotifyBody = z.strictObject({
  recipient: text(300),
  method: text(64).describe('phone, email, meeting, document, system…'),
  note: z.string().trim().max(2000).nullable().optional(),
  notifiedAt: timeInput.optional(),
});

/** POST /incidents/:id/progress: a progress notice (进展通报) on the timeline. */
export const incidentProgressBody = z.strictObject({
  text: text(20_000),
  url: z.url().max(2000).nullable().optional(),
});

/** POST /incidents/:id/items. */
export const incidentItemsBody = z.strictObject({ itemIds: z.array(id).min(1).max(500) });

/** What an after-action review says. */
export const incidentReviewBody = z.strictObject({
  wentWell: z.string().trim().max(20_000),
  problems: z.string().trim().max(20_000),
  improvements: z.string().trim().max(20_000),
});

/** POST /incidents/:id/close. */
export const incidentCloseBody = z.strictObject({
  summary: text(20_000),
  review: incidentReviewBody.optional(),
});

/** POST /incidents/:id/reopen. */
export const incidentReopenBody = z.strictObject({
  to: z.enum(['responding', 'verifying']).default('responding'),
  reason: text(2000),
});

/** POST /incidents/:id/responses. */
export const createIncidentResponseBody = z.strictObject({
  kind: z.enum(RESPONSE_KINDS).default('statement'),
  title: text(300),
  content: text(50_000),
});

/** PATCH /incidents/:id/responses/:responseId: a new version of a draft. */
export const updateIncidentResponseBody = z
  .strictObject({
    title: text(300).optional(),
    content: text(50_000).optional(),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((body) => body.title !== undefined || body.content !== undefined, {
    message: 'change the title or the content',
  });

/** POST .../reject. */
export const incidentResponseRejectBody = z.strictObject({ reason: text(2000) });

/** POST .../submit and .../approve. */
export const incidentResponseNoteBody = z
  .strictObject({ note: z.string().trim().max(2000).optional() })
  .default({});

/** POST .../publish. */
export const incidentResponsePublishBody = z
  .strictObject({
    url: z.url().max(2000).nullable().optional(),
    channel: z.string().trim().max(200).nullable().optional(),
    publishedAt: timeInput.optional(),
  })
  .default({});

/** Path of a statement. */
export const incidentResponseParams = z.object({ id, responseId: id });

/** Path of a unit's deadline rules. */
export const incidentRuleParams = z.object({ unitId: id });

/** One deadline rule. */
export const incidentDeadlineRule = z.strictObject({
  level: z.enum(ALERT_LEVELS),
  kind: z.enum(INCIDENT_DEADLINE_KINDS),
  amount: z.number().int().min(1).max(1000),
  unit: z.enum(DEADLINE_UNITS),
  remindBeforeMinutes: z.number().int().min(0).max(100_000).nullable().default(null),
});

/** PATCH /incident-deadline-rules/:unitId: replaces the unit's own rules. */
export const incidentRulesBody = z.strictObject({ rules: z.array(incidentDeadlineRule).max(50) });

/** The rules that apply to a unit and where they come from. */
export const incidentRules = z.object({
  unitId: z.string(),
  origin: z.enum(['own', 'inherited', 'default']),
  fromUnitId: z.string().nullable(),
  rules: z.array(
    z.object({
      level: z.enum(ALERT_LEVELS),
      kind: z.enum(INCIDENT_DEADLINE_KINDS),
      amount: z.number().int(),
      unit: z.enum(DEADLINE_UNITS),
      remindBeforeMinutes: z.number().int().nullable(),
    }),
  ),
});
