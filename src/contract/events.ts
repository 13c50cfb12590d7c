/** Events (事件): lists, one event with its history, its timeline and its items; merging by hand. */
import { z } from 'zod';
import { EVENT_HISTORY_KINDS, EVENT_STAGES } from '../domain/index.js';
import { flagParam, listOf, pageQuery, timeInput, timestamp } from './common.js';
import { item } from './items.js';

const region = z.object({
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
});

const sentimentMix = z.object({
  positive: z.number().int(),
  neutral: z.number().int(),
  negative: z.number().int(),
});

/** An event: a cluster of items telling one story. */
export const event = z
  .object({
    id: z.string(),
    unitId: z.string(),
    title: z.string(),
    keywords: z.array(z.string()),
    firstItemId: z.string().nullable().describe('The earliest item (首发)'),
    firstPublishedAt: timestamp,
    lastPublishedAt: timestamp,
    itemCount: z.number().int(),
    repostCount: z.number().int().describe('Items that repost or copy another item of the event'),
    sourceCount: z.number().int(),
    platforms: z.array(z.string()),
    regions: z.array(region),
    sentiment: sentimentMix,
    stage: z.enum(EVENT_STAGES).describe('emerging 萌芽 / fermenting 发酵 / peak 高潮 / declining 回落'),
    heat: z.number().nullable().describe('0–100 against the unit’s own history (docs/heat.md)'),
    heatVersion: z.string().nullable(),
    representativeIds: z.array(z.string()).describe('The most central items first, then the most engaged'),
    mergedInto: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Event' });

/** A page of events. */
export const eventPage = z.object({ items: z.array(event), nextCursor: z.string().nullable() });

/** GET /events. */
export const eventListQuery = pageQuery.extend({
  stage: listOf(EVENT_STAGES).optional(),
  from: timeInput.optional().describe('Events with an item at or after this time'),
  to: timeInput.optional().describe('Events that started at or before this time'),
  minHeat: z.coerce.number().min(0).max(100).optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Text in the title or keywords'),
  sort: z.enum(['heat', 'time']).default('heat'),
  includeMerged: flagParam.default(false),
});

/** One entry of an event's history. */
export const eventHistoryEntry = z.object({
  kind: z.enum(EVENT_HISTORY_KINDS),
  otherEventId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  at: timestamp,
});

/** GET /events/:id: the event, its history and its repost tree. */
export const eventDetail = z
  .object({
    event,
    history: z.array(eventHistoryEntry),
    repostTree: z
      .array(z.object({ itemId: z.string(), parentId: z.string().nullable() }))
      .describe('Parent links within the event (null for originals)'),
  })
  .meta({ id: 'EventDetail' });

/** GET /events/:id/timeline. */
export const eventTimelineQuery = z.object({ bucket: z.enum(['hour', 'day']).default('hour') });

/** An event's timeline. */
export const eventTimeline = z.object({
  bucket: z.enum(['hour', 'day']),
  buckets: z.array(z.object({ at: timestamp, items: z.number().int(), sentiment: sentimentMix })),
});

/** A page of an event's items, newest first. */
export const eventItemPage = z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** POST /events/:id/merge: merge this event into another; the other keeps its id. */
export const mergeEventBody = z.strictObject({ into: z.string().min(1).max(64) });

/** The answer of a merge. */
export const mergeEventResponse = z.object({ moved: z.number().int(), event });
