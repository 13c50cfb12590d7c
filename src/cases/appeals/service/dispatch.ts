/**
 * Dispatch (交办) to a department with a reply deadline in working days (5 by default), registered in the
 * case deadlines (kind `reply`) so reminders and overdue escalations go out; one extension of at most 10
 * working days with a reason; and the return of a misrouted appeal by the department within 2 working
 * days of dispatch, which sends it back to triage.
 */
import type { Appeal } from '../../../domain/index.js';
import { AppError } from '../../../platform/errors.js';
import { extendedDeadline, replyDeadline, requireReturnAllowed } from '../rules.js';
import { act } from './act.js';
import type { AppealActor, AppealServiceDeps, Tx } from './deps.js';

/** The deadline kind of an appeal's reply. */
export const REPLY_DEADLINE_KIND = 'reply';

async function setReplyDeadline(
  tx: Tx,
  appeal: Appeal,
  deadline: { dueAt: number; remindAt: number | null },
  at: number,
): Promise<void> {
  await tx.caseDeadlines.set(
    {
      unitId: appeal.unitId,
      recordType: 'appeal',
      recordId: appeal.id,
      kind: REPLY_DEADLINE_KIND,
      title: `「${appeal.title}」诉求答复`,
      level: null,
      dueAt: deadline.dueAt,
      remindAt: deadline.remindAt,
    },
    at,
  );
}

/** accepted/returned → dispatched to `departmentId`, due in `days` working days (5 by default). */
export function dispatchAppeal(
  deps: AppealServiceDeps,
  actor: AppealActor,
  id: string,
  input: { departmentId: string; days?: number; note?: string },
): Promise<Appeal> {
  return act(deps, actor, id, 'dispatch', async ({ appeal, tx, at, calendar }) => {
    const department = await tx.appealDepartments.get(input.departmentId, { unitIds: actor.unitIds });
    if (!department) {
      throw new AppError('NOT_FOUND', `appeal department ${input.departmentId} does not exist`, {
        id: input.departmentId,
        entity: 'appeal_department',
      });
    }
    if (!department.enabled) {
      throw new AppError('BAD_REQUEST', `department ${department.name} takes no appeals`, {
        id: department.id,
      });
    }
    const deadline = replyDeadline(at, calendar, input.days);
    await setReplyDeadline(tx, appeal, deadline, at);
    return {
      patch: {
        departmentId: department.id,
        dispatchedAt: at,
        dueAt: deadline.dueAt,
        extensionDays: null,
        extensionReason: null,
        returnReason: null,
      },
      details: { departmentId: department.id, department: department.name, dueAt: deadline.dueAt },
      ...(input.note !== undefined && { note: input.note }),
    };
  });
}

/** Extends the reply deadline once by 1–10 working days with a reason (APPEAL_EXTENSION_REFUSED otherwise). */
export function extendAppeal(
  deps: AppealServiceDeps,
  actor: AppealActor,
  id: string,
  input: { days: number; reason: string },
): Promise<Appeal> {
  return act(deps, actor, id, 'extend', async ({ appeal, tx, at, calendar }) => {
    const deadline = extendedDeadline(appeal, input.days, input.reason, calendar);
    await setReplyDeadline(tx, appeal, deadline, at);
    return {
      patch: { dueAt: deadline.dueAt, extensionDays: input.days, extensionReason: input.reason },
      details: { days: input.days, from: appeal.dueAt, dueAt: deadline.dueAt },
      note: input.reason,
    };
  });
}

/**
 * The department returns a misrouted appeal: dispatched → returned (back to triage), allowed within 2
 * working days of dispatch (APPEAL_RETURN_TOO_LATE after). The reply deadline is closed.
 */
export function returnAppeal(
  deps: AppealServiceDeps,
  actor: AppealActor,
  id: string,
  reason: string,
): Promise<Appeal> {
  return act(deps, actor, id, 'return', async ({ appeal, tx, at, calendar }) => {
    if (reason.trim().length === 0) throw new AppError('BAD_REQUEST', 'a return needs a reason', {});
    if (appeal.dispatchedAt === null)
      throw new AppError('INTERNAL', 'a dispatched appeal has no dispatch time');
    requireReturnAllowed(appeal.dispatchedAt, at, calendar);
    await tx.caseDeadlines.complete('appeal', appeal.id, REPLY_DEADLINE_KIND, at);
    return {
      patch: { returnReason: reason, departmentId: null, dispatchedAt: null, dueAt: null },
      details: { departmentId: appeal.departmentId, reason },
      note: reason,
    };
  });
}
