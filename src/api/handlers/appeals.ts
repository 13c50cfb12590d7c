/** /api/v1/appeals: intake, triage, dispatch, replies, publication, satisfaction, lists, counts and stats. */
import type { z } from 'zod';
import { requireUnitInScope } from '../../auth/index.js';
import {
  acceptAppeal,
  appealDetail,
  batchReplyAppeals,
  closeAppeal,
  createAppeal,
  dispatchAppeal,
  extendAppeal,
  intakeItems,
  mergeAppeal,
  publishAppealReply,
  rateAppeal,
  rejectAppeal,
  replyAppeal,
  returnAppeal,
  type AppealActor,
  type AppealServiceDeps,
} from '../../cases/appeals/index.js';
import type * as c from '../../contract/index.js';
import type { Appeal } from '../../domain/index.js';
import type { RequestContext } from '../route.js';
import { presentAppeal, presentAppealDeadline, presentAppealEntry } from './appeals-present.js';

type AppealView = z.output<typeof c.appeal>;

/** The appeal service over the API's dependencies. */
export function appealDeps(ctx: RequestContext): AppealServiceDeps {
  return {
    storage: ctx.deps.storage,
    clock: ctx.deps.clock,
    ...(ctx.deps.appealCalendarFor && { calendarFor: ctx.deps.appealCalendarFor }),
    ...(ctx.deps.publishAppealReply && { publishReply: ctx.deps.publishAppealReply }),
  };
}

/** The caller as the appeal service sees it. */
export function appealActor(ctx: RequestContext): AppealActor {
  return { userId: ctx.actor.userId, ip: ctx.actor.ip, unitIds: ctx.principal.scope.unitIds };
}

function view(ctx: RequestContext, appeal: Appeal): AppealView {
  return presentAppeal(appeal, ctx.deps.clock.now());
}

/** Appeals in scope, newest received first. */
export async function listAppealsHandler(
  ctx: RequestContext,
  query: z.output<typeof c.appealListQuery>,
): Promise<z.output<typeof c.appealPage>> {
  const page = await ctx.deps.storage.appeals.list(
    ctx.principal.scope,
    {
      ...(query.state && { states: query.state }),
      ...(query.channel && { channels: query.channel }),
      ...(query.departmentId !== undefined && { departmentId: query.departmentId }),
      ...(query.category !== undefined && { category: query.category }),
      ...(query.from !== undefined && { from: query.from }),
      ...(query.to !== undefined && { to: query.to }),
      ...(query.overdue === true && { overdueAt: ctx.deps.clock.now() }),
    },
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  return { items: page.items.map((appeal) => view(ctx, appeal)), nextCursor: page.nextCursor };
}

/** Appeals in scope per state. */
export async function appealCountsHandler(ctx: RequestContext): Promise<z.output<typeof c.appealCounts>> {
  return { byState: await ctx.deps.storage.appeals.countByState(ctx.principal.scope) };
}

/** Figures of appeals received in a period, by unit, department or category. */
export async function appealStatsHandler(
  ctx: RequestContext,
  query: z.output<typeof c.appealStatsQuery>,
): Promise<z.output<typeof c.appealStatsResponse>> {
  const items = await ctx.deps.storage.appeals.stats(
    ctx.principal.scope,
    { from: query.from, to: query.to },
    query.groupBy,
  );
  return { groupBy: query.groupBy, items };
}

/** One appeal with its timeline, deadlines and duplicates. */
export async function getAppealHandler(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof c.appealDetail>> {
  const detail = await appealDetail(appealDeps(ctx), appealActor(ctx), id);
  return {
    ...view(ctx, detail.appeal),
    timeline: detail.timeline.map(presentAppealEntry),
    deadlines: detail.deadlines.map(presentAppealDeadline),
    duplicates: detail.duplicates.map((appeal) => view(ctx, appeal)),
  };
}

/** A new appeal taken in by API. */
export async function createAppealHandler(
  ctx: RequestContext,
  body: z.output<typeof c.createAppealBody>,
): Promise<AppealView> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  return view(ctx, await createAppeal(appealDeps(ctx), appealActor(ctx), { ...body, unitId }));
}

/** Takes items in as appeals. */
export async function intakeItemsHandler(
  ctx: RequestContext,
  body: z.output<typeof c.appealIntakeBody>,
): Promise<z.output<typeof c.appealIntakeResponse>> {
  const results = await intakeItems(appealDeps(ctx), appealActor(ctx), body.itemIds, { force: body.force });
  return {
    items: results.map((result) => ({
      itemId: result.itemId,
      outcome: result.outcome,
      appeal: 'appeal' in result ? view(ctx, result.appeal) : null,
    })),
  };
}

/** The transitions, each answering the changed appeal. */
export const appealTransitions = {
  accept: async (ctx: RequestContext, id: string, body: z.output<typeof c.appealAcceptBody>) =>
    view(ctx, await acceptAppeal(appealDeps(ctx), appealActor(ctx), id, body)),
  merge: async (ctx: RequestContext, id: string, body: z.output<typeof c.appealMergeBody>) =>
    view(ctx, await mergeAppeal(appealDeps(ctx), appealActor(ctx), id, body.intoId, body.note)),
  reject: async (ctx: RequestContext, id: string, body: z.output<typeof c.appealReasonBody>) =>
    view(ctx, await rejectAppeal(appealDeps(ctx), appealActor(ctx), id, body.reason)),
  dispatch: async (ctx: RequestContext, id: string, body: z.output<typeof c.appealDispatchBody>) =>
    view(ctx, await dispatchAppeal(appealDeps(ctx), appealActor(ctx), id, body)),
  extend: async (ctx: RequestContext, id: string, body: z.output<typeof c.appealExtendBody>) =>
    view(ctx, await extendAppeal(appealDeps(ctx), appealActor(ctx), id, body)),
  return: async (ctx: RequestContext, id: string, body: z.output<typeof c.appealReasonBody>) =>
    view(ctx, await returnAppeal(appealDeps(ctx), appealActor(ctx), id, body.reason)),
  reply: async (ctx: RequestContext, id: string, body: z.output<typeof c.appealReplyBody>) =>
    view(ctx, await replyAppeal(appealDeps(ctx), appealActor(ctx), id, body.text)),
  publish: async (ctx: RequestContext, id: string) =>
    view(ctx, await publishAppealReply(appealDeps(ctx), appealActor(ctx), id)),
  rate: async (ctx: RequestContext, id: string, body: z.output<typeof c.appealRateBody>) =>
    view(ctx, await rateAppeal(appealDeps(ctx), appealActor(ctx), id, body.satisfaction, body.note)),
  close: async (ctx: RequestContext, id: string, body: z.output<typeof c.appealNoteBody>) =>
    view(ctx, await closeAppeal(appealDeps(ctx), appealActor(ctx), id, body.note)),
};

/** One reply to several similar appeals (集中回复). */
export async function batchReplyHandler(
  ctx: RequestContext,
  body: z.output<typeof c.appealBatchReplyBody>,
): Promise<z.output<typeof c.appealBatchReplyResponse>> {
  const result = await batchReplyAppeals(appealDeps(ctx), appealActor(ctx), body.appealIds, body.text);
  return { batchId: result.batchId, items: result.appeals.map((appeal) => view(ctx, appeal)) };
}
