/**
 * Appeals (网络诉求) and the departments they are dispatched to, over the API (issue 6 §5). Every name
 * starts with `appeal` so the shared index stays flat.
 */
import { z } from 'zod';
import {
  APPEAL_CHANNELS,
  APPEAL_MAX_EXTENSION_DAYS,
  APPEAL_PUBLISH_STATES,
  APPEAL_SATISFACTIONS,
  APPEAL_STAT_GROUPS,
  APPEAL_STATES,
} from '../domain/index.js';
import { flagParam, listOf, pageOf, pageQuery, timeInput, timestamp } from './common.js';

/** A department appeals are dispatched to. */
export const appealDepartment = z
  .object({
    id: z.string(),
    unitId: z.string(),
    name: z.string(),
    categories: z.array(z.string()),
    contact: z.string().nullable(),
    enabled: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'AppealDepartment' });

/** GET /appeal-departments. */
export const appealDepartmentList = z.object({ items: z.array(appealDepartment) });

/** POST /appeal-departments. */
export const createAppealDepartmentBody = z.strictObject({
  unitId: z.string().min(1).max(64).optional(),
  name: z.string().trim().min(1).max(200),
  categories: z.array(z.string().trim().min(1).max(64)).max(100).default([]),
  contact: z.string().trim().max(500).nullable().default(null),
  enabled: z.boolean().default(true),
});

/** PATCH /appeal-departments/:id. */
export const updateAppealDepartmentBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  categories: z.array(z.string().trim().min(1).max(64)).max(100).optional(),
  contact: z.string().trim().max(500).nullable().optional(),
  enabled: z.boolean().optional(),
});

