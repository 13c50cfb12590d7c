/**
 * /api/v1/channels: where alerts go. Configuration is validated by the channel registry and shown with
 * secrets masked; "test" sends a test alert through the channel now and answers the outcome.
 */
import type { z } from 'zod';
import { notFound, requireUnitInScope } from '../../auth/index.js';
import type { ChannelRegistry } from '../../alerts/channels/registry.js';
import { testAlert } from '../../alerts/channels/test-alert.js';
import type {
  channel,
  channelList,
  channelTestResult,
  createChannelBody,
  updateChannelBody,
} from '../../contract/index.js';
import { AppError, isAppError } from '../../platform/errors.js';
import type { Channel } from '../../storage/repositories.js';
import type { RequestContext } from '../route.js';

type ChannelView = z.output<typeof channel>;

/** The registry, or DELIVERY_UNAVAILABLE when this process was started without alert delivery. */
export function registryOf(ctx: RequestContext): ChannelRegistry {
  const registry = ctx.deps.channelRegistry;
  if (!registry)
    throw new AppError('DELIVERY_UNAVAILABLE', 'alert delivery is not configured in this process');
  return registry;
}

/** A channel as the API shows it. */
function present(registry: ChannelRegistry, found: Channel): ChannelView {
  return {
    ...found,
    config: registry.mask(found.kind, found.config),
    createdAt: new Date(found.createdAt).toISOString(),
    updatedAt: new Date(found.updatedAt).toISOString(),
  };
}

async function visibleChannel(ctx: RequestContext, id: string): Promise<Channel> {
  const found = await ctx.deps.storage.channels.get(id, ctx.principal.scope);
  if (!found) throw notFound('channel', id);
  return found;
}

/** Channels of units in scope. */
export async function listChannels(ctx: RequestContext): Promise<z.output<typeof channelList>> {
  const registry = registryOf(ctx);
  const found = await ctx.deps.storage.channels.list(ctx.principal.scope);
  return { items: found.map((entry) => present(registry, entry)) };
}

/** One channel. */
export async function getChannel(ctx: RequestContext, id: string): Promise<ChannelView> {
  return present(registryOf(ctx), await visibleChannel(ctx, id));
}

/** A new channel of a unit in scope. */
export async function createChannel(
  ctx: RequestContext,
  body: z.output<typeof createChannelBody>,
): Promise<ChannelView> {
  const registry = registryOf(ctx);
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  const config = registry.validate(body.kind, body.config);
  const created = await ctx.deps.storage.channels.create({ ...body, unitId, config });
  await ctx.audit({
    action: 'channel.create',
    unitId,
    targetType: 'channel',
    targetId: created.id,
    detail: { kind: created.kind, name: created.name },
  });
  return present(registry, created);
}

/** Changes a channel; masked secrets sent back keep their stored values. */
export async function updateChannel(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof updateChannelBody>,
): Promise<ChannelView> {
  const registry = registryOf(ctx);
  const existing = await visibleChannel(ctx, id);
  const config =
    body.config === undefined
      ? undefined
      : registry.validate(existing.kind, registry.merge(existing.kind, body.config, existing.config));
  const updated = await ctx.deps.storage.channels.update(id, { ...body, ...(config && { config }) });
  await ctx.audit({
    action: 'channel.update',
    unitId: existing.unitId,
    targetType: 'channel',
    targetId: id,
    detail: { fields: Object.keys(body) },
  });
  return present(registry, updated);
}

/** Deletes a channel (its deliveries go with it). */
export async function deleteChannel(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const existing = await visibleChannel(ctx, id);
  await ctx.deps.storage.channels.delete(id);
  await ctx.audit({
    action: 'channel.delete',
    unitId: existing.unitId,
    targetType: 'channel',
    targetId: id,
    detail: { kind: existing.kind, name: existing.name },
  });
  return { ok: true };
}

/** Sends a test alert through the channel now (e-mail goes to the channel's fixed list). */
export async function testChannel(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof channelTestResult>> {
  const registry = registryOf(ctx);
  const found = await visibleChannel(ctx, id);
  const unit = await ctx.deps.storage.units.get(found.unitId);
  const now = ctx.deps.clock.now();
  const alert = testAlert({ unitId: found.unitId, issuer: unit?.name ?? '', now });
  let result: z.output<typeof channelTestResult> = { ok: true, error: null, errorCode: null };
  try {
    await registry.send(found.kind, found.config, {
      alert,
      deliveryId: `${alert.id}-${found.id}`,
      recipient: null,
      now,
      timeZone: ctx.deps.alertTimeZone ?? 'Asia/Shanghai',
    });
  } catch (error) {
    result = {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      errorCode: isAppError(error) ? error.code : 'DELIVERY_FAILED',
    };
  }
  await ctx.audit({
    action: 'channel.test',
    unitId: found.unitId,
    targetType: 'channel',
    targetId: id,
    detail: { ok: result.ok, errorCode: result.errorCode },
  });
  return result;
}
