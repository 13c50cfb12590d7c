/**
 * Writing plans: create, change (each content change is a new version; the old one is kept) and install
 * the default plan set into a unit. Each writes the plan and its audit entry in one transaction.
 */
import type { Plan, PlanContent, PlanStatus } from '../../../domain/index.js';
import { defaultPlans } from '../defaults.js';
import { validatePlanContent } from '../validate.js';
import { notFound, requireUnit, scopeOf, type PlanActor, type PlanServiceDeps } from './deps.js';

/** Creates a plan (version 1) in a unit of the actor's. PLAN_INVALID for unusable content. */
export async function createPlan(
  deps: PlanServiceDeps,
  actor: PlanActor,
  input: { unitId: string; content: PlanContent; status?: PlanStatus },
): Promise<Plan> {
  requireUnit(actor, input.unitId);
  validatePlanContent(input.content);
  const at = deps.clock.now();
  return deps.storage.transaction(async (tx) => {
    const plan = await tx.plans.create(
      {
        unitId: input.unitId,
        content: input.content,
        status: input.status ?? 'active',
        createdBy: actor.userId,
      },
      at,
    );
    await tx.audit.append({
      at,
      actorUserId: actor.userId,
      unitId: plan.unitId,
      action: 'plan.create',
      targetType: 'plan',
      targetId: plan.id,
      ip: actor.ip,
      detail: { name: plan.name, category: plan.category, level: plan.level },
    });
    return plan;
  });
}

/** Changes a plan's content (a new version) or status. NOT_FOUND outside the actor's units. */
export async function updatePlan(
  deps: PlanServiceDeps,
  actor: PlanActor,
  id: string,
  patch: { content?: PlanContent; status?: PlanStatus },
): Promise<Plan> {
  if (patch.content) validatePlanContent(patch.content);
  const at = deps.clock.now();
  return deps.storage.transaction(async (tx) => {
    const current = await tx.plans.get(id, scopeOf(actor));
    if (!current) throw notFound('plan', id);
    const updated = await tx.plans.update(id, patch, actor.userId, at);
    await tx.audit.append({
      at,
      actorUserId: actor.userId,
      unitId: updated.unitId,
      action: 'plan.update',
      targetType: 'plan',
      targetId: id,
      ip: actor.ip,
      detail: {
        fromVersion: current.version,
        toVersion: updated.version,
        ...(patch.status !== undefined && { status: patch.status }),
      },
    });
    return updated;
  });
}

/** What installing the defaults did. */
export interface InstallResult {
  installed: Plan[];
  /** Defaults left out because the unit already has a plan of that category and level. */
  skipped: number;
}

/** Copies the default plan set into a unit, leaving out categories and levels it already has plans for. */
export async function installDefaultPlans(
  deps: PlanServiceDeps,
  actor: PlanActor,
  unitId: string,
): Promise<InstallResult> {
  requireUnit(actor, unitId);
  const at = deps.clock.now();
  return deps.storage.transaction(async (tx) => {
    const existing = await tx.plans.listForUnit(unitId);
    const taken = new Set(existing.map((plan) => `${plan.category}/${plan.level}`));
    const missing = defaultPlans().filter((content) => !taken.has(`${content.category}/${content.level}`));
    const installed: Plan[] = [];
    for (const content of missing) {
      installed.push(
        await tx.plans.create({ unitId, content, status: 'active', createdBy: actor.userId }, at),
      );
    }
    await tx.audit.append({
      at,
      actorUserId: actor.userId,
      unitId,
      action: 'plan.install_defaults',
      targetType: 'unit',
      targetId: unitId,
      ip: actor.ip,
      detail: { installed: installed.length, skipped: defaultPlans().length - installed.length },
    });
    return { installed, skipped: defaultPlans().length - installed.length };
  });
}
