/** /api/v1/key-accounts and /api/v1/media-tiers: the key-account registry (重点账号) and the tier table. */
import type { z } from 'zod';
import {
  authorityWeight,
  KEY_ACCOUNT_WEIGHT_RANGE,
  mediaTierTable,
  UNKNOWN_TIER_WEIGHT,
} from '../../analysis/authority/index.js';
import { notFound, requireUnitInScope } from '../../auth/index.js';
import type {
  createKeyAccountBody,
  keyAccount,
  keyAccountListQuery,
  keyAccountPage,
  mediaTierList,
  updateKeyAccountBody,
} from '../../contract/index.js';
import type { KeyAccount } from '../../domain/index.js';
import type { RequestContext } from '../route.js';

type KeyAccountView = z.output<typeof keyAccount>;

/** A key account as the API shows it, with its authority on a source without a tier. */
export function presentKeyAccount(account: KeyAccount): KeyAccountView {
  return {
    ...account,
    authority: authorityWeight({ tier: null, keyAccount: account }),
    createdAt: new Date(account.createdAt).toISOString(),
    updatedAt: new Date(account.updatedAt).toISOString(),
  };
}

async function visibleAccount(ctx: RequestContext, id: string): Promise<KeyAccount> {
  const found = await ctx.deps.storage.keyAccounts.get(id, ctx.principal.scope);
  if (!found) throw notFound('key account', id);
  return found;
}

/** Key accounts in scope, oldest first, filtered by platform and name. */
export async function listKeyAccounts(
  ctx: RequestContext,
  query: z.output<typeof keyAccountListQuery>,
): Promise<z.output<typeof keyAccountPage>> {
  const page = await ctx.deps.storage.keyAccounts.list(
    ctx.principal.scope,
    {
      ...(query.platform !== undefined && { platform: query.platform }),
      ...(query.q !== undefined && { q: query.q }),
    },
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  return { items: page.items.map(presentKeyAccount), nextCursor: page.nextCursor };
}

/** One key account. */
export async function getKeyAccount(ctx: RequestContext, id: string): Promise<KeyAccountView> {
  return presentKeyAccount(await visibleAccount(ctx, id));
}

/** A new key account of a unit in scope (the caller's own unless named). */
export async function createKeyAccount(
  ctx: RequestContext,
  body: z.output<typeof createKeyAccountBody>,
): Promise<KeyAccountView> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  const created = await ctx.deps.storage.keyAccounts.create({ ...body, unitId });
  await ctx.audit({
    action: 'key-account.create',
    unitId,
    targetType: 'key-account',
    targetId: created.id,
    detail: { name: created.name, platform: created.platform, tier: created.tier, weight: created.weight },
  });
  return presentKeyAccount(created);
}

/** Changes a key account in scope. */
export async function updateKeyAccount(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof updateKeyAccountBody>,
): Promise<KeyAccountView> {
  const existing = await visibleAccount(ctx, id);
  const updated = await ctx.deps.storage.keyAccounts.update(id, body);
  await ctx.audit({
    action: 'key-account.update',
    unitId: existing.unitId,
    targetType: 'key-account',
    targetId: id,
    detail: { fields: Object.keys(body) },
  });
  return presentKeyAccount(updated);
}

/** Deletes a key account in scope. */
export async function deleteKeyAccount(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const existing = await visibleAccount(ctx, id);
  await ctx.deps.storage.keyAccounts.delete(id);
  await ctx.audit({
    action: 'key-account.delete',
    unitId: existing.unitId,
    targetType: 'key-account',
    targetId: id,
    detail: { name: existing.name, platform: existing.platform },
  });
  return { ok: true };
}

/** The media-tier table with Chinese names and authority weights. */
export async function listMediaTiers(): Promise<z.output<typeof mediaTierList>> {
  return {
    tiers: mediaTierTable(),
    unknownWeight: UNKNOWN_TIER_WEIGHT,
    keyAccountWeight: { ...KEY_ACCOUNT_WEIGHT_RANGE },
  };
}
