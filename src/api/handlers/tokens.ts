/** /api/v1/tokens: API tokens of the caller, and of users in scope for administrators. */
import type { z } from 'zod';
import { createToken, notFound, requirePermission, revokeToken } from '../../auth/index.js';
import type { createdToken, createTokenBody, tokenList } from '../../contract/index.js';
import type { User } from '../../domain/index.js';
import { presentToken } from '../presenters.js';
import type { RequestContext } from '../route.js';

/** The owner whose tokens the caller may manage: themselves, or (users:write) a user in scope. */
async function manageableOwner(ctx: RequestContext, userId: string | undefined): Promise<User> {
  if (userId === undefined || userId === ctx.principal.user.id) return ctx.principal.user;
  requirePermission(ctx.principal, 'users:write');
  const owner = await ctx.deps.storage.users.get(userId, ctx.principal.scope);
  if (!owner) throw notFound('user', userId);
  return owner;
}

/** The caller's tokens, or those of `userId`. */
export async function listTokens(
  ctx: RequestContext,
  userId: string | undefined,
): Promise<z.output<typeof tokenList>> {
  const owner = await manageableOwner(ctx, userId);
  const tokens = await ctx.deps.storage.tokens.listByUser(owner.id);
  return { items: tokens.map(presentToken) };
}

/** A new token for the caller; the secret is in this answer only. */
export async function createTokenHandler(
  ctx: RequestContext,
  body: z.output<typeof createTokenBody>,
): Promise<z.output<typeof createdToken>> {
  const created = await createToken(ctx.deps.storage, ctx.deps.clock, ctx.actor, {
    user: ctx.principal.user,
    name: body.name,
    expiresAt: body.expiresAt ?? null,
  });
  return { token: presentToken(created.token), secret: created.secret };
}

/** Revokes a token of the caller, or (users:write) of a user in scope. Other tokens are NOT_FOUND. */
export async function deleteToken(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const token = await ctx.deps.storage.tokens.get(id);
  if (!token) throw notFound('token', id);
  const own = token.userId === ctx.principal.user.id;
  const owner = own ? ctx.principal.user : await ownerInScope(ctx, token.userId);
  if (!owner) throw notFound('token', id);
  await revokeToken(ctx.deps.storage, ctx.deps.clock, ctx.actor, token, owner);
  return { ok: true };
}

async function ownerInScope(ctx: RequestContext, userId: string): Promise<User | null> {
  if (!ctx.principal.permissions.has('users:write')) return null;
  return ctx.deps.storage.users.get(userId, ctx.principal.scope);
}
