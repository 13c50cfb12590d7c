/**
 * The shape every appeal transition shares: load the appeal in scope, check the action against the
 * machine, apply the patch the step builds, and write the appeal, its timeline and the audit log in one
 * transaction.
 */
import type { Appeal } from '../../../domain/index.js';
import { AppError } from '../../../platform/errors.js';
import type { AppealPatch } from '../../../storage/repositories.js';
import type { WorkCalendar } from '../../calendar/index.js';
import { appealMachine, type AppealAction } from '../machine.js';
import { calendarOf, type AppealActor, type AppealServiceDeps, type Tx } from './deps.js';

/** NOT_FOUND for an appeal that is missing or outside scope. */
export function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `appeal ${id} does not exist`, { id, entity: 'appeal' });
}

/** What a step decides: the change, and what the timeline and audit entries say about it. */
export interface StepResult {
  patch: AppealPatch;
  details?: Record<string, unknown>;
  note?: string;
}

/** What a step is given. */
export interface StepInput {
  appeal: Appeal;
  tx: Tx;
  at: number;
  calendar: WorkCalendar;
}

/** Writes one timeline entry and one audit entry for a change of `appeal`. */
export async function record(
  tx: Tx,
  actor: AppealActor,
  appeal: Appeal,
  entry: { at: number; action: string; to: Appeal['state']; details: Record<string, unknown>; note?: string },
): Promise<void> {
  await tx.caseTimeline.append({
    unitId: appeal.unitId,
    recordType: 'appeal',
    recordId: appeal.id,
    at: entry.at,
    actorUserId: actor.userId,
    action: entry.action,
    fromState: appeal.state,
    toState: entry.to,
    ...(entry.note !== undefined && { note: entry.note }),
    details: entry.details,
  });
  await tx.audit.append({
    at: entry.at,
    actorUserId: actor.userId,
    unitId: appeal.unitId,
    action: `appeal.${entry.action}`,
    targetType: 'appeal',
    targetId: appeal.id,
    ip: actor.ip,
    detail: { from: appeal.state, to: entry.to, ...entry.details },
  });
}

/** Runs `action` on the appeal `id` with the change `step` builds. */
export async function act(
  deps: AppealServiceDeps,
  actor: AppealActor,
  id: string,
  action: AppealAction,
  step: (input: StepInput) => Promise<StepResult> | StepResult,
): Promise<Appeal> {
  const scope = { unitIds: actor.unitIds };
  const before = await deps.storage.appeals.get(id, scope);
  if (!before) throw notFound(id);
  const calendar = await calendarOf(deps, before.unitId);
  return deps.storage.transaction(async (tx) => {
    const appeal = await tx.appeals.get(id, scope);
    if (!appeal) throw notFound(id);
    const to = appealMachine.next(appeal.state, action);
    const at = deps.clock.now();
    const { patch, details = {}, note } = await step({ appeal, tx, at, calendar });
    const updated = await tx.appeals.update(id, { ...patch, state: to }, at);
    await record(tx, actor, appeal, { at, action, to, details, ...(note !== undefined && { note }) });
    return updated;
  });
}
