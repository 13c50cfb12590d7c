/** /api/v1/events: events (事件) in scope, one event with history and repost tree, timeline, items, merge. */
import type { z } from 'zod';
import { eventTimeline, repostTree } from '../../analysis/events/index.js';
import { notFound, requireUnitInScope } from '../../auth/index.js';
import type {
  event as eventSchema,
  eventDetail,
  eventItemPage,
  eventListQuery,
  eventPage,
  eventTimeline as eventTimelineSchema,
  eventTimelineQuery,
  mergeEventBody,
  mergeEventResponse,
  pageQuery,
} from '../../contract/index.js';
import type { EventHistoryEntry, OpinionEvent } from '../../domain/index.js';
import { mergeEvents } from '../../pipeline/cluster/index.js';
import { presentItem } from '../presenters.js';
import type { RequestContext } from '../route.js';

type EventView = z.output<typeof eventSchema>;

const BUCKET_MS = { hour: 3600_000, day: 24 * 3600_000 } as const;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** An event as the API shows it. */
export function presentEvent(event: OpinionEvent): EventView {
  return {
    ...event,
    firstPublishedAt: iso(event.firstPublishedAt),
    lastPublishedAt: iso(event.lastPublishedAt),
    createdAt: iso(event.createdAt),
    updatedAt: iso(event.updatedAt),
  };
}

function presentHistory(entry: EventHistoryEntry): z.output<typeof eventDetail>['history'][number] {
  return { kind: entry.kind, otherEventId: entry.otherEventId, detail: entry.detail, at: iso(entry.at) };
}

async function visibleEvent(ctx: RequestContext, id: string): Promise<OpinionEvent> {
  const found = await ctx.deps.storage.events.get(id, ctx.principal.scope);
  if (!found) throw notFound('event', id);
  return found;
}

/** Events in scope, hottest or latest first. */
export async function listEvents(
  ctx: RequestContext,
  query: z.output<typeof eventListQuery>,
): Promise<z.output<typeof eventPage>> {
  const page = await ctx.deps.storage.events.list(
    ctx.principal.scope,
    {
      ...(query.stage && { stages: query.stage }),
      ...(query.from !== undefined && { from: query.from }),
      ...(query.to !== undefined && { to: query.to }),
      ...(query.minHeat !== undefined && { minHeat: query.minHeat }),
      ...(query.q !== undefined && { text: query.q }),
      includeMerged: query.includeMerged,
    },
    query.sort,
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  return { items: page.items.map(presentEvent), nextCursor: page.nextCursor };
}

/** One event with its history and repost tree. */
export async function getEvent(ctx: RequestContext, id: string): Promise<z.output<typeof eventDetail>> {
  const event = await visibleEvent(ctx, id);
  const [history, members] = await Promise.all([
    ctx.deps.storage.events.history(id),
    ctx.deps.storage.events.members(id),
  ]);
  return {
    event: presentEvent(event),
    history: history.map(presentHistory),
    repostTree: [...repostTree(members)].map(([itemId, parentId]) => ({ itemId, parentId })),
  };
}

/** Items per hour or day with the sentiment mix of each. */
export async function getEventTimeline(
  ctx: RequestContext,
  id: string,
  query: z.output<typeof eventTimelineQuery>,
): Promise<z.output<typeof eventTimelineSchema>> {
  await visibleEvent(ctx, id);
  const members = await ctx.deps.storage.events.members(id);
  const buckets = eventTimeline(members, BUCKET_MS[query.bucket]);
  return { bucket: query.bucket, buckets: buckets.map((b) => ({ ...b, at: iso(b.at) })) };
}

/** The items of an event, newest first. */
export async function listEventItems(
  ctx: RequestContext,
  id: string,
  query: z.output<typeof pageQuery>,
): Promise<z.output<typeof eventItemPage>> {
  await visibleEvent(ctx, id);
  const page = await ctx.deps.storage.events.memberIds(id, {
    limit: query.limit,
    cursor: query.cursor ?? null,
  });
  const items = await Promise.all(page.items.map((itemId) => ctx.deps.storage.items.get(itemId)));
  return {
    items: items.flatMap((item) => (item ? [presentItem(item)] : [])),
    nextCursor: page.nextCursor,
  };
}

/** Merges an event into another of the same unit (both in scope); the other keeps its id. */
export async function mergeEvent(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof mergeEventBody>,
): Promise<z.output<typeof mergeEventResponse>> {
  const from = await visibleEvent(ctx, id);
  const into = await visibleEvent(ctx, body.into);
  requireUnitInScope(ctx.principal, from.unitId);
  const moved = await mergeEvents(
    { ...ctx.deps.eventClustering, storage: ctx.deps.storage, clock: ctx.deps.clock },
    from.id,
    into.id,
    ctx.principal.user.id,
  );
  await ctx.audit({
    action: 'event.merge',
    unitId: into.unitId,
    targetType: 'event',
    targetId: into.id,
    detail: { from: from.id, moved },
  });
  return { moved, event: presentEvent(await visibleEvent(ctx, into.id)) };
}
