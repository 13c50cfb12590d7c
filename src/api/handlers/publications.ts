/** /api/v1/publications: official releases (信息发布) of units in scope through review and sign-off. */
import type { z } from 'zod';
import { notFound, requireUnitInScope } from '../../auth/index.js';
import type { CaseActor, PublicationDeps } from '../../cases/publications/deps.js';
import { diffText } from '../../cases/publications/diff.js';
import {
  checkPublication,
  createPublication,
  editPublication,
  transitionPublication,
  type TransitionInput,
} from '../../cases/publications/service.js';
import type * as c from '../../contract/index.js';
import { DEFAULT_SECRET_TERMS, type PublicationAction } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import type { RequestContext } from '../route.js';
import { presentPublication, presentPublicationVersion, presentTimeline } from './publications-present.js';

type PublicationView = z.output<typeof c.publication>;

/** The caller as the case services see it. */
export function caseActor(ctx: RequestContext): CaseActor {
  return { userId: ctx.actor.userId, ip: ctx.actor.ip, unitIds: ctx.principal.scope.unitIds };
}

function deps(ctx: RequestContext): PublicationDeps {
  return {
    storage: ctx.deps.storage,
    clock: ctx.deps.clock,
    ...(ctx.deps.confidentialTexts && { confidentialTexts: ctx.deps.confidentialTexts }),
  };
}

async function visible(ctx: RequestContext, id: string) {
  const found = await ctx.deps.storage.publications.get(id, ctx.principal.scope);
  if (!found) throw notFound('publication', id);
  return found;
}

/** Publications in scope with filters, newest first, and counts per state. */
export async function listPublications(
  ctx: RequestContext,
  query: z.output<typeof c.publicationListQuery>,
): Promise<z.output<typeof c.publicationPage>> {
  const filter = {
    ...(query.incidentId !== undefined && { incidentId: query.incidentId }),
    ...(query.q !== undefined && { q: query.q }),
    ...(query.from !== undefined && { from: query.from }),
    ...(query.to !== undefined && { to: query.to }),
  };
  const scope = ctx.principal.scope;
  const [page, counts] = await Promise.all([
    ctx.deps.storage.publications.list(
      scope,
      { ...filter, ...(query.state && { states: query.state }) },
      { limit: query.limit, cursor: query.cursor ?? null },
    ),
    ctx.deps.storage.publications.countByState(scope, filter),
  ]);
  return { items: page.items.map(presentPublication), nextCursor: page.nextCursor, counts };
}

/** One publication. */
export async function getPublication(ctx: RequestContext, id: string): Promise<PublicationView> {
  return presentPublication(await visible(ctx, id));
}

/** A new idea or draft of a unit in scope (the caller's unit unless named). */
export async function createPublicationHandler(
  ctx: RequestContext,
  body: z.output<typeof c.createPublicationBody>,
): Promise<PublicationView> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  const created = await createPublication(deps(ctx), caseActor(ctx), {
    unitId,
    title: body.title,
    body: body.body,
    channel: body.channel ?? null,
    incidentId: body.incidentId ?? null,
    asDraft: body.asDraft,
    note: body.note ?? null,
  });
  return presentPublication(created);
}

/** Edits an idea or draft (a new version when the text changes). */
export async function updatePublication(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.updatePublicationBody>,
): Promise<PublicationView> {
  return presentPublication(await editPublication(deps(ctx), caseActor(ctx), id, body));
}

/** Moves a publication through its workflow. */
export async function transition(
  ctx: RequestContext,
  id: string,
  action: Exclude<PublicationAction, 'edit'>,
  input: TransitionInput,
): Promise<PublicationView> {
  return presentPublication(await transitionPublication(deps(ctx), caseActor(ctx), id, action, input));
}

/** Every version of the text, oldest first. */
export async function listVersions(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof c.publicationVersionList>> {
  await visible(ctx, id);
  const versions = await ctx.deps.storage.publications.versions(id);
  return { items: versions.map(presentPublicationVersion) };
}

/** The difference between two versions. */
export async function diffVersions(
  ctx: RequestContext,
  id: string,
  query: z.output<typeof c.publicationDiffQuery>,
): Promise<z.output<typeof c.publicationDiff>> {
  await visible(ctx, id);
  const versions = await ctx.deps.storage.publications.versions(id);
  const pick = (n: number) => {
    const found = versions.find((v) => v.version === n);
    if (!found) throw new AppError('NOT_FOUND', `publication ${id} has no version ${n}`, { id, version: n });
    return found;
  };
  const before = pick(query.from);
  const after = pick(query.to);
  return {
    from: before.version,
    to: after.version,
    title: { before: before.title, after: after.title, changed: before.title !== after.title },
    parts: diffText(before.body, after.body),
  };
}

/** The confidentiality check of the current text. */
export async function checkHandler(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof c.confidentialityReport>> {
  const { publication, hits } = await checkPublication(deps(ctx), caseActor(ctx), id);
  return { version: publication.version, clean: hits.length === 0, hits };
}

/** The publication's timeline. */
export async function publicationTimeline(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof c.publicationTimelineList>> {
  await visible(ctx, id);
  return { items: (await ctx.deps.storage.caseTimeline.list('publication', id)).map(presentTimeline) };
}

/** A unit's secret terms (the caller's unit unless named). */
export async function getSettings(
  ctx: RequestContext,
  query: z.output<typeof c.publicationSettingsQuery>,
): Promise<z.output<typeof c.publicationSettings>> {
  const unitId = query.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  const settings = await ctx.deps.storage.publications.getSettings(unitId);
  return {
    ...settings,
    defaultSecretTerms: [...DEFAULT_SECRET_TERMS],
    updatedAt: settings.updatedAt === null ? null : new Date(settings.updatedAt).toISOString(),
  };
}

/** Replaces a unit's secret terms. */
export async function putSettings(
  ctx: RequestContext,
  body: z.output<typeof c.updatePublicationSettingsBody>,
): Promise<z.output<typeof c.publicationSettings>> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  const saved = await ctx.deps.storage.publications.setSettings(
    unitId,
    body.secretTerms,
    ctx.deps.clock.now(),
  );
  await ctx.audit({
    action: 'publication-settings.update',
    unitId,
    targetType: 'unit',
    targetId: unitId,
    detail: { secretTerms: saved.secretTerms.length },
  });
  return getSettings(ctx, { unitId });
}
