/**
 * /api/v1/plans, /plan-activations and /plan-tasks: emergency plans (应急预案) of units in scope, their
 * versions, the default set, activation on incidents and the task checklists ticked off with notes.
 */
import type { z } from 'zod';
import { notFound } from '../../auth/index.js';
import {
  activatePlan,
  actOnTask,
  createPlan,
  installDefaultPlans,
  updatePlan,
  type PlanActor,
  type PlanServiceDeps,
} from '../../cases/plans/index.js';
import type {
  activatePlanBody,
  createPlanBody,
  installDefaultPlansBody,
  installDefaultPlansResponse,
  plan,
  planActivationDetail,
  planActivationListQuery,
  planActivationPage,
  planListQuery,
  planPage,
  planTask,
  planTaskCounts,
  planTaskListQuery,
  planTaskPage,
  planVersionList,
  updatePlanBody,
} from '../../contract/index.js';
import type { PlanContent, PlanTaskAction } from '../../domain/index.js';
import type { PlanTaskFilter } from '../../storage/repositories.js';
import type { RequestContext } from '../route.js';
import { presentActivation, presentPlan, presentTask, presentVersion } from './plans-present.js';

type PlanView = z.output<typeof plan>;

function depsOf(ctx: RequestContext): PlanServiceDeps {
  return { storage: ctx.deps.storage, clock: ctx.deps.clock };
}

function actorOf(ctx: RequestContext): PlanActor {
  return { userId: ctx.actor.userId, ip: ctx.actor.ip, unitIds: ctx.principal.scope.unitIds };
}

