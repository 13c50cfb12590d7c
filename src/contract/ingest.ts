/**
 * The push API (POST /api/v1/ingest): external crawlers send items with a per-source token and get an
 * answer per item. The body is a JSON array (or `{ items: [...] }`) or NDJSON; each item is checked on
 * its own, so one bad item does not refuse its neighbours.
 */
import { z } from 'zod';
import { ITEM_KINDS } from '../domain/index.js';

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().trim().min(1).max(max);

/** One pushed item. `publishedAt` is ISO 8601 or epoch seconds/milliseconds; `publishedText` any printed form. */
export const ingestItem = z
  .strictObject({
    id: text(200).optional().describe("The platform's own id of the post (dedup key)"),
    kind: z.enum(ITEM_KINDS).default('post'),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    title: z.string().max(1000).optional(),
    content: z.string().max(200_000),
    author: text(200).optional(),
    publishedAt: z.union([z.iso.datetime({ offset: true, local: true }), z.number().positive()]).optional(),
    publishedText: text(100).optional(),
    platform: text(100).optional(),
    parentId: text(200).optional().describe('Platform id of the post this comments on or reposts'),
    parentUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    replyToId: text(200).optional().describe('Platform id of the comment this replies to'),
    likes: count.optional(),
    comments: count.optional(),
    reposts: count.optional(),
    views: count.optional(),
    ipRegion: text(50).optional(),
    images: z.array(z.url()).max(50).optional(),
    language: text(10).optional(),
  })
  .meta({ id: 'IngestItem' });

/** The answer for one pushed item, in the order sent. */
export const ingestResult = z.object({
  index: z.number().int().describe('Position in the request (0-based)'),
  status: z.enum(['accepted', 'updated', 'duplicate', 'rejected']),
  id: z.string().nullable().describe('The stored item it became or matched'),
  reason: z.string().nullable().describe('Why it was rejected'),
});

/** POST /ingest answer. */
export const ingestResponse = z
  .object({
    sourceId: z.string(),
    accepted: z.number().int(),
    updated: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
    results: z.array(ingestResult),
  })
  .meta({ id: 'IngestResponse' });
