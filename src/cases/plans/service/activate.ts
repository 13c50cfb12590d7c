/**
 * Activating a plan on a record (an incident): the plan's current version becomes a checklist of tasks
 * with owners and deadlines. The activation, its tasks, their deadlines (case deadlines of record type
 * `plan_task`, reminded and escalated by the deadline sweep), the timelines and the audit entry are written
 * in one transaction.
 */
import { PLAN_LEVEL_ALERT, type PlanActivation, type PlanTask, type User } from '../../../domain/index.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Storage } from '../../../storage/repositories.js';
import { buildChecklist, reminderLeadMs } from '../checklist.js';
import { notFound, requireUnit, scopeOf, type PlanActor, type PlanServiceDeps } from './deps.js';

/** The record type of task deadlines and timelines. */
export const PLAN_TASK_RECORD = 'plan_task';
/** The deadline kind of a task's time limit. */
export const PLAN_TASK_DEADLINE = 'task';

/** What to activate where. */
export interface ActivationRequest {
  planId: string;
  /** The record the plan responds to, e.g. `incident`. */
  recordType: string;
  recordId: string;
  /** The unit responding; the plan's unit when absent. */
  unitId?: string;
}

/** An activation and its checklist. */
export interface ActivationResult {
  activation: PlanActivation;
  tasks: PlanTask[];
}

async function membersOf(storage: Storage, unitId: string): Promise<User[]> {
  const members: User[] = [];
  let cursor: string | null = null;
  do {
    const page = await storage.users.list({ unitIds: [unitId] }, { limit: 500, cursor });
    members.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return members;
}

/** Activates a plan; CONFLICT when it is archived or already active on the record. */
export async function activatePlan(
  deps: PlanServiceDeps,
  actor: PlanActor,
  request: ActivationRequest,
): Promise<ActivationResult> {
  const plan = await deps.storage.plans.get(request.planId, scopeOf(actor));
  if (!plan) throw notFound('plan', request.planId);
  if (plan.status !== 'active') {
    throw new AppError('CONFLICT', `plan ${plan.id} is archived`, { planId: plan.id });
  }
  const unitId = request.unitId ?? plan.unitId;
  requireUnit(actor, unitId);
  const members = await membersOf(deps.storage, unitId);
  const at = deps.clock.now();
  return deps.storage.transaction(async (tx) => {
    const earlier = await tx.plans.listActivations(
      { unitIds: null },
      { recordType: request.recordType, recordId: request.recordId, planId: plan.id },
      { limit: 1 },
    );
    if (earlier.items.length > 0) {
      throw new AppError('CONFLICT', `plan ${plan.id} is already active on this ${request.recordType}`, {
        planId: plan.id,
        activationId: earlier.items[0]?.id,
      });
    }
    const activation: PlanActivation = {
      id: newId(at),
      unitId,
      planId: plan.id,
      planVersion: plan.version,
      planName: plan.name,
      category: plan.category,
      level: plan.level,
      recordType: request.recordType,
      recordId: request.recordId,
      activatedAt: at,
      activatedBy: actor.userId,
    };
    const tasks = buildChecklist({
      content: plan,
      activationId: activation.id,
      unitId,
      activatedAt: at,
      members,
      newId: () => newId(at),
    });
    await tx.plans.createActivation(activation, tasks);
    for (const task of tasks) {
      const step = plan.steps.find((candidate) => candidate.key === task.stepKey);
      await tx.caseDeadlines.set(
        {
          unitId,
          recordType: PLAN_TASK_RECORD,
          recordId: task.id,
          kind: PLAN_TASK_DEADLINE,
          title: `「${plan.name}」${task.title}`,
          level: PLAN_LEVEL_ALERT[plan.level],
          dueAt: task.dueAt,
          remindAt: task.dueAt - reminderLeadMs(step?.limitMinutes ?? 0),
        },
        at,
      );
      await tx.caseTimeline.append({
        unitId,
        recordType: PLAN_TASK_RECORD,
        recordId: task.id,
        at,
        actorUserId: actor.userId,
        action: 'create',
        toState: 'open',
        details: { activationId: activation.id, ownerUserIds: task.ownerUserIds, dueAt: task.dueAt },
      });
    }
    const details = {
      activationId: activation.id,
      planId: plan.id,
      planVersion: plan.version,
      tasks: tasks.length,
    };
    await tx.caseTimeline.append({
      unitId,
      recordType: request.recordType,
      recordId: request.recordId,
      at,
      actorUserId: actor.userId,
      action: 'plan_activated',
      note: plan.name,
      details,
    });
    await tx.audit.append({
      at,
      actorUserId: actor.userId,
      unitId,
      action: 'plan.activate',
      targetType: 'plan_activation',
      targetId: activation.id,
      ip: actor.ip,
      detail: { ...details, recordType: request.recordType, recordId: request.recordId },
    });
    return { activation, tasks };
  });
}
