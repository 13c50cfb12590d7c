/** /api/v1/sources: sources of units in scope. */
import type { z } from 'zod';
import { notFound, requireUnitInScope } from '../../auth/index.js';
import type {
  createSourceBody,
  fetchQueued,
  fetchRunPage,
  ingestTokenResponse,
  pageQuery,
  source,
  sourceListQuery,
  sourcePage,
  sourcePreview,
  testSourceBody,
  updateSourceBody,
} from '../../contract/index.js';
import { draftSource, type Source } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { newSecret } from '../../platform/ids.js';
import { sha256Hex } from '../../platform/sha256.js';
import type { SourcePreview } from '../../pipeline/collect/preview.js';
import { presentFetchRun, presentSource } from '../presenters.js';
import type { RequestContext } from '../route.js';

type SourceView = z.output<typeof source>;

async function visibleSource(ctx: RequestContext, id: string): Promise<Source> {
  const found = await ctx.deps.storage.sources.get(id, ctx.principal.scope);
  if (!found) throw notFound('source', id);
  return found;
}

/** Sources in scope, filtered by kind and enabled. */
export async function listSources(
  ctx: RequestContext,
  query: z.output<typeof sourceListQuery>,
): Promise<z.output<typeof sourcePage>> {
  const page = await ctx.deps.storage.sources.list(
    ctx.principal.scope,
    {
      ...(query.kind && { kind: query.kind }),
      ...(query.enabled !== undefined && { enabled: query.enabled }),
    },
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  return { items: page.items.map(presentSource), nextCursor: page.nextCursor };
}

/** One source in scope. */
export async function getSource(ctx: RequestContext, id: string): Promise<SourceView> {
  return presentSource(await visibleSource(ctx, id));
}

/** A new source of a unit in scope (the caller's own by default). */
export async function createSource(
  ctx: RequestContext,
  body: z.output<typeof createSourceBody>,
): Promise<SourceView> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  checkSourceFields(ctx, body.kind, body);
  const created = await ctx.deps.storage.sources.create({ ...body, unitId });
  await ctx.audit({
    action: 'source.create',
    unitId,
    targetType: 'source',
    targetId: created.id,
    detail: { name: created.name, kind: created.kind },
  });
  return presentSource(created);
}

/** Changes a source in scope. */
export async function updateSource(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof updateSourceBody>,
): Promise<SourceView> {
  const existing = await visibleSource(ctx, id);
  checkSourceFields(ctx, body.kind ?? existing.kind, {
    ...body,
    config: body.config ?? (body.kind !== undefined ? existing.config : undefined),
  });
  const updated = await ctx.deps.storage.sources.update(id, body);
  await ctx.audit({
    action: 'source.update',
    unitId: existing.unitId,
    targetType: 'source',
    targetId: id,
    detail: { fields: Object.keys(body) },
  });
  return presentSource(updated);
}

/** Deletes a source in scope. */
export async function deleteSource(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const existing = await visibleSource(ctx, id);
  await ctx.deps.storage.sources.delete(id);
  await ctx.audit({
    action: 'source.delete',
    unitId: existing.unitId,
    targetType: 'source',
    targetId: id,
    detail: { name: existing.name },
  });
  return { ok: true };
}

/**
 * Checks what the schema cannot: the config against the kind's own schema, a known time zone, sane
 * adaptive bounds, and that only administrators switch off robots.txt.
 */
