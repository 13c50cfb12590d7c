/**
 * Bulletins (信息报送) over the API (issue 6 §7): records composed from items and events, submission to
 * higher bodies, adoptions (采用), instructions (批示) with feedback (反馈), scores, each unit's settings
 * and the statistics of a period.
 */
import { z } from 'zod';
import { BULLETIN_ACTIONS, BULLETIN_KINDS, BULLETIN_LEVELS, BULLETIN_STATES } from '../domain/index.js';
import { listOf, pageOf, pageQuery, timeInput, timestamp } from './common.js';
import { publicationTimelineList } from './publications.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const ids = z.array(z.string().min(1).max(64)).max(500);
const perLevel = z.object({
  national: z.number(),
  provincial: z.number(),
  municipal: z.number(),
  county: z.number(),
});

/** A bulletin. */
export const bulletin = z
  .object({
    id: z.string(),
    unitId: z.string(),
    kind: z.enum(BULLETIN_KINDS),
    kindName: z.string(),
    title: z.string(),
    body: z.string(),
    itemIds: z.array(z.string()),
    eventIds: z.array(z.string()),
    state: z.enum(BULLETIN_STATES),
    recipients: z.array(z.string()),
    submittedAt: timestamp.nullable(),
    submittedBy: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    actions: z.array(z.enum(BULLETIN_ACTIONS)),
  })
  .meta({ id: 'Bulletin' });

/** An adoption (采用). */
export const bulletinAdoption = z.object({
  id: z.string(),
  adoptedBy: z.string(),
  level: z.enum(BULLETIN_LEVELS),
  levelName: z.string(),
  adoptedAt: timestamp,
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: timestamp,
});

/** An instruction (批示) and its feedback (反馈). */
export const bulletinInstruction = z.object({
  id: z.string(),
  leader: z.string(),
  level: z.enum(BULLETIN_LEVELS),
  levelName: z.string(),
  text: z.string(),
  instructedAt: timestamp,
  feedbackText: z.string().nullable(),
  feedbackAt: timestamp.nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: timestamp,
});

/** A bulletin with what was recorded on it and its score by the unit's scheme. */
export const bulletinDetail = bulletin.extend({
  adoptions: z.array(bulletinAdoption),
  instructions: z.array(bulletinInstruction),
  score: z.number(),
});

/** A page of bulletins with counts per state. */
export const bulletinPage = pageOf(bulletin).extend({
  counts: z.record(z.enum(BULLETIN_STATES), z.number().int()),
});

/** GET /bulletins. */
export const bulletinListQuery = pageQuery.extend({
  kind: listOf(BULLETIN_KINDS).optional(),
  state: listOf(BULLETIN_STATES).optional(),
  eventId: z.string().min(1).max(64).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  from: timeInput.optional().describe('Created at or after'),
  to: timeInput.optional().describe('Created before'),
});

/** POST /bulletins: without a body, the text is composed from the items and events. */
export const createBulletinBody = z.strictObject({
  unitId: z.string().min(1).max(64).optional(),
  kind: z.enum(BULLETIN_KINDS),
  title: text(500),
  body: z.string().max(200_000).optional(),
  itemIds: ids.default([]),
  eventIds: ids.default([]),
});

/** PATCH /bulletins/:id (drafts only). */
export const updateBulletinBody = z.strictObject({
  kind: z.enum(BULLETIN_KINDS).optional(),
  title: text(500).optional(),
  body: z.string().max(200_000).optional(),
  itemIds: ids.optional(),
  eventIds: ids.optional(),
});

/** POST /bulletins/:id/submit. */
export const submitBulletinBody = z.strictObject({
  recipients: z.array(text(200)).min(1).max(50).describe("Higher bodies from the unit's list"),
  note: z.string().trim().max(2000).optional(),
});

/** POST /bulletins/:id/recall and /cancel. */
export const bulletinReasonBody = z
  .strictObject({ reason: z.string().trim().max(2000).optional() })
  .default({});

/** POST /bulletins/:id/adoptions. */
export const createAdoptionBody = z.strictObject({
  adoptedBy: text(200),
  level: z.enum(BULLETIN_LEVELS),
  adoptedAt: timeInput,
  note: z.string().trim().max(2000).optional(),
});

/** POST /bulletins/:id/instructions. */
export const createInstructionBody = z.strictObject({
  leader: text(200),
  level: z.enum(BULLETIN_LEVELS),
  text: text(10_000),
  instructedAt: timeInput,
});

/** POST /bulletins/:id/instructions/:instructionId/feedback. */
export const instructionFeedbackBody = z.strictObject({
  text: text(10_000),
  at: timeInput.optional().describe('When the feedback was given; now when absent'),
});

/** Path of an instruction. */
export const instructionParams = z.object({
  id: z.string().min(1).max(64),
  instructionId: z.string().min(1).max(64),
});

/** GET /bulletins/:id/timeline. */
export const bulletinTimelineList = publicationTimelineList;

/** A unit's bulletin settings. */
export const bulletinSettings = z.object({
  unitId: z.string(),
  recipients: z.array(z.string()),
  scoring: z.object({ adoption: perLevel, instruction: perLevel }),
  updatedAt: timestamp.nullable(),
});

/** GET /bulletin-settings. */
export const bulletinSettingsQuery = z.object({ unitId: z.string().min(1).max(64).optional() });

/** PUT /bulletin-settings. */
export const updateBulletinSettingsBody = z.strictObject({
  unitId: z.string().min(1).max(64).optional(),
  recipients: z.array(text(200)).max(200),
  scoring: z
    .object({ adoption: perLevel, instruction: perLevel })
    .optional()
    .describe('Defaults when absent'),
});

/** GET /bulletins/stats and /stats/work-summary: a period and a unit (with the units below it). */
export const bulletinStatsQuery = z.object({
  from: timeInput,
  to: timeInput,
  unitId: z.string().min(1).max(64).optional().describe("The caller's unit when absent"),
});

/** Bulletin figures of a period. */
export const bulletinStats = z.object({
  from: timestamp,
  to: timestamp,
  unitId: z.string(),
  submitted: z.number().int(),
  adopted: z.number().int(),
  adoptionsByLevel: perLevel,
  instructed: z.number().int(),
  instructionsByLevel: perLevel,
  score: z.number(),
});
