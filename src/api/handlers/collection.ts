/** /api/v1/hot-topics and /api/v1/source-health-events: what collection tracks beside items. */
import type { z } from 'zod';
import { notFound } from '../../auth/index.js';
import type {
  healthEventQuery,
  hotTopicHistory,
  hotTopicPage,
  hotTopicQuery,
  sourceHealthEventPage,
} from '../../contract/index.js';
import { presentHealthEvent, presentHotTopic } from '../presenters.js';
import type { RequestContext } from '../route.js';

/** Hot-list topics of sources in scope, most recently seen first. */
export async function listHotTopics(
  ctx: RequestContext,
  query: z.output<typeof hotTopicQuery>,
): Promise<z.output<typeof hotTopicPage>> {
  const page = await ctx.deps.storage.hotTopics.list(
    ctx.principal.scope,
    {
      ...(query.sourceId && { sourceId: query.sourceId }),
      ...(query.from !== undefined && { from: query.from }),
      ...(query.to !== undefined && { to: query.to }),
    },
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  return { items: page.items.map(presentHotTopic), nextCursor: page.nextCursor };
}

/** A hot topic with its rank over time. */
export async function getHotTopicHistory(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof hotTopicHistory>> {
  const topic = await ctx.deps.storage.hotTopics.get(id, ctx.principal.scope);
  if (!topic) throw notFound('hot topic', id);
  const sightings = await ctx.deps.storage.hotTopics.history(id);
  return {
    topic: presentHotTopic(topic),
    sightings: sightings.map((s) => ({ at: new Date(s.at).toISOString(), rank: s.rank, heat: s.heat })),
  };
}

/** Health events of sources in scope (failing, silent, recovered), newest first. */
export async function listHealthEvents(
  ctx: RequestContext,
  query: z.output<typeof healthEventQuery>,
): Promise<z.output<typeof sourceHealthEventPage>> {
  const page = await ctx.deps.storage.sourceHealthEvents.list(
    ctx.principal.scope,
    {
      ...(query.sourceId && { sourceId: query.sourceId }),
      ...(query.since !== undefined && { since: query.since }),
    },
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  return { items: page.items.map(presentHealthEvent), nextCursor: page.nextCursor };
}
