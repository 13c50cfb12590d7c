/** Sources: where Fengxiang collects from. */
import { z } from 'zod';
import { FETCH_OUTCOMES, MEDIA_TIERS, SOURCE_HEALTH, SOURCE_KINDS } from '../domain/index.js';
import { flagParam, pageOf, pageQuery, timeInput, timestamp } from './common.js';

/** A source. */
export const source = z
  .object({
    id: z.string(),
    unitId: z.string(),
    name: z.string(),
    kind: z.enum(SOURCE_KINDS),
    url: z.string().nullable(),
    platform: z.string().nullable(),
    tier: z.enum(MEDIA_TIERS).nullable(),
    region: z.string().nullable(),
    intervalSeconds: z.number().int(),
    enabled: z.boolean(),
    config: z.record(z.string(), z.unknown()),
    timeZone: z.string().nullable(),
    expectedPeriodSeconds: z.number().int().nullable(),
    minIntervalSeconds: z.number().int().nullable(),
    maxIntervalSeconds: z.number().int().nullable(),
    ignoreRobots: z.boolean(),
    health: z
      .enum(SOURCE_HEALTH)
      .describe('ok, failing (see lastError), silent (nothing new for too long), paused, new'),
    nextFetchAt: timestamp.nullable(),
    lastFetchAt: timestamp.nullable(),
    lastSuccessAt: timestamp.nullable(),
    lastNewItemAt: timestamp.nullable(),
    consecutiveErrors: z.number().int(),
    lastError: z
      .object({ code: z.string().nullable(), message: z.string(), at: timestamp.nullable() })
      .nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Source' });

const sourceFields = {
  name: z.string().trim().min(1).max(200),
  kind: z.enum(SOURCE_KINDS),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
  platform: z.string().trim().min(1).max(100).nullable().optional(),
  tier: z.enum(MEDIA_TIERS).nullable().optional(),
  region: z.string().trim().min(1).max(200).nullable().optional(),
  intervalSeconds: z
    .number()
    .int()
    .min(30)
    .max(7 * 86_400)
    .optional(),
  enabled: z.boolean().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  timeZone: z.string().trim().min(1).max(64).nullable().optional().describe('IANA zone for zone-less times'),
  expectedPeriodSeconds: z
    .number()
    .int()
    .min(60)
    .max(90 * 86_400)
    .nullable()
    .optional()
    .describe('How often the source normally has something new; silent after twice this'),
  minIntervalSeconds: z
    .number()
    .int()
    .min(30)
    .max(7 * 86_400)
    .nullable()
    .optional(),
  maxIntervalSeconds: z
    .number()
    .int()
    .min(30)
    .max(7 * 86_400)
    .nullable()
    .optional(),
  ignoreRobots: z
    .boolean()
    .optional()
    .describe('Fetch even where robots.txt disallows (administrators only)'),
};

/** POST /sources. */
export const createSourceBody = z.strictObject({
  unitId: z.string().min(1).optional().describe("Defaults to the caller's unit"),
  ...sourceFields,
});

/** PATCH /sources/:id (a source stays in its unit). */
export const updateSourceBody = z.strictObject(sourceFields).partial();

/** GET /sources. */
export const sourceListQuery = pageQuery.extend({
  kind: z.enum(SOURCE_KINDS).optional(),
  enabled: flagParam.optional(),
});

/** A page of sources. */
export const sourcePage = pageOf(source);

/** POST /sources/test: a source definition to fetch once without saving it. */
export const testSourceBody = z.strictObject({
  unitId: z.string().min(1).optional(),
  ...sourceFields,
});

/** What a test fetch would collect. */
export const sourcePreview = z
  .object({
    ok: z.boolean(),
    found: z.number().int(),
    items: z.array(
      z.object({
        kind: z.string(),
        title: z.string().nullable(),
        url: z.string().nullable(),
        canonicalUrl: z.string().nullable(),
        externalId: z.string().nullable(),
        author: z.string().nullable(),
        publishedAt: timestamp,
        timeGuessed: z.boolean(),
        language: z.string().nullable(),
        excerpt: z.string(),
        parent: z
          .object({ externalId: z.string().nullable(), canonicalUrl: z.string().nullable() })
          .nullable(),
      }),
    ),
    hotEntries: z.array(z.object({ rank: z.number(), title: z.string(), heat: z.number().nullable() })),
    rejected: z.array(z.object({ reason: z.string(), where: z.string() })),
    httpStatus: z.number().int().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    durationMs: z.number(),
  })
  .meta({ id: 'SourcePreview' });

/** POST /sources/:id/fetch answer: the queued collect job. */
export const fetchQueued = z.object({ jobId: z.string(), duplicate: z.boolean() });

/** A push token, shown once. */
export const ingestTokenResponse = z.object({
  sourceId: z.string(),
  token: z.string().describe('Send as `Authorization: Bearer …` to POST /api/v1/ingest; shown only now'),
});

/** One fetch of a source. */
export const fetchRun = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    startedAt: timestamp,
    finishedAt: timestamp,
    outcome: z.enum(FETCH_OUTCOMES),
    found: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    httpStatus: z.number().int().nullable(),
    durationMs: z.number(),
  })
  .meta({ id: 'FetchRun' });

