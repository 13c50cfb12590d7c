/**
 * Display tokens of the big screen (大屏): long-lived, read-only secrets a wall screen carries in its URL.
 * They are kept as API tokens of the administrator who made them (listed by GET /tokens, revoked by
 * DELETE /tokens/:id, both audited) but their secrets start with `fxd_`, not `fx_`: the general Bearer
 * check refuses any secret without `fx_`, so a display token opens nothing except the routes here, which
 * answer only the overview, with read permissions at most.
 */
import type { z } from 'zod';
import { buildPrincipal, recordAudit, type Principal } from '../../auth/index.js';
import type * as c from '../../contract/index.js';
import type { Permission } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { newSecret } from '../../platform/ids.js';
import { sha256Hex } from '../../platform/sha256.js';
import type { ApiDeps } from '../deps.js';
import type { RequestContext } from '../route.js';
import { overviewFor } from './overview.js';

/** Every display token secret starts with this (and never with the API tokens' `fx_`). */
export const DISPLAY_TOKEN_PREFIX = 'fxd_';

/** How long a display token lives unless told otherwise. */
export const DISPLAY_TOKEN_TTL_MS = 365 * 24 * 3_600_000;

/** The most a display token may read, whatever its owner may do. */
export const DISPLAY_PERMISSIONS: readonly Permission[] = [
  'items:read',
  'events:read',
  'alerts:read',
  'incidents:read',
  'appeals:read',
];

const SHOWN_PREFIX_LENGTH = DISPLAY_TOKEN_PREFIX.length + 6;

/** POST /display-tokens: a display token of the caller; the secret is in this answer only. */
export async function createDisplayToken(
  ctx: RequestContext,
  body: z.output<typeof c.createDisplayTokenBody>,
): Promise<z.output<typeof c.createdDisplayToken>> {
  const now = ctx.deps.clock.now();
  const expiresAt = body.expiresAt ?? now + DISPLAY_TOKEN_TTL_MS;
  if (expiresAt <= now) {
    throw new AppError('VALIDATION_FAILED', 'a token must expire in the future', { field: 'expiresAt' });
  }
  const secret = DISPLAY_TOKEN_PREFIX + newSecret(32);
  const token = await ctx.deps.storage.tokens.create({
    userId: ctx.principal.user.id,
    name: `大屏 ${body.name}`,
    tokenHash: sha256Hex(secret),
    prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
    expiresAt,
  });
  await recordAudit(ctx.deps.storage, ctx.deps.clock, ctx.actor, {
    action: 'display_token.create',
    unitId: ctx.principal.user.unitId,
    targetType: 'token',
    targetId: token.id,
    detail: { name: token.name, prefix: token.prefix, expiresAt },
  });
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    expiresAt: new Date(expiresAt).toISOString(),
    secret,
    screenPath: `/screen?token=${encodeURIComponent(secret)}`,
  };
}

function refused(): AppError {
  return new AppError('UNAUTHENTICATED', 'the display token is unknown, expired or revoked', {});
}

/**
 * The read-only caller behind a display token in `Authorization: Bearer fxd_…`: the owner's units, the
 * owner's permissions cut down to {@link DISPLAY_PERMISSIONS}. UNAUTHENTICATED for anything else.
 */
export async function displayPrincipal(deps: ApiDeps, authorization: string | undefined): Promise<Principal> {
  const secret = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (secret === undefined || !secret.startsWith(DISPLAY_TOKEN_PREFIX)) throw refused();
  const now = deps.clock.now();
  const token = await deps.storage.tokens.findActive(sha256Hex(secret), now);
  if (!token?.prefix.startsWith(DISPLAY_TOKEN_PREFIX)) throw refused();
  const owner = await deps.storage.users.get(token.userId);
  if (!owner || owner.disabled) throw refused();
  if (token.lastUsedAt === null || now - token.lastUsedAt >= 60_000) {
    await deps.storage.tokens.touch(token.id, now);
  }
  const principal = await buildPrincipal(deps.storage, owner, { kind: 'token', tokenId: token.id });
  const permissions = new Set(DISPLAY_PERMISSIONS.filter((p) => principal.permissions.has(p)));
  return { ...principal, permissions };
}

/** GET /display/overview: the overview for a display token. */
export async function displayOverview(
  ctx: RequestContext,
  query: z.output<typeof c.overviewQuery>,
): Promise<z.output<typeof c.overview>> {
  const principal = await displayPrincipal(ctx.deps, ctx.request.headers.authorization);
  if (!principal.permissions.has('items:read')) {
    throw new AppError('FORBIDDEN', 'this needs the permission items:read', { permission: 'items:read' });
  }
  return overviewFor(ctx.deps, principal, query);
}
