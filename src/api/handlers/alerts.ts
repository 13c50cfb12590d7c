/** /api/v1/alerts: list and read alerts of units in scope, and move them through their life cycle. */
import type { z } from 'zod';
import { notFound } from '../../auth/index.js';
import { acknowledge, close, startHandling } from '../../alerts/service/index.js';
import type * as c from '../../contract/index.js';
import type { RequestContext } from '../route.js';
import { alertActor } from './alert-rules.js';
import { presentAlert, presentAlertHistory } from './alerts-present.js';

type AlertView = z.output<typeof c.alert>;

/** Alerts in scope with filters, newest first. */
export async function listAlerts(
  ctx: RequestContext,
  query: z.output<typeof c.alertListQuery>,
): Promise<z.output<typeof c.alertPage>> {
  const page = await ctx.deps.storage.alerts.list(
    ctx.principal.scope,
    {
      ...(query.level && { levels: query.level }),
      ...(query.status && { statuses: query.status }),
      ...(query.trigger && { triggers: query.trigger }),
      ...(query.from !== undefined && { from: query.from }),
      ...(query.to !== undefined && { to: query.to }),
      ...(query.schemeId !== undefined && { schemeId: query.schemeId }),
      ...(query.eventId !== undefined && { eventId: query.eventId }),
      ...(query.ruleId !== undefined && { ruleId: query.ruleId }),
    },
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  return { items: page.items.map(presentAlert), nextCursor: page.nextCursor };
}

/** One alert with its history. */
export async function getAlert(ctx: RequestContext, id: string): Promise<z.output<typeof c.alertDetail>> {
  const found = await ctx.deps.storage.alerts.get(id, ctx.principal.scope);
  if (!found) throw notFound('alert', id);
  const history = await ctx.deps.storage.alerts.history(id);
  return { ...presentAlert(found), history: history.map(presentAlertHistory) };
}

/** new → acknowledged. */
export async function acknowledgeAlert(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.alertTransitionBody>,
): Promise<AlertView> {
  return presentAlert(await acknowledge(ctx.deps, alertActor(ctx), id, body));
}

/** new/acknowledged → handling. */
export async function handleAlert(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.alertHandleBody>,
): Promise<AlertView> {
  return presentAlert(await startHandling(ctx.deps, alertActor(ctx), id, body));
}

/** Any open status → closed. */
export async function closeAlert(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.alertTransitionBody>,
): Promise<AlertView> {
  return presentAlert(await close(ctx.deps, alertActor(ctx), id, body));
}
