/** Monitoring schemes (监测方案). */
import { z } from 'zod';
import { SCHEME_TARGETS } from '../domain/index.js';
import { flagParam, pageOf, pageQuery, timestamp } from './common.js';

const wordList = z.array(z.string().trim().min(1).max(100)).max(500);

/** The structured form: 地域词, 主体词, 人物词, 事件词, 排除词. */
export const schemeWords = z.object({
  regions: wordList,
  subjects: wordList,
  people: wordList,
  events: wordList,
  excludes: wordList,
});

/** A scheme. */
export const scheme = z
  .object({
    id: z.string(),
    unitId: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    expression: z.string(),
    words: schemeWords.nullable(),
    target: z.enum(SCHEME_TARGETS),
    enabled: z.boolean(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Scheme' });

const schemeFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullable().optional(),
  expression: z.string().trim().min(1).max(10_000),
  words: schemeWords.nullable().optional(),
  target: z.enum(SCHEME_TARGETS).optional(),
  enabled: z.boolean().optional(),
};

/** POST /schemes. */
export const createSchemeBody = z.strictObject({
  unitId: z.string().min(1).optional().describe("Defaults to the caller's unit"),
  ...schemeFields,
});

/** PATCH /schemes/:id (a scheme stays in its unit). */
export const updateSchemeBody = z.strictObject(schemeFields).partial();

/** GET /schemes. */
export const schemeListQuery = pageQuery.extend({ enabled: flagParam.optional() });

/** A page of schemes. */
export const schemePage = pageOf(scheme);
