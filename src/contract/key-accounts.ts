/**
 * Key accounts (重点账号) and the media-tier table (issue 5 §2): the registry staff edit, and the weights
 * that source authority applies in heat and alert rules.
 */
import { z } from 'zod';
import { MEDIA_TIERS } from '../domain/index.js';
import { pageOf, pageQuery, timestamp } from './common.js';

/** A key account with its effective authority weight (tier weight × account weight). */
export const keyAccount = z
  .object({
    id: z.string(),
    unitId: z.string(),
    platform: z.string().nullable().describe('null: every platform'),
    name: z.string(),
    tier: z.enum(MEDIA_TIERS).nullable(),
    weight: z.number(),
    authority: z.number().describe('Authority of its posts on a source without a tier'),
    note: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'KeyAccount' });

const keyAccountFields = {
  platform: z.string().trim().min(1).max(64).nullable().describe('e.g. weibo, douyin; null: every platform'),
  name: z.string().trim().min(1).max(200).describe('The author name as items carry it'),
  tier: z.enum(MEDIA_TIERS).nullable(),
  weight: z.number().min(0.1).max(10).describe('Multiplies authority; 1 is neutral'),
  note: z.string().trim().max(1000).nullable(),
};

/** POST /key-accounts. */
export const createKeyAccountBody = z.strictObject({
  unitId: z.string().min(1).optional(),
  platform: keyAccountFields.platform.default(null),
  name: keyAccountFields.name,
  tier: keyAccountFields.tier.default(null),
  weight: keyAccountFields.weight.default(1),
  note: keyAccountFields.note.default(null),
});

/** PATCH /key-accounts/:id. */
export const updateKeyAccountBody = z.strictObject(keyAccountFields).partial();

/** GET /key-accounts. */
export const keyAccountListQuery = pageQuery.extend({
  platform: z.string().trim().min(1).max(64).optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Name contains'),
});

/** A page of key accounts. */
export const keyAccountPage = pageOf(keyAccount);

/** One media tier with its Chinese name and authority weight. */
export const mediaTier = z
  .object({ tier: z.enum(MEDIA_TIERS), name: z.string(), weight: z.number() })
  .meta({ id: 'MediaTier' });

/** GET /media-tiers. */
export const mediaTierList = z.object({
  tiers: z.array(mediaTier),
  unknownWeight: z.number().describe('Weight of a source without a tier'),
  keyAccountWeight: z.object({ min: z.number(), max: z.number() }),
});