/** A page of fetch runs. */
export const fetchRunPage = pageOf(fetchRun);

/** A source health event (failing, silent, recovered). */
export const sourceHealthEvent = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    unitId: z.string(),
    state: z.enum(['failing', 'silent', 'recovered']),
    detail: z.string(),
    at: timestamp,
  })
  .meta({ id: 'SourceHealthEvent' });

/** A page of health events. */
export const sourceHealthEventPage = pageOf(sourceHealthEvent);

/** GET /source-health-events. */
export const healthEventQuery = pageQuery.extend({
  sourceId: z.string().min(1).optional(),
  since: timeInput.optional(),
});

/** A key period (重要时段). */
export const keyPeriod = z
  .object({
    id: z.string(),
    unitId: z.string(),
    name: z.string(),
    startsAt: timestamp,
    endsAt: timestamp,
    multiplier: z.number(),
    unitIds: z.array(z.string()),
    sourceIds: z.array(z.string()),
    createdAt: timestamp,
  })
  .meta({ id: 'KeyPeriod' });

const keyPeriodFields = {
  name: z.string().trim().min(1).max(200),
  startsAt: timeInput,
  endsAt: timeInput,
  multiplier: z.number().min(1).max(60).describe('Poll this many times as often while active'),
  unitIds: z.array(z.string().min(1)).max(500).default([]),
  sourceIds: z.array(z.string().min(1)).max(5000).default([]),
};

/** POST /key-periods. */
export const createKeyPeriodBody = z
  .strictObject({ unitId: z.string().min(1).optional(), ...keyPeriodFields })
  .refine((body) => body.endsAt > body.startsAt, {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  });

/** PATCH /key-periods/:id. */
export const updateKeyPeriodBody = z.strictObject(keyPeriodFields).partial();

/** A page of key periods. */
export const keyPeriodPage = pageOf(keyPeriod);

/** A hot-list topic tracked over time. */
export const hotTopic = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    firstSeenAt: timestamp,
    lastSeenAt: timestamp,
    lastRank: z.number().int(),
    peakRank: z.number().int(),
    lastHeat: z.number().nullable(),
    peakHeat: z.number().nullable(),
    sightings: z.number().int(),
  })
  .meta({ id: 'HotTopic' });

/** A page of hot topics. */
export const hotTopicPage = pageOf(hotTopic);

/** GET /hot-topics. */
export const hotTopicQuery = pageQuery.extend({
  sourceId: z.string().min(1).optional(),
  from: timeInput.optional(),
  to: timeInput.optional(),
});

/** The rank-over-time curve of a hot topic. */
export const hotTopicHistory = z.object({
  topic: hotTopic,
  sightings: z.array(z.object({ at: timestamp, rank: z.number().int(), heat: z.number().nullable() })),
});