/** An appeal. */
export const appeal = z
  .object({
    id: z.string(),
    unitId: z.string(),
    channel: z.enum(APPEAL_CHANNELS),
    title: z.string(),
    content: z.string(),
    itemId: z.string().nullable(),
    sourceId: z.string().nullable(),
    externalRef: z.string().nullable(),
    url: z.string().nullable(),
    citizenName: z.string().nullable(),
    citizenContact: z.string().nullable(),
    category: z.string().nullable(),
    state: z.enum(APPEAL_STATES),
    receivedAt: timestamp,
    departmentId: z.string().nullable(),
    dispatchedAt: timestamp.nullable(),
    dueAt: timestamp.nullable().describe('The reply deadline (end of its last working day)'),
    overdue: z.boolean().describe('Dispatched and past its deadline now'),
    extensionDays: z.number().int().nullable(),
    extensionReason: z.string().nullable(),
    returnReason: z.string().nullable(),
    mergedIntoId: z.string().nullable(),
    rejectReason: z.string().nullable(),
    reply: z.string().nullable(),
    repliedAt: timestamp.nullable(),
    repliedBy: z.string().nullable(),
    replyBatchId: z.string().nullable().describe('The batch reply (集中回复) it was part of'),
    handlingDays: z.number().int().nullable().describe('Working days from receipt to reply'),
    onTime: z.boolean().nullable(),
    publishState: z.enum(APPEAL_PUBLISH_STATES),
    publishedAt: timestamp.nullable(),
    publishedUrl: z.string().nullable(),
    publishError: z.string().nullable(),
    satisfaction: z.enum(APPEAL_SATISFACTIONS).nullable(),
    closedAt: timestamp.nullable(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    actions: z.array(z.string()).describe('What may be done next (the console’s buttons)'),
  })
  .meta({ id: 'Appeal' });

/** A page of appeals. */
export const appealPage = pageOf(appeal);

/** One entry of an appeal's timeline. */
export const appealTimelineEntry = z.object({
  at: timestamp,
  actorUserId: z.string().nullable(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

/** One deadline of an appeal. */
export const appealDeadline = z.object({
  kind: z.string(),
  title: z.string(),
  dueAt: timestamp,
  remindAt: timestamp.nullable(),
  remindedAt: timestamp.nullable(),
  escalatedAt: timestamp.nullable(),
  doneAt: timestamp.nullable(),
});

/** An appeal with its timeline, deadlines and the duplicates merged into it. */
export const appealDetail = appeal.extend({
  timeline: z.array(appealTimelineEntry),
  deadlines: z.array(appealDeadline),
  duplicates: z.array(appeal),
});

/** GET /appeals. */
export const appealListQuery = pageQuery.extend({
  state: listOf(APPEAL_STATES).optional(),
  channel: listOf(APPEAL_CHANNELS).optional(),
  departmentId: z.string().min(1).max(64).optional(),
  category: z.string().min(1).max(64).optional(),
  from: timeInput.optional().describe('Received at or after'),
  to: timeInput.optional().describe('Received before'),
  overdue: flagParam.optional().describe('Only dispatched appeals past their deadline'),
});

/** Appeals per state. */
export const appealCounts = z.object({
  byState: z.record(z.enum(APPEAL_STATES), z.number().int()),
});

/** GET /appeals/stats. */
export const appealStatsQuery = z.object({
  from: timeInput,
  to: timeInput,
  groupBy: z.enum(APPEAL_STAT_GROUPS).default('unit'),
});

/** Figures of one group of appeals received in the period. */
export const appealStats = z.object({
  key: z.string().nullable().describe('unit id, department id or category; null: none'),
  received: z.number().int(),
  rejected: z.number().int(),
  replied: z.number().int(),
  onTime: z.number().int(),
  replyRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  averageHandlingDays: z.number().nullable(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  unsatisfied: z.number().int(),
});

/** GET /appeals/stats. */
export const appealStatsResponse = z.object({
  groupBy: z.enum(APPEAL_STAT_GROUPS),
  items: z.array(appealStats),
});

/** POST /appeals. */
export const createAppealBody = z.strictObject({
  unitId: z.string().min(1).max(64).optional(),
  title: z.string().trim().min(1).max(200),
  content: z.string().trim().min(1).max(20_000),
  citizenName: z.string().trim().max(100).nullable().optional(),
  citizenContact: z.string().trim().max(200).nullable().optional(),
  category: z.string().trim().min(1).max(64).nullable().optional(),
  url: z.string().url().max(2000).nullable().optional(),
  externalRef: z.string().max(200).nullable().optional(),
  receivedAt: timeInput.optional(),
});

/** POST /appeals/from-items. */
export const appealIntakeBody = z.strictObject({
  itemIds: z.array(z.string().min(1).max(64)).min(1).max(200),
  force: z.boolean().default(false).describe('Take items in even when analysis did not flag them as appeals'),
});

/** What intake did with each item. */
export const appealIntakeResponse = z.object({
  items: z.array(
    z.object({
      itemId: z.string(),
      outcome: z.enum(['created', 'existing', 'not_an_appeal', 'not_found']),
      appeal: appeal.nullable(),
    }),
  ),
});

const note = z.string().trim().max(2000).optional();
const reason = z.string().trim().min(1).max(2000);

/** POST /appeals/:id/accept. */
export const appealAcceptBody = z
  .strictObject({ category: z.string().trim().min(1).max(64).nullable().optional(), note })
  .default({});
/** POST /appeals/:id/merge. */
export const appealMergeBody = z.strictObject({ intoId: z.string().min(1).max(64), note });
/** POST /appeals/:id/reject and /return. */
export const appealReasonBody = z.strictObject({ reason });
/** POST /appeals/:id/dispatch. */
export const appealDispatchBody = z.strictObject({
  departmentId: z.string().min(1).max(64),
  days: z.number().int().min(1).max(60).optional().describe('Working days to reply; 5 by default'),
  note,
});
/** POST /appeals/:id/extend. */
export const appealExtendBody = z.strictObject({
  days: z.number().int().min(1).max(APPEAL_MAX_EXTENSION_DAYS),
  reason,
});
/** POST /appeals/:id/reply. */
export const appealReplyBody = z.strictObject({ text: z.string().trim().min(1).max(20_000) });
/** POST /appeals/batch-reply (集中回复). */
export const appealBatchReplyBody = z.strictObject({
  appealIds: z.array(z.string().min(1).max(64)).min(1).max(200),
  text: z.string().trim().min(1).max(20_000),
});
/** POST /appeals/batch-reply. */
export const appealBatchReplyResponse = z.object({ batchId: z.string(), items: z.array(appeal) });
/** POST /appeals/:id/rate. */
export const appealRateBody = z.strictObject({ satisfaction: z.enum(APPEAL_SATISFACTIONS), note });
/** POST /appeals/:id/close. */
export const appealNoteBody = z.strictObject({ note }).default({});
