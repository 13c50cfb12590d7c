/** /api/v1/bulletins: 舆情信息 and 专报 of units in scope, their submission, adoptions, instructions and scores. */
import type { z } from 'zod';
import { notFound, requireUnitInScope } from '../../auth/index.js';
import type { BulletinDeps } from '../../cases/bulletins/deps.js';
import {
  bulletinDetail,
  recordAdoption,
  recordFeedback,
  recordInstruction,
} from '../../cases/bulletins/records.js';
import {
  cancelBulletin,
  createBulletin,
  editBulletin,
  recallBulletin,
  submitBulletin,
} from '../../cases/bulletins/service.js';
import type * as c from '../../contract/index.js';
import { DEFAULT_BULLETIN_SCORING } from '../../domain/index.js';
import type { RequestContext } from '../route.js';
import { caseActor } from './publications.js';
import {
  presentAdoption,
  presentBulletin,
  presentBulletinDetail,
  presentInstruction,
  presentTimeline,
} from './publications-present.js';

type DetailView = z.output<typeof c.bulletinDetail>;

function deps(ctx: RequestContext): BulletinDeps {
  return {
    storage: ctx.deps.storage,
    clock: ctx.deps.clock,
    ...(ctx.deps.alertTimeZone !== undefined && { timeZone: ctx.deps.alertTimeZone }),
  };
}

async function detail(ctx: RequestContext, id: string): Promise<DetailView> {
  return presentBulletinDetail(await bulletinDetail(deps(ctx), caseActor(ctx), id));
}

/** Bulletins in scope with filters, newest first, and counts per state. */
export async function listBulletins(
  ctx: RequestContext,
  query: z.output<typeof c.bulletinListQuery>,
): Promise<z.output<typeof c.bulletinPage>> {
  const filter = {
    ...(query.kind && { kinds: query.kind }),
    ...(query.eventId !== undefined && { eventId: query.eventId }),
    ...(query.q !== undefined && { q: query.q }),
    ...(query.from !== undefined && { from: query.from }),
    ...(query.to !== undefined && { to: query.to }),
  };
  const scope = ctx.principal.scope;
  const [page, counts] = await Promise.all([
    ctx.deps.storage.bulletins.list(
      scope,
      { ...filter, ...(query.state && { states: query.state }) },
      { limit: query.limit, cursor: query.cursor ?? null },
    ),
    ctx.deps.storage.bulletins.countByState(scope, filter),
  ]);
  return { items: page.items.map(presentBulletin), nextCursor: page.nextCursor, counts };
}

/** One bulletin with its adoptions, instructions and score. */
export function getBulletin(ctx: RequestContext, id: string): Promise<DetailView> {
  return detail(ctx, id);
}

/** A new draft of a unit in scope; without a body, the text is composed from the linked items and events. */
export async function createBulletinHandler(
  ctx: RequestContext,
  body: z.output<typeof c.createBulletinBody>,
): Promise<DetailView> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  const created = await createBulletin(deps(ctx), caseActor(ctx), {
    unitId,
    kind: body.kind,
    title: body.title,
    ...(body.body !== undefined && { body: body.body }),
    itemIds: body.itemIds,
    eventIds: body.eventIds,
  });
  return detail(ctx, created.id);
}

/** Edits a draft. */
export async function updateBulletin(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.updateBulletinBody>,
): Promise<DetailView> {
  await editBulletin(deps(ctx), caseActor(ctx), id, body);
  return detail(ctx, id);
}

/** draft → submitted. */
export async function submit(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.submitBulletinBody>,
): Promise<DetailView> {
  await submitBulletin(deps(ctx), caseActor(ctx), id, body.recipients, body.note);
  return detail(ctx, id);
}

/** submitted → draft, or draft → cancelled. */
export async function recallOrCancel(
  ctx: RequestContext,
  id: string,
  action: 'recall' | 'cancel',
  body: z.output<typeof c.bulletinReasonBody>,
): Promise<DetailView> {
  if (action === 'recall') await recallBulletin(deps(ctx), caseActor(ctx), id, body.reason);
  else await cancelBulletin(deps(ctx), caseActor(ctx), id, body.reason);
  return detail(ctx, id);
}

/** Records an adoption. */
export async function addAdoption(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.createAdoptionBody>,
): Promise<z.output<typeof c.bulletinAdoption>> {
  return presentAdoption(await recordAdoption(deps(ctx), caseActor(ctx), id, body));
}

/** Records an instruction. */
export async function addInstruction(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.createInstructionBody>,
): Promise<z.output<typeof c.bulletinInstruction>> {
  return presentInstruction(await recordInstruction(deps(ctx), caseActor(ctx), id, body));
}

/** Records the feedback on an instruction. */
export async function addFeedback(
  ctx: RequestContext,
  id: string,
  instructionId: string,
  body: z.output<typeof c.instructionFeedbackBody>,
): Promise<z.output<typeof c.bulletinInstruction>> {
  return presentInstruction(
    await recordFeedback(deps(ctx), caseActor(ctx), id, instructionId, {
      text: body.text,
      ...(body.at !== undefined && { at: body.at }),
    }),
  );
}

/** The bulletin's timeline. */
export async function bulletinTimeline(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof c.bulletinTimelineList>> {
  if (!(await ctx.deps.storage.bulletins.get(id, ctx.principal.scope))) throw notFound('bulletin', id);
  return { items: (await ctx.deps.storage.caseTimeline.list('bulletin', id)).map(presentTimeline) };
}

function presentSettings(
  settings: Awaited<ReturnType<RequestContext['deps']['storage']['bulletins']['getSettings']>>,
) {
  return {
    ...settings,
    updatedAt: settings.updatedAt === null ? null : new Date(settings.updatedAt).toISOString(),
  };
}

/** A unit's higher bodies and scoring scheme. */
export async function getSettings(
  ctx: RequestContext,
  query: z.output<typeof c.bulletinSettingsQuery>,
): Promise<z.output<typeof c.bulletinSettings>> {
  const unitId = query.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  return presentSettings(await ctx.deps.storage.bulletins.getSettings(unitId));
}

/** Replaces a unit's higher bodies and scoring scheme (the default scheme when none is given). */
export async function putSettings(
  ctx: RequestContext,
  body: z.output<typeof c.updateBulletinSettingsBody>,
): Promise<z.output<typeof c.bulletinSettings>> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  const saved = await ctx.deps.storage.bulletins.setSettings(
    unitId,
    { recipients: body.recipients, scoring: body.scoring ?? DEFAULT_BULLETIN_SCORING },
    ctx.deps.clock.now(),
  );
  await ctx.audit({
    action: 'bulletin-settings.update',
    unitId,
    targetType: 'unit',
    targetId: unitId,
    detail: { recipients: saved.recipients, scoring: saved.scoring },
  });
  return presentSettings(saved);
}
