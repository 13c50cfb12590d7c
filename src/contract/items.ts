/** Items: collected posts, and the search over them. */
import { z } from 'zod';
import { EMOTIONS, ITEM_KINDS, SENTIMENTS } from '../domain/index.js';
import { flagParam, listOf, listParam, MAX_API_PAGE, pageOf, timeInput, timestamp } from './common.js';

/** A region of an item. */
const region = z.object({
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
});

/** An item with its analysis. */
export const item = z
  .object({
    id: z.string(),
    unitId: z.string(),
    sourceId: z.string().nullable(),
    kind: z.enum(ITEM_KINDS),
    platform: z.string().nullable(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    content: z.string(),
    author: z.string().nullable(),
    parentId: z.string().nullable(),
    sourceRegion: z.string().nullable(),
    ipRegion: z.string().nullable(),
    engagement: z.object({
      likes: z.number(),
      comments: z.number(),
      reposts: z.number(),
      views: z.number(),
    }),
    language: z.string().nullable(),
    sentiment: z.enum(SENTIMENTS).nullable(),
    sentimentScore: z.number().nullable(),
    categories: z.array(z.string()),
    regions: z.array(region),
    appeal: z.boolean().nullable(),
    keywords: z.array(z.string()),
    simhash: z.string().nullable(),
    publishedAt: timestamp,
    collectedAt: timestamp,
    analysedAt: timestamp.nullable(),
    externalId: z.string().nullable().describe("The platform's own id"),
    canonicalUrl: z.string().nullable(),
    replyToId: z.string().nullable().describe('The comment this comment replies to'),
    images: z.array(z.string()),
    version: z.number().int().describe('1 as first stored; +1 for every edit found on refetch'),
    emotion: z.enum(EMOTIONS).nullable(),
    emotionScore: z.number().nullable(),
    appealDepartment: z.string().nullable(),
    dupOf: z.string().nullable().describe('The original this item is a near-duplicate (repost, copy) of'),
    updatedAt: timestamp.nullable().describe('When the text last changed'),
  })
  .meta({ id: 'Item' });

/** POST /items/:id/sentiment: a staff correction of the sentiment. */
export const sentimentCorrectionBody = z.strictObject({ label: z.enum(SENTIMENTS) });

/** GET /items: an expression search with filters. Lists accept repeated or comma-separated values. */
export const itemSearchQuery = z.object({
  q: z
    .string()
    .max(2000)
    .optional()
    .describe('Search expression: + AND, | OR, - NOT, "phrase", NEAR/n(a, b)'),
  from: timeInput.optional(),
  to: timeInput.optional(),
  source: listParam.optional().describe('Source ids'),
  kind: listOf(ITEM_KINDS).optional(),
  platform: listParam.optional(),
  sentiment: listOf(SENTIMENTS).optional(),
  category: listParam.optional(),
  province: listParam.optional().describe('Official province names, e.g. 江苏省'),
  appeal: flagParam.optional(),
  language: listParam.optional(),
  originalsOnly: flagParam.optional(),
  distinctOnly: flagParam
    .optional()
    .describe('true: leave out reposts and copies of another item (near duplicates); false: only those'),
  unitId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe(
      'Only this unit and the units below it (within the caller’s scope); every unit in scope when absent',
    ),
  sort: z.enum(['time', 'relevance']).default('time'),
  limit: z.coerce.number().int().min(1).max(MAX_API_PAGE).default(50),
  cursor: z.string().min(1).max(500).optional(),
});

/** A page of items. */
export const itemPage = pageOf(item);
