/**
 * The dashboard overview (总览) in one answer: item figures, volume, platforms, provinces, categories,
 * keywords, top events, alerts and open cases of a period; and the display tokens of the big screen (大屏).
 */
import { z } from 'zod';
import { ALERT_LEVELS, ALERT_STATUSES, EVENT_STAGES } from '../domain/index.js';
import { timeInput, timestamp } from './common.js';

/** The bucket sizes of the overview's volume series. */
export const OVERVIEW_BUCKETS = ['hour', 'day'] as const;

/** GET /stats/overview and /display/overview: a period, an optional unit (with the units below) and a bucket. */
export const overviewQuery = z.object({
  from: timeInput,
  to: timeInput,
  unitId: z.string().min(1).max(64).optional().describe('Every unit in scope when absent'),
  bucket: z.enum(OVERVIEW_BUCKETS).default('hour'),
});

const namedCount = z.object({
  name: z.string(),
  count: z.number().int(),
  negative: z.number().int().optional(),
});

const caseBrief = z.object({
  id: z.string(),
  title: z.string(),
  state: z.string(),
  openedAt: timestamp,
  dueAt: timestamp.nullable(),
  overdue: z.boolean(),
});

const caseSection = z
  .object({
    inProgress: z.number().int(),
    overdue: z.number().int(),
    list: z.array(caseBrief),
  })
  .nullable()
  .describe('null when the caller may not read these cases');

/** The answer of GET /stats/overview. */
export const overview = z
  .object({
    from: timestamp,
    to: timestamp,
    unitId: z.string().nullable(),
    bucket: z.enum(OVERVIEW_BUCKETS),
    totals: z.object({
      total: z.number().int(),
      positive: z.number().int(),
      neutral: z.number().int(),
      negative: z.number().int(),
      unlabelled: z.number().int(),
    }),
    volume: z.array(z.object({ from: timestamp, total: z.number().int(), negative: z.number().int() })),
    platforms: z.array(namedCount),
    provinces: z.array(namedCount),
    categories: z.array(namedCount),
    keywords: z.object({
      items: z.array(namedCount),
      itemsCounted: z.number().int(),
      truncated: z.boolean(),
    }),
    events: z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          heat: z.number().nullable(),
          stage: z.enum(EVENT_STAGES),
          itemsInPeriod: z.number().int(),
          negativeInPeriod: z.number().int(),
        }),
      )
      .nullable()
      .describe('null when the caller may not read events'),
    alerts: z
      .object({
        raised: z.number().int(),
        byLevel: z.record(z.enum(ALERT_LEVELS), z.number().int()),
        list: z.array(
          z.object({
            id: z.string(),
            level: z.enum(ALERT_LEVELS),
            title: z.string(),
            raisedAt: timestamp,
            status: z.enum(ALERT_STATUSES),
          }),
        ),
      })
      .nullable()
      .describe('null when the caller may not read alerts'),
    incidents: caseSection,
    appeals: caseSection,
  })
  .meta({ id: 'Overview' });

/** POST /display-tokens: a read-only token for a wall screen. */
export const createDisplayTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresAt: timeInput.nullable().optional().describe('One year from now when absent'),
});

/** POST /display-tokens: the secret is shown in this answer only. */
export const createdDisplayToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  expiresAt: timestamp,
  secret: z.string(),
  screenPath: z.string().describe('The big-screen path carrying the token'),
});
