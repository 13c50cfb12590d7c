/** Plans, versions, activations and tasks as the API shows them (times as ISO 8601). */
import type { z } from 'zod';
import { planTaskMachine } from '../../cases/plans/index.js';
import type { plan, planActivation, planTask, planVersion } from '../../contract/index.js';
import type { Plan, PlanActivation, PlanTask, PlanVersion } from '../../domain/index.js';

const iso = (at: number): string => new Date(at).toISOString();

/** A plan. */
export function presentPlan(record: Plan): z.output<typeof plan> {
  return { ...record, createdAt: iso(record.createdAt), updatedAt: iso(record.updatedAt) };
}

/** A plan version. */
export function presentVersion(record: PlanVersion): z.output<typeof planVersion> {
  return { ...record, createdAt: iso(record.createdAt) };
}

/** An activation. */
export function presentActivation(record: PlanActivation): z.output<typeof planActivation> {
  return { ...record, activatedAt: iso(record.activatedAt) };
}

/** A task, overdue when open and past due at `now`, with the actions allowed now. */
export function presentTask(record: PlanTask, now: number): z.output<typeof planTask> {
  return {
    ...record,
    dueAt: iso(record.dueAt),
    overdue: record.state === 'open' && record.dueAt <= now,
    doneAt: record.doneAt === null ? null : iso(record.doneAt),
    updatedAt: iso(record.updatedAt),
    actions: planTaskMachine.actionsFrom(record.state),
  };
}
