/**
 * Clues (问题线索) over the API (issue 6 §4). Confidential: every route needs `clues:read` or `clues:write`,
 * and every view, list and export is audited. Every name starts with `clue` so the shared index stays flat.
 */
import { z } from 'zod';
import { CLUE_CRITERIA, CLUE_ORIGINS, CLUE_OUTCOMES, CLUE_STATES } from '../domain/index.js';
import { listOf, pageOf, pageQuery, timeInput, timestamp } from './common.js';

/** One criterion of the checklist. */
export const clueCheck = z.object({ checked: z.boolean(), note: z.string().nullable() });

/** The four quality criteria (事实明显、情节清晰、细节详尽、可查性强). */
export const clueChecklist = z.object({
  facts_evident: clueCheck.describe('事实明显'),
  plot_clear: clueCheck.describe('情节清晰'),
  details_complete: clueCheck.describe('细节详尽'),
  verifiable: clueCheck.describe('可查性强'),
});

/** The transfer to a case-handling unit. */
export const clueTransfer = z.object({
  toUnitName: z.string(),
  contact: z.string(),
  at: timestamp,
  by: z.string().nullable(),
  evidenceIds: z.array(z.string()),
  packageId: z.string().nullable(),
});

/** A clue. */
export const clue = z
  .object({
    id: z.string(),
    unitId: z.string(),
    title: z.string(),
    summary: z.string(),
    origin: z.enum(CLUE_ORIGINS),
    itemIds: z.array(z.string()),
    incidentId: z.string().nullable(),
    checklist: clueChecklist,
    state: z.enum(CLUE_STATES),
    transfer: clueTransfer.nullable(),
    outcome: z.enum(CLUE_OUTCOMES).nullable(),
    outcomeNote: z.string().nullable(),
    outcomeAt: timestamp.nullable(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    actions: z.array(z.string()).describe('What may be done next (the console’s buttons)'),
  })
  .meta({ id: 'Clue' });

/** One entry of a clue's timeline. */
export const clueTimelineEntry = z.object({
  at: timestamp,
  actorUserId: z.string().nullable(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

/** A clue with its timeline. */
export const clueDetail = clue.extend({ timeline: z.array(clueTimelineEntry) });

/** A page of clues. */
export const cluePage = pageOf(clue);

/** GET /clues. */
export const clueListQuery = pageQuery.extend({
  state: listOf(CLUE_STATES).optional(),
  origin: listOf(CLUE_ORIGINS).optional(),
  outcome: listOf(CLUE_OUTCOMES).optional(),
  incidentId: z.string().min(1).max(64).optional(),
  itemId: z.string().min(1).max(64).optional(),
  from: timeInput.optional(),
  to: timeInput.optional(),
});

/** Clues per state. */
export const clueCounts = z.object({ byState: z.record(z.enum(CLUE_STATES), z.number().int()) });

/** GET /clues/stats: clues transferred in [from, to). */
export const clueStatsQuery = z.object({ from: timeInput, to: timeInput });

/** 成案率 of one unit. */
export const clueFilingStats = z.object({
  unitId: z.string(),
  transferred: z.number().int(),
  filed: z.number().int(),
  closedAfterCheck: z.number().int(),
  notFiled: z.number().int(),
  inProgress: z.number().int(),
  awaiting: z.number().int(),
  filingRate: z.number().nullable().describe('filed ÷ (filed + closed after check + not filed)'),
});

/** GET /clues/stats. */
export const clueStatsResponse = z.object({ items: z.array(clueFilingStats) });

const checkChange = z.strictObject({
  checked: z.boolean(),
  note: z.string().trim().max(2000).nullable().optional(),
});

/** A change of some criteria. */
export const clueChecklistChange = z.strictObject(
  Object.fromEntries(CLUE_CRITERIA.map((criterion) => [criterion, checkChange.optional()])) as Record<
    (typeof CLUE_CRITERIA)[number],
    z.ZodOptional<typeof checkChange>
  >,
);

/** POST /clues. */
export const createClueBody = z.strictObject({
  unitId: z.string().min(1).max(64).optional(),
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(20_000),
  origin: z.enum(CLUE_ORIGINS),
  itemIds: z.array(z.string().min(1).max(64)).max(200).default([]),
  incidentId: z.string().min(1).max(64).nullable().default(null),
});

/** PATCH /clues/:id (drafts only). */
export const updateClueBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  summary: z.string().trim().min(1).max(20_000).optional(),
  itemIds: z.array(z.string().min(1).max(64)).max(200).optional(),
  checklist: clueChecklistChange.optional(),
});

/** POST /clues/:id/ready and /reopen. */
export const clueNoteBody = z.strictObject({ note: z.string().trim().max(2000).optional() }).default({});

/** POST /clues/:id/transfer. */
export const clueTransferBody = z.strictObject({
  toUnitName: z.string().trim().min(1).max(200),
  contact: z.string().trim().min(1).max(500),
  evidenceIds: z.array(z.string().min(1).max(64)).max(500).optional(),
  packageId: z.string().min(1).max(64).optional(),
  note: z.string().trim().max(2000).optional(),
});

/** POST /clues/:id/outcome. */
export const clueOutcomeBody = z.strictObject({
  outcome: z.enum(CLUE_OUTCOMES),
  note: z.string().trim().max(2000).optional(),
});

/** GET /clues/:id/export. */
export const clueExport = z.object({
  clue: clue,
  timeline: z.array(clueTimelineEntry),
  evidence: z.array(
    z.object({
      id: z.string(),
      itemId: z.string(),
      sourceUrl: z.string().nullable(),
      rawSha256: z.string().nullable(),
      itemTextSha256: z.string(),
    }),
  ),
  exportedAt: timestamp,
  exportedBy: z.string(),
});
