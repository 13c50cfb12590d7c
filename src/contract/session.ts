/** Logging in and out of the console, and who is logged in. */
import { z } from 'zod';
import { timestamp } from './common.js';
import { user } from './users.js';

/** POST /session. */
export const loginBody = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1024),
});

/** The current session: the user, the CSRF token cookie writes must send, and when it ends. */
export const sessionResponse = z
  .object({
    user,
    permissions: z.array(z.string()),
    csrfToken: z.string().nullable().describe('Send as header x-csrf-token on cookie-authenticated writes'),
    expiresAt: timestamp.nullable(),
  })
  .meta({ id: 'Session' });
