/**
 * /api/v1/incident-deadline-rules/:unitId: the deadline rules that apply to a unit (its own, inherited
 * from above, or the national defaults), replaced or reset by those who configure the office's calendar.
 */
import type { z } from 'zod';
import { requireUnitInScope } from '../../auth/index.js';
import {
  deadlineRulesOf,
  setDeadlineRules,
  type EffectiveRules,
} from '../../cases/incidents/service/index.js';
import * as c from '../../contract/index.js';
import { defineRoute, type ApiRoute, type RequestContext } from '../route.js';
import { incidentActor } from './incidents.js';

type RulesView = z.output<typeof c.incidentRules>;

function present(rules: EffectiveRules): RulesView {
  return { ...rules, rules: [...rules.rules] };
}

/** The rules that apply to the unit. */
export async function getRules(ctx: RequestContext, unitId: string): Promise<RulesView> {
  requireUnitInScope(ctx.principal, unitId);
  return present(await deadlineRulesOf(ctx.deps, unitId));
}

/** Replaces the unit's own rules. */
export async function putRules(
  ctx: RequestContext,
  unitId: string,
  body: z.output<typeof c.incidentRulesBody>,
): Promise<RulesView> {
  requireUnitInScope(ctx.principal, unitId);
  return present(await setDeadlineRules(ctx.deps, incidentActor(ctx), unitId, body.rules));
}

/** Removes the unit's own rules (it inherits again). */
export async function resetRules(ctx: RequestContext, unitId: string): Promise<RulesView> {
  requireUnitInScope(ctx.principal, unitId);
  return present(await setDeadlineRules(ctx.deps, incidentActor(ctx), unitId, null));
}

/** GET, PATCH (replace) and DELETE (reset) of a unit's rules; changing them needs calendar:write. */
export const INCIDENT_RULE_ROUTES: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/incident-deadline-rules/:unitId',
    access: 'incidents:read',
    tag: 'incidents',
    summary: 'The incident deadline rules that apply to a unit (own, inherited or national defaults)',
    params: c.incidentRuleParams,
    response: c.incidentRules,
    handler: (ctx) => getRules(ctx, ctx.params.unitId),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/incident-deadline-rules/:unitId',
    access: 'calendar:write',
    tag: 'incidents',
    summary: "Replace the unit's own incident deadline rules",
    params: c.incidentRuleParams,
    body: c.incidentRulesBody,
    response: c.incidentRules,
    handler: (ctx) => putRules(ctx, ctx.params.unitId, ctx.body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/incident-deadline-rules/:unitId',
    access: 'calendar:write',
    tag: 'incidents',
    summary: "Remove the unit's own rules (it inherits again)",
    params: c.incidentRuleParams,
    response: c.incidentRules,
    handler: (ctx) => resetRules(ctx, ctx.params.unitId),
  }),
];
