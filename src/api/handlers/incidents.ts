/** /api/v1/incidents: open, list, count, read and work incidents of units in scope (issue 6 §1). */
import type { z } from 'zod';
import { requireUnitInScope } from '../../auth/index.js';
import {
  addProgressNotice,
  attachItems,
  closeIncident,
  editIncident,
  INCIDENT_RECORD,
  loadIncident,
  moveIncident,
  openIncident,
  recordNotification,
  reopenIncident,
  reviewIncident,
  transferIncident,
  verifyIncident,
  type IncidentActor,
} from '../../cases/incidents/service/index.js';
import type * as c from '../../contract/index.js';
import type { IncidentFilter } from '../../storage/repositories.js';
import type { RequestContext } from '../route.js';
import {
  presentDeadline,
  presentIncident,
  presentNotification,
  presentResponse,
  presentTimelineEntry,
  presentTransfer,
} from './incidents-present.js';

type IncidentView = z.output<typeof c.incident>;

/** The caller as the incident service sees them. */
export function incidentActor(ctx: RequestContext): IncidentActor {
  return { userId: ctx.actor.userId, ip: ctx.actor.ip, unitIds: ctx.principal.scope.unitIds };
}

function filterOf(ctx: RequestContext, query: z.output<typeof c.incidentFilterQuery>): IncidentFilter {
  for (const unitId of query.unitId ?? []) requireUnitInScope(ctx.principal, unitId);
  return {
    ...(query.state && { states: query.state }),
    ...(query.level && { levels: query.level }),
    ...(query.unitId?.length && { unitIds: query.unitId }),
    ...(query.handlerUserId !== undefined && { handlerUserId: query.handlerUserId }),
    ...(query.category !== undefined && { category: query.category }),
    ...(query.verification && { verification: query.verification }),
    ...(query.alertId !== undefined && { alertId: query.alertId }),
    ...(query.eventId !== undefined && { eventId: query.eventId }),
    ...(query.from !== undefined && { from: query.from }),
    ...(query.to !== undefined && { to: query.to }),
  };
}

/** Incidents in scope with filters, newest opened first. */
export async function listIncidents(
  ctx: RequestContext,
  query: z.output<typeof c.incidentListQuery>,
): Promise<z.output<typeof c.incidentPage>> {
  const page = await ctx.deps.storage.incidents.list(ctx.principal.scope, filterOf(ctx, query), {
    limit: query.limit,
    cursor: query.cursor ?? null,
  });
  return { items: page.items.map(presentIncident), nextCursor: page.nextCursor };
}

/** How many incidents in scope match the filters, per state. */
export async function countIncidents(
  ctx: RequestContext,
  query: z.output<typeof c.incidentFilterQuery>,
): Promise<z.output<typeof c.incidentCounts>> {
  const byState = await ctx.deps.storage.incidents.countByState(ctx.principal.scope, filterOf(ctx, query));
  return { byState, total: Object.values(byState).reduce((a, b) => a + b, 0) };
}

/** One incident with items, transfers, notifications, statements, deadlines and timeline. */
export async function getIncident(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof c.incidentDetail>> {
  const { storage, clock } = ctx.deps;
  const incident = await loadIncident(storage, incidentActor(ctx), id);
  const [items, transfers, notifications, responses, deadlines, timeline] = await Promise.all([
    storage.incidents.listItems(id),
    storage.incidents.listTransfers(id),
    storage.incidents.listNotifications(id),
    storage.incidentResponses.listFor(id),
    storage.caseDeadlines.listFor(INCIDENT_RECORD, id),
    storage.caseTimeline.list(INCIDENT_RECORD, id),
  ]);
  const now = clock.now();
  return {
    ...presentIncident(incident),
    itemIds: items.map((i) => i.itemId),
    transfers: transfers.map(presentTransfer),
    notifications: notifications.map(presentNotification),
    responses: responses.map(presentResponse),
    deadlines: deadlines.map((d) => presentDeadline(d, now)),
    timeline: timeline.map(presentTimelineEntry),
  };
}

/** Opens an incident from an alert, an event, items, or by hand. */
export async function createIncident(
  ctx: RequestContext,
  body: z.output<typeof c.createIncidentBody>,
): Promise<IncidentView> {
  const { handlerUserId, ...rest } = body;
  return presentIncident(
    await openIncident(ctx.deps, incidentActor(ctx), {
      ...rest,
      ...(handlerUserId !== undefined && { handlerUserId }),
    }),
  );
}

/** Changes fields of an open incident (a new level re-registers its deadlines). */
export async function updateIncident(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.updateIncidentBody>,
): Promise<IncidentView> {
  return presentIncident(await editIncident(ctx.deps, incidentActor(ctx), id, body));
}

/** start_verification, start_response or follow_up. */
export async function transitionIncident(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.incidentTransitionBody>,
): Promise<IncidentView> {
  return presentIncident(await moveIncident(ctx.deps, incidentActor(ctx), id, body.action, body.note));
}

/** Records the verification result. */
export async function verify(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.incidentVerifyBody>,
): Promise<IncidentView> {
  return presentIncident(await verifyIncident(ctx.deps, incidentActor(ctx), id, body));
}

/** Transfers the incident to another unit. */
export async function transfer(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.incidentTransferBody>,
): Promise<z.output<typeof c.incidentTransfer>> {
  const done = await transferIncident(ctx.deps, incidentActor(ctx), id, body);
  return presentTransfer(done.transfer);
}

/** Records who was notified. */
export async function notify(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.incidentNotifyBody>,
): Promise<z.output<typeof c.incidentNotification>> {
  return presentNotification(await recordNotification(ctx.deps, incidentActor(ctx), id, body));
}

/** Adds a progress notice to the timeline. */
export async function progress(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.incidentProgressBody>,
): Promise<{ ok: true }> {
  await addProgressNotice(ctx.deps, incidentActor(ctx), id, body);
  return { ok: true };
}

/** Attaches more items. */
export async function addItems(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.incidentItemsBody>,
): Promise<{ added: number }> {
  return { added: await attachItems(ctx.deps, incidentActor(ctx), id, body.itemIds) };
}

/** Closes with the summary (and the review when given). */
export async function close(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.incidentCloseBody>,
): Promise<IncidentView> {
  return presentIncident(await closeIncident(ctx.deps, incidentActor(ctx), id, body));
}

/** Reopens a closed incident. */
export async function reopen(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.incidentReopenBody>,
): Promise<IncidentView> {
  return presentIncident(await reopenIncident(ctx.deps, incidentActor(ctx), id, body));
}

/** Writes the after-action review. */
export async function review(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.incidentReviewBody>,
): Promise<IncidentView> {
  return presentIncident(await reviewIncident(ctx.deps, incidentActor(ctx), id, body));
}

/** The statements of an incident. */
export async function listResponses(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof c.incidentResponseList>> {
  await loadIncident(ctx.deps.storage, incidentActor(ctx), id);
  const responses = await ctx.deps.storage.incidentResponses.listFor(id);
  return { items: responses.map(presentResponse) };
}
