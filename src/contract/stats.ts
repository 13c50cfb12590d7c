/** The work-summary statistics (工作总结) over the API: every figure of a unit (and the units below) in a period. */
import { z } from 'zod';
import { bulletinStats, bulletinStatsQuery } from './bulletins.js';
import { timestamp } from './common.js';

/** GET /stats/work-summary: a period and a unit (with the units below it). */
export const workSummaryQuery = bulletinStatsQuery;

/** The answer of GET /stats/work-summary. */
export const workSummaryStats = z
  .object({
    from: timestamp,
    to: timestamp,
    unitId: z.string(),
    incidents: z.object({
      total: z.number().int(),
      byLevel: z.record(z.string(), z.number().int()),
      byVerification: z.record(z.string(), z.number().int()),
    }),
    appeals: z.object({
      received: z.number().int(),
      replied: z.number().int(),
      onTime: z.number().int(),
      replyRate: z.number().nullable(),
      onTimeRate: z.number().nullable(),
    }),
    clues: z.object({
      transferred: z.number().int(),
      filed: z.number().int(),
      filingRate: z.number().nullable(),
    }),
    bulletins: bulletinStats.omit({ from: true, to: true, unitId: true }),
    publications: z.object({ published: z.number().int() }),
  })
  .meta({ id: 'WorkSummaryStats' });
