/** Users, their roles and passwords. */
import { z } from 'zod';
import { ROLES } from '../domain/index.js';
import { pageOf, pageQuery, timestamp } from './common.js';

/** A user (never with a password hash). */
export const user = z
  .object({
    id: z.string(),
    unitId: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    disabled: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
    lastLoginAt: timestamp.nullable(),
  })
  .meta({ id: 'User' });

const password = z.string().min(1).max(1024).describe('At least 10 characters');
const displayName = z.string().trim().min(1).max(200);

/** POST /users. */
export const createUserBody = z.strictObject({
  unitId: z.string().min(1).optional().describe("Defaults to the caller's unit"),
  username: z.string().trim().min(1).max(64).regex(/^\S+$/, 'no spaces'),
  displayName: displayName.optional(),
  password,
  roles: z.array(z.enum(ROLES)).default(['viewer']),
});

/** PATCH /users/:id. */
export const updateUserBody = z.strictObject({
  displayName: displayName.optional(),
  roles: z.array(z.enum(ROLES)).optional(),
  disabled: z.boolean().optional(),
  unitId: z.string().min(1).optional(),
});

/** POST /users/:id/password. Changing one's own password needs the current one. */
export const setPasswordBody = z.strictObject({
  password,
  currentPassword: z.string().max(1024).optional(),
});

/** GET /users. */
export const userListQuery = pageQuery;

/** A page of users. */
export const userPage = pageOf(user);

/** POST /users/:id/sessions/revoke. */
export const revokeSessionsResponse = z.object({ revoked: z.number().int() });
