/** /api/v1/alert-rules: alert rules of units in scope, validated by the rule schema, with version history. */
import type { z } from 'zod';
import { notFound, requireUnitInScope } from '../../auth/index.js';
import { createRule, deleteRule, updateRule, type AlertActor } from '../../alerts/service/index.js';
import type * as c from '../../contract/index.js';
import type { StoredAlertRule } from '../../storage/repositories.js';
import type { RequestContext } from '../route.js';
import { presentAlertRule, presentAlertRuleVersion } from './alerts-present.js';

type RuleView = z.output<typeof c.alertRule>;

/** The caller as the alert service sees it. */
export function alertActor(ctx: RequestContext): AlertActor {
  return { userId: ctx.actor.userId, ip: ctx.actor.ip, unitIds: ctx.principal.scope.unitIds };
}

async function visibleRule(ctx: RequestContext, id: string): Promise<StoredAlertRule> {
  const found = await ctx.deps.storage.alertRules.get(id, ctx.principal.scope);
  if (!found) throw notFound('alert rule', id);
  return found;
}

/** Rules in scope, newest first. */
export async function listAlertRules(
  ctx: RequestContext,
  query: z.output<typeof c.alertRuleListQuery>,
): Promise<z.output<typeof c.alertRulePage>> {
  const page = await ctx.deps.storage.alertRules.list(
    ctx.principal.scope,
    {
      ...(query.enabled !== undefined && { enabled: query.enabled }),
      ...(query.trigger !== undefined && { triggerKind: query.trigger }),
    },
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  return { items: page.items.map(presentAlertRule), nextCursor: page.nextCursor };
}

/** One rule. */
export async function getAlertRule(ctx: RequestContext, id: string): Promise<RuleView> {
  return presentAlertRule(await visibleRule(ctx, id));
}

/** A new rule of the caller's unit (or a unit in scope). */
export async function createAlertRule(
  ctx: RequestContext,
  body: z.output<typeof c.createAlertRuleBody>,
): Promise<RuleView> {
  const { unitId: requested, ...definition } = body;
  const unitId = requested ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  return presentAlertRule(await createRule(ctx.deps, alertActor(ctx), unitId, definition));
}

/** Changes top-level fields of a rule; the version goes up by one. */
export async function updateAlertRule(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.updateAlertRuleBody>,
): Promise<RuleView> {
  return presentAlertRule(await updateRule(ctx.deps, alertActor(ctx), id, body));
}

/** Deletes a rule (its versions stay for the alerts it raised). */
export async function deleteAlertRule(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  await deleteRule(ctx.deps, alertActor(ctx), id);
  return { ok: true };
}

/** Every version of a rule in scope, newest first. */
export async function listAlertRuleVersions(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof c.alertRuleVersionList>> {
  await visibleRule(ctx, id);
  const versions = await ctx.deps.storage.alertRules.versions(id);
  return { items: versions.map(presentAlertRuleVersion) };
}
