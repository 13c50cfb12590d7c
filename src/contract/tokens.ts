/** API tokens (`Authorization: Bearer fx_…`). */
import { z } from 'zod';
import { timeInput, timestamp } from './common.js';

/** A token as listed (the secret is never listed). */
export const apiToken = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    prefix: z.string().describe('First characters of the secret'),
    createdAt: timestamp,
    expiresAt: timestamp.nullable(),
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: 'ApiToken' });

/** GET /tokens: own tokens, or a user's tokens for an administrator. */
export const tokenListQuery = z.object({ userId: z.string().min(1).optional() });

/** GET /tokens. */
export const tokenList = z.object({ items: z.array(apiToken) });

/** POST /tokens. */
export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresAt: timeInput.nullable().optional(),
});

/** POST /tokens: the secret is shown in this answer only. */
export const createdToken = z.object({ token: apiToken, secret: z.string() });
