/**
 * Ticking off plan tasks: complete (with a note), skip (with a reason) and reopen. The machine checks the
 * transition first; the task, its deadlines, its timeline, the record's timeline and the audit entry change
 * in one transaction. A reopened task gets a fresh deadline (the old one stays done): at least an hour, and
 * never earlier than the step's own limit.
 */
import {
  PLAN_LEVEL_ALERT,
  type PlanTask,
  type PlanTaskAction,
  type PlanTaskState,
} from '../../../domain/index.js';
import { AppError } from '../../../platform/errors.js';
import type { PlanTaskPatch } from '../../../storage/repositories.js';
import type { Repositories } from '../../../storage/storage.js';
import { planTaskMachine } from '../machine.js';
import { PLAN_TASK_RECORD } from './activate.js';
import { notFound, scopeOf, type PlanActor, type PlanServiceDeps } from './deps.js';

/** The time a reopened task gets at least. */
export const REOPEN_GRACE_MS = 60 * 60_000;

/** The due time of a reopened task: its own limit, but at least {@link REOPEN_GRACE_MS} from now. */
function reopenedDueAt(task: PlanTask, at: number): number {
  return Math.max(task.dueAt, at + REOPEN_GRACE_MS);
}

function patchFor(
  task: PlanTask,
  action: PlanTaskAction,
  state: PlanTaskState,
  by: string | null,
  at: number,
  note: string | null,
): PlanTaskPatch {
  if (action === 'reopen') {
    return { state, note, doneAt: null, doneBy: null, updatedAt: at, dueAt: reopenedDueAt(task, at) };
  }
  return { state, note, doneAt: at, doneBy: by, updatedAt: at };
}

async function moveDeadlines(
  tx: Repositories,
  task: PlanTask,
  action: PlanTaskAction,
  title: string,
  level: string | null,
  at: number,
): Promise<void> {
  if (action !== 'reopen') {
    for (const deadline of await tx.caseDeadlines.listFor(PLAN_TASK_RECORD, task.id)) {
      if (deadline.doneAt === null)
        await tx.caseDeadlines.complete(PLAN_TASK_RECORD, task.id, deadline.kind, at);
    }
    return;
  }
  const dueAt = reopenedDueAt(task, at);
  await tx.caseDeadlines.set(
    {
      unitId: task.unitId,
      recordType: PLAN_TASK_RECORD,
      recordId: task.id,
      kind: `reopen-${at}`,
      title,
      level,
      dueAt,
      remindAt: dueAt - REOPEN_GRACE_MS / 4,
    },
    at,
  );
}

/**
 * Applies `action` to a task. Skipping needs a reason (BAD_REQUEST without one); an illegal action is
 * CASE_TRANSITION_INVALID and changes nothing; a task outside the actor's units is NOT_FOUND.
 */
export async function actOnTask(
  deps: PlanServiceDeps,
  actor: PlanActor,
  taskId: string,
  action: PlanTaskAction,
  note: string | null = null,
): Promise<PlanTask> {
  const text = note?.trim() || null;
  if (action === 'skip' && text === null) {
    throw new AppError('BAD_REQUEST', 'skipping a task needs a reason', { taskId });
  }
  return deps.storage.transaction(async (tx) => {
    const task = await tx.plans.getTask(taskId, scopeOf(actor));
    if (!task) throw notFound('plan task', taskId);
    const state = planTaskMachine.next(task.state, action);
    const activation = await tx.plans.getActivation(task.activationId);
    if (!activation) throw notFound('plan activation', task.activationId);
    const at = deps.clock.now();
    const updated = await tx.plans.updateTask(taskId, patchFor(task, action, state, actor.userId, at, text));
    const title = `「${activation.planName}」${task.title}`;
    await moveDeadlines(tx, task, action, title, PLAN_LEVEL_ALERT[activation.level], at);
    const base = { unitId: task.unitId, at, actorUserId: actor.userId, note: text };
    await tx.caseTimeline.append({
      ...base,
      recordType: PLAN_TASK_RECORD,
      recordId: taskId,
      action,
      fromState: task.state,
      toState: state,
    });
    await tx.caseTimeline.append({
      ...base,
      recordType: activation.recordType,
      recordId: activation.recordId,
      action: `plan_task_${action}`,
      details: { taskId, activationId: activation.id, title: task.title },
    });
    await tx.audit.append({
      at,
      actorUserId: actor.userId,
      unitId: task.unitId,
      action: `plan_task.${action}`,
      targetType: 'plan_task',
      targetId: taskId,
      ip: actor.ip,
      detail: {
        from: task.state,
        to: state,
        activationId: activation.id,
        ...(text !== null && { note: text }),
      },
    });
    return updated;
  });
}