function checkSourceFields(
  ctx: RequestContext,
  kind: Source['kind'],
  fields: {
    config?: Record<string, unknown> | undefined;
    timeZone?: string | null | undefined;
    minIntervalSeconds?: number | null | undefined;
    maxIntervalSeconds?: number | null | undefined;
    ignoreRobots?: boolean | undefined;
  },
): void {
  if (fields.config !== undefined) ctx.deps.collection.validateConfig(kind, fields.config);
  if (fields.timeZone && !isTimeZone(fields.timeZone)) {
    throw new AppError('VALIDATION_FAILED', `timeZone: unknown IANA time zone "${fields.timeZone}"`, {
      field: 'timeZone',
    });
  }
  const { minIntervalSeconds: min, maxIntervalSeconds: max } = fields;
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    throw new AppError('VALIDATION_FAILED', 'minIntervalSeconds must not exceed maxIntervalSeconds', {
      field: 'minIntervalSeconds',
    });
  }
  if (fields.ignoreRobots === true && !ctx.principal.permissions.has('sources:admin')) {
    throw new AppError('FORBIDDEN', 'only an administrator may make a source ignore robots.txt', {
      permission: 'sources:admin',
    });
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The preview as the API shows it. */
function presentPreview(preview: SourcePreview): z.output<typeof sourcePreview> {
  return {
    ...preview,
    items: preview.items.map((item) => ({ ...item, publishedAt: new Date(item.publishedAt).toISOString() })),
  };
}

/** Fetches a source definition once and shows what it would collect; nothing is saved. */
export async function testNewSource(
  ctx: RequestContext,
  body: z.output<typeof testSourceBody>,
): Promise<z.output<typeof sourcePreview>> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  checkSourceFields(ctx, body.kind, body);
  const { unitId: _unit, enabled: _enabled, ...fields } = body;
  const draft = draftSource({ ...fields, unitId }, ctx.deps.clock.now());

  return presentPreview(await ctx.deps.collection.preview(draft));
}

/** Fetches a saved source once and shows what it would collect, without storing or changing its state. */
export async function testSource(ctx: RequestContext, id: string): Promise<z.output<typeof sourcePreview>> {
  return presentPreview(await ctx.deps.collection.preview(await visibleSource(ctx, id)));
}

/** Queues a fetch of the source now (outside its schedule). */
export async function fetchSourceNow(ctx: RequestContext, id: string): Promise<z.output<typeof fetchQueued>> {
  const found = await visibleSource(ctx, id);
  if (found.kind === 'import' || found.kind === 'push') {
    throw new AppError(
      'VALIDATION_FAILED',
      `a ${found.kind} source is not fetched: its items arrive from outside`,
    );
  }
  const queued = await ctx.deps.collection.fetchNow(id);
  await ctx.audit({
    action: 'source.fetch',
    unitId: found.unitId,
    targetType: 'source',
    targetId: id,
    detail: {},
  });
  return queued;
}

/** Pauses or resumes a source. */
export async function setSourceEnabled(
  ctx: RequestContext,
  id: string,
  enabled: boolean,
): Promise<SourceView> {
  const existing = await visibleSource(ctx, id);
  const updated = await ctx.deps.storage.sources.update(id, { enabled });
  if (enabled) await ctx.deps.storage.sources.setNextFetch(id, null);
  await ctx.audit({
    action: enabled ? 'source.resume' : 'source.pause',
    unitId: existing.unitId,
    targetType: 'source',
    targetId: id,
    detail: {},
  });
  return presentSource(updated);
}

/** The fetch history of a source, newest first. */
export async function listFetchRuns(
  ctx: RequestContext,
  id: string,
  query: z.output<typeof pageQuery>,
): Promise<z.output<typeof fetchRunPage>> {
  await visibleSource(ctx, id);
  const page = await ctx.deps.storage.fetchRuns.listBySource(id, {
    limit: query.limit,
    cursor: query.cursor ?? null,
  });
  return { items: page.items.map(presentFetchRun), nextCursor: page.nextCursor };
}

/** The prefix of push tokens, so they are recognisable in logs and secret scanners. */
export const INGEST_TOKEN_PREFIX = 'fxi_';

/** Creates (or replaces) the push token of a push source; the token is shown only in this answer. */
export async function createIngestToken(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof ingestTokenResponse>> {
  const found = await visibleSource(ctx, id);
  if (found.kind !== 'push') {
    throw new AppError(
      'VALIDATION_FAILED',
      `only push sources take pushed items (this one is ${found.kind})`,
    );
  }
  const token = `${INGEST_TOKEN_PREFIX}${newSecret()}`;
  await ctx.deps.storage.sources.setIngestToken(id, sha256Hex(token));
  await ctx.audit({
    action: 'source.ingest-token',
    unitId: found.unitId,
    targetType: 'source',
    targetId: id,
    detail: {},
  });
  return { sourceId: id, token };
}

/** Revokes the push token of a source. */
export async function revokeIngestToken(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const found = await visibleSource(ctx, id);
  await ctx.deps.storage.sources.setIngestToken(id, null);
  await ctx.audit({
    action: 'source.ingest-token-revoke',
    unitId: found.unitId,
    targetType: 'source',
    targetId: id,
    detail: {},
  });
  return { ok: true };
}
