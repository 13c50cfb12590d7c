/**
 * Publications (信息发布) over the API (issue 6 §6): records with their allowed actions, text versions and
 * diffs, the confidentiality check, transitions, and each unit's secret terms.
 */
import { z } from 'zod';
import { PUBLICATION_ACTIONS, PUBLICATION_STATES } from '../domain/index.js';
import { listOf, pageOf, pageQuery, timeInput, timestamp } from './common.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** A publication. */
export const publication = z
  .object({
    id: z.string(),
    unitId: z.string(),
    title: z.string(),
    body: z.string(),
    channel: z.string().nullable(),
    incidentId: z.string().nullable(),
    state: z.enum(PUBLICATION_STATES),
    stateName: z.string(),
    version: z.number().int(),
    createdBy: z.string().nullable(),
    signedOffBy: z.string().nullable().describe('审稿签发人'),
    signedOffAt: timestamp.nullable(),
    publishedUrl: z.string().nullable(),
    publishedAt: timestamp.nullable(),
    rejectReason: z.string().nullable(),
    withdrawReason: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    actions: z.array(z.enum(PUBLICATION_ACTIONS)).describe('What may be done next'),
  })
  .meta({ id: 'Publication' });

/** A page of publications with counts per state for the console's tabs. */
export const publicationPage = pageOf(publication).extend({
  counts: z.record(z.enum(PUBLICATION_STATES), z.number().int()),
});

/** GET /publications. */
export const publicationListQuery = pageQuery.extend({
  state: listOf(PUBLICATION_STATES).optional(),
  incidentId: z.string().min(1).max(64).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  from: timeInput.optional().describe('Created at or after'),
  to: timeInput.optional().describe('Created before'),
});

/** POST /publications. */
export const createPublicationBody = z.strictObject({
  unitId: z.string().min(1).max(64).optional(),
  title: text(500),
  body: z.string().max(200_000).default(''),
  channel: z.string().trim().max(200).nullable().optional(),
  incidentId: z.string().min(1).max(64).nullable().optional(),
  asDraft: z.boolean().default(false).describe('Start as a draft rather than an idea (选题)'),
  note: z.string().trim().max(2000).optional(),
});

/** PATCH /publications/:id: a changed title or body becomes a new version. */
export const updatePublicationBody = z.strictObject({
  title: text(500).optional(),
  body: z.string().max(200_000).optional(),
  channel: z.string().trim().max(200).nullable().optional(),
  note: z.string().trim().max(2000).optional(),
});

/** One version of the text. */
export const publicationVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  editedBy: z.string().nullable(),
  editedAt: timestamp,
  note: z.string().nullable(),
});

/** GET /publications/:id/versions. */
export const publicationVersionList = z.object({ items: z.array(publicationVersion) });

/** GET /publications/:id/diff. */
export const publicationDiffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

/** The difference between two versions, sentence by sentence. */
export const publicationDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  title: z.object({ before: z.string(), after: z.string(), changed: z.boolean() }),
  parts: z.array(z.object({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() })),
});

/** One confidentiality hit. */
export const confidentialityHit = z.object({
  kind: z.enum(['secret_term', 'case_detail']),
  field: z.enum(['title', 'body']),
  position: z.number().int(),
  length: z.number().int(),
  text: z.string(),
});

/** GET /publications/:id/check. */
export const confidentialityReport = z.object({
  version: z.number().int(),
  clean: z.boolean(),
  hits: z.array(confidentialityHit),
});

/** POST /publications/:id/{start-draft,submit,sign-off}. */
export const publicationNoteBody = z
  .strictObject({ note: z.string().trim().max(2000).optional() })
  .default({});

/** POST /publications/:id/{reject,withdraw}. */
export const publicationReasonBody = z.strictObject({ reason: text(2000) });

/** POST /publications/:id/publish. */
export const publishPublicationBody = z.strictObject({
  url: z.url().max(2000),
  publishedAt: timeInput.optional().describe('When it went online; now when absent'),
  note: z.string().trim().max(2000).optional(),
});

/** One entry of a case record's timeline. */
export const publicationTimelineEntry = z.object({
  at: timestamp,
  actorUserId: z.string().nullable(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

/** GET /publications/:id/timeline and /bulletins/:id/timeline. */
export const publicationTimelineList = z.object({ items: z.array(publicationTimelineEntry) });

/** A unit's publication settings. */
export const publicationSettings = z.object({
  unitId: z.string(),
  defaultSecretTerms: z.array(z.string()),
  secretTerms: z.array(z.string()),
  updatedAt: timestamp.nullable(),
});

/** GET/PUT /publication-settings. */
export const publicationSettingsQuery = z.object({ unitId: z.string().min(1).max(64).optional() });

/** PUT /publication-settings. */
export const updatePublicationSettingsBody = z.strictObject({
  unitId: z.string().min(1).max(64).optional(),
  secretTerms: z.array(z.string().trim().min(1).max(100)).max(1000),
});
