/** /api/v1/users: users of units in scope, their roles, passwords and sessions. */
import type { z } from 'zod';
import {
  changePassword,
  createUser,
  notFound,
  requireGrantableRoles,
  requirePermission,
  requireUnitInScope,
  revokeUserSessions,
  verifyPassword,
} from '../../auth/index.js';
import type {
  createUserBody,
  setPasswordBody,
  updateUserBody,
  user,
  userPage,
} from '../../contract/index.js';
import type { User } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { presentUser } from '../presenters.js';
import type { RequestContext } from '../route.js';

type UserView = z.output<typeof user>;

async function visibleUser(ctx: RequestContext, id: string): Promise<User> {
  const found = await ctx.deps.storage.users.get(id, ctx.principal.scope);
  if (!found) throw notFound('user', id);
  return found;
}

/** Users of units in scope. */
export async function listUsers(
  ctx: RequestContext,
  page: { limit: number; cursor?: string | undefined },
): Promise<z.output<typeof userPage>> {
  const result = await ctx.deps.storage.users.list(ctx.principal.scope, page);
  return { items: result.items.map(presentUser), nextCursor: result.nextCursor };
}

/** One user in scope. */
export async function getUser(ctx: RequestContext, id: string): Promise<UserView> {
  return presentUser(await visibleUser(ctx, id));
}

/** A new user in a unit in scope, with roles the caller holds. */
export async function createUserHandler(
  ctx: RequestContext,
  body: z.output<typeof createUserBody>,
): Promise<UserView> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  requireGrantableRoles(ctx.principal, body.roles);
  const created = await createUser(ctx.deps.storage, ctx.deps.clock, ctx.actor, { ...body, unitId });
  return presentUser(created);
}

/** Changes name, roles, unit or the disabled flag; disabling ends the user's sessions. */
export async function updateUser(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof updateUserBody>,
): Promise<UserView> {
  const target = await visibleUser(ctx, id);
  if (body.unitId !== undefined) requireUnitInScope(ctx.principal, body.unitId);
  if (body.roles !== undefined) requireGrantableRoles(ctx.principal, body.roles);
  if (target.id === ctx.principal.user.id && (body.disabled === true || body.roles !== undefined)) {
    throw new AppError('FORBIDDEN', 'you cannot disable yourself or change your own roles', { id });
  }
  const updated = await ctx.deps.storage.users.update(id, body);
  if (body.disabled === true) await ctx.deps.storage.sessions.revokeAllForUser(id, ctx.deps.clock.now());
  await ctx.audit({
    action: 'user.update',
    unitId: updated.unitId,
    targetType: 'user',
    targetId: id,
    detail: { fields: Object.keys(body), ...(body.roles && { roles: body.roles }) },
  });
  return presentUser(updated);
}

/**
 * Sets a password. Anyone may change their own with the current password; `users:write` sets anyone's
 * in scope. Every session of the user ends.
 */
export async function setPassword(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof setPasswordBody>,
): Promise<{ ok: true }> {
  const self = id === ctx.principal.user.id;
  if (self) await requireCurrentPassword(ctx, body.currentPassword);
  else requirePermission(ctx.principal, 'users:write');
  const target = self ? ctx.principal.user : await visibleUser(ctx, id);
  await changePassword(ctx.deps.storage, ctx.deps.clock, ctx.actor, target, body.password);
  return { ok: true };
}

async function requireCurrentPassword(
  ctx: RequestContext,
  currentPassword: string | undefined,
): Promise<void> {
  const stored = await ctx.deps.storage.users.getWithSecretByUsername(ctx.principal.user.username);
  const matches = stored !== null && (await verifyPassword(stored.passwordHash, currentPassword ?? ''));
  if (!matches) {
    throw new AppError('FORBIDDEN', 'changing your own password needs the current password', {
      field: 'currentPassword',
    });
  }
}

/** Ends every session of a user in scope (or the caller's own). */
export async function revokeSessions(ctx: RequestContext, id: string): Promise<{ revoked: number }> {
  const self = id === ctx.principal.user.id;
  if (!self) requirePermission(ctx.principal, 'users:write');
  const target = self ? ctx.principal.user : await visibleUser(ctx, id);
  const revoked = await revokeUserSessions(ctx.deps.storage, ctx.deps.clock, ctx.actor, target);
  return { revoked };
}