/** Plans in scope, filtered by category, level and status. */
export async function listPlans(
  ctx: RequestContext,
  query: z.output<typeof planListQuery>,
): Promise<z.output<typeof planPage>> {
  const page = await ctx.deps.storage.plans.list(
    ctx.principal.scope,
    {
      ...(query.category !== undefined && { category: query.category }),
      ...(query.level !== undefined && { level: query.level }),
      ...(query.status !== undefined && { status: query.status }),
    },
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  return { items: page.items.map(presentPlan), nextCursor: page.nextCursor };
}

/** One plan. */
export async function getPlan(ctx: RequestContext, id: string): Promise<PlanView> {
  const found = await ctx.deps.storage.plans.get(id, ctx.principal.scope);
  if (!found) throw notFound('plan', id);
  return presentPlan(found);
}

/** Every version of a plan, newest first. */
export async function listPlanVersions(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof planVersionList>> {
  await getPlan(ctx, id);
  const versions = await ctx.deps.storage.plans.listVersions(id);
  return { items: versions.map(presentVersion) };
}

/** A new plan of a unit in scope (the caller's own unless named). */
export async function createPlanHandler(
  ctx: RequestContext,
  body: z.output<typeof createPlanBody>,
): Promise<PlanView> {
  const { unitId, status, ...content } = body;
  const created = await createPlan(depsOf(ctx), actorOf(ctx), {
    unitId: unitId ?? ctx.principal.user.unitId,
    content,
    status,
  });
  return presentPlan(created);
}

/** Changes a plan: content fields make a new version (merged over the current content). */
export async function updatePlanHandler(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof updatePlanBody>,
): Promise<PlanView> {
  const current = await ctx.deps.storage.plans.get(id, ctx.principal.scope);
  if (!current) throw notFound('plan', id);
  const { status, ...fields } = body;
  const changed = Object.values(fields).some((value) => value !== undefined);
  const content: PlanContent | undefined = changed
    ? {
        name: fields.name ?? current.name,
        category: fields.category ?? current.category,
        level: fields.level ?? current.level,
        description: fields.description !== undefined ? fields.description : current.description,
        roles: fields.roles ?? current.roles,
        contacts: fields.contacts ?? current.contacts,
        steps: fields.steps ?? current.steps,
      }
    : undefined;
  const updated = await updatePlan(depsOf(ctx), actorOf(ctx), id, {
    ...(content && { content }),
    ...(status !== undefined && { status }),
  });
  return presentPlan(updated);
}

/** Installs the default plan set into a unit in scope. */
export async function installDefaults(
  ctx: RequestContext,
  body: z.output<typeof installDefaultPlansBody>,
): Promise<z.output<typeof installDefaultPlansResponse>> {
  const result = await installDefaultPlans(
    depsOf(ctx),
    actorOf(ctx),
    body.unitId ?? ctx.principal.user.unitId,
  );
  return { installed: result.installed.map(presentPlan), skipped: result.skipped };
}

/** Activates a plan on an incident: the checklist with owners and deadlines. */
export async function activate(
  ctx: RequestContext,
  planId: string,
  body: z.output<typeof activatePlanBody>,
): Promise<z.output<typeof planActivationDetail>> {
  const result = await activatePlan(depsOf(ctx), actorOf(ctx), {
    planId,
    recordType: body.recordType,
    recordId: body.recordId,
    ...(body.unitId !== undefined && { unitId: body.unitId }),
  });
  const now = ctx.deps.clock.now();
  return {
    ...presentActivation(result.activation),
    tasks: result.tasks.map((task) => presentTask(task, now)),
  };
}

/** Activations in scope, newest first. */
export async function listActivations(
  ctx: RequestContext,
  query: z.output<typeof planActivationListQuery>,
): Promise<z.output<typeof planActivationPage>> {
  const page = await ctx.deps.storage.plans.listActivations(
    ctx.principal.scope,
    {
      ...(query.recordType !== undefined && { recordType: query.recordType }),
      ...(query.recordId !== undefined && { recordId: query.recordId }),
      ...(query.planId !== undefined && { planId: query.planId }),
    },
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  return { items: page.items.map(presentActivation), nextCursor: page.nextCursor };
}

/** One activation with its checklist. */
export async function getActivation(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof planActivationDetail>> {
  const found = await ctx.deps.storage.plans.getActivation(id, ctx.principal.scope);
  if (!found) throw notFound('plan activation', id);
  const tasks = await ctx.deps.storage.plans.listTasks(id);
  const now = ctx.deps.clock.now();
  return { ...presentActivation(found), tasks: tasks.map((task) => presentTask(task, now)) };
}

function taskFilter(ctx: RequestContext, query: z.output<typeof planTaskListQuery>): PlanTaskFilter {
  const owner = query.ownerUserId === 'me' ? ctx.principal.user.id : query.ownerUserId;
  return {
    ...(query.activationId !== undefined && { activationId: query.activationId }),
    ...(owner !== undefined && { ownerUserId: owner }),
    ...(query.state !== undefined && { state: query.state }),
    ...(query.overdue === true && { overdueAt: ctx.deps.clock.now() }),
  };
}

/** Tasks in scope, by owner ("me"), state and overdue. */
export async function listTasks(
  ctx: RequestContext,
  query: z.output<typeof planTaskListQuery>,
): Promise<z.output<typeof planTaskPage>> {
  const page = await ctx.deps.storage.plans.listTaskPage(ctx.principal.scope, taskFilter(ctx, query), {
    limit: query.limit,
    cursor: query.cursor ?? null,
  });
  const now = ctx.deps.clock.now();
  return { items: page.items.map((task) => presentTask(task, now)), nextCursor: page.nextCursor };
}

/** Counts of tasks in scope (open, done, skipped, overdue) for the console's badges. */
export async function countTasks(
  ctx: RequestContext,
  query: z.output<typeof planTaskListQuery>,
): Promise<z.output<typeof planTaskCounts>> {
  const { state: _state, overdueAt: _overdue, ...filter } = taskFilter(ctx, query);
  return ctx.deps.storage.plans.taskCounts(ctx.principal.scope, filter, ctx.deps.clock.now());
}

/** One task. */
export async function getTask(ctx: RequestContext, id: string): Promise<z.output<typeof planTask>> {
  const found = await ctx.deps.storage.plans.getTask(id, ctx.principal.scope);
  if (!found) throw notFound('plan task', id);
  return presentTask(found, ctx.deps.clock.now());
}

/** Completes, skips or reopens a task. */
export async function taskAction(
  ctx: RequestContext,
  id: string,
  action: PlanTaskAction,
  note: string | undefined,
): Promise<z.output<typeof planTask>> {
  const updated = await actOnTask(depsOf(ctx), actorOf(ctx), id, action, note ?? null);
  return presentTask(updated, ctx.deps.clock.now());
}
